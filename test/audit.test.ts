import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { hashEvent, type ChainedAuditEvent } from '../src/audit/hash-chain';
import { verifyExportFile } from '../src/audit/offline-verify';
import { CasesService } from '../src/cases/cases.service';
import { CatalogueService } from '../src/catalogue/catalogue.service';
import { UsersService } from '../src/auth/users.service';
import { asSuperuserWithoutTriggers } from './support/audit';
import { bearer, fileCase, MODEL_CASE, transition } from './support/factories';
import { expectProblem } from './support/problem';
import { runSync } from './support/processes';
import { listRoutes } from './support/routes';
import { DEMO, DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';

type Event = ChainedAuditEvent;

describe('audit trail', () => {
  let t: TestApp;
  let db: DataSource;
  let auditor: Record<string, string>;
  const dir = mkdtempSync(join(tmpdir(), 'brug-audit-'));

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    auditor = await bearer(t, 'auditor');
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  async function allEvents(query = ''): Promise<Event[]> {
    const items: Event[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/audit/events?pageSize=500${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await t.http().get(url).set(auditor).expect(200);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  }

  async function route(caseId: string): Promise<void> {
    const team = await t.app.get(CatalogueService).findUnitByCode('meentcoop-energy');
    const staffId = await t.app.get(UsersService).findIdByEmail(DEMO.staff);
    await t.app.get(CasesService).route(caseId, {
      teamId: team!.id,
      koppelMeentcoopId: staffId!,
      acceptBy: new Date(Date.now() + 86400_000),
      proposeBy: new Date(Date.now() + 10 * 86400_000),
    });
  }

  it('records every action with its actor, subject and data', async () => {
    const c = await fileCase(t);
    const buyer = await bearer(t, 'buyer');
    const staff = await bearer(t, 'staff');
    await t
      .http()
      .patch(`/api/v1/cases/${c.id}`)
      .set({ ...buyer, 'If-Match': '"1"' })
      .send({ title: 'Energiebespaarservice, herzien' })
      .expect(200);
    await route(c.id);
    const staff2Id = await t.app.get(UsersService).findIdByEmail(DEMO.staff2);
    await t
      .http()
      .patch(`/api/v1/cases/${c.id}`)
      .set({ ...staff, 'If-Match': '"3"' })
      .send({ assigneeId: staff2Id })
      .expect(200);
    await t
      .http()
      .post(`/api/v1/cases/${c.id}/notes`)
      .set(staff)
      .send({ body: 'Eerste gesprek gepland', visibility: 'internal' })
      .expect(201);
    await transition(t, 'staff', c.id, 4, { to: 'accepted' });
    const admin = await bearer(t, 'admin');
    const user = await t
      .http()
      .post('/api/v1/users')
      .set(admin)
      .send({
        email: 'nieuw@brug.example',
        name: 'Nieuw',
        role: 'auditor',
        password: DEMO_PASSWORD,
      })
      .expect(201);
    await t
      .http()
      .patch(`/api/v1/users/${user.body.id}`)
      .set({ ...admin, 'If-Match': '"1"' })
      .send({ name: 'Nieuwe Naam' })
      .expect(200);
    await t
      .http()
      .put(`/api/v1/users/${user.body.id}/password`)
      .set(admin)
      .send({ password: 'another-password-1' })
      .expect(204);
    await t
      .http()
      .patch('/api/v1/domains/mobility')
      .set({ ...admin, 'If-Match': '"1"' })
      .send({ nameEn: 'Mobility and transport' })
      .expect(200);

    const caseEvents = (
      await t.http().get(`/api/v1/cases/${c.reference}/audit`).set(auditor).expect(200)
    ).body.items as Event[];
    const byAction = (a: string) => caseEvents.filter((e) => e.action === a);
    expect(caseEvents.map((e) => e.action)).toEqual([
      'case.filed',
      'case.updated',
      'case.transitioned',
      'case.assigned',
      'note.added',
      'case.transitioned',
    ]);
    expect(byAction('case.filed')[0]).toMatchObject({
      actorId: c.filedBy && (c.filedBy as { id: string }).id,
      actorRole: 'buyer',
      actorName: 'Bo Inkoper',
      subjectType: 'case',
      subjectId: c.id,
      caseId: c.id,
      data: { reference: c.reference, title: MODEL_CASE.title, to: 'filed' },
    });
    expect(byAction('case.updated')[0]!.data).toEqual({
      changes: { title: { old: MODEL_CASE.title, new: 'Energiebespaarservice, herzien' } },
    });
    // Routing is a transition like any other (issue 14): one action, `case.transitioned`.
    expect(byAction('case.transitioned')[0]).toMatchObject({
      actorId: null,
      actorRole: 'system',
      data: { from: 'filed', to: 'routed', reason: null },
    });
    expect(byAction('case.assigned')[0]).toMatchObject({
      actorRole: 'staff',
      data: { from: null, to: staff2Id },
    });
    expect(byAction('note.added')[0]).toMatchObject({
      subjectType: 'note',
      data: { visibility: 'internal', body: 'Eerste gesprek gepland' },
    });
    expect(byAction('case.transitioned')[1]).toMatchObject({
      actorName: 'Sanne Meent',
      data: { from: 'routed', to: 'accepted', reason: null },
    });

    const userEvents = await allEvents(`&subjectType=user&subjectId=${user.body.id}`);
    expect(userEvents.map((e) => e.action)).toEqual([
      'user.created',
      'user.updated',
      'user.password_set',
    ]);
    expect(userEvents[0]).toMatchObject({
      actorRole: 'admin',
      actorName: 'Ada Beheerder',
      data: { email: 'nieuw@brug.example', role: 'auditor', passwordSet: true },
    });
    expect(userEvents[1]!.data).toMatchObject({
      changes: { name: { old: 'Nieuw', new: 'Nieuwe Naam' } },
    });
    const domainEvents = await allEvents('&action=catalogue.changed&subjectId=mobility');
    expect(domainEvents.at(-1)).toMatchObject({
      subjectType: 'domain',
      data: {
        change: 'updated',
        changes: { nameEn: { old: 'Mobility', new: 'Mobility and transport' } },
      },
    });
    // Never a password or its hash, anywhere in the trail.
    const everything = JSON.stringify(await allEvents());
    expect(everything).not.toContain(DEMO_PASSWORD);
    expect(everything).not.toContain('another-password-1');
    expect(everything).not.toMatch(/\$argon2/);
  });

  it('never disagrees with the status history of a case', async () => {
    for (let i = 0; i < 3; i++) {
      const c = await fileCase(t);
      await route(c.id);
      await transition(t, 'staff', c.id, 2, { to: 'accepted' });
      if (i > 0) {
        await transition(t, 'staff', c.id, 3, { to: 'declined', reason: `Reden ${i}` });
      }
      const history = (await t.http().get(`/api/v1/cases/${c.id}/history`).set(auditor).expect(200))
        .body.items as {
        from: string | null;
        to: string;
        actor: { id: string | null; role: string };
        reason: string | null;
      }[];
      const trail = (
        (await t.http().get(`/api/v1/cases/${c.id}/audit`).set(auditor).expect(200)).body
          .items as Event[]
      )
        .filter((e) => ['case.filed', 'case.transitioned'].includes(e.action))
        .map((e) => ({
          from: e.action === 'case.filed' ? null : e.data.from,
          to: e.data.to,
          actor: { id: e.actorId, role: e.actorRole },
          reason: e.action === 'case.transitioned' ? e.data.reason : null,
        }));
      expect(trail).toEqual(
        history.map((h) => ({
          from: h.from,
          to: h.to,
          actor: { id: h.actor.id, role: h.actor.role },
          reason: h.reason,
        })),
      );
    }
  });

  it('stays one valid chain without gaps after 1,000 mixed changes, 50 of them concurrent', async () => {
    const buyer = await bearer(t, 'buyer');
    const staff = await bearer(t, 'staff');
    const cases: { id: string }[] = [];
    for (let i = 0; i < 20; i++) cases.push(await fileCase(t, i % 2 ? 'buyer' : 'buyer2'));
    let changes = 20;
    // 50 concurrent changes of different kinds.
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const c = cases[i % cases.length]!;
        if (i % 3 === 0) return fileCase(t);
        return t
          .http()
          .post(`/api/v1/cases/${c.id}/notes`)
          .set(staff)
          .send({ body: `Gelijktijdige notitie ${i}`, visibility: i % 2 ? 'shared' : 'internal' })
          .expect(201);
      }),
    );
    changes += 50;
    while (changes < 1000) {
      const c = cases[changes % cases.length]!;
      const kind = changes % 4;
      if (kind === 0) await fileCase(t);
      else if (kind === 1)
        await t
          .http()
          .post(`/api/v1/cases/${c.id}/notes`)
          .set(buyer)
          .send({ body: `Notitie ${changes}`, visibility: 'shared' });
      else if (kind === 2) {
        const current = await t.http().get(`/api/v1/cases/${c.id}`).set(staff);
        await t
          .http()
          .patch(`/api/v1/cases/${c.id}`)
          .set({ ...staff, 'If-Match': `"${current.body.version}"` })
          .send({
            priority: ['low', 'normal', 'high', 'urgent'][
              changes % 4 === 2 ? ((changes / 4) % 4) | 0 : 0
            ],
          });
      } else
        await t
          .http()
          .post(`/api/v1/cases/${c.id}/notes`)
          .set(staff)
          .send({ body: `Intern ${changes}`, visibility: 'internal' });
      changes++;
    }
    const verify = await t.http().get('/api/v1/audit/verify').set(auditor).expect(200);
    expect(verify.body).toMatchObject({ valid: true });
    expect(verify.body.events).toBeGreaterThan(900);
    const seqs = (
      await db.query<{ seq: string }[]>('SELECT seq FROM audit_events ORDER BY seq')
    ).map((r) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const head = await t.http().get('/api/v1/audit/head').set(auditor).expect(200);
    expect(head.body).toMatchObject({ seq: verify.body.headSeq, hash: verify.body.headHash });
  });

  describe('tampering', () => {
    const snapshot = async () =>
      db.query('CREATE TABLE audit_backup AS SELECT * FROM audit_events');
    const restore = async () => {
      await asSuperuserWithoutTriggers(db, [
        'DELETE FROM audit_events',
        'INSERT INTO audit_events SELECT * FROM audit_backup',
      ]);
      await db.query('DROP TABLE audit_backup');
    };
    const verify = async (expectHead?: string) =>
      (
        await t
          .http()
          .get(`/api/v1/audit/verify${expectHead ? `?expectHead=${expectHead}` : ''}`)
          .set(auditor)
          .expect(200)
      ).body;
    const exportFile = async (name: string) => {
      const res = await t
        .http()
        .get('/api/v1/audit/export')
        .set(auditor)
        .buffer(true)
        .parse((r, cb) => {
          let text = '';
          r.on('data', (d: Buffer) => (text += d.toString()));
          r.on('end', () => cb(null, text));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
      const file = join(dir, name);
      writeFileSync(file, res.body as string);
      return file;
    };
    let head: string;
    let target: number;

    beforeAll(async () => {
      const h = (await t.http().get('/api/v1/audit/head').set(auditor).expect(200)).body;
      head = `${h.seq}:${h.hash}`;
      target = Math.floor(h.seq / 2);
      expect((await verify(head)).valid).toBe(true);
    });
    afterEach(async () => {
      expect((await verify(head)).valid).toBe(true);
    });

    it('refuses UPDATE, DELETE and TRUNCATE from the application’s connection', async () => {
      await expect(
        db.query(`UPDATE audit_events SET actor_name = 'x' WHERE seq = 1`),
      ).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM audit_events WHERE seq = 1')).rejects.toThrow(
        /append-only/,
      );
      await expect(db.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    });

    it('finds a changed event', async () => {
      await snapshot();
      try {
        await asSuperuserWithoutTriggers(db, [
          `UPDATE audit_events SET data = replace(data, '"', '"') || '' WHERE seq = ${target}`,
          `UPDATE audit_events SET actor_name = 'Iemand anders' WHERE seq = ${target}`,
        ]);
        expect(await verify()).toMatchObject({
          valid: false,
          firstInvalidSeq: target,
          reason: 'hash mismatch',
        });
      } finally {
        await restore();
      }
    });

    it('finds a deleted event', async () => {
      await snapshot();
      try {
        await asSuperuserWithoutTriggers(db, [`DELETE FROM audit_events WHERE seq = ${target}`]);
        expect(await verify()).toMatchObject({ valid: false, firstInvalidSeq: target + 1 });
      } finally {
        await restore();
      }
    });

    it('finds two swapped events', async () => {
      await snapshot();
      try {
        const cols =
          'occurred_at, actor_id, actor_role, actor_name, action, subject_type, subject_id, case_id, data, prev_hash, hash';
        await asSuperuserWithoutTriggers(db, [
          `CREATE TEMP TABLE swap AS SELECT * FROM audit_events WHERE seq IN (${target}, ${target + 1})`,
          `UPDATE audit_events a SET (${cols}) = (SELECT ${cols} FROM swap s WHERE s.seq = ${target + 1}) WHERE a.seq = ${target}`,
          `UPDATE audit_events a SET (${cols}) = (SELECT ${cols} FROM swap s WHERE s.seq = ${target}) WHERE a.seq = ${target + 1}`,
          'DROP TABLE swap',
        ]);
        const result = await verify();
        expect(result).toMatchObject({ valid: false, firstInvalidSeq: target });
      } finally {
        await restore();
      }
    });

    it('finds a consistent rewrite only against a head written down before', async () => {
      const before = await exportFile('before.jsonl');
      await snapshot();
      try {
        // Rewrite one event and recompute every later hash, as someone with full access could.
        const rows = await db.query<{ seq: string }[]>(
          `SELECT seq FROM audit_events WHERE seq >= ${target} ORDER BY seq`,
        );
        const events = readFileSync(before, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as Event);
        let prev = events[target - 2]!.hash;
        const statements: string[] = [];
        for (const { seq } of rows) {
          const e = events[Number(seq) - 1]!;
          const content = { ...e, actorName: Number(seq) === target ? 'Herschreven' : e.actorName };
          const { prevHash: _p, hash: _h, ...fields } = content;
          const hash = hashEvent(prev, fields);
          statements.push(
            `UPDATE audit_events SET actor_name = '${content.actorName}', prev_hash = '${prev}', hash = '${hash}' WHERE seq = ${seq}`,
          );
          prev = hash;
        }
        await asSuperuserWithoutTriggers(db, statements);
        expect(await verify()).toMatchObject({ valid: true });
        const withHead = await verify(head);
        expect(withHead).toMatchObject({ valid: false, reason: expect.stringContaining('head') });
        const rewritten = await exportFile('rewritten.jsonl');
        expect(await verifyExportFile(rewritten)).toMatchObject({ ok: true });
        const [seq, hash] = head.split(':');
        expect(await verifyExportFile(rewritten, { seq: Number(seq), hash: hash! })).toMatchObject({
          ok: false,
        });
        const cli = runSync('cli', ['audit', 'verify', rewritten, '--head', head], {});
        expect(cli.status).toBe(1);
        expect(cli.stderr).toContain('expected head');
        const cliOk = runSync('cli', ['audit', 'verify', before, '--head', head], {});
        expect(cliOk.status).toBe(0);
        expect(cliOk.stdout).toMatch(/^valid: \d+ events, head \d+:[0-9a-f]{64}/);
      } finally {
        await restore();
      }
    });

    it('finds the same four tamperings in an export file, offline', async () => {
      const file = await exportFile('clean.jsonl');
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      const write = (name: string, content: string[]) => {
        const path = join(dir, name);
        writeFileSync(path, `${content.join('\n')}\n`);
        return path;
      };
      const changed = [...lines];
      const event = JSON.parse(changed[target - 1]!) as Event;
      changed[target - 1] = JSON.stringify({ ...event, data: { ...event.data, injected: true } });
      expect(await verifyExportFile(write('changed.jsonl', changed))).toMatchObject({
        ok: false,
        line: target,
        reason: 'hash mismatch',
      });
      const deleted = lines.filter((_, i) => i !== target - 1);
      expect(await verifyExportFile(write('deleted.jsonl', deleted))).toMatchObject({
        ok: false,
        line: target,
      });
      const swapped = [...lines];
      [swapped[target - 1], swapped[target]] = [swapped[target]!, swapped[target - 1]!];
      expect(await verifyExportFile(write('swapped.jsonl', swapped))).toMatchObject({
        ok: false,
        line: target,
      });
      const cli = runSync('cli', ['audit', 'verify', join(dir, 'changed.jsonl')], {});
      expect(cli.status).toBe(1);
      expect(cli.stderr).toContain(`line ${target}`);
    });
  });

  it('is read-only for auditors: every mutating route answers 403', async () => {
    // A person's own second factor is part of signing in, not a record: an auditor may be
    // required to have one (MFA_REQUIRED_ROLES, ADR 35), so they set it up themselves.
    const ownSecondFactor = (path: string): boolean => path.startsWith('/me/second-factor');
    const mutating = listRoutes(t.app).filter(
      (r) =>
        !['GET', 'HEAD', 'OPTIONS'].includes(r.method) &&
        r.rule !== 'public' &&
        !ownSecondFactor(r.path),
    );
    expect(mutating.length).toBeGreaterThan(10);
    for (const route of mutating) {
      const path = `/api/v1${route.path.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000')}`;
      const call = t
        .http()
        [route.method.toLowerCase() as 'post' | 'patch' | 'put' | 'delete'](path);
      const response = await call.set(auditor).set('If-Match', '"1"').send({});
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 403,
      });
      expectProblem(response, 403);
    }
  });

  it('answers bad audit queries with 400', async () => {
    expectProblem(await t.http().get('/api/v1/audit/verify?expectHead=12').set(auditor), 400);
    expectProblem(await t.http().get('/api/v1/audit/events?actorId=x').set(auditor), 400);
    expectProblem(await t.http().get('/api/v1/audit/events?cursor=abc').set(auditor), 400);
    expectProblem(await t.http().get('/api/v1/audit/export?fromSeq=0').set(auditor), 400);
    expectProblem(
      await t
        .http()
        .get('/api/v1/audit/events')
        .set(await bearer(t, 'staff')),
      403,
    );
  });
});
