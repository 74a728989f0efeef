import { Alert, Button, Heading, Paragraph, Row, Table } from '@amsterdam/design-system-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState, type RefObject, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, ifMatch, type Priority, type Schemas } from '../api/client';
import { PRIORITIES } from '../cases/case-vocabulary';
import { useDomainNames, useDomains, useTeams } from '../common/catalogue';
import { fieldErrorText } from '../common/error-text';
import { ErrorSummary, fieldErrorsOf, SelectField, TextField } from '../common/form';
import { centsToInput, formatEuro, formatNumber, parseEuroToCents } from '../common/format';
import { PageHeading } from '../common/page-title';
import { LoadError, Loading } from '../common/query-state';
import { TableRegion } from '../common/table-region';
import { AdminBackLink } from './admin-overview-page';
import {
  ActiveField,
  activeText,
  adminProblemText,
  CheckboxGroup,
  EditButton,
  EditorForm,
  messageOf,
  SavedNotice,
  useEditor,
  useListPage,
} from './admin-kit';
import {
  adminChanged,
  useRoutingRules,
  useSlaPolicies,
  type RoutingRule,
  type SlaPolicy,
} from './api';

interface RuleDraft {
  position: string;
  name: string;
  teamId: string;
  leadDomains: string[];
  anyDomains: string[];
  minValueCents: string;
  maxValueCents: string;
  priorities: Priority[];
  active: boolean;
}

const ruleDraftOf = (r: RoutingRule): RuleDraft => ({
  position: String(r.position),
  name: r.name,
  teamId: r.team.id,
  leadDomains: r.leadDomains,
  anyDomains: r.anyDomains,
  minValueCents: r.minValueCents === null ? '' : centsToInput(r.minValueCents),
  maxValueCents: r.maxValueCents === null ? '' : centsToInput(r.maxValueCents),
  priorities: r.priorities,
  active: r.active,
});

/** A whole number typed by a person, or null. */
function wholeNumber(text: string): number | null {
  return /^\s*\d{1,9}\s*$/.test(text) ? Number(text.trim()) : null;
}

/** An optional amount: '' is "no limit" (null), else cents, else undefined (not an amount). */
function optionalCents(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  return parseEuroToCents(text) ?? undefined;
}

/** The conditions of a rule in words: "Leidend domein is een van: Energie · Prioriteit: …". */
function conditionsText(
  r: RoutingRule,
  t: TFunction,
  domainName: (code: string) => string,
): string {
  const parts: string[] = [];
  if (r.leadDomains.length)
    parts.push(`${t('admin.routing.leadDomains')}: ${r.leadDomains.map(domainName).join(', ')}`);
  if (r.anyDomains.length)
    parts.push(`${t('admin.routing.anyDomains')}: ${r.anyDomains.map(domainName).join(', ')}`);
  if (r.minValueCents !== null)
    parts.push(`${t('admin.routing.minValue')} ${formatEuro(r.minValueCents)}`);
  if (r.maxValueCents !== null)
    parts.push(`${t('admin.routing.maxValue')} ${formatEuro(r.maxValueCents)}`);
  if (r.priorities.length)
    parts.push(
      `${t('admin.routing.priorities')}: ${r.priorities.map((p) => t(`priority.${p}`)).join(', ')}`,
    );
  return parts.length ? parts.join(' · ') : t('admin.anyValue');
}

/** /admin/routing: the routing rules (in the order they are tried) and the SLA per priority. */
export function RoutingPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('admin.routing.title')} />
      <AdminBackLink />
      <Paragraph className="ams-mb-l">{t('admin.routing.intro')}</Paragraph>
      <RulesSection />
      <DryRunSection />
      <SlaSection />
    </>
  );
}

/**
 * The position changes that move rule `index` one place up (-1) or down (+1) in the order
 * routing tries them: one change when there is room between its new neighbours (the rule takes
 * a position between them), else it and its neighbour swap positions.
 */
