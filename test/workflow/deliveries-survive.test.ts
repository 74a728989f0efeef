import { createHmac, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { DataSource } from 'typeorm';
import { WEBHOOK_EVENT_TYPES } from '../../src/events/events';
import {
  maxAttempts,
  pauseCeiling,
  type RetryPolicy,
} from '../../src/workflow/notifications/retry-schedule';
import { bearer, fileCase } from '../support/factories';
import { MailCatcher } from '../support/mail-catcher';
import { expectProblem } from '../support/problem';
import { waitFor } from '../support/processes';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 20, item 4 and acceptance 3 and 5 (ADR 41): notifications that survive a day.
 *
 * The schedule runs on a scale of one hour in 6 s (the real one, in the unit test of the
 * schedule, is one hour in one hour): pauses from 50 ms (30 s) up to 6 s (one hour), a window of
 * 144 s (24 hours), the administrators told after 4 s of failing (40 minutes).
 */
const HOUR_MS = 6_000;
const POLICY: RetryPolicy = { baseMs: 50, maxDelayMs: HOUR_MS, retryForMs: 24 * HOUR_MS };
const ALERT_AFTER_MS = 4_000;

/** The most attempts the schedule fits in `elapsed` ms from the first: every pause at its floor. */
function attemptsFitting(policy: RetryPolicy, elapsed: number): number {
  let attempts = 1;
  let spent = 0;
  while (spent + pauseCeiling(policy, attempts) / 2 <= elapsed) {
    spent += pauseCeiling(policy, attempts) / 2;
    attempts += 1;
  }
  return attempts;
}

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
  answered: number;
}

/** A webhook receiver on loopback: answers what `answer(request)` says, and keeps every request. */
async function receiver(answer: (r: { at: number }) => number = () => 200): Promise<{
  server: Server;
  url: string;
  received: Received[];
  answer: { fn: (r: { at: number }) => number };
}> {
  const received: Received[] = [];
  const state = { fn: answer };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const at = Date.now();
      const status = state.fn({ at });
      received.push({ headers: req.headers, body, at, answered: status });
      res.statusCode = status;
      res.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/hook`, received, answer: state };
}

/**
 * The receiver's check, exactly as docs/workflow.md ("Checking a delivery") writes it: split the
 * `Brug-Signature` header into `t` and `v1`; HMAC-SHA256 with the webhook's secret over
 * `<t>.<raw body>`; compare in constant time with the hex `v1`; refuse a `t` more than five
 * minutes from the receiver's clock.
 */
function receiverAccepts(secret: string, rawBody: string, header: string, now = Date.now()) {
  const parts = new Map(
    header.split(',').map((part) => {
      const i = part.indexOf('=');
      return [part.slice(0, i).trim(), part.slice(i + 1).trim()] as const;
    }),
  );
  const t = parts.get('t') ?? '';
  const v1 = parts.get('v1') ?? '';
  if (!/^\d+$/.test(t) || !/^[0-9a-f]{64}$/.test(v1)) return false;
  if (Math.abs(now / 1000 - Number(t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`, 'utf8').digest();
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'));
}

