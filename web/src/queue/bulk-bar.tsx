import {
  Alert,
  Button,
  Checkbox,
  Column,
  Heading,
  Link,
  Paragraph,
  Row,
  Table,
} from '@amsterdam/design-system-react';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CaseDto, CaseStatus } from '../api/client';
import { useCurrentUser } from '../auth/use-auth';
import type { CaseListQuery } from '../cases/api';
import { useKoppelCandidates } from '../cases/koppel-api';
import { AppLink } from '../common/app-link';
import { SelectField, TextAreaField } from '../common/form';
import { formatNumber } from '../common/format';
import { describeError } from '../common/query-state';
import type { ViewFilters } from '../views/api';
import {
  useBulkAction,
  useBulkExceptions,
  useBulkPreview,
  useStartBulkAction,
  type BulkInput,
  type BulkResult,
} from './bulk-api';

/** What is selected: cases picked on the page (with the version shown), or every case of the view. */
export type BulkSelection =
  { kind: 'picked'; cases: Map<string, number> } | { kind: 'view'; count: number };

type ActionKind = BulkInput['action'];

/** The statuses a bulk move may go to, per role (the API checks each case's own rule). */
const TARGETS: Record<string, CaseStatus[]> = {
  staff: ['accepted', 'in_progress', 'declined'],
  admin: ['withdrawn'],
};
const NEEDS_REASON: CaseStatus[] = ['declined', 'withdrawn'];

/**
 * The work queue's bulk actions (issue 19, item 2): what is selected ("N selected", or every
 * case of the view after counting them), the action with its choices, and once started its
 * progress and per-case results.
 */
export function BulkBar({
  items,
  selection,
  onSelect,
  filters,
  sort,
}: {
  items: CaseDto[];
  selection: BulkSelection;
  onSelect: (selection: BulkSelection) => void;
  filters: ViewFilters;
  sort: CaseListQuery['sort'];
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [action, setAction] = useState<ActionKind | ''>('');
  const [assigneeId, setAssigneeId] = useState('');
  const [to, setTo] = useState<CaseStatus | ''>('');
  const [reason, setReason] = useState('');
  const [moveKoppel, setMoveKoppel] = useState(false);
  const [bulkId, setBulkId] = useState<string | null>(null);
  const preview = useBulkPreview();
  const start = useStartBulkAction();
  const candidates = useKoppelCandidates(
    items[0]?.reference ?? '',
    action === 'assign' && !!items[0],
  );
  const count = selection.kind === 'picked' ? selection.cases.size : selection.count;
  const overLimit = preview.data !== undefined && !preview.data.withinLimit;

  const selectionBody = (): BulkInput['selection'] =>
    selection.kind === 'picked'
      ? { cases: [...selection.cases].map(([id, version]) => ({ id, version })) }
      : { filters, ...(sort ? { sort } : {}) };

  const selectAll = () =>
    preview.mutate(
      // Counting only: any action the person may ask for does.
      { action: 'transition', to: 'in_progress', selection: { filters } },
      {
        onSuccess: (counted) =>
          counted.withinLimit && counted.count > 0
            ? onSelect({ kind: 'view', count: counted.count })
            : undefined,
      },
    );

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!action || count === 0) return;
    const body: BulkInput = {
      action,
      selection: selectionBody(),
      ...(action === 'assign' ? { assigneeId } : {}),
      ...(action === 'transition' ? { to: to || undefined } : {}),
      ...(action === 'transition' && (reason || NEEDS_REASON.includes(to as CaseStatus))
        ? { reason }
        : {}),
      ...(action !== 'transition' && moveKoppel ? { moveKoppel: true } : {}),
    } as BulkInput;
    start.mutate(body, { onSuccess: (bulk) => setBulkId(bulk.id) });
  };

  const actions: ActionKind[] =
    me.role === 'staff' ? ['take_on', 'assign', 'transition'] : ['assign', 'transition'];
  const targets = TARGETS[me.role] ?? [];

  return (
    <section aria-labelledby="bulk-heading" className="ams-mb-l brug-bulk">
      <Heading level={2} size="level-4" id="bulk-heading" className="ams-mb-s">
        {t('bulk.heading')}
      </Heading>
      <div role="status" className="ams-mb-s">
        <Paragraph data-testid="bulk-selected">
          {selection.kind === 'view'
            ? t('bulk.allSelected', { count, number: formatNumber(count) })
            : count > 0
              ? t('bulk.selected', { count, number: formatNumber(count) })
              : t('bulk.noneSelected')}
        </Paragraph>
        {preview.isPending && <Paragraph>{t('bulk.counting')}</Paragraph>}
        {overLimit && (
          <Paragraph>
            {t('bulk.tooMany', {
              number: formatNumber(preview.data.count),
              max: formatNumber(preview.data.max),
            })}
          </Paragraph>
        )}
      </div>
      <Row wrap gap="small" className="ams-mb-m">
        {selection.kind !== 'view' && (
          <Button variant="secondary" onClick={selectAll} disabled={preview.isPending}>
            {t('bulk.selectAll')}
          </Button>
        )}
        {count > 0 && (
          <Button
            variant="tertiary"
            onClick={() => {
              preview.reset();
              onSelect({ kind: 'picked', cases: new Map() });
            }}
          >
            {t('bulk.clear')}
          </Button>
        )}
      </Row>
      {count > 0 && (
        <form onSubmit={onSubmit} aria-labelledby="bulk-heading" className="ams-mb-m">
          <Column gap="large">
            <SelectField
              id="bulk-action"
              label={t('bulk.action')}
              value={action}
              onChange={(next) => setAction(next)}
              options={actions.map((a) => ({ value: a, label: t(`bulk.action_${a}`) }))}
              placeholder={t('bulk.chooseAction')}
            />
            {action === 'assign' && (
              <SelectField
                id="bulk-assignee"
                label={t('bulk.assignee')}
                value={assigneeId}
                onChange={setAssigneeId}
                options={(candidates.data?.meentcoop ?? []).map((p) => ({
                  value: p.id,
                  label: p.unit ? `${p.name} (${p.unit.name})` : p.name,
                }))}
                placeholder={t('bulk.chooseAssignee')}
              />
            )}
            {action === 'transition' && (
              <SelectField
                id="bulk-to"
                label={t('bulk.to')}
                value={to}
                onChange={setTo}
                options={targets.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                placeholder={t('bulk.chooseStatus')}
              />
            )}
            {action === 'transition' && NEEDS_REASON.includes(to as CaseStatus) && (
              <TextAreaField
                id="bulk-reason"
                label={t('bulk.reason')}
                hint={t('bulk.reasonHint')}
                value={reason}
                onChange={setReason}
                rows={3}
              />
            )}
            {(action === 'take_on' || (action === 'assign' && assigneeId === me.id)) && (
              <Checkbox
                id="bulk-move-koppel"
                checked={moveKoppel}
                onChange={(e) => setMoveKoppel(e.target.checked)}
              >
                {t('bulk.moveKoppel')}
              </Checkbox>
            )}
            <Row>
              <Button type="submit" disabled={!action || start.isPending}>
                {t('bulk.submit', { count, number: formatNumber(count) })}
              </Button>
            </Row>
          </Column>
        </form>
      )}
      {start.isError && (
        <Alert heading={t('bulk.failed')} headingLevel={3} severity="error" className="ams-mb-m">
          <Paragraph>{describeError(start.error, t('common.tryAgainLater'))}</Paragraph>
        </Alert>
      )}
      {bulkId && <BulkProgress id={bulkId} />}
    </section>
  );
}