export function movePlan(
  rules: readonly RoutingRule[],
  index: number,
  step: -1 | 1,
): { rule: RoutingRule; position: number }[] {
  const rule = rules[index];
  const other = rules[index + step];
  if (!rule || !other) return [];
  const beyond = rules[index + 2 * step];
  const [low, high] =
    step === -1
      ? [beyond ? beyond.position : -1, other.position]
      : [other.position, beyond ? beyond.position : other.position + 20];
  if (high - low >= 2) return [{ rule, position: Math.floor((low + high) / 2) }];
  if (other.position !== rule.position) {
    return [
      { rule, position: other.position },
      { rule: other, position: rule.position },
    ];
  }
  // Equal positions (the id decides between them): step past the neighbour.
  return step === 1 || other.position > 0
    ? [{ rule, position: other.position + step }]
    : [{ rule: other, position: other.position + 1 }];
}

function RulesSection() {
  const { t } = useTranslation();
  const rules = useRoutingRules();
  const domainName = useDomainNames();
  const page = useListPage<string>();
  const queryClient = useQueryClient();
  const move = useMutation({
    mutationFn: async ({ index, step }: { index: number; step: -1 | 1 }) => {
      for (const change of movePlan(rules.data ?? [], index, step)) {
        await call(
          api.PATCH('/routing-rules/{id}', {
            params: { path: { id: change.rule.id }, header: ifMatch(change.rule.version) },
            body: { position: change.position },
          }),
        );
      }
      return { index, step };
    },
    onSuccess: ({ index, step }) => {
      const moved = rules.data?.[index];
      if (moved) {
        page.close(
          t('admin.routing.moved', {
            name: moved.name,
            place: index + step + 1,
            count: rules.data?.length ?? 0,
          }),
        );
      }
    },
    // After a refusal (someone else changed a rule meanwhile) the list shows the order as it is.
    onSettled: () => adminChanged(queryClient),
  });
  const editing =
    page.open?.mode === 'edit' ? rules.data?.find((r) => r.id === page.editKey) : undefined;
  return (
    <section aria-labelledby="rules-heading" className="ams-mb-xl">
      <Heading level={2} id="rules-heading" className="ams-mb-m">
        {t('admin.routing.rules')}
      </Heading>
      <SavedNotice message={page.notice} />
      {page.open ? (
        <RuleForm
          key={editing?.id ?? 'new'}
          item={editing ?? null}
          nextPosition={Math.max(0, ...(rules.data ?? []).map((r) => r.position)) + 10}
          onDone={(saved) =>
            page.close(editing ? t('admin.saved') : t('admin.created', { name: saved.name }))
          }
          onCancel={() => page.close()}
        />
      ) : (
        <>
          <Paragraph size="small" className="ams-mb-s">
            {t('admin.routing.placeHint')}
          </Paragraph>
          <Button variant="secondary" className="ams-mb-l" onClick={page.startCreate}>
            {t('admin.routing.add')}
          </Button>
        </>
      )}
      {move.isError && (
        <Alert
          heading={t('admin.routing.moveFailed')}
          headingLevel={3}
          severity="error"
          className="ams-mb-m"
          role="alert"
        >
          <Paragraph>{adminProblemText(move.error, t)}</Paragraph>
        </Alert>
      )}
      {rules.isPending ? (
        <Loading />
      ) : rules.isError ? (
        <LoadError error={rules.error} retry={() => void rules.refetch()} />
      ) : rules.data.length === 0 ? (
        <Paragraph>{t('admin.routing.none')}</Paragraph>
      ) : (
        <TableRegion label={t('admin.routing.rules')}>
          <Table className="ams-mb-l" data-testid="admin-rules">
            <Table.Caption className="ams-visually-hidden">
              {t('admin.routing.rules')}
            </Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('admin.routing.position')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.routing.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.routing.conditions')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.routing.team')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.active')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rules.data.map((r, index) => (
                <Table.Row key={r.id}>
                  <Table.Cell>{formatNumber(r.position)}</Table.Cell>
                  <Table.Cell>{r.name}</Table.Cell>
                  <Table.Cell>{conditionsText(r, t, domainName)}</Table.Cell>
                  <Table.Cell>{r.team.name}</Table.Cell>
                  <Table.Cell>{activeText(r.active, t)}</Table.Cell>
                  <Table.Cell>
                    <Row gap="small" wrap>
                      <EditButton name={r.name} onClick={() => page.startEdit(r.id)} />
                      {index > 0 && (
                        <Button
                          variant="tertiary"
                          disabled={move.isPending}
                          onClick={() => move.mutate({ index, step: -1 })}
                        >
                          {t('admin.routing.moveUp')}
                          <span className="ams-visually-hidden">: {r.name}</span>
                        </Button>
                      )}
                      {index < rules.data.length - 1 && (
                        <Button
                          variant="tertiary"
                          disabled={move.isPending}
                          onClick={() => move.mutate({ index, step: 1 })}
                        >
                          {t('admin.routing.moveDown')}
                          <span className="ams-visually-hidden">: {r.name}</span>
                        </Button>
                      )}
                    </Row>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableRegion>
      )}
    </section>
  );
}