describe('notifications that survive a day (issue 20)', () => {
  let t: TestApp;
  let db: DataSource;
  const mail = new MailCatcher();
  beforeAll(async () => {
    await mail.start();
    t = await startTestApp({
      env: {
        WORKERS: 'on',
        RELAY_POLL_MS: '200',
        SMTP_URL: mail.url,
        WEBHOOK_ALLOW_LOOPBACK: 'true',
        NOTIFY_RETRY_BASE_MS: String(POLICY.baseMs),
        NOTIFY_RETRY_MAX_DELAY_MS: String(POLICY.maxDelayMs),
        NOTIFY_RETRY_FOR_MS: String(POLICY.retryForMs),
        NOTIFY_ALERT_AFTER_MS: String(ALERT_AFTER_MS),
      },
    });
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
    await mail.stop();
  });

  async function register(
    url: string,
    eventTypes: readonly string[],
    extra: Record<string, unknown> = {},
  ): Promise<{ id: string; secret: string }> {
    const created = await t
      .http()
      .post('/api/v1/webhooks')
      .set(await bearer(t, 'admin'))
      .send({ url, eventTypes, ...extra })
      .expect(201);
    return { id: created.body.id, secret: created.body.secret };
  }

  async function switchOff(id: string): Promise<void> {
    await db.query(`UPDATE webhooks SET active = false WHERE id = $1`, [id]);
  }

  const rowsOf = (webhookId: string) =>
    db.query<{ id: string; status: string; attempts: number; event_id: string }[]>(
      `SELECT id, status, attempts, event_id FROM notification_deliveries WHERE recipient = $1`,
      [webhookId],
    );

  it('a receiver down for one (simulated) hour gets every delivery, each once, within the schedule; the admins are told once', async () => {
    const hook = await receiver();
    let firstAt = Number.POSITIVE_INFINITY;
    let upAt = Number.POSITIVE_INFINITY;
    // Refuses everything (503) for at least one hour from its first request, and until every
    // delivery of these cases has been refused at least once (on a slow machine the last events
    // come later than an hour of this scale); then accepts.
    hook.answer.fn = ({ at }) => {
      if (firstAt === Number.POSITIVE_INFINITY) firstAt = at;
      return at < upAt ? 503 : 200;
    };
    const { id } = await register(hook.url, WEBHOOK_EVENT_TYPES);
    try {
      const staff = await bearer(t, 'staff');
      const cases: Awaited<ReturnType<typeof fileCase>>[] = [];
      for (let i = 0; i < 8; i++) cases.push(await fileCase(t));
      for (const c of cases) {
        await t
          .http()
          .post(`/api/v1/cases/${c.id}/notes`)
          .set(await bearer(t, 'buyer'))
          .send({ body: `Aanvulling ${c.reference}`, visibility: 'shared' })
          .expect(201);
      }
      // Every case routed (case.transitioned, case.koppel_changed) while the receiver is down.
      await waitFor(async () => {
        for (const c of cases) {
          const r = await t.http().get(`/api/v1/cases/${c.id}`).set(staff);
          if (r.body.status !== 'routed') return false;
        }
        return true;
      }, 60_000);
      // Everything delivered: a delivery for every event of these cases, every one sent.
      const events = await db.query<{ id: string }[]>(
        `SELECT id FROM outbox_events WHERE payload->>'caseId' = ANY($1) AND type = ANY($2)`,
        [cases.map((c) => c.id), WEBHOOK_EVENT_TYPES],
      );
      expect(events.length).toBeGreaterThanOrEqual(cases.length * 3);
      let rows: Awaited<ReturnType<typeof rowsOf>> = [];
      // The outage ends once every delivery has met it and an hour has passed.
      await waitFor(async () => {
        rows = await rowsOf(id);
        return rows.length === events.length && rows.every((r) => r.attempts >= 1);
      }, 120_000);
      upAt = Math.max(Date.now(), firstAt + HOUR_MS);
      // A generous limit: the last retry after the outage comes at most one pause (6 s) later.
      await waitFor(async () => {
        rows = await rowsOf(id);
        return rows.length === events.length && rows.every((r) => r.status === 'sent');
      }, 24 * HOUR_MS);
      expect(new Set(rows.map((r) => r.event_id))).toEqual(new Set(events.map((e) => e.id)));
      const accepted = hook.received.filter((r) => r.answered === 200);
      const refused = hook.received.filter((r) => r.answered !== 200);
      const ids = accepted.map((r) => JSON.parse(r.body).id as string);
      // Each delivery arrived once: as many accepted requests as deliveries, no id twice.
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(new Set(rows.map((r) => r.event_id)));
      // Nothing before the outage ended was accepted; the outage really refused requests.
      expect(refused.length).toBeGreaterThan(rows.length);
      expect(accepted.every((r) => r.at >= upAt)).toBe(true);
      // In no more attempts than the schedule allows, and the rows count every request.
      const perDelivery = new Map<string, number[]>();
      for (const r of hook.received) {
        const key = String(r.headers['brug-delivery']);
        perDelivery.set(key, [...(perDelivery.get(key) ?? []), r.at]);
      }
      for (const row of rows) {
        const times = perDelivery.get(row.id)!;
        expect(times).toHaveLength(row.attempts);
        expect(row.attempts).toBeGreaterThanOrEqual(2);
        // No more than the schedule fits between its first and its last attempt (pauses at
        // their floors), and never more than a whole day's worth.
        const elapsed = times[times.length - 1]! - times[0]!;
        expect(row.attempts).toBeLessThanOrEqual(attemptsFitting(POLICY, elapsed));
        expect(row.attempts).toBeLessThanOrEqual(maxAttempts(POLICY));
      }
      // The report against Open Zaak's anchor (1,276 lost in 300 s of downtime).
      console.log(
        `Receiver down for one simulated hour: ${rows.length} delivered, 0 lost; ` +
          `${refused.length} refused requests, at most ${Math.max(...[...perDelivery.values()].map((v) => v.length))} attempts ` +
          `for one delivery (the schedule allows ${maxAttempts(POLICY)} in 24 hours).`,
      );

      // The administrators heard of it once for this episode, however many attempts failed.
      const alerts = () =>
        mail.mails.filter((m) => m.subject.includes('Webhook faalt') && m.raw.includes(hook.url));
      await waitFor(() => alerts().length > 0);
      const admins = await db.query<{ email: string }[]>(
        `SELECT email FROM users WHERE role = 'admin' AND active`,
      );
      expect(
        alerts()
          .map((m) => m.to[0])
          .sort(),
      ).toEqual(admins.map((a) => a.email).sort());
      const audit = await db.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM audit_events WHERE action = 'webhook.failing' AND subject_id = $1`,
        [id],
      );
      expect(Number(audit[0]!.n)).toBe(1);
      // The episode is over: the webhook answers again.
      const listed = (
        await t
          .http()
          .get('/api/v1/webhooks')
          .set(await bearer(t, 'admin'))
          .expect(200)
      ).body.items as { id: string; failingSince: string | null; active: boolean }[];
      expect(listed.find((h) => h.id === id)).toMatchObject({ failingSince: null, active: true });
    } finally {
      await switchOff(id);
      hook.server.close();
    }
  });

  it('a delivery refused for good stays failed with its error, listed for admins; an admin replays it, one or in bulk (audited)', async () => {
    const hook = await receiver(() => 400);
    const { id } = await register(hook.url, ['case.filed']);
    const admin = await bearer(t, 'admin');
    try {
      const first = await fileCase(t);
      const second = await fileCase(t);
      let rows: Awaited<ReturnType<typeof rowsOf>> = [];
      await waitFor(async () => {
        rows = await rowsOf(id);
        return rows.length === 2 && rows.every((r) => r.status === 'failed');
      });
      const [row] = await db.query<{ last_error: string; attempts: number }[]>(
        `SELECT last_error, attempts FROM notification_deliveries WHERE id = $1`,
        [rows[0]!.id],
      );
      expect(row).toEqual({ last_error: 'webhook answered 400', attempts: 1 });

      // Only admins, and only with a valid filter.
      expectProblem(
        await t
          .http()
          .post('/api/v1/admin/deliveries/replay')
          .set(await bearer(t, 'staff'))
          .send({}),
        403,
      );
      expectProblem(
        await t.http().post('/api/v1/admin/deliveries/replay').set(admin).send({ status: 'sent' }),
        400,
      );

      hook.answer.fn = () => 200;
      // One by one: the delivery of the first case.
      // Admins see them, newest first, with their last error, a page at a time.
      const pageOne = await t
        .http()
        .get(`/api/v1/admin/deliveries?webhookId=${id}&pageSize=1`)
        .set(admin)
        .expect(200);
      expect(pageOne.body.items).toHaveLength(1);
      expect(pageOne.body.nextCursor).toEqual(expect.any(String));
      const pageTwo = await t
        .http()
        .get(`/api/v1/admin/deliveries`)
        .query({ webhookId: id, pageSize: 1, cursor: pageOne.body.nextCursor })
        .set(admin)
        .expect(200);
      expect(pageTwo.body.nextCursor).toBeNull();
      const listed = [...pageOne.body.items, ...pageTwo.body.items] as {
        id: string;
        status: string;
        lastError: string;
        attempts: number;
        eventType: string;
      }[];
      expect(listed.map((d) => d.id).sort()).toEqual(rows.map((r) => r.id).sort());
      for (const d of listed) {
        expect(d).toMatchObject({
          status: 'failed',
          lastError: 'webhook answered 400',
          attempts: 1,
          eventType: 'case.filed',
        });
      }
      expectProblem(
        await t
          .http()
          .get('/api/v1/admin/deliveries')
          .set(await bearer(t, 'staff')),
        403,
      );
      const firstRow = (
        await db.query<{ id: string }[]>(
          `SELECT id FROM notification_deliveries WHERE recipient = $1 AND payload->>'caseId' = $2`,
          [id, first.id],
        )
      )[0]!;
      const single = await t
        .http()
        .post('/api/v1/admin/deliveries/replay')
        .set(admin)
        .send({ deliveryIds: [firstRow.id] })
        .expect(202);
      expect(single.body).toEqual({ replayed: 1, more: false });
      await waitFor(async () => (await rowsOf(id)).some((r) => r.status === 'sent'));
      // In bulk: every failed delivery to this webhook.
      const bulk = await t
        .http()
        .post('/api/v1/admin/deliveries/replay')
        .set(admin)
        .send({ webhookId: id, status: 'failed', eventType: 'case.filed' })
        .expect(202);
      expect(bulk.body).toEqual({ replayed: 1, more: false });
      await waitFor(async () => (await rowsOf(id)).every((r) => r.status === 'sent'));
      const accepted = hook.received.filter((r) => r.answered === 200);
      expect(accepted.map((r) => JSON.parse(r.body).data.caseId).sort()).toEqual(
        [first.id, second.id].sort(),
      );
      // Nothing left to replay; a sent delivery is never sent again.
      expect(
        (
          await t
            .http()
            .post('/api/v1/admin/deliveries/replay')
            .set(admin)
            .send({ webhookId: id })
            .expect(202)
        ).body,
      ).toEqual({ replayed: 0, more: false });
      const audit = await db.query<{ subject_id: string; data: { count: number } }[]>(
        `SELECT subject_id, data::jsonb AS data FROM audit_events
          WHERE action = 'deliveries.replayed' ORDER BY seq`,
      );
      expect(audit.slice(-3).map((a) => a.data.count)).toEqual([1, 1, 0]);
      expect(audit.slice(-3)[0]!.subject_id).toBe(firstRow.id);
    } finally {
      await switchOff(id);
      hook.server.close();
    }
  });

  it('subscriptions filter by team and domain', async () => {
    const hook = await receiver();
    const teams = await db.query<{ id: string }[]>(
      `SELECT id FROM organisation_units WHERE kind = 'meentcoop_team' AND active ORDER BY id`,
    );
    const c = await fileCase(t);
    const staff = await bearer(t, 'staff');
    await waitFor(
      async () => (await t.http().get(`/api/v1/cases/${c.id}`).set(staff)).body.status === 'routed',
    );
    const [routed] = await db.query<{ team_id: string; domains: string[] }[]>(
      `SELECT team_id, ARRAY(SELECT domain_code FROM case_domains d WHERE d.case_id = c.id) AS domains
         FROM cases c WHERE id = $1`,
      [c.id],
    );
    const otherTeam = teams.find((team) => team.id !== routed!.team_id);
    const [otherDomain] = await db.query<{ code: string }[]>(
      `SELECT code FROM domains WHERE active AND NOT code = ANY($1) ORDER BY code LIMIT 1`,
      [routed!.domains],
    );
    const hooks = {
      team: await register(hook.url, ['note.added'], { teamIds: [routed!.team_id] }),
      domain: await register(hook.url, ['note.added'], { domainCodes: [routed!.domains[0]] }),
      ...(otherTeam
        ? { otherTeam: await register(hook.url, ['note.added'], { teamIds: [otherTeam.id] }) }
        : {}),
      otherDomain: await register(hook.url, ['note.added'], { domainCodes: [otherDomain!.code] }),
    };
    try {
      // Validated: a team must be a MeentCoop team, a domain must exist.
      const refused = expectProblem(
        await t
          .http()
          .post('/api/v1/webhooks')
          .set(await bearer(t, 'admin'))
          .send({ url: hook.url, eventTypes: ['note.added'], domainCodes: ['no-such-domain'] }),
        400,
      );
      expect(refused.errors).toEqual([expect.objectContaining({ field: 'domainCodes[0]' })]);

      await t
        .http()
        .post(`/api/v1/cases/${c.id}/notes`)
        .set(await bearer(t, 'buyer'))
        .send({ body: 'Een notitie voor de filters', visibility: 'shared' })
        .expect(201);
      const deliveredTo = async () =>
        (
          await db.query<{ recipient: string }[]>(
            `SELECT recipient FROM notification_deliveries
              WHERE event_type = 'note.added' AND payload->>'caseId' = $1 AND status = 'sent'`,
            [c.id],
          )
        ).map((r) => r.recipient);
      await waitFor(async () => (await deliveredTo()).length >= 2);
      // The unmatched ones have no delivery at all: recorded at fan-out, with the matched ones.
      expect((await deliveredTo()).sort()).toEqual([hooks.team.id, hooks.domain.id].sort());
    } finally {
      for (const h of Object.values(hooks)) await switchOff(h.id);
      hook.server.close();
    }
  });

  it('sends every event type as a CloudEvent that validates against the CloudEvents 1.0 schema, signed as the recipe checks', async () => {
    const schema = JSON.parse(
      readFileSync(join(__dirname, '..', 'fixtures', 'cloudevents-1.0.1-spec.json'), 'utf8'),
    ) as object;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);

    const hook = await receiver();
    const { id, secret } = await register(hook.url, WEBHOOK_EVENT_TYPES);
    try {
      const c = await fileCase(t);
      // One event of every type, written as the features write them (an outbox row each); the
      // relay publishes them and the real delivery path sends them.
      const now = new Date().toISOString();
      const payloads: Record<string, Record<string, unknown>> = {
        'case.filed': { caseId: c.id, version: 1 },
        'case.updated': { caseId: c.id, version: 2, fields: ['title'] },
        'case.transitioned': { caseId: c.id, version: 2, from: 'filed', to: 'routed' },
        'case.koppel_changed': { caseId: c.id, version: 2, kind: 'routed' },
        'note.added': { caseId: c.id, version: 2, noteId: c.id },
        'case.sla_breached': { caseId: c.id, version: 2, stage: 'accept', dueAt: now },
        'case.sla_warning': { caseId: c.id, stage: 'accept', dueAt: now },
        'case.suspended': {
          caseId: c.id,
          version: 3,
          suspensionId: c.id,
          kind: 'other',
          reason: 'Wachten op de leverancier',
          expectedEnd: null,
          since: now,
          stages: ['accept'],
        },
        'case.resumed': {
          caseId: c.id,
          version: 4,
          suspensionId: c.id,
          since: now,
          until: now,
          because: 'ended',
          moves: [],
        },
        'case.deadline_extended': {
          caseId: c.id,
          version: 5,
          stage: 'accept',
          oldDueAt: now,
          newDueAt: now,
          reason: 'Meer tijd nodig',
        },
        'case.linked': { caseId: c.id, linkId: c.id, kind: 'related', targetId: c.id },
        'case.closed_as_duplicate': {
          caseId: c.id,
          version: 3,
          duplicateOfId: c.id,
          linkId: c.id,
        },
        'funding.entry_recorded': { caseId: c.id, entryId: c.id },
        'funding.pledge_expired': {
          caseId: c.id,
          pledgeEntryId: c.id,
          releaseEntryId: c.id,
          domainCode: 'energy',
          amountCents: 100,
        },
        'funding.cofunding_proposed': { caseId: c.id, proposalId: c.id, domainCodes: ['energy'] },
        'funding.cofunding_answered': {
          caseId: c.id,
          proposalId: c.id,
          domainCode: 'energy',
          answer: 'accepted',
          proposalState: 'open',
        },
        'funding.benefit_shares_set': { caseId: c.id, version: 2 },
        'funding.benefit_share_answered': {
          caseId: c.id,
          version: 2,
          domainCode: 'energy',
          answer: 'accepted',
        },
        'funding.pledge_transfer_requested': {
          caseId: c.id,
          transferId: c.id,
          toCaseId: c.id,
          domainCodes: ['energy'],
          amountCents: 100,
        },
        'funding.pledge_transfer_answered': {
          caseId: c.id,
          transferId: c.id,
          toCaseId: c.id,
          domainCode: 'energy',
          answer: 'accepted',
          movedCents: 100,
        },
      };
      expect(Object.keys(payloads).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
      const eventIds: Record<string, string> = {};
      for (const [type, payload] of Object.entries(payloads)) {
        const [row] = await db.query<{ id: string }[]>(
          `INSERT INTO outbox_events (id, type, payload) VALUES (gen_random_uuid(), $1, $2::jsonb)
           RETURNING id`,
          [type, JSON.stringify(payload)],
        );
        eventIds[type] = row!.id;
      }
      const bodyOf = (eventId: string) =>
        hook.received.find((r) => JSON.parse(r.body).id === eventId);
      await waitFor(() => Object.values(eventIds).every((e) => bodyOf(e) !== undefined), 60_000);

      for (const [type, eventId] of Object.entries(eventIds)) {
        const received = bodyOf(eventId)!;
        const event = JSON.parse(received.body) as Record<string, unknown>;
        // The CloudEvents 1.0 JSON schema, in structured mode.
        expect({ type, valid: validate(event), errors: validate.errors ?? null }).toEqual({
          type,
          valid: true,
          errors: null,
        });
        expect(received.headers['content-type']).toMatch(/^application\/cloudevents\+json\b/);
        // The NL GOV profile where it says more: a URN source, a reverse-DNS type, a dataref.
        expect(event).toMatchObject({
          specversion: '1.0',
          id: eventId,
          source: 'urn:nld:meentcoop:systeem:brug',
          type: `nl.amsterdam.brug.${type}`,
          datacontenttype: 'application/json',
          dataref: `${t.config.publicUrl}/api/v1/cases/${c.id}`,
          data: payloads[type],
        });
        expect(new Date(String(event.time)).toISOString()).toBe(event.time);
        // The signature, checked exactly as the recipe in docs/workflow.md says.
        const header = String(received.headers['brug-signature']);
        expect(receiverAccepts(secret, received.body, header)).toBe(true);
        expect(receiverAccepts('another-secret-of-someone', received.body, header)).toBe(false);
        expect(receiverAccepts(secret, received.body.replace('1.0', '1.1'), header)).toBe(false);
        expect(receiverAccepts(secret, received.body, header, Date.now() + 600_000)).toBe(false);
      }
      // The fixture is the schema and not something that passes everything.
      expect(validate({ specversion: '1.0', id: 'x', type: 'y' })).toBe(false);
      expect(validate({ specversion: '1.0', id: '', source: 'urn:a', type: 'y' })).toBe(false);
    } finally {
      await switchOff(id);
      hook.server.close();
    }
  });
});
