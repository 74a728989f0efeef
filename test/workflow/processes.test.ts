import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { QueueService } from '../../src/workflow/queues/queue.service';
import { MODEL_CASE } from '../support/factories';
import { MailCatcher } from '../support/mail-catcher';
import { start, waitFor, type Running } from '../support/processes';
import { sparePort } from '../support/redis-server';
import { DEMO, DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

/** Worker and API processes as operators run them (compiled), sharing one database and Redis. */
describe('workflow across processes', () => {
  let t: TestApp;
  const running: Running[] = [];
  const mail = new MailCatcher();

  const env = (extra: Record<string, string> = {}) => ({
    DATABASE_URL: t.config.databaseUrl,
    REDIS_URL: t.config.redisUrl,
    REDIS_PREFIX: t.config.redisPrefix,
    JWT_SECRET: t.config.jwtSecret,
    SMTP_URL: mail.url,
    RELAY_POLL_MS: '200',
    WORKER_LOCK_MS: '2000',
    LOG_LEVEL: 'info',
    ...extra,
  });
  const worker = async (): Promise<Running> => {
    const w = start('worker', env());
    running.push(w);
    await waitFor(() => w.output().includes('Brug workers started'), 90_000);
    return w;
  };

  beforeAll(async () => {
    await mail.start();
    t = await startTestApp(); // the test's own API: WORKERS off
  });
  afterAll(async () => {
    for (const r of running) await r.stop('SIGKILL');
    await t.close();
    await mail.stop();
  });
  afterEach(async () => {
    for (const r of running.splice(0)) await r.stop('SIGTERM');
  });

  const routedOnce = async (ids: string[]) => {
    const db = t.app.get(DataSource);
    const rows = await db.query<{ case_id: string; n: number }[]>(
      `SELECT case_id, count(*)::int AS n FROM audit_events WHERE action = 'case.transitioned' AND data::jsonb->>'to' = 'routed' AND case_id = ANY($1) GROUP BY case_id`,
      [ids],
    );
    return rows.length === ids.length && rows.every((r) => r.n === 1);
  };

  it('takes up a routing job again after its worker was killed mid-job, and routes once', async () => {
    const a = await worker();
    // Hold routing still: the job blocks on reading the routing rules.
    const blocker = new Client({ connectionString: t.config.databaseUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE routing_rules IN ACCESS EXCLUSIVE MODE');
    try {
      const token = await t.token('buyer');
      const filed = await t
        .http()
        .post('/api/v1/cases')
        .set('Authorization', `Bearer ${token}`)
        .send(MODEL_CASE)
        .expect(201);
      const routing = t.app.get(QueueService).queues.routing;
      await waitFor(async () => (await routing.getActiveCount()) === 1);
      await a.stop('SIGKILL');
      await blocker.query('COMMIT');
      const b = await worker();
      const db = t.app.get(DataSource);
      await waitFor(async () => {
        const [row] = await db.query(`SELECT status FROM cases WHERE id = $1`, [filed.body.id]);
        return row.status === 'routed';
      }, 20_000);
      // The worker logs after its commit, and its output reaches the test through a pipe: on a
      // busy machine the line can arrive after the status is visible, so wait for it too.
      await waitFor(() => b.output().includes('Routed'), 20_000);
      expect(await routedOnce([filed.body.id])).toBe(true);
    } finally {
      await blocker.end();
    }
  });

  it('routes 200 cases filed on an API process with two workers: each once, every email once', async () => {
    await Promise.all([worker(), worker()]);
    const port = await sparePort();
    const api = start('main', env({ PORT: String(port), HOST: '127.0.0.1', WORKERS: 'off' }));
    running.push(api);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(async () => {
      try {
        return (await fetch(`${base}/health/ready`)).status === 200;
      } catch {
        return false;
      }
    });
    const signIn = async (email: string) =>
      (
        (await (
          await fetch(`${base}/api/v1/auth/token`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ email, password: DEMO_PASSWORD }),
          })
        ).json()) as { accessToken: string }
      ).accessToken;
    const tokens = [await signIn(DEMO.buyer), await signIn(DEMO.buyer2)];
    const before = mail.mails.length;
    const ids: string[] = [];
    for (let batch = 0; batch < 20; batch++) {
      const results = await Promise.all(
        Array.from({ length: 10 }, async (_, i) => {
          const response = await fetch(`${base}/api/v1/cases`, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              Authorization: `Bearer ${tokens[i % 2]!}`,
            },
            body: JSON.stringify({ ...MODEL_CASE, title: `Zaak ${batch * 10 + i} van de proef` }),
          });
          expect(response.status).toBe(201);
          return ((await response.json()) as { id: string }).id;
        }),
      );
      ids.push(...results);
    }
    const db = t.app.get(DataSource);
    await waitFor(async () => routedOnce(ids), 60_000);
    expect(await routedOnce(ids)).toBe(true);

    // Every delivery is sent once: 200 buyers' status mails and 200 mails to the energy team.
    await waitFor(async () => {
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM notification_deliveries d
           JOIN outbox_events e ON e.id = d.event_id
          WHERE d.channel = 'email' AND d.status = 'sent' AND e.payload->>'caseId' = ANY($1)`,
        [ids],
      );
      return n === 400;
    }, 60_000);
    await new Promise((r) => setTimeout(r, 1000));
    const caught = mail.mails.slice(before);
    expect(caught).toHaveLength(400);
    const keys = caught.map((m) => `${m.to.join(',')} ${m.subject}`);
    expect(new Set(keys).size).toBe(400);
    expect(new Set(caught.map((m) => m.messageId)).size).toBe(400);
  });
});
