import { Alert, Button, Paragraph, Table, UnorderedList } from '@amsterdam/design-system-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Role, type Schemas } from '../api/client';
import { ALL_ROLES } from '../auth/roles';
import { useDomainNames, useDomains } from '../common/catalogue';
import { SelectField, TextField } from '../common/form';
import { formatDateTime } from '../common/format';
import { PageHeading } from '../common/page-title';
import { LoadError, Loading } from '../common/query-state';
import { TableRegion } from '../common/table-region';
import { AdminBackLink } from './admin-overview-page';
import {
  activeText,
  adminProblemText,
  CheckboxGroup,
  EditorForm,
  messageOf,
  useEditor,
  useListPage,
} from './admin-kit';
import { adminKeys, useAllUnits } from './api';

type ApiClient = Schemas['ApiClientDto'];
type NewSecret = Schemas['NewApiClientSecretDto'];

interface Draft {
  name: string;
  role: Role;
  organisationUnitId: string;
  domains: string[];
}

/** At most two live secrets: the one in use and its successor (ADR 35). */
const MAX_SECRETS = 2;

function useApiClients() {
  return useQuery({
    queryKey: [...adminKeys.all, 'api-clients'],
    queryFn: () => call(api.GET('/api-clients', { params: { query: { pageSize: 100 } } })),
  });
}

/**
 * API clients (integrations, ADR 35): add one with its role, unit and domains, see its live
 * secrets and when each was last used, add a second secret and retire the old one (rotation).
 * A new secret is shown once. Name, role and deactivation: on the users page, as for a person.
 */
