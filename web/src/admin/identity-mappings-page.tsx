import { Alert, Button, Heading, Paragraph, Row, Table } from '@amsterdam/design-system-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, ifMatch, type Role, type Schemas } from '../api/client';
import { useSignInOptions } from '../auth/sign-in-options';
import { useDomainNames } from '../common/catalogue';
import { SelectField, TextField } from '../common/form';
import { PageHeading } from '../common/page-title';
import { LoadError, Loading } from '../common/query-state';
import { TableRegion } from '../common/table-region';
import { AdminBackLink } from './admin-overview-page';
import {
  adminProblemText,
  AssignmentFields,
  EditButton,
  EditorForm,
  messageOf,
  SavedNotice,
  unitLabel,
  useEditor,
  useListPage,
} from './admin-kit';
import { adminChanged, adminKeys, useAllUnits } from './api';

type Mapping = Schemas['IdentityMappingDto'];

interface Draft {
  provider: string;
  claimValue: string;
  role: Role;
  organisationUnitId: string;
  domains: string[];
}

const draftOf = (m: Mapping): Draft => ({
  provider: m.provider,
  claimValue: m.claimValue,
  role: m.role,
  organisationUnitId: m.organisationUnitId ?? '',
  domains: m.domains,
});

const nameOf = (m: Pick<Mapping, 'provider' | 'claimValue'>) => `${m.provider}: ${m.claimValue}`;

function useMappings() {
  return useQuery({
    queryKey: [...adminKeys.all, 'identity-mappings'],
    queryFn: () => call(api.GET('/admin/identity-mappings')).then((list) => list.items),
  });
}

/**
 * /admin/identity-mappings (ADR 33): what a value of a provider's groups or roles claim makes a
 * person in Brug: role, unit or team, and domains. List, add, change (If-Match), remove.
 * Changes apply at each person's next sign-in.
 */
