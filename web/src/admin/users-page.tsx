import { Alert, Button, Heading, Paragraph, Row, Table } from '@amsterdam/design-system-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call, ifMatch, type Role } from '../api/client';
import { ALL_ROLES } from '../auth/roles';
import { useDomainNames } from '../common/catalogue';
import { CursorPager } from '../common/cursor-pager';
import { fieldErrorText } from '../common/error-text';
import { ErrorSummary, fieldErrorsOf, PasswordField, SelectField, TextField } from '../common/form';
import { PageHeading } from '../common/page-title';
import { LoadError, Loading } from '../common/query-state';
import { TableRegion } from '../common/table-region';
import { AdminBackLink } from './admin-overview-page';
import {
  ActiveField,
  AssignmentFields,
  activeText,
  adminProblemText,
  EditButton,
  EditorForm,
  messageOf,
  SavedNotice,
  useEditor,
  useListPage,
} from './admin-kit';
import { useUsers, type User } from './api';

/** The API's shortest password (`PASSWORD_MIN`). */
const PASSWORD_MIN = 12;

interface Draft {
  name: string;
  email: string;
  role: Role;
  organisationUnitId: string;
  domains: string[];
  password: string;
  active: boolean;
}

const draftOf = (u: User): Draft => ({
  name: u.name,
  email: u.email,
  role: u.role,
  organisationUnitId: u.organisationUnit?.id ?? '',
  domains: u.domains,
  password: '',
  active: u.active,
});

