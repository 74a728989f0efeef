import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { bullConnection, QueueService } from '../../src/workflow/queues/queue.service';
import {
  expectAccessible,
  newContext,
  PHONE,
  signIn,
  startUiApp,
  type UiApp,
} from '../support/browser';

/**
 * Issue 19, item 6: the failed jobs in the administrator's web UI. An admin sees the jobs that
 * failed their last attempt, runs one again (audited as `job.retried` by the API), and is told in
 * words when a job is no longer there to retry. In Dutch and English, axe clean, at 375 px.
 * Workers are off in the UI app, so a job stays where the test puts it.
 */
const TEXT = {
  nl: {
    retry: 'Opnieuw starten',
    retried: 'staat weer klaar',
    gone: 'Deze taak staat niet (meer) bij de mislukte taken',
  },
  en: {
    retry: 'Run again',
    retried: 'is waiting to run again',
    gone: 'This job is not (or no longer) among the failed jobs',
  },
} as const;

describe.each(['nl', 'en'] as const)('failed jobs in the browser (%s)', (language) => {
  let ui: UiApp;
  const text = TEXT[language];
  beforeAll(async () => {
    ui = await startUiApp();
  });
  afterAll(() => ui.close());

  /** A job in the routing queue's failed set, failed by hand as a worker would. */
  async function failedJob(reason: string): Promise<string> {
    const queues = ui.t.app.get(QueueService).queues;
    const id = `ui-failed-${randomUUID()}`;
    await queues.routing.add(
      'route-case',
      { caseId: randomUUID(), eventId: randomUUID() },
      { jobId: id, attempts: 1, removeOnFail: false },
    );
    const worker = new Worker('routing', null, {
      connection: bullConnection(ui.t.config, true),
      prefix: ui.t.config.redisPrefix,
      autorun: false,
    });
    try {
      const token = randomUUID();
      const job = await worker.getNextJob(token);
      expect(job?.id).toBe(id);
      await job.moveToFailed(new Error(reason), token);
    } finally {
      await worker.close();
    }
    return id;
  }

  it('lists the failed jobs, runs one again (audited) and words a retry of one that is gone', async () => {
    const queues = ui.t.app.get(QueueService).queues;
    const db = ui.t.app.get(DataSource);
    const kept = await failedJob(`receiver away (${language})`);
    const gone = await failedJob(`receiver gone (${language})`);
    const context = await newContext(ui, { language, viewport: PHONE });
    try {
      const page = await context.newPage();
      await signIn(page, 'admin');
      await page.goto('/admin/failed-jobs');
      await page.locator('main h1').waitFor();
      await page.locator('.brug-loading').first().waitFor({ state: 'detached' });
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      const table = page.getByTestId('admin-failed-jobs');
      const keptRow = table.locator('tr', { hasText: `receiver away (${language})` });
      const goneRow = table.locator('tr', { hasText: `receiver gone (${language})` });
      await keptRow.waitFor();
      await goneRow.waitFor();
      await expectAccessible(page, `${language} failed jobs`);
      expect(
        await page.evaluate<number>('document.documentElement.scrollWidth'),
      ).toBeLessThanOrEqual(PHONE.width);

      // The deliberate mistake: someone else removed the job meanwhile.
      await (await queues.routing.getJob(gone))?.remove();
      await goneRow.getByRole('button', { name: new RegExp(`^${text.retry}`) }).click();
      const error = page.getByTestId('failed-jobs-error');
      await error.waitFor();
      expect(await error.innerText()).toContain(text.gone);
      await goneRow.waitFor({ state: 'detached' });
      await expectAccessible(page, `${language} failed jobs, a retry refused`);

      await keptRow.getByRole('button', { name: new RegExp(`^${text.retry}`) }).click();
      await keptRow.waitFor({ state: 'detached' });
      expect(await page.getByTestId('admin-saved').innerText()).toContain(text.retried);
      expect(await (await queues.routing.getJob(kept))?.getState()).toBe('waiting');
      const audited = await db.query<{ action: string }[]>(
        `SELECT action FROM audit_events WHERE subject_type = 'queue_job' AND subject_id = $1`,
        [`routing/${kept}`],
      );
      expect(audited.map((a) => a.action)).toEqual(['job.retried']);
      await (await queues.routing.getJob(kept))?.remove();
    } finally {
      await context.close();
    }
  });
});