export function IdentityMappingsPage() {
  const { t } = useTranslation();
  const mappings = useMappings();
  const units = useAllUnits();
  const domainName = useDomainNames();
  const page = useListPage<string>();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<Mapping | null>(null);
  const remove = useMutation({
    mutationFn: (m: Mapping) =>
      call(
        api.DELETE('/admin/identity-mappings/{id}', {
          params: { path: { id: m.id }, header: ifMatch(m.version) },
        }),
      ).then(() => m),
    onSuccess: (m) => {
      setRemoving(null);
      page.close(t('admin.identityMappings.removed', { name: nameOf(m) }));
      adminChanged(queryClient);
    },
  });
  const editing =
    page.open?.mode === 'edit' ? mappings.data?.find((m) => m.id === page.editKey) : undefined;
  const unitName = (id: string | null) => {
    const unit = id ? units.data?.find((u) => u.id === id) : undefined;
    return unit ? unitLabel(unit, t) : t('common.none');
  };

  return (
    <>
      <PageHeading title={t('admin.identityMappings.title')} />
      <AdminBackLink />
      <Paragraph className="ams-mb-l">{t('admin.identityMappings.intro')}</Paragraph>
      <SavedNotice message={page.notice} />
      {removing ? (
        <section
          aria-labelledby="identity-mapping-remove-heading"
          className="brug-panel ams-mb-l"
          data-testid="identity-mapping-remove"
        >
          <Heading
            level={2}
            size="level-3"
            id="identity-mapping-remove-heading"
            className="ams-mb-s"
          >
            {t('admin.identityMappings.removeNamed', { name: nameOf(removing) })}
          </Heading>
          {remove.isError && (
            <Alert
              heading={t('admin.failed')}
              headingLevel={3}
              severity="error"
              className="ams-mb-m"
              role="alert"
            >
              <Paragraph>{adminProblemText(remove.error, t)}</Paragraph>
            </Alert>
          )}
          <Paragraph className="ams-mb-m">{t('admin.identityMappings.confirmRemove')}</Paragraph>
          <Row wrap>
            <Button disabled={remove.isPending} onClick={() => remove.mutate(removing)}>
              {t('admin.identityMappings.confirm')}
            </Button>
            <Button
              variant="tertiary"
              onClick={() => {
                remove.reset();
                setRemoving(null);
              }}
            >
              {t('common.cancel')}
            </Button>
          </Row>
        </section>
      ) : page.open ? (
        <MappingForm
          key={editing?.id ?? 'new'}
          item={editing ?? null}
          onDone={(saved) =>
            page.close(editing ? t('admin.saved') : t('admin.created', { name: nameOf(saved) }))
          }
          onCancel={() => page.close()}
        />
      ) : (
        <Button variant="secondary" className="ams-mb-l" onClick={page.startCreate}>
          {t('admin.identityMappings.add')}
        </Button>
      )}
      {mappings.isPending ? (
        <Loading />
      ) : mappings.isError ? (
        <LoadError error={mappings.error} retry={() => void mappings.refetch()} />
      ) : mappings.data.length === 0 ? (
        <Paragraph className="ams-mb-l">{t('admin.identityMappings.none')}</Paragraph>
      ) : (
        <TableRegion label={t('admin.identityMappings.title')}>
          <Table className="ams-mb-l" data-testid="admin-identity-mappings">
            <Table.Caption className="ams-visually-hidden">
              {t('admin.identityMappings.title')}
            </Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">
                  {t('admin.identityMappings.provider')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">
                  {t('admin.identityMappings.claimValue')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.users.role')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.users.unit')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.users.domains')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {mappings.data.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell>
                    <span className="brug-code">{m.provider}</span>
                  </Table.Cell>
                  <Table.Cell>
                    <span className="brug-code brug-break">{m.claimValue}</span>
                  </Table.Cell>
                  <Table.Cell>{t(`roles.${m.role}`)}</Table.Cell>
                  <Table.Cell>{unitName(m.organisationUnitId)}</Table.Cell>
                  <Table.Cell>
                    {m.domains.map(domainName).join(', ') || t('common.none')}
                  </Table.Cell>
                  <Table.Cell>
                    <Row gap="small" wrap>
                      <EditButton name={nameOf(m)} onClick={() => page.startEdit(m.id)} />
                      <Button
                        variant="tertiary"
                        onClick={() => {
                          page.close();
                          remove.reset();
                          setRemoving(m);
                        }}
                      >
                        {t('admin.identityMappings.remove')}
                        <span className="ams-visually-hidden">: {nameOf(m)}</span>
                      </Button>
                    </Row>
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

function MappingForm({
  item,
  onDone,
  onCancel,
}: {
  item: Mapping | null;
  onDone: (saved: Mapping) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const units = useAllUnits();
  const domainName = useDomainNames();
  const providers = useSignInOptions().data?.providers ?? [];
  const editor = useEditor<Mapping, Draft>({
    item,
    empty: {
      provider: providers.length === 1 ? providers[0]!.id : '',
      claimValue: '',
      role: 'buyer',
      organisationUnitId: '',
      domains: [],
    },
    draftOf,
    validate: (draft) => (draft.provider ? {} : { provider: t('errors.field.required') }),
    send: (base, draft, changed) => {
      // Only budget holders hold domains: another role sends none.
      const held = draft.role === 'budget_holder' ? draft.domains : [];
      const unit = draft.organisationUnitId || null;
      if (!base) {
        return call(
          api.POST('/admin/identity-mappings', {
            body: {
              provider: draft.provider,
              claimValue: draft.claimValue,
              role: draft.role,
              organisationUnitId: unit,
              domains: held,
            },
          }),
        );
      }
      const body: { role?: Role; organisationUnitId?: string | null; domains?: string[] } = {};
      if (changed.includes('role')) body.role = draft.role;
      if (changed.includes('organisationUnitId')) body.organisationUnitId = unit;
      if (changed.includes('domains') || changed.includes('role')) body.domains = held;
      return call(
        api.PATCH('/admin/identity-mappings/{id}', {
          params: { path: { id: base.id }, header: ifMatch(base.version) },
          body,
        }),
      );
    },
    reload: (base) =>
      call(api.GET('/admin/identity-mappings/{id}', { params: { path: { id: base.id } } })),
    onSaved: onDone,
  });
  const labels = {
    provider: t('admin.identityMappings.provider'),
    claimValue: t('admin.identityMappings.claimValue'),
    role: t('admin.users.role'),
    organisationUnitId: t('admin.users.unit'),
    domains: t('admin.users.domains'),
  };
  const unitOf = (id: string | null) => {
    const unit = id ? units.data?.find((u) => u.id === id) : undefined;
    return unit ? unitLabel(unit, t) : t('common.none');
  };
  // The configured providers, and the one a mapping names even when it is no longer configured.
  const providerOptions = [
    ...providers.map((p) => ({ value: p.id, label: `${p.displayName} (${p.id})` })),
    ...(item && !providers.some((p) => p.id === item.provider)
      ? [{ value: item.provider, label: item.provider }]
      : []),
  ];
  return (
    <EditorForm
      editor={editor}
      prefix="identity-mapping"
      title={
        item
          ? t('admin.identityMappings.editTitle', { name: nameOf(item) })
          : t('admin.identityMappings.addTitle')
      }
      labels={labels}
      shown={[
        { label: labels.role, show: (m) => t(`roles.${m.role}`) },
        { label: labels.organisationUnitId, show: (m) => unitOf(m.organisationUnitId) },
        {
          label: labels.domains,
          show: (m) => m.domains.map(domainName).join(', ') || t('common.none'),
        },
      ]}
      onCancel={onCancel}
    >
      {!item && (
        <SelectField
          id="identity-mapping-provider"
          label={labels.provider}
          hint={t('admin.identityMappings.providerHint')}
          value={editor.draft.provider}
          onChange={(v) => editor.set('provider', v)}
          options={providerOptions}
          placeholder={
            providers.length === 1 ? undefined : t('admin.identityMappings.chooseProvider')
          }
          error={messageOf(editor, 'provider', t)}
        />
      )}
      {!item && (
        <TextField
          id="identity-mapping-claimValue"
          label={labels.claimValue}
          hint={t('admin.identityMappings.claimValueHint')}
          value={editor.draft.claimValue}
          onChange={(v) => editor.set('claimValue', v)}
          error={messageOf(editor, 'claimValue', t)}
          autoComplete="off"
          maxLength={200}
        />
      )}
      <AssignmentFields editor={editor} prefix="identity-mapping" labels={labels} />
    </EditorForm>
  );
}