/**
 * /admin/users: everyone with their role, unit, domains and whether they are active (filter by
 * role, pages by cursor in the address); add a user, change one (If-Match), switch off or on,
 * set a password.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const roleParam = params.get('role');
  const role: Role | '' = ALL_ROLES.includes(roleParam as Role) ? (roleParam as Role) : '';
  const users = useUsers(role, params.get('cursor'));
  const domainName = useDomainNames();
  const page = useListPage<string>();
  const [passwordFor, setPasswordFor] = useState<User | null>(null);
  // An administrator signs someone out everywhere (a lost laptop; ADR 34), audited.
  const endSessions = useMutation({
    mutationFn: (u: User) =>
      call(api.DELETE('/users/{id}/sessions', { params: { path: { id: u.id } } })).then(() => u),
    onSuccess: (u) => page.close(t('admin.users.sessionsEnded', { name: u.name })),
  });
  const editing =
    page.open?.mode === 'edit' ? users.data?.items.find((u) => u.id === page.editKey) : undefined;

  return (
    <>
      <PageHeading title={t('admin.users.title')} />
      <AdminBackLink />
      <Paragraph className="ams-mb-l">{t('admin.users.intro')}</Paragraph>
      <SavedNotice message={page.notice} />
      {endSessions.isError && (
        <Alert heading={t('admin.failed')} headingLevel={2} severity="error" role="alert">
          <Paragraph>{adminProblemText(endSessions.error, t)}</Paragraph>
        </Alert>
      )}
      {passwordFor ? (
        <SetPasswordForm
          user={passwordFor}
          onDone={() => {
            page.close(t('admin.users.passwordSet', { name: passwordFor.name }));
            setPasswordFor(null);
          }}
          onCancel={() => setPasswordFor(null)}
        />
      ) : page.open ? (
        <UserForm
          key={editing?.id ?? 'new'}
          item={editing ?? null}
          onDone={(saved) =>
            page.close(editing ? t('admin.saved') : t('admin.created', { name: saved.name }))
          }
          onCancel={() => page.close()}
        />
      ) : (
        <Button variant="secondary" className="ams-mb-l" onClick={page.startCreate}>
          {t('admin.users.add')}
        </Button>
      )}
      <div className="brug-narrow ams-mb-l">
        <SelectField
          id="users-role"
          label={t('admin.users.filterRole')}
          value={role}
          onChange={(v) => {
            const next = new URLSearchParams(params);
            if (v) next.set('role', v);
            else next.delete('role');
            next.delete('cursor');
            setParams(next);
          }}
          options={ALL_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          placeholder={t('admin.users.allRoles')}
        />
      </div>
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <LoadError error={users.error} retry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <Paragraph className="ams-mb-l">{t('admin.users.none')}</Paragraph>
      ) : (
        <>
          <TableRegion label={t('admin.users.title')}>
            <Table className="ams-mb-l" data-testid="admin-users">
              <Table.Caption className="ams-visually-hidden">
                {t('admin.users.title')}
              </Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('admin.users.name')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('admin.users.role')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('admin.users.unit')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('admin.users.domains')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('admin.active')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('admin.actions')}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {users.data.items.map((u) => (
                  <Table.Row key={u.id}>
                    <Table.Cell>
                      {u.name}
                      <br />
                      <span className="brug-code">{u.email}</span>
                    </Table.Cell>
                    <Table.Cell>{t(`roles.${u.role}`)}</Table.Cell>
                    <Table.Cell>{u.organisationUnit?.name ?? t('common.none')}</Table.Cell>
                    <Table.Cell>
                      {u.domains.map(domainName).join(', ') || t('common.none')}
                    </Table.Cell>
                    <Table.Cell>{activeText(u.active, t)}</Table.Cell>
                    <Table.Cell>
                      <Row gap="small" wrap>
                        <EditButton
                          name={u.name}
                          onClick={() => {
                            setPasswordFor(null);
                            page.startEdit(u.id);
                          }}
                        />
                        <Button
                          variant="tertiary"
                          onClick={() => {
                            page.close();
                            setPasswordFor(u);
                          }}
                        >
                          {t('admin.users.setPassword')}
                          <span className="ams-visually-hidden">: {u.name}</span>
                        </Button>
                        <Button
                          variant="tertiary"
                          disabled={endSessions.isPending}
                          onClick={() => {
                            setPasswordFor(null);
                            endSessions.mutate(u);
                          }}
                        >
                          {t('admin.users.endSessions')}
                          <span className="ams-visually-hidden">: {u.name}</span>
                        </Button>
                      </Row>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableRegion>
          <CursorPager nextCursor={users.data.nextCursor} />
        </>
      )}
    </>
  );
}

function UserForm({
  item,
  onDone,
  onCancel,
}: {
  item: User | null;
  onDone: (saved: User) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const domainName = useDomainNames();
  const editor = useEditor<User, Draft>({
    item,
    empty: {
      name: '',
      email: '',
      role: 'buyer',
      organisationUnitId: '',
      domains: [],
      password: '',
      active: true,
    },
    draftOf,
    send: (base, draft, changed) => {
      // Only budget holders hold domains: another role sends none.
      const held = draft.role === 'budget_holder' ? draft.domains : [];
      // The OpenAPI document types this uuid as an object (its DTO names no `type`); it is a string.
      const unit = (draft.organisationUnitId || null) as unknown as Record<string, never> | null;
      if (!base) {
        return call(
          api.POST('/users', {
            body: {
              name: draft.name,
              email: draft.email,
              role: draft.role,
              // Creating takes no null: a user without a unit leaves it out.
              ...(unit ? { organisationUnitId: unit } : {}),
              domains: held,
              ...(draft.password ? { password: draft.password } : {}),
            },
          }),
        );
      }
      const body: {
        name?: string;
        role?: Role;
        organisationUnitId?: Record<string, never> | null;
        domains?: string[];
        active?: boolean;
      } = {};
      if (changed.includes('name')) body.name = draft.name;
      if (changed.includes('role')) body.role = draft.role;
      if (changed.includes('organisationUnitId')) body.organisationUnitId = unit;
      if (changed.includes('domains') || changed.includes('role')) body.domains = held;
      if (changed.includes('active')) body.active = draft.active;
      return call(
        api.PATCH('/users/{id}', {
          params: { path: { id: base.id }, header: ifMatch(base.version) },
          body,
        }),
      );
    },
    reload: (base) => call(api.GET('/users/{id}', { params: { path: { id: base.id } } })),
    onSaved: onDone,
  });
  const labels = {
    name: t('admin.users.name'),
    email: t('admin.users.email'),
    role: t('admin.users.role'),
    organisationUnitId: t('admin.users.unit'),
    domains: t('admin.users.domains'),
    password: t('admin.users.password'),
    active: t('admin.active'),
  };
  return (
    <EditorForm
      editor={editor}
      prefix="user"
      title={item ? t('admin.users.editTitle', { name: item.name }) : t('admin.users.addTitle')}
      labels={labels}
      shown={[
        { label: labels.name, show: (u) => u.name },
        { label: labels.role, show: (u) => t(`roles.${u.role}`) },
        {
          label: labels.organisationUnitId,
          show: (u) => u.organisationUnit?.name ?? t('common.none'),
        },
        {
          label: labels.domains,
          show: (u) => u.domains.map(domainName).join(', ') || t('common.none'),
        },
        { label: labels.active, show: (u) => activeText(u.active, t) },
      ]}
      onCancel={onCancel}
    >
      <TextField
        id="user-name"
        label={labels.name}
        value={editor.draft.name}
        onChange={(v) => editor.set('name', v)}
        error={messageOf(editor, 'name', t)}
        autoComplete="off"
        maxLength={200}
      />
      {!item && (
        <TextField
          id="user-email"
          label={labels.email}
          type="email"
          value={editor.draft.email}
          onChange={(v) => editor.set('email', v)}
          error={messageOf(editor, 'email', t)}
          maxLength={254}
        />
      )}
      <AssignmentFields editor={editor} prefix="user" labels={labels} />
      {!item && (
        <PasswordField
          id="user-password"
          label={labels.password}
          hint={t('admin.users.passwordHint', { min: PASSWORD_MIN })}
          autoComplete="new-password"
          value={editor.draft.password}
          onChange={(v) => editor.set('password', v)}
          error={messageOf(editor, 'password', t)}
        />
      )}
      {item && (
        <ActiveField
          id="user-active"
          value={editor.draft.active}
          onChange={(v) => editor.set('active', v)}
        />
      )}
    </EditorForm>
  );
}

/** An administrator sets someone's password (no If-Match: a password is never read). */
function SetPasswordForm({
  user,
  onDone,
  onCancel,
}: {
  user: User;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const set = useMutation({
    mutationFn: () =>
      call(
        api.PUT('/users/{id}/password', { params: { path: { id: user.id } }, body: { password } }),
      ),
    onSuccess: onDone,
  });
  const errors = fieldErrorsOf(set.error);
  const error = errors[0] ? fieldErrorText(errors[0], t) : undefined;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    set.mutate();
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby="user-password-heading"
      className="brug-panel brug-form"
      data-testid="user-password-form"
    >
      <Heading level={2} size="level-3" id="user-password-heading" className="ams-mb-s">
        {t('admin.users.setPasswordTitle', { name: user.name })}
      </Heading>
      <Paragraph size="small" className="ams-mb-m">
        {t('admin.users.setPasswordIntro')}
      </Paragraph>
      {error && (
        <ErrorSummary
          errors={[{ id: 'user-new-password', label: `${t('admin.users.password')}: ${error}` }]}
        />
      )}
      {set.isError && !error && (
        <Alert
          heading={t('admin.failed')}
          headingLevel={3}
          severity="error"
          className="ams-mb-m"
          role="alert"
        >
          <Paragraph>{adminProblemText(set.error, t)}</Paragraph>
        </Alert>
      )}
      <PasswordField
        id="user-new-password"
        label={t('admin.users.password')}
        hint={t('password.nextHint', { min: PASSWORD_MIN })}
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        error={error}
      />
      <Row wrap className="ams-mt-m">
        <Button type="submit" disabled={set.isPending}>
          {t('admin.users.setPassword')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Row>
    </form>
  );
}
