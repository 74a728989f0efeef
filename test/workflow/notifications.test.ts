import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { COULD_NOT_CONNECT } from '../../src/workflow/notifications/webhook-client';
import { verifySignature } from '../../src/workflow/notifications/webhook-signature';
import { bearer, fileCase, transition } from '../support/factories';
import { MailCatcher } from '../support/mail-catcher';
import { expectProblem } from '../support/problem';
import { waitFor } from '../support/processes';
import { DEMO, startTestApp, TestApp } from '../support/test-app';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

/** A webhook receiver on loopback that answers with a status the test controls. */
async function receiver(): Promise<{
  server: Server;
  url: string;
  received: Received[];
  answer: { status: number };
}> {
  const received: Received[] = [];
  const answer = { status: 200 };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body, at: Date.now() });
      res.statusCode = answer.status;
      res.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/hook`, received, answer };
}

describe('notifications', () => {
  let t: TestApp;
  const mail = new MailCatcher();
  beforeAll(async () => {
    await mail.start();
    t = await startTestApp({
      env: {
        WORKERS: 'on',
        RELAY_POLL_MS: '200',
        SMTP_URL: mail.url,
        WEBHOOK_ALLOW_LOOPBACK: 'true',
        JOB_ATTEMPTS: '3',
        JOB_BACKOFF_MS: '200',
        // Deliveries (ADR 41): pauses of [500, 1000] ms, then [1000, 2000] ms, then [2000, 4000]
        // ms; a window of 3.4 s holds the third attempt (at most 1 + 2 s after the first) and
        // never a fourth (at least 0.5 + 1 + 2 s after it): three attempts, then `failed`.
        NOTIFY_RETRY_BASE_MS: '1000',
        NOTIFY_RETRY_MAX_DELAY_MS: '4000',
        NOTIFY_RETRY_FOR_MS: '3400',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await mail.stop();
  });

  it('emails the buyer on each status change of their case, and the team on routing', async () => {
    const c = await fileCase(t);
    await waitFor(
      async () =>
        (
          await t
            .http()
            .get(`/api/v1/cases/${c.id}`)
            .set(await bearer(t, 'staff'))
        ).body.status === 'routed',
    );
    await transition(t, 'staff', c.id, 2, { to: 'accepted' });
    await transition(t, 'staff', c.id, 3, { to: 'in_progress' });
    const toBuyer = () =>
      mail.mails.filter((m) => m.to.includes(DEMO.buyer) && m.subject.includes(c.reference));
    await waitFor(() => toBuyer().length === 3, 15_000);
    expect(toBuyer().map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        `[Brug] ${c.reference}: doorgezet naar MeentCoop`,
        `[Brug] ${c.reference}: aangenomen`,
        `[Brug] ${c.reference}: in behandeling`,
      ]),
    );
    const accepted = toBuyer().find((m) => m.subject.endsWith('aangenomen'))!;
    expect(accepted.raw).toContain('Beste Bo Inkoper');
    expect(accepted.raw).toContain('English: your case');
    const toTeam = mail.mails.filter(
      (m) => m.to.includes(DEMO.staff) && m.subject.includes(c.reference),
    );
    expect(toTeam).toHaveLength(1);
    expect(toTeam[0]!.subject).toContain('Nieuwe zaak voor MeentCoop Energie');
    // Each delivery once, with a stable Message-ID.
    const ids = mail.mails.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('signs webhook deliveries; retries a failing endpoint on its schedule into the failed set; an admin retry delivers it', async () => {
    const hook = await receiver();
    try {
      const admin = await bearer(t, 'admin');
      const created = await t
        .http()
        .post('/api/v1/webhooks')
        .set(admin)
        .send({
          url: hook.url,
          eventTypes: ['case.filed', 'case.transitioned'],
          description: 'Test receiver',
        })
        .expect(201);
      const secret = created.body.secret as string;
      expect(secret.length).toBeGreaterThan(20);
      const listed = await t.http().get('/api/v1/webhooks').set(admin).expect(200);
      expect(JSON.stringify(listed.body)).not.toContain(secret);

      const c = await fileCase(t);
      await waitFor(() =>
        hook.received.some(
          (r) => r.body.includes(c.id) && r.headers['brug-event'] === 'case.filed',
        ),
      );
      // Deliveries run in parallel: the routing's `case.transitioned` may arrive first.
      const delivery = hook.received.find(
        (r) => r.body.includes(c.id) && r.headers['brug-event'] === 'case.filed',
      )!;
      const signature = String(delivery.headers['brug-signature']);
      expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifySignature(secret, delivery.body, signature)).toBe(true);
      expect(verifySignature('wrong-secret', delivery.body, signature)).toBe(false);
      // A CloudEvent in structured mode (ADR 41), signed as before.
      expect(delivery.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
      expect(JSON.parse(delivery.body)).toMatchObject({
        specversion: '1.0',
        type: 'nl.amsterdam.brug.case.filed',
        data: { caseId: c.id },
      });

      // The endpoint breaks: the next event is tried on the schedule, with growing pauses, until
      // its window (3.4 s here) closes: three attempts.
      const staff = await bearer(t, 'staff');
      await waitFor(
        async () =>
          (await t.http().get(`/api/v1/cases/${c.id}`).set(staff)).body.status === 'routed',
      );
      await waitFor(() =>
        hook.received.some((r) => r.body.includes('"to":"routed"') && r.body.includes(c.id)),
      );
      hook.answer.status = 500;
      const before = hook.received.length;
      await transition(t, 'staff', c.id, 2, { to: 'accepted' });
      const tries = () =>
        hook.received.slice(before).filter((r) => r.body.includes('"to":"accepted"'));
      await waitFor(() => tries().length >= 3, 20_000);
      const attempts = tries();
      // Exponential backoff with equal jitter: at least 500 ms, then at least 1000 ms. Only the
      // lower bounds: on a busy machine a pause runs longer.
      const at = attempts.map((a) => a.at);
      expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(450);
      expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(950);
      let failed: { id: string; name: string; data: { deliveryId: string } }[] = [];
      await waitFor(async () => {
        failed = (await t.http().get('/api/v1/admin/failed-jobs').set(admin).expect(200)).body
          .items;
        return failed.some((f) => f.name === 'deliver-webhook');
      });
      const job = failed.find((f) => f.name === 'deliver-webhook')!;
      const db = t.app.get(DataSource);
      const [row] = await db.query<{ status: string; attempts: number }[]>(
        `SELECT status, attempts FROM notification_deliveries WHERE id = $1`,
        [job.data.deliveryId],
      );
      // On a slow machine the third attempt may fall outside the window: then it gave up
      // after two. Never more than three, and the row counts every request the receiver saw.
      expect(row!.status).toBe('failed');
      expect([2, 3]).toContain(row!.attempts);
      expect(tries()).toHaveLength(row!.attempts);

      hook.answer.status = 200;
      const beforeRetry = hook.received.length;
      await t.http().post(`/api/v1/admin/failed-jobs/${job.id}/retry`).set(admin).expect(202);
      await waitFor(() => hook.received.length > beforeRetry);
      await new Promise((r) => setTimeout(r, 500));
      expect(hook.received.length).toBe(beforeRetry + 1);
      const [after] = await db.query(`SELECT status FROM notification_deliveries WHERE id = $1`, [
        job.data.deliveryId,
      ]);
      expect(after.status).toBe('sent');
      expectProblem(
        await t.http().post(`/api/v1/admin/failed-jobs/${job.id}/retry`).set(admin),
        404,
      );
      expectProblem(await t.http().get('/api/v1/admin/failed-jobs').set(staff), 403);
    } finally {
      hook.server.close();
    }
  });

  it('gives up at once on a webhook answering 410 Gone: one attempt, straight into the failed set; the webhook is switched off, audited, and the admins told', async () => {
    const hook = await receiver();
    hook.answer.status = 410;
    const admin = await bearer(t, 'admin');
    const created = await t
      .http()
      .post('/api/v1/webhooks')
      .set(admin)
      .send({ url: hook.url, eventTypes: ['case.filed'], description: 'Gone receiver' })
      .expect(201);
    try {
      const c = await fileCase(t);
      const db = t.app.get(DataSource);
      let row: { id: string; status: string; attempts: number } | undefined;
      await waitFor(async () => {
        [row] = await db.query(
          `SELECT id, status, attempts FROM notification_deliveries
            WHERE recipient = $1 AND event_type = 'case.filed' AND status = 'failed'`,
          [created.body.id],
        );
        return row !== undefined;
      });
      let job: { name: string; attemptsMade: number; failedReason: string } | undefined;
      await waitFor(async () => {
        const failed = (await t.http().get('/api/v1/admin/failed-jobs').set(admin).expect(200)).body
          .items as {
          name: string;
          attemptsMade: number;
          failedReason: string;
          data: { deliveryId: string };
        }[];
        job = failed.find((f) => f.data.deliveryId === row!.id);
        return job !== undefined;
      });
      expect(job).toMatchObject({
        name: 'deliver-webhook',
        attemptsMade: 1,
        failedReason: 'webhook answered 410',
      });
      // Longer than the pause before a second attempt (at most 1 s): none comes.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(hook.received.filter((r) => r.body.includes(c.id))).toHaveLength(1);
      expect(row).toMatchObject({ status: 'failed', attempts: 1 });
      // Switched off: visible on the webhook, audited, and the administrators emailed.
      const listed = (await t.http().get('/api/v1/webhooks').set(admin).expect(200)).body.items as {
        id: string;
        active: boolean;
        switchedOffReason: string | null;
      }[];
      expect(listed.find((h) => h.id === created.body.id)).toMatchObject({
        active: false,
        switchedOffReason: 'webhook answered 410',
        switchedOffAt: expect.any(String),
      });
      const audit = await dbOf(t).query<{ data: { change: string; reason: string } }[]>(
        `SELECT data::jsonb AS data FROM audit_events
          WHERE subject_type = 'webhook' AND subject_id = $1 AND action = 'catalogue.changed'
          ORDER BY seq`,
        [created.body.id],
      );
      expect(audit.map((a) => a.data.change)).toEqual(['created', 'switched_off']);
      expect(audit[1]!.data.reason).toBe('webhook answered 410');
      await waitFor(() =>
        mail.mails.some((m) => m.to.includes(DEMO.admin) && m.raw.includes(hook.url)),
      );
      expect(
        mail.mails.filter((m) => m.to.includes(DEMO.admin) && m.raw.includes(hook.url)),
      ).toHaveLength(1);
      // Its next event is not sent to it: an inactive webhook subscribes to nothing.
      const next = await fileCase(t);
      const staff = await bearer(t, 'staff');
      await waitFor(
        async () =>
          (await t.http().get(`/api/v1/cases/${next.id}`).set(staff)).body.status === 'routed',
      );
      await new Promise((r) => setTimeout(r, 1_000));
      expect(hook.received.filter((r) => r.body.includes(next.id))).toHaveLength(0);
    } finally {
      await dbOf(t).query(`UPDATE webhooks SET active = false WHERE id = $1`, [created.body.id]);
      hook.server.close();
    }
  });

  it.each([
    'http://10.0.0.5/hook',
    'http://192.168.1.20/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://[fe80::1]/hook',
    'http://172.16.3.4/x',
  ])('refuses to register a webhook at %s', async (url) => {
    const response = await t
      .http()
      .post('/api/v1/webhooks')
      .set(await bearer(t, 'admin'))
      .send({ url, eventTypes: ['case.filed'] });
    const problem = expectProblem(response, 400);
    expect(problem.errors).toEqual([
      { field: 'url', code: 'not_a_url', message: expect.stringMatching(/private|link-local/) },
    ]);
  });

  it('records a closed port with the same neutral reason as a refused address', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address() as AddressInfo;
    probe.close();
    await once(probe, 'close');
    const admin = await bearer(t, 'admin');
    const created = await t
      .http()
      .post('/api/v1/webhooks')
      .set(admin)
      .send({ url: `http://127.0.0.1:${port}/hook`, eventTypes: ['case.filed'] })
      .expect(201);
    try {
      await fileCase(t);
      let rows: { last_error: string | null }[] = [];
      await waitFor(async () => {
        rows = await dbOf(t).query(
          `SELECT last_error FROM notification_deliveries
            WHERE recipient = $1 AND status = 'failed'`,
          [created.body.id],
        );
        return rows.length > 0;
      });
      expect(rows[0]!.last_error).toBe(COULD_NOT_CONNECT);
    } finally {
      await dbOf(t).query(`UPDATE webhooks SET active = false WHERE id = $1`, [created.body.id]);
    }
  });
});

