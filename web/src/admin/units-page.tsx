import { Button, Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, ifMatch } from '../api/client';
import { SelectField, TextField } from '../common/form';
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
import { UNIT_KINDS, useAllUnits, type Unit, type UnitKind } from './api';
import { MembersSection } from './members-section';
import { sayOps } from './ops-texts';

interface Draft {
  code: string;
  kind: UnitKind;
  name: string;
  active: boolean;
}

const draftOf = (u: Unit): Draft => ({
  code: u.code,
  kind: u.kind,
  name: u.name,
  active: u.active,
});

/**
 * /admin/teams: MeentCoop's teams and the City's units (both are organisation units): list,
 * add, rename, switch off or on; and each one's members, added or taken out.
 */
export function UnitsPage() {
  const { t } = useTranslation();
  const units = useAllUnits();
  const page = useListPage<string>();
  const [membersOf, setMembersOf] = useState<string | null>(null);
  const shownMembers = units.data?.find((u) => u.id === membersOf);
  const editing =
    page.open?.mode === 'edit' ? units.data?.find((u) => u.id === page.editKey) : undefined;
  return (
    <>
      <PageHeading title={t('admin.units.title')} />
      <AdminBackLink />
      <Paragraph className="ams-mb-l">{t('admin.units.intro')}</Paragraph>
      <SavedNotice message={page.notice} />
      {page.open ? (
        <UnitForm
          key={editing?.id ?? 'new'}
          item={editing ?? null}
          onDone={(saved) =>
            page.close(editing ? t('admin.saved') : t('admin.created', { name: saved.name }))
          }
          onCancel={() => page.close()}
        />
      ) : (
        <Button variant="secondary" className="ams-mb-l" onClick={page.startCreate}>
          {t('admin.units.add')}
        </Button>
      )}
      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <LoadError error={units.error} retry={() => void units.refetch()} />
      ) : (
        (['meentcoop_team', 'municipal'] as const).map((kind) => {
          const title = kind === 'municipal' ? t('admin.units.municipal') : t('admin.units.teams');
          return (
            <section key={kind} aria-labelledby={`units-${kind}`}>
              <Heading level={2} size="level-3" id={`units-${kind}`} className="ams-mb-s">
                {title}
              </Heading>
              <TableRegion label={title}>
                <Table className="ams-mb-l" data-testid={`admin-units-${kind}`}>
                  <Table.Caption className="ams-visually-hidden">{title}</Table.Caption>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t('admin.units.name')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('admin.units.code')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('admin.active')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('admin.actions')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {units.data
                      .filter((u) => u.kind === kind)
                      .map((u) => (
                        <Table.Row key={u.id}>
                          <Table.Cell>{u.name}</Table.Cell>
                          <Table.Cell>
                            <span className="brug-code">{u.code}</span>
                          </Table.Cell>
                          <Table.Cell>{activeText(u.active, t)}</Table.Cell>
                          <Table.Cell>
                            <EditButton name={u.name} onClick={() => page.startEdit(u.id)} />
                            <Button variant="tertiary" onClick={() => setMembersOf(u.id)}>
                              {sayOps(t, 'members.button')}
                              <span className="ams-visually-hidden">: {u.name}</span>
                            </Button>
                          </Table.Cell>
                        </Table.Row>
                      ))}
                  </Table.Body>
                </Table>
              </TableRegion>
            </section>
          );
        })
      )}
      {shownMembers && (
        <MembersSection
          key={shownMembers.id}
          unit={shownMembers}
          onClose={() => setMembersOf(null)}
        />
      )}
    </>
  );
}

function UnitForm({
  item,
  onDone,
  onCancel,
}: {
  item: Unit | null;
  onDone: (saved: Unit) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const editor = useEditor<Unit, Draft>({
    item,
    empty: { code: '', kind: 'meentcoop_team', name: '', active: true },
    draftOf,
    send: (base, draft, changed) => {
      if (!base) {
        const { code, kind, name } = draft;
        return call(api.POST('/organisation-units', { body: { code, kind, name } }));
      }
      const body: { name?: string; active?: boolean } = {};
      if (changed.includes('name')) body.name = draft.name;
      if (changed.includes('active')) body.active = draft.active;
      return call(
        api.PATCH('/organisation-units/{id}', {
          params: { path: { id: base.id }, header: ifMatch(base.version) },
          body,
        }),
      );
    },
    reload: (base) =>
      call(api.GET('/organisation-units/{id}', { params: { path: { id: base.id } } })),
    onSaved: onDone,
  });
  const labels = {
    code: t('admin.units.code'),
    kind: t('admin.units.kind'),
    name: t('admin.units.name'),
    active: t('admin.active'),
  };
  return (
    <EditorForm
      editor={editor}
      prefix="unit"
      title={item ? t('admin.units.editTitle', { name: item.name }) : t('admin.units.addTitle')}
      labels={labels}
      shown={[
        { label: labels.name, show: (u) => u.name },
        { label: labels.active, show: (u) => activeText(u.active, t) },
      ]}
      onCancel={onCancel}
    >
      {!item && (
        <>
          <SelectField
            id="unit-kind"
            label={labels.kind}
            value={editor.draft.kind}
            onChange={(v) => editor.set('kind', v || 'meentcoop_team')}
            options={UNIT_KINDS.map((k) => ({ value: k, label: t(`admin.units.kinds.${k}`) }))}
            error={messageOf(editor, 'kind', t)}
          />
          <TextField
            id="unit-code"
            label={labels.code}
            hint={t('admin.units.codeHint')}
            value={editor.draft.code}
            onChange={(v) => editor.set('code', v)}
            error={messageOf(editor, 'code', t)}
            maxLength={64}
          />
        </>
      )}
      <TextField
        id="unit-name"
        label={labels.name}
        value={editor.draft.name}
        onChange={(v) => editor.set('name', v)}
        error={messageOf(editor, 'name', t)}
        maxLength={200}
      />
      {item && (
        <ActiveField
          id="unit-active"
          value={editor.draft.active}
          onChange={(v) => editor.set('active', v)}
        />
      )}
    </EditorForm>
  );
}
