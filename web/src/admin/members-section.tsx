import {
  Alert,
  Button,
  Column,
  Heading,
  Paragraph,
  Row,
  Table,
} from '@amsterdam/design-system-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, call, ifMatch } from '../api/client';
import { fieldErrorText } from '../common/error-text';
import { fieldErrorsOf, TextField } from '../common/form';
import { LoadError, Loading } from '../common/query-state';
import { TableRegion } from '../common/table-region';
import { activeText, adminProblemText } from './admin-kit';
import { adminChanged, adminKeys, type Unit, type User } from './api';
import { sayOps } from './ops-texts';

/** A refusal of a move in words: the API's field error when it names one, else the problem. */
function moveProblemText(error: unknown, t: TFunction): string {
  const [field] = fieldErrorsOf(error);
  return field ? fieldErrorText(field, t) : adminProblemText(error, t);
}

/** Moves a user into a unit (or out of any: null), at the version read, with If-Match. */
function moveUser(user: User, unitId: string | null): Promise<User> {
  return call(
    api.PATCH('/users/{id}', {
      params: { path: { id: user.id }, header: ifMatch(user.version) },
      // The OpenAPI document types this uuid as an object (its DTO names no `type`); it is a string.
      body: { organisationUnitId: unitId as unknown as Record<string, never> | null },
    }),
  );
}

/**
 * The members of one unit or team (`GET /users?organisationUnitId=`, email order, a page at a
 * time): add one by their email address (moving them here), or take one out. Each move is the
 * user's own change (`PATCH /users/{id}`, audited as `user.updated` by the API), so the API's
 * rules hold: staff need a MeentCoop team, buyers a City unit.
 */
export function MembersSection({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);
  useEffect(() => heading.current?.focus(), []);

  const members = useInfiniteQuery({
    queryKey: [...adminKeys.all, 'members', unit.id],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/users', {
          params: {
            query: {
              organisationUnitId: unit.id,
              pageSize: 50,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const add = useMutation({
    mutationFn: async (address: string) => {
      const found = await call(api.GET('/users', { params: { query: { email: address } } }));
      const user = found.items[0];
      if (!user) return { refused: sayOps(t, 'members.unknownEmail') };
      if (user.organisationUnit?.id === unit.id) {
        return { refused: sayOps(t, 'members.alreadyMember') };
      }
      return { moved: await moveUser(user, unit.id) };
    },
    onMutate: () => {
      setNotice(null);
      setEmailError(null);
    },
    onSuccess: (result) => {
      if (!result.moved) {
        setEmailError(result.refused);
        return;
      }
      setEmail('');
      setNotice(sayOps(t, 'members.added', { name: result.moved.name, unit: unit.name }));
      adminChanged(queryClient);
    },
  });
  const remove = useMutation({
    mutationFn: (user: User) => moveUser(user, null),
    onMutate: () => setNotice(null),
    onSuccess: (user) => {
      setNotice(sayOps(t, 'members.removed', { name: user.name, unit: unit.name }));
      adminChanged(queryClient);
    },
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    remove.reset();
    const address = email.trim();
    if (!address) {
      setEmailError(sayOps(t, 'members.emailRequired'));
      return;
    }
    add.mutate(address);
  };
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  const refusal = add.isError ? add.error : remove.isError ? remove.error : null;

  return (
    <section aria-labelledby="members-heading" className="brug-panel ams-mb-xl">
      <Heading level={2} id="members-heading" ref={heading} tabIndex={-1} className="ams-mb-s">
        {sayOps(t, 'members.title', { name: unit.name })}
      </Heading>
      <Paragraph className="ams-mb-m">{sayOps(t, 'members.intro')}</Paragraph>
      <div role="status" className="ams-mb-m" data-testid="members-notice">
        {notice && <Alert heading={notice} headingLevel={3} severity="success" />}
      </div>
      {refusal !== null && (
        <Alert
          heading={sayOps(t, 'members.failed')}
          headingLevel={3}
          severity="error"
          className="ams-mb-m"
          role="alert"
          data-testid="members-error"
        >
          <Paragraph>{moveProblemText(refusal, t)}</Paragraph>
        </Alert>
      )}
      <form
        onSubmit={submit}
        noValidate
        aria-label={sayOps(t, 'members.add')}
        className="ams-mb-l"
        data-testid="members-add"
      >
        <Column gap="small">
          <TextField
            id="members-email"
            type="email"
            label={sayOps(t, 'members.addEmail')}
            hint={sayOps(t, 'members.addEmailHint')}
            value={email}
            onChange={setEmail}
            error={emailError ?? undefined}
            maxLength={254}
          />
          <Row>
            <Button type="submit" variant="secondary" disabled={add.isPending}>
              {sayOps(t, 'members.add')}
            </Button>
          </Row>
        </Column>
      </form>
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <LoadError error={members.error} retry={() => void members.refetch()} />
      ) : items.length === 0 ? (
        <Paragraph className="ams-mb-m">{sayOps(t, 'members.none')}</Paragraph>
      ) : (
        <TableRegion label={sayOps(t, 'members.title', { name: unit.name })}>
          <Table className="ams-mb-m" data-testid="admin-members">
            <Table.Caption className="ams-visually-hidden">
              {sayOps(t, 'members.title', { name: unit.name })}
            </Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('admin.users.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{sayOps(t, 'members.email')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{sayOps(t, 'members.role')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.active')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {items.map((u) => (
                <Table.Row key={u.id}>
                  <Table.Cell>{u.name}</Table.Cell>
                  <Table.Cell>
                    <span className="brug-code">{u.email}</span>
                  </Table.Cell>
                  <Table.Cell>{t(`roles.${u.role}`)}</Table.Cell>
                  <Table.Cell>{activeText(u.active, t)}</Table.Cell>
                  <Table.Cell>
                    <Button
                      variant="tertiary"
                      disabled={remove.isPending}
                      onClick={() => {
                        add.reset();
                        remove.mutate(u);
                      }}
                    >
                      {sayOps(t, 'members.remove', { unit: unit.name })}
                      <span className="ams-visually-hidden">: {u.name}</span>
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableRegion>
      )}
      <Row wrap>
        {members.hasNextPage && (
          <Button
            variant="tertiary"
            disabled={members.isFetchingNextPage}
            onClick={() => void members.fetchNextPage()}
          >
            {sayOps(t, 'members.more')}
          </Button>
        )}
        <Button variant="tertiary" onClick={onClose}>
          {sayOps(t, 'members.close')}
        </Button>
      </Row>
    </section>
  );
}
