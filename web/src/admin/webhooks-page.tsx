import { Alert, Button, Paragraph, Table } from '@amsterdam/design-system-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, call, ifMatch } from '../api/client';
import { TextField } from '../common/form';
import { formatDateTime } from '../common/format';
import { PageHeading } from '../common/page-title';
import { LoadError, Loading } from '../common/query-state';
import { TableRegion } from '../common/table-region';
import { AdminBackLink } from './admin-overview-page';
import {
  ActiveField,
  activeText,
  CheckboxGroup,
  EditButton,
  EditorForm,
  messageOf,
  SavedNotice,
  useEditor,
  useListPage,
} from './admin-kit';
import {
  adminKeys,
  useAllDomains,
  useAllUnits,
  WEBHOOK_EVENT_TYPES,
  type Webhook,
  type WebhookEventType,
} from './api';
import { DeliveriesSection } from './deliveries-section';
import { sayOps } from './ops-texts';

const WEBHOOKS_KEY = [...adminKeys.all, 'webhooks'] as const;

function useWebhooks() {
  return useQuery({
    queryKey: WEBHOOKS_KEY,
    queryFn: () => call(api.GET('/webhooks')).then((list) => list.items),
  });
}

/** What a webhook is doing: switched off (by Brug, or by hand), failing, or working. */
function stateText(hook: Webhook, t: TFunction): string {
  if (hook.switchedOffAt)
    return sayOps(t, 'webhooks.switchedOff', { time: formatDateTime(hook.switchedOffAt) });
  if (!hook.active) return activeText(false, t);
  if (hook.failingSince)
    return sayOps(t, 'webhooks.failingSince', { time: formatDateTime(hook.failingSince) });
  return sayOps(t, 'webhooks.answers');
}

const nameOf = (hook: Webhook) => hook.description || hook.url;

/**
 * /admin/webhooks: the webhook subscriptions (`/webhooks`). Registered (the secret shown once,
 * in the answer to the creation and never again), changed or switched off (never deleted), and
 * per webhook its delivery log with replay (`/admin/deliveries`). Every change audited by the API.
 */