/** A started bulk action: a progress bar while it runs, then what became of the cases. */
function BulkProgress({ id }: { id: string }) {
  const { t } = useTranslation();
  const bulk = useBulkAction(id);
  const data = bulk.data;
  const finished = data?.state === 'finished';
  const skipped = useBulkExceptions(id, 'skipped', finished && data.counts.skipped > 0);
  const failed = useBulkExceptions(id, 'failed', finished && data.counts.failed > 0);
  if (!data) return null;
  const processed = data.total - data.counts.pending;
  const exceptions: BulkResult[] = [...(failed.data ?? []), ...(skipped.data ?? [])].sort(
    (a, b) => a.position - b.position,
  );
  return (
    <section
      aria-labelledby="bulk-progress-heading"
      className="ams-mb-m"
      data-testid="bulk-progress"
    >
      <Heading level={3} size="level-5" id="bulk-progress-heading" className="ams-mb-s">
        {t('bulk.progressHeading')}
      </Heading>
      <label htmlFor="bulk-progress-bar" className="ams-paragraph">
        {t('bulk.progressLabel', {
          processed: formatNumber(processed),
          total: formatNumber(data.total),
        })}
      </label>
      <progress
        id="bulk-progress-bar"
        className="brug-bulk-progress ams-mb-s"
        max={data.total}
        value={processed}
      />
      <div role="status">
        <Paragraph className="ams-mb-s">{t(`bulk.${data.state}`)}</Paragraph>
        {finished && (
          <Paragraph className="ams-mb-s" data-testid="bulk-summary">
            {t('bulk.summary', {
              done: formatNumber(data.counts.done),
              skipped: formatNumber(data.counts.skipped),
              failed: formatNumber(data.counts.failed),
            })}
          </Paragraph>
        )}
      </div>
      {finished && exceptions.length > 0 && (
        <Table className="ams-mb-m" data-testid="bulk-exceptions">
          <Table.Caption>{t('bulk.exceptions')}</Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('bulk.case')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('bulk.outcome')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('bulk.why')}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {exceptions.map((r) => (
              <Table.Row key={r.position}>
                <Table.Cell>
                  {r.reference ? (
                    <Link href={`/cases/${r.reference}`} linkComponent={AppLink}>
                      {r.reference}
                    </Link>
                  ) : (
                    r.caseId
                  )}
                </Table.Cell>
                <Table.Cell>{t(`bulk.outcome_${r.outcome ?? 'skipped'}`)}</Table.Cell>
                <Table.Cell>{reasonText(t, r.reason)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}

const KNOWN_REASONS = new Set([
  'stale_version',
  'no_change',
  'transition_not_allowed',
  'forbidden',
  'case_not_found',
  'koppel_team_mismatch',
  'case_not_editable',
  'internal_error',
]);

function reasonText(t: TFunction, reason: string | null): string {
  if (!reason) return '';
  return KNOWN_REASONS.has(reason)
    ? t(`bulk.reason_${reason}`)
    : t('bulk.reason_other', { code: reason });
}