function RuleForm({
  item,
  nextPosition,
  onDone,
  onCancel,
}: {
  item: RoutingRule | null;
  nextPosition: number;
  onDone: (saved: RoutingRule) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const teams = useTeams();
  const domains = useDomains();
  const domainName = useDomainNames();
  const editor = useEditor<RoutingRule, RuleDraft>({
    item,
    empty: {
      position: String(nextPosition),
      name: '',
      teamId: '',
      leadDomains: [],
      anyDomains: [],
      minValueCents: '',
      maxValueCents: '',
      priorities: [],
      active: true,
    },
    draftOf: ruleDraftOf,
    validate: (d) => ({
      ...(wholeNumber(d.position) === null ? { position: t('admin.routing.numberError') } : {}),
      ...(optionalCents(d.minValueCents) === undefined
        ? { minValueCents: t('admin.routing.valueError') }
        : {}),
      ...(optionalCents(d.maxValueCents) === undefined
        ? { maxValueCents: t('admin.routing.valueError') }
        : {}),
    }),
    send: (base, d, changed) => {
      const all = {
        position: wholeNumber(d.position) ?? 0,
        name: d.name,
        teamId: d.teamId,
        leadDomains: d.leadDomains,
        anyDomains: d.anyDomains,
        minValueCents: optionalCents(d.minValueCents) ?? null,
        maxValueCents: optionalCents(d.maxValueCents) ?? null,
        priorities: d.priorities,
      };
      if (!base) return call(api.POST('/routing-rules', { body: all }));
      const body: Partial<typeof all> & { active?: boolean } = {};
      for (const key of changed) {
        if (key === 'active') body.active = d.active;
        else Object.assign(body, { [key]: all[key] });
      }
      return call(
        api.PATCH('/routing-rules/{id}', {
          params: { path: { id: base.id }, header: ifMatch(base.version) },
          body,
        }),
      );
    },
    reload: async (base) => {
      const list = await call(api.GET('/routing-rules'));
      return list.items.find((r) => r.id === base.id) ?? base;
    },
    onSaved: onDone,
  });
  const labels = {
    position: t('admin.routing.position'),
    name: t('admin.routing.name'),
    teamId: t('admin.routing.team'),
    leadDomains: t('admin.routing.leadDomains'),
    anyDomains: t('admin.routing.anyDomains'),
    minValueCents: t('admin.routing.minValue'),
    maxValueCents: t('admin.routing.maxValue'),
    priorities: t('admin.routing.priorities'),
    active: t('admin.active'),
  };
  const domainOptions = (domains.data ?? []).map((d) => ({
    value: d.code,
    label: domainName(d.code),
  }));
  const money = (cents: number | null) =>
    cents === null ? t('admin.anyValue') : formatEuro(cents);
  const names = (codes: string[]) => codes.map(domainName).join(', ') || t('admin.anyValue');
  return (
    <EditorForm
      editor={editor}
      prefix="rule"
      title={item ? t('admin.routing.editTitle', { name: item.name }) : t('admin.routing.addTitle')}
      labels={labels}
      shown={[
        { label: labels.position, show: (r) => formatNumber(r.position) },
        { label: labels.name, show: (r) => r.name },
        { label: labels.teamId, show: (r) => r.team.name },
        { label: labels.leadDomains, show: (r) => names(r.leadDomains) },
        { label: labels.anyDomains, show: (r) => names(r.anyDomains) },
        { label: labels.minValueCents, show: (r) => money(r.minValueCents) },
        { label: labels.maxValueCents, show: (r) => money(r.maxValueCents) },
        {
          label: labels.priorities,
          show: (r) =>
            r.priorities.map((p) => t(`priority.${p}`)).join(', ') || t('admin.anyValue'),
        },
        { label: labels.active, show: (r) => activeText(r.active, t) },
      ]}
      onCancel={onCancel}
    >
      <TextField
        id="rule-name"
        label={labels.name}
        value={editor.draft.name}
        onChange={(v) => editor.set('name', v)}
        error={messageOf(editor, 'name', t)}
        maxLength={200}
      />
      <TextField
        id="rule-position"
        label={labels.position}
        hint={t('admin.routing.positionHint')}
        inputMode="numeric"
        value={editor.draft.position}
        onChange={(v) => editor.set('position', v)}
        error={messageOf(editor, 'position', t)}
      />
      <SelectField
        id="rule-teamId"
        label={labels.teamId}
        value={editor.draft.teamId}
        onChange={(v) => editor.set('teamId', v)}
        options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
        placeholder={t('admin.routing.chooseTeam')}
        error={messageOf(editor, 'teamId', t)}
      />
      <CheckboxGroup
        id="rule-leadDomains"
        legend={labels.leadDomains}
        options={domainOptions}
        value={editor.draft.leadDomains}
        onChange={(v) => editor.set('leadDomains', v)}
        error={messageOf(editor, 'leadDomains', t)}
      />
      <CheckboxGroup
        id="rule-anyDomains"
        legend={labels.anyDomains}
        options={domainOptions}
        value={editor.draft.anyDomains}
        onChange={(v) => editor.set('anyDomains', v)}
        error={messageOf(editor, 'anyDomains', t)}
      />
      <TextField
        id="rule-minValueCents"
        label={labels.minValueCents}
        hint={t('admin.routing.valueHint')}
        optional
        inputMode="decimal"
        value={editor.draft.minValueCents}
        onChange={(v) => editor.set('minValueCents', v)}
        error={messageOf(editor, 'minValueCents', t)}
      />
      <TextField
        id="rule-maxValueCents"
        label={labels.maxValueCents}
        hint={t('admin.routing.valueHint')}
        optional
        inputMode="decimal"
        value={editor.draft.maxValueCents}
        onChange={(v) => editor.set('maxValueCents', v)}
        error={messageOf(editor, 'maxValueCents', t)}
      />
      <CheckboxGroup
        id="rule-priorities"
        legend={labels.priorities}
        options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
        value={editor.draft.priorities}
        onChange={(v) => editor.set('priorities', v)}
        error={messageOf(editor, 'priorities', t)}
      />
      {item && (
        <ActiveField
          id="rule-active"
          value={editor.draft.active}
          onChange={(v) => editor.set('active', v)}
        />
      )}
    </EditorForm>
  );
}

type DryRunResult = Schemas['RoutingDryRunResultDto'];

/** The API's names of a rule's conditions → the words the rules table uses for them. */
const CONDITION_TEXT = {
  leadDomains: 'admin.routing.leadDomains',
  anyDomains: 'admin.routing.anyDomains',
  minValueCents: 'admin.routing.minValue',
  maxValueCents: 'admin.routing.maxValue',
  priorities: 'admin.routing.priorities',
} as const;

/**
 * "Which team would this case go to?": the rules as they stand tried against a case (by its
 * number) or a draft (`POST /routing-rules/dry-run`, which changes nothing); the answer names
 * the team and the rule, and lists the rules tried with what each one missed.
 */
function DryRunSection() {
  const { t } = useTranslation();
  const domains = useDomains();
  const domainName = useDomainNames();
  const [mode, setMode] = useState<'case' | 'draft'>('case');
  const [caseId, setCaseId] = useState('');
  const [leadDomain, setLeadDomain] = useState('');
  const [others, setOthers] = useState<string[]>([]);
  const [value, setValue] = useState('');
  const [priority, setPriority] = useState<Priority | ''>('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const result = useRef<HTMLHeadingElement>(null);
  const run = useMutation({
    mutationFn: (body: Schemas['RoutingDryRunDto']) =>
      call(api.POST('/routing-rules/dry-run', { body })),
  });
  useEffect(() => {
    if (run.data) result.current?.focus();
  }, [run.data]);

  const labels: Record<string, string> = {
    caseId: t('admin.routing.dryRun.caseId'),
    leadDomain: t('admin.routing.dryRun.leadDomain'),
    domains: t('admin.routing.dryRun.domains'),
    estimatedValueCents: t('admin.routing.dryRun.estimatedValueCents'),
    priority: t('admin.routing.dryRun.priority'),
  };
  const apiErrors = fieldErrorsOf(run.error);
  const errorOf = (field: string) => {
    if (local[field]) return local[field];
    const found = apiErrors.find((e) => e.field.split(/[.[]/)[0] === field);
    return found ? fieldErrorText(found, t) : undefined;
  };
  const summary = Object.entries(labels).flatMap(([field, label]) => {
    const message = errorOf(field);
    return message ? [{ id: `dry-run-${field}`, label: `${label}: ${message}` }] : [];
  });
  const failure = run.isError && apiErrors.length === 0 ? adminProblemText(run.error, t) : null;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (mode === 'case') {
      const found: Record<string, string> = caseId.trim()
        ? {}
        : { caseId: t('errors.field.required') };
      setLocal(found);
      if (Object.keys(found).length === 0) run.mutate({ caseId: caseId.trim() });
      return;
    }
    const cents = value.trim() ? parseEuroToCents(value) : undefined;
    const found: Record<string, string> = {
      ...(leadDomain ? {} : { leadDomain: t('errors.field.required') }),
      ...(cents === undefined || cents === null
        ? {
            estimatedValueCents: value.trim()
              ? t('admin.routing.valueError')
              : t('errors.field.required'),
          }
        : {}),
      ...(priority ? {} : { priority: t('errors.field.required') }),
    };
    setLocal(found);
    if (Object.keys(found).length > 0) return;
    run.mutate({
      leadDomain,
      domains: others.filter((d) => d !== leadDomain),
      estimatedValueCents: cents!,
      priority: priority as Priority,
    });
  };

  const domainOptions = (domains.data ?? []).map((d) => ({
    value: d.code,
    label: domainName(d.code),
  }));
  return (
    <section aria-labelledby="dry-run-heading" className="ams-mb-xl">
      <Heading level={2} id="dry-run-heading" className="ams-mb-s">
        {t('admin.routing.dryRun.title')}
      </Heading>
      <Paragraph className="ams-mb-m">{t('admin.routing.dryRun.intro')}</Paragraph>
      <form
        onSubmit={submit}
        noValidate
        aria-labelledby="dry-run-heading"
        className="brug-panel brug-form ams-mb-l"
        data-testid="dry-run-form"
      >
        {summary.length > 0 && <ErrorSummary errors={summary} />}
        {failure && (
          <Alert
            heading={t('admin.routing.dryRun.failed')}
            headingLevel={3}
            severity="error"
            className="ams-mb-m"
            role="alert"
          >
            <Paragraph>{failure}</Paragraph>
          </Alert>
        )}
        <div className="ams-mb-m">
          <SelectField
            id="dry-run-mode"
            label={t('admin.routing.dryRun.mode')}
            value={mode}
            onChange={(v) => {
              setMode(v === 'draft' ? 'draft' : 'case');
              setLocal({});
              run.reset();
            }}
            options={[
              { value: 'case', label: t('admin.routing.dryRun.modeCase') },
              { value: 'draft', label: t('admin.routing.dryRun.modeDraft') },
            ]}
          />
        </div>
        {mode === 'case' ? (
          <div className="ams-mb-m">
            <TextField
              id="dry-run-caseId"
              label={labels.caseId!}
              hint={t('admin.routing.dryRun.caseIdHint')}
              value={caseId}
              onChange={setCaseId}
              error={errorOf('caseId')}
              maxLength={60}
            />
          </div>
        ) : (
          <>
            <div className="ams-mb-m">
              <SelectField
                id="dry-run-leadDomain"
                label={labels.leadDomain!}
                value={leadDomain}
                onChange={setLeadDomain}
                options={domainOptions}
                placeholder={t('admin.routing.dryRun.chooseDomain')}
                error={errorOf('leadDomain')}
              />
            </div>
            <div className="ams-mb-m">
              <CheckboxGroup
                id="dry-run-domains"
                legend={labels.domains!}
                options={domainOptions.filter((d) => d.value !== leadDomain)}
                value={others}
                onChange={setOthers}
                error={errorOf('domains')}
              />
            </div>
            <div className="ams-mb-m">
              <TextField
                id="dry-run-estimatedValueCents"
                label={labels.estimatedValueCents!}
                hint={t('admin.routing.dryRun.valueHint')}
                inputMode="decimal"
                value={value}
                onChange={setValue}
                error={errorOf('estimatedValueCents')}
              />
            </div>
            <div className="ams-mb-m">
              <SelectField
                id="dry-run-priority"
                label={labels.priority!}
                value={priority}
                onChange={setPriority}
                options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
                placeholder={t('admin.routing.dryRun.choosePriority')}
                error={errorOf('priority')}
              />
            </div>
          </>
        )}
        <Button type="submit" disabled={run.isPending}>
          {run.isPending ? t('admin.routing.dryRun.trying') : t('admin.routing.dryRun.submit')}
        </Button>
      </form>
      {run.data && <DryRunAnswer answer={run.data} headingRef={result} domainName={domainName} />}
    </section>
  );
}

function DryRunAnswer({
  answer,
  headingRef,
  domainName,
}: {
  answer: DryRunResult;
  headingRef: RefObject<HTMLHeadingElement | null>;
  domainName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const verdict = answer.rule
    ? t('admin.routing.dryRun.toTeam', {
        team: answer.rule.team.name,
        rule: answer.rule.name,
        position: formatNumber(answer.rule.position),
      })
    : answer.team
      ? t('admin.routing.dryRun.toIntake', { team: answer.team.name })
      : t('admin.routing.dryRun.noTeam');
  const facts = [
    `${t('admin.routing.dryRun.leadDomain')}: ${
      answer.facts.leadDomain ? domainName(answer.facts.leadDomain) : t('common.none')
    }`,
    `${t('admin.routing.dryRun.domains')}: ${answer.facts.domains.map(domainName).join(', ')}`,
    `${t('admin.routing.dryRun.estimatedValueCents')}: ${formatEuro(answer.facts.estimatedValueCents)}`,
    `${t('admin.routing.dryRun.priority')}: ${t(`priority.${answer.facts.priority}`)}`,
  ].join(' · ');
  return (
    <div data-testid="dry-run-result" className="ams-mb-l">
      <Heading level={3} ref={headingRef} tabIndex={-1} className="ams-mb-s">
        {t('admin.routing.dryRun.result')}
      </Heading>
      <Paragraph className="ams-mb-xs">
        {answer.case
          ? t('admin.routing.dryRun.forCase', {
              reference: answer.case.reference,
              title: answer.case.title,
            })
          : t('admin.routing.dryRun.forDraft')}
      </Paragraph>
      <Paragraph size="small" className="ams-mb-s">
        {facts}
      </Paragraph>
      <Paragraph className="ams-mb-m" data-testid="dry-run-verdict">
        <strong>{verdict}</strong>
      </Paragraph>
      {answer.tried.length > 0 && (
        <TableRegion label={t('admin.routing.dryRun.tried')}>
          <Table data-testid="dry-run-tried">
            <Table.Caption>{t('admin.routing.dryRun.tried')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('admin.routing.position')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.routing.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.routing.team')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.routing.dryRun.outcome')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {answer.tried.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>{formatNumber(r.position)}</Table.Cell>
                  <Table.Cell>{r.name}</Table.Cell>
                  <Table.Cell>{r.team.name}</Table.Cell>
                  <Table.Cell>
                    {r.matches
                      ? t('admin.routing.dryRun.matches')
                      : t('admin.routing.dryRun.misses', {
                          conditions: r.unmet.map((c) => t(CONDITION_TEXT[c])).join(', '),
                        })}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableRegion>
      )}
    </div>
  );
}

interface SlaDraft {
  priority: Priority | '';
  acceptWorkingDays: string;
  proposeWorkingDays: string;
  /** In hours, as people think of it; the API takes seconds. */
  warnBeforeSeconds: string;
}

const slaDraftOf = (p: SlaPolicy): SlaDraft => ({
  priority: p.priority,
  acceptWorkingDays: String(p.acceptWorkingDays),
  proposeWorkingDays: String(p.proposeWorkingDays),
  warnBeforeSeconds: String(Math.round(p.warnBeforeSeconds / 3600)),
});

function SlaSection() {
  const { t } = useTranslation();
  const policies = useSlaPolicies();
  const page = useListPage<string>();
  const editing =
    page.open?.mode === 'edit'
      ? policies.data?.find((p) => p.priority === page.editKey)
      : undefined;
  const missing = PRIORITIES.filter((p) => !policies.data?.some((x) => x.priority === p));
  const days = (n: number, seconds: number | null) =>
    seconds === null
      ? t('admin.routing.days', { count: n })
      : t('admin.routing.seconds', { count: seconds });
  return (
    <section aria-labelledby="sla-heading" className="ams-mb-xl">
      <Heading level={2} id="sla-heading" className="ams-mb-s">
        {t('admin.routing.sla')}
      </Heading>
      <Paragraph className="ams-mb-m">{t('admin.routing.slaIntro')}</Paragraph>
      <SavedNotice message={page.notice} />
      {page.open ? (
        <SlaForm
          key={editing?.priority ?? 'new'}
          item={editing ?? null}
          missing={missing}
          onDone={() => page.close(t('admin.saved'))}
          onCancel={() => page.close()}
        />
      ) : (
        missing.length > 0 && (
          <Button variant="secondary" className="ams-mb-l" onClick={page.startCreate}>
            {t('admin.routing.slaAdd')}
          </Button>
        )
      )}
      {policies.isPending ? (
        <Loading />
      ) : policies.isError ? (
        <LoadError error={policies.error} retry={() => void policies.refetch()} />
      ) : policies.data.length === 0 ? (
        <Paragraph>{t('admin.routing.slaNone')}</Paragraph>
      ) : (
        <TableRegion label={t('admin.routing.sla')}>
          <Table className="ams-mb-l" data-testid="admin-sla">
            <Table.Caption className="ams-visually-hidden">{t('admin.routing.sla')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('admin.routing.priority')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.routing.acceptDays')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.routing.proposeDays')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.routing.warnHours')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {PRIORITIES.flatMap((priority) => {
                const p = policies.data.find((x) => x.priority === priority);
                if (!p) return [];
                return [
                  <Table.Row key={priority}>
                    <Table.Cell>{t(`priority.${priority}`)}</Table.Cell>
                    <Table.Cell>{days(p.acceptWorkingDays, p.acceptSeconds)}</Table.Cell>
                    <Table.Cell>{days(p.proposeWorkingDays, p.proposeSeconds)}</Table.Cell>
                    <Table.Cell>
                      {t('admin.routing.hours', { count: Math.round(p.warnBeforeSeconds / 3600) })}
                    </Table.Cell>
                    <Table.Cell>
                      <EditButton
                        name={t(`priority.${priority}`)}
                        onClick={() => page.startEdit(priority)}
                      />
                    </Table.Cell>
                  </Table.Row>,
                ];
              })}
            </Table.Body>
          </Table>
        </TableRegion>
      )}
    </section>
  );
}

function SlaForm({
  item,
  missing,
  onDone,
  onCancel,
}: {
  item: SlaPolicy | null;
  missing: readonly Priority[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const editor = useEditor<SlaPolicy, SlaDraft>({
    item,
    empty: {
      priority: missing[0] ?? '',
      acceptWorkingDays: '2',
      proposeWorkingDays: '15',
      warnBeforeSeconds: '4',
    },
    draftOf: slaDraftOf,
    validate: (d) => {
      const found: Partial<Record<keyof SlaDraft, string>> = {};
      for (const key of ['acceptWorkingDays', 'proposeWorkingDays', 'warnBeforeSeconds'] as const)
        if (wholeNumber(d[key]) === null) found[key] = t('admin.routing.numberError');
      return found;
    },
    send: (base, d, changed) => {
      const all = {
        acceptWorkingDays: wholeNumber(d.acceptWorkingDays) ?? 0,
        proposeWorkingDays: wholeNumber(d.proposeWorkingDays) ?? 0,
        warnBeforeSeconds: (wholeNumber(d.warnBeforeSeconds) ?? 0) * 3600,
      };
      if (!base) {
        return call(
          api.POST('/sla-policies', {
            body: { priority: d.priority || 'normal', ...all },
          }),
        );
      }
      const body: Partial<typeof all> = {};
      for (const key of changed) if (key !== 'priority') Object.assign(body, { [key]: all[key] });
      return call(
        api.PATCH('/sla-policies/{priority}', {
          params: { path: { priority: base.priority }, header: ifMatch(base.version) },
          body,
        }),
      );
    },
    reload: async (base) => {
      const list = await call(api.GET('/sla-policies'));
      return list.items.find((p) => p.priority === base.priority) ?? base;
    },
    onSaved: onDone,
  });
  const labels = {
    priority: t('admin.routing.priority'),
    acceptWorkingDays: t('admin.routing.acceptDays'),
    proposeWorkingDays: t('admin.routing.proposeDays'),
    warnBeforeSeconds: t('admin.routing.warnHours'),
  };
  const priorityName = (p: string) => t(`priority.${p as Priority}`);
  return (
    <EditorForm
      editor={editor}
      prefix="sla"
      title={
        item
          ? t('admin.routing.slaEditTitle', { priority: priorityName(item.priority) })
          : t('admin.routing.slaAddTitle')
      }
      labels={labels}
      shown={[
        { label: labels.acceptWorkingDays, show: (p) => String(p.acceptWorkingDays) },
        { label: labels.proposeWorkingDays, show: (p) => String(p.proposeWorkingDays) },
        {
          label: labels.warnBeforeSeconds,
          show: (p) => String(Math.round(p.warnBeforeSeconds / 3600)),
        },
      ]}
      onCancel={onCancel}
    >
      {!item && (
        <SelectField
          id="sla-priority"
          label={labels.priority}
          value={editor.draft.priority}
          onChange={(v) => editor.set('priority', v)}
          options={missing.map((p) => ({ value: p, label: priorityName(p) }))}
          error={messageOf(editor, 'priority', t)}
        />
      )}
      {(['acceptWorkingDays', 'proposeWorkingDays', 'warnBeforeSeconds'] as const).map((key) => (
        <TextField
          key={key}
          id={`sla-${key}`}
          label={labels[key]}
          inputMode="numeric"
          value={editor.draft[key]}
          onChange={(v) => editor.set(key, v)}
          error={messageOf(editor, key, t)}
        />
      ))}
    </EditorForm>
  );
}