export function WebhooksPage() {
  const { t } = useTranslation();
  const hooks = useWebhooks();
  const page = useListPage<string>();
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [deliveriesOf, setDeliveriesOf] = useState<string | null>(null);
  const editing =
    page.open?.mode === 'edit' ? hooks.data?.find((h) => h.id === page.editKey) : undefined;
  const shownDeliveries = hooks.data?.find((h) => h.id === deliveriesOf);
  return (
    <>
      <PageHeading title={sayOps(t, 'webhooks.title')} />
      <AdminBackLink />
      <Paragraph className="ams-mb-l">{sayOps(t, 'webhooks.intro')}</Paragraph>
      <SavedNotice message={page.notice} />
      {secret && (
        <Alert
          heading={sayOps(t, 'webhooks.secretHeading')}
          headingLevel={2}
          severity="warning"
          className="ams-mb-l"
          data-testid="webhook-secret"
        >
          <Paragraph className="ams-mb-s">{sayOps(t, 'webhooks.secretBody')}</Paragraph>
          <Paragraph>
            {sayOps(t, 'webhooks.secretLabel')}:{' '}
            <code className="brug-code" data-testid="webhook-secret-value">
              {secret.secret}
            </code>
          </Paragraph>
        </Alert>
      )}
      {page.open ? (
        <WebhookForm
          key={editing?.id ?? 'new'}
          item={editing ?? null}
          onDone={(saved) => {
            if ('secret' in saved && typeof saved.secret === 'string') {
              setSecret({ name: nameOf(saved), secret: saved.secret });
            }
            page.close(editing ? t('admin.saved') : t('admin.created', { name: nameOf(saved) }));
          }}
          onCancel={() => page.close()}
        />
      ) : (
        <Button
          variant="secondary"
          className="ams-mb-l"
          onClick={() => {
            setSecret(null);
            page.startCreate();
          }}
        >
          {sayOps(t, 'webhooks.add')}
        </Button>
      )}
      {hooks.isPending ? (
        <Loading />
      ) : hooks.isError ? (
        <LoadError error={hooks.error} retry={() => void hooks.refetch()} />
      ) : hooks.data.length === 0 ? (
        <Paragraph className="ams-mb-l">{sayOps(t, 'webhooks.none')}</Paragraph>
      ) : (
        <TableRegion label={sayOps(t, 'webhooks.title')}>
          <Table className="ams-mb-l" data-testid="admin-webhooks">
            <Table.Caption className="ams-visually-hidden">
              {sayOps(t, 'webhooks.title')}
            </Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{sayOps(t, 'webhooks.description')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{sayOps(t, 'webhooks.url')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{sayOps(t, 'webhooks.eventTypes')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{sayOps(t, 'webhooks.state')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {hooks.data.map((hook) => (
                <Table.Row key={hook.id}>
                  <Table.Cell>{hook.description}</Table.Cell>
                  <Table.Cell>
                    <span className="brug-code">{hook.url}</span>
                  </Table.Cell>
                  <Table.Cell>
                    {hook.eventTypes.map((type) => (
                      <span key={type} className="brug-code">
                        {type}{' '}
                      </span>
                    ))}
                  </Table.Cell>
                  <Table.Cell>{stateText(hook, t)}</Table.Cell>
                  <Table.Cell>
                    <EditButton name={nameOf(hook)} onClick={() => page.startEdit(hook.id)} />
                    <Button variant="tertiary" onClick={() => setDeliveriesOf(hook.id)}>
                      {sayOps(t, 'webhooks.deliveries')}
                      <span className="ams-visually-hidden">: {nameOf(hook)}</span>
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableRegion>
      )}
      {shownDeliveries && (
        <DeliveriesSection
          key={shownDeliveries.id}
          webhookId={shownDeliveries.id}
          name={nameOf(shownDeliveries)}
          onClose={() => setDeliveriesOf(null)}
        />
      )}
    </>
  );
}

interface Draft {
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  teamIds: string[];
  domainCodes: string[];
  active: boolean;
}

const draftOf = (h: Webhook): Draft => ({
  url: h.url,
  description: h.description,
  eventTypes: [...h.eventTypes],
  teamIds: [...h.teamIds],
  domainCodes: [...h.domainCodes],
  active: h.active,
});

function WebhookForm({
  item,
  onDone,
  onCancel,
}: {
  item: Webhook | null;
  onDone: (saved: Webhook) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const units = useAllUnits();
  const domains = useAllDomains();
  const editor = useEditor<Webhook, Draft>({
    item,
    empty: { url: '', description: '', eventTypes: [], teamIds: [], domainCodes: [], active: true },
    draftOf,
    validate: (d) => ({
      ...(d.url.trim() === '' ? { url: sayOps(t, 'webhooks.urlRequired') } : {}),
      ...(d.eventTypes.length === 0
        ? { eventTypes: sayOps(t, 'webhooks.eventTypesRequired') }
        : {}),
    }),
    send: (base, draft, changed) => {
      if (!base) {
        const { url, description, eventTypes, teamIds, domainCodes } = draft;
        return call(
          api.POST('/webhooks', {
            body: { url: url.trim(), description, eventTypes, teamIds, domainCodes },
          }),
        );
      }
      const body: Partial<Draft> = {};
      for (const key of changed) Object.assign(body, { [key]: draft[key] });
      return call(
        api.PATCH('/webhooks/{id}', {
          params: { path: { id: base.id }, header: ifMatch(base.version) },
          body,
        }),
      );
    },
    // There is no GET of one webhook: the list holds every one (a handful).
    reload: (base) =>
      call(api.GET('/webhooks')).then((list) => list.items.find((h) => h.id === base.id) ?? base),
    onSaved: onDone,
  });
  const labels = {
    url: sayOps(t, 'webhooks.url'),
    description: sayOps(t, 'webhooks.description'),
    eventTypes: sayOps(t, 'webhooks.eventTypes'),
    teamIds: sayOps(t, 'webhooks.teams'),
    domainCodes: sayOps(t, 'webhooks.domains'),
    active: t('admin.active'),
  };
  const teams = (units.data ?? []).filter(
    (u) => u.kind === 'meentcoop_team' && (u.active || editor.draft.teamIds.includes(u.id)),
  );
  const domainOptions = (domains.data ?? [])
    .filter((d) => d.active || editor.draft.domainCodes.includes(d.code))
    .map((d) => ({ value: d.code, label: i18n.language === 'en' ? d.nameEn : d.nameNl }));
  return (
    <EditorForm
      editor={editor}
      prefix="webhook"
      title={
        item
          ? sayOps(t, 'webhooks.editTitle', { name: nameOf(item) })
          : sayOps(t, 'webhooks.addTitle')
      }
      labels={labels}
      shown={[
        { label: labels.url, show: (h) => h.url },
        { label: labels.description, show: (h) => h.description },
        { label: labels.eventTypes, show: (h) => h.eventTypes.join(', ') },
        { label: labels.active, show: (h) => activeText(h.active, t) },
      ]}
      onCancel={onCancel}
    >
      <TextField
        id="webhook-url"
        label={labels.url}
        hint={sayOps(t, 'webhooks.urlHint')}
        value={editor.draft.url}
        onChange={(v) => editor.set('url', v)}
        error={messageOf(editor, 'url', t)}
        maxLength={2000}
      />
      <TextField
        id="webhook-description"
        label={labels.description}
        hint={sayOps(t, 'webhooks.descriptionHint')}
        optional
        value={editor.draft.description}
        onChange={(v) => editor.set('description', v)}
        error={messageOf(editor, 'description', t)}
        maxLength={500}
      />
      <CheckboxGroup
        id="webhook-eventTypes"
        legend={labels.eventTypes}
        hint={sayOps(t, 'webhooks.eventTypesHint')}
        error={messageOf(editor, 'eventTypes', t)}
        options={WEBHOOK_EVENT_TYPES.map((type) => ({ value: type, label: type }))}
        value={editor.draft.eventTypes}
        onChange={(v) => editor.set('eventTypes', v)}
      />
      <CheckboxGroup
        id="webhook-teamIds"
        legend={labels.teamIds}
        hint={sayOps(t, 'webhooks.teamsHint')}
        error={messageOf(editor, 'teamIds', t)}
        options={teams.map((u) => ({ value: u.id, label: u.name }))}
        value={editor.draft.teamIds}
        onChange={(v) => editor.set('teamIds', v)}
      />
      <CheckboxGroup
        id="webhook-domainCodes"
        legend={labels.domainCodes}
        hint={sayOps(t, 'webhooks.domainsHint')}
        error={messageOf(editor, 'domainCodes', t)}
        options={domainOptions}
        value={editor.draft.domainCodes}
        onChange={(v) => editor.set('domainCodes', v)}
      />
      {item && (
        <ActiveField
          id="webhook-active"
          value={editor.draft.active}
          onChange={(v) => editor.set('active', v)}
        />
      )}
    </EditorForm>
  );
}