export function ApiClientsPage() {
  const { t } = useTranslation();
  const clients = useApiClients();
  const page = useListPage<string>();
  const queryClient = useQueryClient();
  const domainName = useDomainNames();
  const [shown, setShown] = useState<{ clientId: string; name: string; secret: NewSecret } | null>(
    null,
  );
  const refresh = () => void queryClient.invalidateQueries({ queryKey: adminKeys.all });
  const addSecret = useMutation({
    mutationFn: (client: ApiClient) =>
      call(api.POST('/api-clients/{id}/secrets', { params: { path: { id: client.id } } })).then(
        (secret) => ({ clientId: client.id, name: client.name, secret }),
      ),
    onSuccess: (made) => {
      setShown(made);
      refresh();
    },
  });
  const retire = useMutation({
    mutationFn: ({ client, secretId }: { client: ApiClient; secretId: string }) =>
      call(
        api.DELETE('/api-clients/{id}/secrets/{secretId}', {
          params: { path: { id: client.id, secretId } },
        }),
      ),
    onSuccess: () => {
      setShown(null);
      refresh();
    },
  });
  const failure = addSecret.error ?? retire.error;

  return (
    <>
      <PageHeading title={t('admin.apiClients.title')} />
      <AdminBackLink />
      <Paragraph className="ams-mb-l">{t('admin.apiClients.intro')}</Paragraph>
      {shown && (
        <Alert
          heading={t('admin.apiClients.secretHeading', { name: shown.name })}
          headingLevel={2}
          severity="success"
          className="ams-mb-l"
          data-testid="api-client-secret"
        >
          <Paragraph className="ams-mb-s">{t('admin.apiClients.secretOnce')}</Paragraph>
          <Paragraph>
            {t('admin.apiClients.clientId')}: <code>{shown.clientId}</code>
          </Paragraph>
          <Paragraph>
            {t('admin.apiClients.secret')}: <code>{shown.secret.clientSecret}</code>
          </Paragraph>
        </Alert>
      )}
      {failure && (
        <Alert heading={t('admin.failed')} headingLevel={2} severity="error" role="alert">
          <Paragraph>{adminProblemText(failure, t)}</Paragraph>
        </Alert>
      )}
      {page.open ? (
        <ApiClientForm
          onDone={(client, secret) => {
            setShown({ clientId: client.id, name: client.name, secret });
            page.close();
          }}
          onCancel={() => page.close()}
        />
      ) : (
        <Button variant="secondary" className="ams-mb-l" onClick={page.startCreate}>
          {t('admin.apiClients.add')}
        </Button>
      )}
      {clients.isPending ? (
        <Loading />
      ) : clients.isError ? (
        <LoadError error={clients.error} retry={() => void clients.refetch()} />
      ) : clients.data.items.length === 0 ? (
        <Paragraph>{t('admin.apiClients.none')}</Paragraph>
      ) : (
        <TableRegion label={t('admin.apiClients.title')}>
          <Table className="ams-mb-l" data-testid="admin-api-clients">
            <Table.Caption className="ams-visually-hidden">
              {t('admin.apiClients.title')}
            </Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('admin.users.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.users.role')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.users.domains')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.active')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.apiClients.secrets')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {clients.data.items.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>
                    {c.name}
                    <Paragraph size="small">
                      <code>{c.id}</code>
                    </Paragraph>
                  </Table.Cell>
                  <Table.Cell>{t(`roles.${c.role}`)}</Table.Cell>
                  <Table.Cell>
                    {c.domains.map(domainName).join(', ') || t('common.none')}
                  </Table.Cell>
                  <Table.Cell>{activeText(c.active, t)}</Table.Cell>
                  <Table.Cell>
                    <UnorderedList markers={false}>
                      {c.secrets.map((s, i) => (
                        <UnorderedList.Item key={s.id}>
                          {t('admin.apiClients.secretMade', {
                            when: formatDateTime(s.createdAt),
                            used: s.lastUsedAt
                              ? formatDateTime(s.lastUsedAt)
                              : t('admin.apiClients.neverUsed'),
                          })}{' '}
                          <Button
                            variant="tertiary"
                            disabled={retire.isPending}
                            onClick={() => retire.mutate({ client: c, secretId: s.id })}
                          >
                            {t('admin.apiClients.retire')}
                            <span className="ams-visually-hidden">
                              : {c.name}, {i + 1}
                            </span>
                          </Button>
                        </UnorderedList.Item>
                      ))}
                    </UnorderedList>
                  </Table.Cell>
                  <Table.Cell>
                    {c.secrets.length < MAX_SECRETS && (
                      <Button
                        variant="tertiary"
                        disabled={addSecret.isPending}
                        onClick={() => addSecret.mutate(c)}
                      >
                        {t('admin.apiClients.newSecret')}
                        <span className="ams-visually-hidden">: {c.name}</span>
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableRegion>
      )}
    </>
  );
}

function ApiClientForm({
  onDone,
  onCancel,
}: {
  onDone: (client: ApiClient, secret: NewSecret) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const units = useAllUnits();
  const domains = useDomains();
  const domainName = useDomainNames();
  // Made in `send`, read in `onSaved` of the same save: a ref, not state (no render between).
  const secret = useRef<NewSecret | null>(null);
  const editor = useEditor<ApiClient, Draft>({
    item: null,
    empty: { name: '', role: 'budget_holder', organisationUnitId: '', domains: [] },
    draftOf: (c) => ({
      name: c.name,
      role: c.role,
      organisationUnitId: c.organisationUnit?.id ?? '',
      domains: c.domains,
    }),
    send: async (_base, draft) => {
      // The OpenAPI document types this uuid as an object (its DTO names no `type`); it is a string.
      const unit = (draft.organisationUnitId || null) as unknown as Record<string, never> | null;
      const made = await call(
        api.POST('/api-clients', {
          body: {
            name: draft.name,
            role: draft.role,
            ...(unit ? { organisationUnitId: unit } : {}),
            domains: draft.role === 'budget_holder' ? draft.domains : [],
          },
        }),
      );
      secret.current = made.secret;
      return made.client;
    },
    reload: (base) => call(api.GET('/api-clients/{id}', { params: { path: { id: base.id } } })),
    onSaved: (client) => onDone(client, secret.current!),
  });
  const labels = {
    name: t('admin.users.name'),
    role: t('admin.users.role'),
    organisationUnitId: t('admin.users.unit'),
    domains: t('admin.users.domains'),
  };
  return (
    <EditorForm
      editor={editor}
      prefix="api-client"
      title={t('admin.apiClients.addTitle')}
      labels={labels}
      shown={[]}
      onCancel={onCancel}
    >
      <TextField
        id="api-client-name"
        label={labels.name}
        hint={t('admin.apiClients.nameHint')}
        value={editor.draft.name}
        onChange={(v) => editor.set('name', v)}
        error={messageOf(editor, 'name', t)}
        autoComplete="off"
        maxLength={200}
      />
      <SelectField
        id="api-client-role"
        label={labels.role}
        value={editor.draft.role}
        onChange={(v) => editor.set('role', v || 'budget_holder')}
        options={ALL_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        error={messageOf(editor, 'role', t)}
      />
      <SelectField
        id="api-client-organisationUnitId"
        label={labels.organisationUnitId}
        hint={t('admin.users.unitHint')}
        value={editor.draft.organisationUnitId}
        onChange={(v) => editor.set('organisationUnitId', v)}
        options={(units.data ?? [])
          .filter((u) => u.active)
          .map((u) => ({ value: u.id, label: u.name }))}
        placeholder={t('admin.users.noUnit')}
        error={messageOf(editor, 'organisationUnitId', t)}
      />
      {editor.draft.role === 'budget_holder' && (
        <CheckboxGroup
          id="api-client-domains"
          legend={labels.domains}
          hint={t('admin.users.domainsHint')}
          options={(domains.data ?? []).map((d) => ({ value: d.code, label: domainName(d.code) }))}
          value={editor.draft.domains}
          onChange={(v) => editor.set('domains', v)}
          error={messageOf(editor, 'domains', t)}
        />
      )}
    </EditorForm>
  );
}
