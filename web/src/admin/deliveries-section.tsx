import {
  Alert,
  Button,
  Checkbox,
  Heading,
  Paragraph,
  Row,
  Table,
} from '@amsterdam/design-system-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '../api/client';
import { SelectField } from '../common/form';
import { formatDateTime, formatNumber } from '../common/format';
import { LoadError, Loading } from '../common/query-state';
import { TableRegion } from '../common/table-region';
import { adminProblemText } from './admin-kit';
import { adminKeys, WEBHOOK_EVENT_TYPES, type WebhookEventType } from './api';
import { sayOps } from './ops-texts';

type Delivery = Schemas['DeliveryDto'];
type DeliveryStatus = Delivery['status'];

const STATUSES = [
  'failed',
  'skipped',
  'retrying',
  'pending',
  'sending',
  'sent',
] as const satisfies readonly DeliveryStatus[];
/** Only deliveries that gave up or were not sent are sent again (ADR 41). */
const replayable = (status: DeliveryStatus): status is 'failed' | 'skipped' =>
  status === 'failed' || status === 'skipped';

interface Filter {
  status: DeliveryStatus;
  eventType: WebhookEventType | '';
}

/**
 * One webhook's delivery log (`GET /admin/deliveries?webhookId=`), newest first, a page at a
 * time, filtered by status and event; failed or skipped ones sent again, chosen ones or every one
 * matching the filter (`POST /admin/deliveries/replay`, audited by the API).
 */
