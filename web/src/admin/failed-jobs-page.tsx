import { Alert, Button, Paragraph, Table } from '@amsterdam/design-system-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, call, type Schemas } from '../api/client';
import { ApiProblem } from '../api/problem';
import { formatDateTime, formatNumber } from '../common/format';
import { PageHeading } from '../common/page-title';
import { LoadError, Loading } from '../common/query-state';
import { TableRegion } from '../common/table-region';
import { AdminBackLink } from './admin-overview-page';
import { adminProblemText, SavedNotice } from './admin-kit';
import { adminKeys } from './api';
import { sayOps } from './ops-texts';

type FailedJob = Schemas['FailedJobDto'];
const FAILED_JOBS_KEY = [...adminKeys.all, 'failed-jobs'] as const;

/** A refusal of a retry in words: "not (any more) failed" has its own sentence. */
function retryProblemText(error: unknown, t: TFunction): string {
  return error instanceof ApiProblem && error.code === 'job_not_found'
    ? sayOps(t, 'failedJobs.job_not_found')
    : adminProblemText(error, t);
}

/**
 * /admin/failed-jobs: the queue jobs that failed their last attempt (`GET /admin/failed-jobs`),
 * each run again by `POST /admin/failed-jobs/{id}/retry` (audited as `job.retried` by the API).
 */
export function FailedJobsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const jobs = useQuery({
    queryKey: FAILED_JOBS_KEY,
    queryFn: () => call(api.GET('/admin/failed-jobs')).then((list) => list.items),
  });
  const [notice, setNotice] = useState<string | null>(null);
  const retry = useMutation({
    mutationFn: (job: FailedJob) =>
      call(api.POST('/admin/failed-jobs/{id}/retry', { params: { path: { id: job.id } } })),
    onMutate: () => setNotice(null),
    onSuccess: (_, job) =>
      setNotice(sayOps(t, 'failedJobs.retried', { name: job.name, queue: job.queue })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: FAILED_JOBS_KEY }),
  });
  return (
    <>
      <PageHeading title={sayOps(t, 'failedJobs.title')} />
      <AdminBackLink />
      <Paragraph className="ams-mb-l">{sayOps(t, 'failedJobs.intro')}</Paragraph>
      <SavedNotice message={notice} />
      {retry.isError && (
        <Alert
          heading={sayOps(t, 'failedJobs.retryFailed')}
          headingLevel={2}
          severity="error"
          className="ams-mb-m"
          role="alert"
          data-testid="failed-jobs-error"
        >
          <Paragraph>{retryProblemText(retry.error, t)}</Paragraph>
        </Alert>
      )}
      {jobs.isPending ? (
        <Loading />
      ) : jobs.isError ? (
        <LoadError error={jobs.error} retry={() => void jobs.refetch()} />
      ) : jobs.data.length === 0 ? (
        <Paragraph data-testid="failed-jobs-none">{sayOps(t, 'failedJobs.none')}</Paragraph>
      ) : (
        <TableRegion label={sayOps(t, 'failedJobs.title')}>
          <Table className="ams-mb-l" data-testid="admin-failed-jobs">
            <Table.Caption className="ams-visually-hidden">
              {sayOps(t, 'failedJobs.title')}
            </Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{sayOps(t, 'failedJobs.queue')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{sayOps(t, 'failedJobs.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{sayOps(t, 'failedJobs.reason')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{sayOps(t, 'failedJobs.attempts')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{sayOps(t, 'failedJobs.failedAt')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {jobs.data.map((job) => (
                <Table.Row key={job.id}>
                  <Table.Cell>
                    <span className="brug-code">{job.queue}</span>
                  </Table.Cell>
                  <Table.Cell>
                    <span className="brug-code">{job.name}</span>
                  </Table.Cell>
                  {/* The worker's own words (English, technical): shown as they are. */}
                  <Table.Cell lang="en">{job.failedReason}</Table.Cell>
                  <Table.Cell>{formatNumber(job.attemptsMade)}</Table.Cell>
                  <Table.Cell>{job.failedAt ? formatDateTime(job.failedAt) : '—'}</Table.Cell>
                  <Table.Cell>
                    <Button
                      variant="secondary"
                      disabled={retry.isPending}
                      onClick={() => retry.mutate(job)}
                    >
                      {retry.isPending && retry.variables.id === job.id
                        ? sayOps(t, 'failedJobs.retrying')
                        : sayOps(t, 'failedJobs.retry')}
                      <span className="ams-visually-hidden">
                        : {job.queue} {job.name} {job.failedAt ? formatDateTime(job.failedAt) : ''}
                      </span>
                    </Button>
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
