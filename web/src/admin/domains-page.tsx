import { Button, Paragraph, Table } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { api, call, ifMatch } from '../api/client';
import { TextField } from '../common/form';
import { PageHeading } from '../common/page-title';
import { LoadError, Loading } from '../common/query-state';
import { TableRegion } from '../common/table-region';
import { AdminBackLink } from './admin-overview-page';
import {
  ActiveField,
  activeText,
  EditButton,
  EditorForm,
  messageOf,
  SavedNotice,
  useEditor,
  useListPage,
} from './admin-kit';
import { useAllDomains, type AdminDomain } from './api';

interface Draft {
  code: string;
  nameNl: string;
  nameEn: string;
  active: boolean;
}

const draftOf = (d: AdminDomain): Draft => ({
  code: d.code,
  nameNl: d.nameNl,
  nameEn: d.nameEn,
  active: d.active,
});

/** Policy domains: list (switched-off ones too), add, rename, switch off or on. */
export function DomainsPage() {
  const { t, i18n } = useTranslation();
  const domains = useAllDomains();
  const page = useListPage<string>();
  const nameOf = (d: AdminDomain) => (i18n.language === 'en' ? d.nameEn : d.nameNl);
  const editing =
    page.open?.mode === 'edit' ? domains.data?.find((d) => d.code === page.editKey) : undefined;
  return (
    <>
      <PageHeading title={t('admin.domains.title')} />
      <AdminBackLink />
      <Paragraph className="ams-mb-l">{t('admin.domains.intro')}</Paragraph>
      <SavedNotice message={page.notice} />
      {page.open ? (
        <DomainForm
          key={editing?.code ?? 'new'}
          item={editing ?? null}
          onDone={(saved) =>
            page.close(editing ? t('admin.saved') : t('admin.created', { name: nameOf(saved) }))
          }
          onCancel={() => page.close()}
        />
      ) : (
        <Button variant="secondary" className="ams-mb-l" onClick={page.startCreate}>
          {t('admin.domains.add')}
        </Button>
      )}
      {domains.isPending ? (
        <Loading />
      ) : domains.isError ? (
        <LoadError error={domains.error} retry={() => void domains.refetch()} />
      ) : (
        <TableRegion label={t('admin.domains.title')}>
          <Table className="ams-mb-l" data-testid="admin-domains">
            <Table.Caption className="ams-visually-hidden">
              {t('admin.domains.title')}
            </Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('admin.domains.code')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.domains.nameNl')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.domains.nameEn')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.active')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {domains.data.map((d) => (
                <Table.Row key={d.code}>
                  <Table.Cell>
                    <span className="brug-code">{d.code}</span>
                  </Table.Cell>
                  <Table.Cell lang="nl">{d.nameNl}</Table.Cell>
                  <Table.Cell lang="en">{d.nameEn}</Table.Cell>
                  <Table.Cell>{activeText(d.active, t)}</Table.Cell>
                  <Table.Cell>
                    <EditButton name={nameOf(d)} onClick={() => page.startEdit(d.code)} />
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

function DomainForm({
  item,
  onDone,
  onCancel,
}: {
  item: AdminDomain | null;
  onDone: (saved: AdminDomain) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const editor = useEditor<AdminDomain, Draft>({
    item,
    empty: { code: '', nameNl: '', nameEn: '', active: true },
    draftOf,
    send: (base, draft, changed) => {
      if (!base) {
        const { code, nameNl, nameEn } = draft;
        return call(api.POST('/domains', { body: { code, nameNl, nameEn } }));
      }
      const body: Partial<Draft> = {};
      for (const key of changed) if (key !== 'code') Object.assign(body, { [key]: draft[key] });
      return call(
        api.PATCH('/domains/{code}', {
          params: { path: { code: base.code }, header: ifMatch(base.version) },
          body,
        }),
      );
    },
    reload: (base) => call(api.GET('/domains/{code}', { params: { path: { code: base.code } } })),
    onSaved: onDone,
  });
  const labels = {
    code: t('admin.domains.code'),
    nameNl: t('admin.domains.nameNl'),
    nameEn: t('admin.domains.nameEn'),
    active: t('admin.active'),
  };
  const name = item ? (i18n.language === 'en' ? item.nameEn : item.nameNl) : '';
  return (
    <EditorForm
      editor={editor}
      prefix="domain"
      title={item ? t('admin.domains.editTitle', { name }) : t('admin.domains.addTitle')}
      labels={labels}
      shown={[
        { label: labels.nameNl, show: (d) => d.nameNl },
        { label: labels.nameEn, show: (d) => d.nameEn },
        { label: labels.active, show: (d) => activeText(d.active, t) },
      ]}
      onCancel={onCancel}
    >
      {!item && (
        <TextField
          id="domain-code"
          label={labels.code}
          hint={t('admin.domains.codeHint')}
          value={editor.draft.code}
          onChange={(v) => editor.set('code', v)}
          error={messageOf(editor, 'code', t)}
          maxLength={64}
        />
      )}
      <TextField
        id="domain-nameNl"
        label={labels.nameNl}
        value={editor.draft.nameNl}
        onChange={(v) => editor.set('nameNl', v)}
        error={messageOf(editor, 'nameNl', t)}
        maxLength={200}
      />
      <TextField
        id="domain-nameEn"
        label={labels.nameEn}
        value={editor.draft.nameEn}
        onChange={(v) => editor.set('nameEn', v)}
        error={messageOf(editor, 'nameEn', t)}
        maxLength={200}
      />
      {item && (
        <ActiveField
          id="domain-active"
          value={editor.draft.active}
          onChange={(v) => editor.set('active', v)}
        />
      )}
    </EditorForm>
  );
}