export function DeliveriesSection({
  webhookId,
  name,
  onClose,
}: {
  webhookId: string;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<Filter>({ status: 'failed', eventType: '' });
  const [filter, setFilter] = useState<Filter>(draft);
  const [chosen, setChosen] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => heading.current?.focus(), []);

  const key = [...adminKeys.all, 'deliveries', webhookId, filter.status, filter.eventType];
  const deliveries = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/admin/deliveries', {
          params: {
            query: {
              webhookId,
              status: filter.status,
              pageSize: 25,
              ...(filter.eventType ? { eventType: filter.eventType } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const replay = useMutation({
    mutationFn: (body: Schemas['ReplayDeliveriesDto']) =>
      call(api.POST('/admin/deliveries/replay', { body })),
    onMutate: () => setNotice(null),
    onSuccess: (result) => {
      setChosen([]);
      setNotice(
        result.more
          ? sayOps(t, 'deliveries.replayedMore', { count: result.replayed })
          : sayOps(t, 'deliveries.replayed', { count: result.replayed }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const [nothingChosen, setNothingChosen] = useState(false);

  const show = (event: SubmitEvent) => {
    event.preventDefault();
    setChosen([]);
    setNotice(null);
    replay.reset();
    setFilter(draft);
  };
  const items = deliveries.data?.pages.flatMap((p) => p.items) ?? [];
  const canReplay = replayable(filter.status);

  return (
    <section aria-labelledby="deliveries-heading" className="brug-panel ams-mb-xl">
      <Heading level={2} id="deliveries-heading" ref={heading} tabIndex={-1} className="ams-mb-s">
        {sayOps(t, 'deliveries.title', { name })}
      </Heading>
      <Paragraph className="ams-mb-m">{sayOps(t, 'deliveries.intro')}</Paragraph>
      <form
        onSubmit={show}
        noValidate
        aria-label={sayOps(t, 'deliveries.filter')}
        className="ams-mb-m"
        data-testid="deliveries-filter"
      >
        <Row wrap align="end">
          <SelectField
            id="deliveries-status"
            label={sayOps(t, 'deliveries.status')}
            value={draft.status}
            onChange={(v) => v && setDraft((d) => ({ ...d, status: v }))}
            options={STATUSES.map((s) => ({
              value: s,
              label: sayOps(t, `deliveries.statuses.${s}`),
            }))}
          />
          <SelectField
            id="deliveries-eventType"
            label={sayOps(t, 'deliveries.eventType')}
            value={draft.eventType}
            onChange={(v) => setDraft((d) => ({ ...d, eventType: v }))}
            placeholder={sayOps(t, 'deliveries.anyEventType')}
            options={WEBHOOK_EVENT_TYPES.map((type) => ({ value: type, label: type }))}
          />
          <Button type="submit" variant="secondary">
            {sayOps(t, 'deliveries.show')}
          </Button>
        </Row>
      </form>
      <div role="status" className="ams-mb-m" data-testid="deliveries-notice">
        {notice && <Alert heading={notice} headingLevel={3} severity="success" />}
      </div>
      {(replay.isError || nothingChosen) && (
        <Alert
          heading={sayOps(t, 'deliveries.replayFailed')}
          headingLevel={3}
          severity="error"
          className="ams-mb-m"
          role="alert"
          data-testid="deliveries-error"
        >
          <Paragraph>
            {nothingChosen
              ? sayOps(t, 'deliveries.nothingChosen')
              : adminProblemText(replay.error, t)}
          </Paragraph>
        </Alert>
      )}
      {deliveries.isPending ? (
        <Loading />
      ) : deliveries.isError ? (
        <LoadError error={deliveries.error} retry={() => void deliveries.refetch()} />
      ) : items.length === 0 ? (
        <Paragraph className="ams-mb-m" data-testid="deliveries-none">
          {sayOps(t, 'deliveries.none')}
        </Paragraph>
      ) : (
        <>
          <TableRegion label={sayOps(t, 'deliveries.title', { name })}>
            <Table className="ams-mb-m" data-testid="admin-deliveries">
              <Table.Caption className="ams-visually-hidden">
                {sayOps(t, 'deliveries.title', { name })}
              </Table.Caption>
              <Table.Header>
                <Table.Row>
                  {canReplay && (
                    <Table.HeaderCell scope="col">
                      {sayOps(t, 'deliveries.select')}
                    </Table.HeaderCell>
                  )}
                  <Table.HeaderCell scope="col">
                    {sayOps(t, 'deliveries.eventType')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col">{sayOps(t, 'deliveries.status')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">
                    {sayOps(t, 'deliveries.attempts')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col">
                    {sayOps(t, 'deliveries.lastError')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col">
                    {sayOps(t, 'deliveries.createdAt')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col">{sayOps(t, 'deliveries.replays')}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {items.map((d) => (
                  <Table.Row key={d.id}>
                    {canReplay && (
                      <Table.Cell>
                        <Checkbox
                          id={`delivery-${d.id}`}
                          name="deliveries"
                          checked={chosen.includes(d.id)}
                          onChange={(e) => {
                            setNothingChosen(false);
                            setChosen((c) =>
                              e.target.checked ? [...c, d.id] : c.filter((id) => id !== d.id),
                            );
                          }}
                        >
                          <span className="ams-visually-hidden">
                            {sayOps(t, 'deliveries.selectOne', {
                              event: d.eventType,
                              time: formatDateTime(d.createdAt),
                            })}
                          </span>
                        </Checkbox>
                      </Table.Cell>
                    )}
                    <Table.Cell>
                      <span className="brug-code">{d.eventType}</span>
                    </Table.Cell>
                    <Table.Cell>{sayOps(t, `deliveries.statuses.${d.status}`)}</Table.Cell>
                    <Table.Cell>{formatNumber(d.attempts)}</Table.Cell>
                    {/* The receiver's answer as Brug recorded it (technical, English). */}
                    <Table.Cell lang={d.lastError ? 'en' : undefined}>
                      {d.lastError ?? sayOps(t, 'deliveries.noError')}
                    </Table.Cell>
                    <Table.Cell>{formatDateTime(d.createdAt)}</Table.Cell>
                    <Table.Cell>{formatNumber(d.replays)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableRegion>
          {deliveries.hasNextPage && (
            <Button
              variant="tertiary"
              className="ams-mb-m"
              disabled={deliveries.isFetchingNextPage}
              onClick={() => void deliveries.fetchNextPage()}
            >
              {sayOps(t, 'deliveries.more')}
            </Button>
          )}
        </>
      )}
      <Row wrap>
        {canReplay && items.length > 0 && (
          <>
            <Button
              variant="primary"
              disabled={replay.isPending}
              onClick={() => {
                if (chosen.length === 0) {
                  setNothingChosen(true);
                  return;
                }
                setNothingChosen(false);
                replay.mutate({ deliveryIds: chosen });
              }}
            >
              {sayOps(t, 'deliveries.replaySelected', { count: chosen.length })}
            </Button>
            <Button
              variant="secondary"
              disabled={replay.isPending}
              onClick={() => {
                setNothingChosen(false);
                replay.mutate({
                  webhookId,
                  channel: 'webhook',
                  status: filter.status as 'failed' | 'skipped',
                  ...(filter.eventType ? { eventType: filter.eventType } : {}),
                });
              }}
            >
              {sayOps(t, 'deliveries.replayAll')}
            </Button>
          </>
        )}
        <Button variant="tertiary" onClick={onClose}>
          {sayOps(t, 'deliveries.close')}
        </Button>
      </Row>
    </section>
  );
}
