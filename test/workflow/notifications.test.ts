import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { verifySignature } from '../../src/workflow/webhook-signature';
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

  it('signs webhook deliveries; retries a failing endpoint with backoff into the failed set; an admin retry delivers it', async () => {
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
      const delivery = hook.received.find((r) => r.body.includes(c.id))!;
      const signature = String(delivery.headers['brug-signature']);
      expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifySignature(secret, delivery.body, signature)).toBe(true);
      expect(verifySignature('wrong-secret', delivery.body, signature)).toBe(false);
      expect(JSON.parse(delivery.body)).toMatchObject({
        type: 'case.filed',
        data: { caseId: c.id },
      });

      // The endpoint breaks: the next event is tried JOB_ATTEMPTS times, with growing pauses.
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
      expect(attempts).toHaveLength(3);
      // Exponential backoff: the second pause is longer than the first.
      const at = attempts.map((a) => a.at);
      expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(150);
      expect(at[2]! - at[1]!).toBeGreaterThan(at[1]! - at[0]!);
      let failed: { id: string; name: string; data: { deliveryId: string } }[] = [];
      await waitFor(async () => {
        failed = (await t.http().get('/api/v1/admin/failed-jobs').set(admin).expect(200)).body
          .items;
        return failed.some((f) => f.name === 'deliver-webhook');
      });
      const job = failed.find((f) => f.name === 'deliver-webhook')!;
      const db = t.app.get(DataSource);
      const [row] = await db.query(
        `SELECT status, attempts FROM notification_deliveries WHERE id = $1`,
        [job.data.deliveryId],
      );
      expect(row).toEqual({ status: 'failed', attempts: 3 });

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
      { field: 'url', message: expect.stringMatching(/private|link-local/) },
    ]);
  });
});