const dbOf = (t: TestApp) => t.app.get(DataSource);

describe('webhook addresses with loopback refused (the SSRF probe)', () => {
  let t: TestApp;
  let hook: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => {
    hook = await receiver();
    t = await startTestApp({
      env: {
        WORKERS: 'on',
        RELAY_POLL_MS: '200',
        WEBHOOK_ALLOW_LOOPBACK: 'false',
        WEBHOOK_ALLOW_PRIVATE: 'false',
        JOB_ATTEMPTS: '1',
        // One attempt: the first pause (at least 15 s) ends outside a window of 100 ms.
        NOTIFY_RETRY_FOR_MS: '100',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    hook.server.close();
  });
  const port = () => new URL(hook.url).port;

  it.each([
    'http://[::ffff:127.0.0.1]:PORT/hook',
    'http://[0:0:0:0:0:ffff:7f00:1]:PORT/hook',
    'http://[::127.0.0.1]:PORT/hook',
    'http://[::ffff:7f00:1]:PORT/hook',
    'http://[::ffff:169.254.169.254]/latest/meta-data',
    'http://[::ffff:10.0.0.1]/hook',
    'http://[64:ff9b::7f00:1]:PORT/hook',
    'http://[2002:7f00:1::]:PORT/hook',
    'http://[::1]:PORT/hook',
    'http://[::]:PORT/hook',
    'http://127.0.0.1:PORT/hook',
    'http://0.0.0.0:PORT/hook',
    'http://0x7f.1:PORT/hook',
    'http://2130706433:PORT/hook',
    'http://localhost:PORT/hook',
  ])('refuses to register %s', async (spelling) => {
    const url = spelling.replace('PORT', port());
    const admin = await bearer(t, 'admin');
    const problem = expectProblem(
      await t
        .http()
        .post('/api/v1/webhooks')
        .set(admin)
        .send({ url, eventTypes: ['case.filed'] }),
      400,
    );
    expect(problem.errors).toEqual([
      { field: 'url', code: 'not_a_url', message: expect.any(String) },
    ]);
  });

  it('refuses to change a webhook to a mapped loopback address', async () => {
    const admin = await bearer(t, 'admin');
    const created = await t
      .http()
      .post('/api/v1/webhooks')
      .set(admin)
      .send({ url: 'http://8.8.8.8/hook', eventTypes: ['case.sla_breached'] })
      .expect(201);
    const problem = expectProblem(
      await t
        .http()
        .patch(`/api/v1/webhooks/${created.body.id}`)
        .set(admin)
        .set('If-Match', '"1"')
        .send({ url: `http://[::ffff:127.0.0.1]:${port()}/hook` }),
      400,
    );
    expect(problem.errors).toEqual([
      { field: 'url', code: 'not_a_url', message: 'is a loopback address, which is not allowed' },
    ]);
  });

  it('does not deliver to a loopback literal written behind the guard, and says only "could not connect"', async () => {
    const ids: string[] = [];
    for (const url of [`http://[::ffff:127.0.0.1]:${port()}/hook`, hook.url]) {
      const [row] = await dbOf(t).query<{ id: string }[]>(
        `INSERT INTO webhooks (url, event_types, secret) VALUES ($1, '{case.filed}', 's3cret')
         RETURNING id`,
        [url],
      );
      ids.push(row!.id);
    }
    await fileCase(t);
    let rows: { recipient: string; last_error: string | null }[] = [];
    await waitFor(async () => {
      rows = await dbOf(t).query(
        `SELECT recipient, last_error FROM notification_deliveries
          WHERE recipient = ANY($1) AND status = 'failed'`,
        [ids],
      );
      return rows.length === ids.length;
    });
    expect(rows.map((r) => r.last_error)).toEqual([COULD_NOT_CONNECT, COULD_NOT_CONNECT]);
    const admin = await bearer(t, 'admin');
    let failed: { name: string; failedReason: string; data: { deliveryId: string } }[] = [];
    await waitFor(async () => {
      failed = (await t.http().get('/api/v1/admin/failed-jobs').set(admin).expect(200)).body.items;
      return failed.filter((f) => f.name === 'deliver-webhook').length >= ids.length;
    });
    for (const job of failed.filter((f) => f.name === 'deliver-webhook')) {
      expect(job.failedReason).toBe(COULD_NOT_CONNECT);
    }
    expect(hook.received).toHaveLength(0);
  });
});
