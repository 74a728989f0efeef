import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { DataSource } from 'typeorm';
import { verifyBundle } from '../src/audit/bundle-verify';
import { noteSigner } from '../src/audit/signed-note';
import { waitUntilSequenced } from './support/audit';
import { bearer, fileCase, MODEL_CASE } from './support/factories';
import { expectProblem } from './support/problem';
import { runSync } from './support/processes';
import { envelopeOf, merkleTreeHash, sha256Hex, sortedJson } from './support/rfc9162';
import { startTestApp, TestApp } from './support/test-app';

interface ApiEvent {
  seq: number;
  leafIndex: number | null;
  occurredAt: string;
  actorId: string | null;
  actorRole: string;
  actorName: string;
  action: string;
  subjectType: string;
  subjectId: string;
  caseId: string | null;
  data: Record<string, unknown> | null;
  dataHash: string;
  erased?: { at: string; by: string; basis: string; eventLeafIndex: number | null };
}

/** Issue 15, acceptance 1, 2 and 5: the audit trail as a verifiable log. */
describe('audit log', () => {
  let t: TestApp;
  let db: DataSource;
  let auditor: Record<string, string>;
  let verifierKey: string;
  const dir = mkdtempSync(join(tmpdir(), 'brug-audit-log-'));

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    auditor = await bearer(t, 'auditor');
    verifierKey = (await t.http().get('/api/v1/audit/public-key').expect(200)).body.verifierKey;
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  async function allEvents(): Promise<ApiEvent[]> {
    const items: ApiEvent[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/audit/events?pageSize=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await t.http().get(url).set(auditor).expect(200);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  }

  it('1,000 mixed changes, 50 concurrent: sequenced within 2 s, no gaps, the same root as an independent tree', async () => {
    const staff = await bearer(t, 'staff');
    const [start] = await db.query<{ seq: string }[]>(
      'SELECT coalesce(max(seq), 0) AS seq FROM audit_events',
    );
    const cases: { id: string }[] = [];
    for (let i = 0; i < 20; i++) cases.push(await fileCase(t, i % 2 ? 'buyer' : 'buyer2'));
    let changes = 20;
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
      const kind = changes % 3;
      if (kind === 0) await fileCase(t);
      else if (kind === 1) {
        await t
          .http()
          .post(`/api/v1/cases/${c.id}/notes`)
          .set(staff)
          .send({ body: `Notitie ${changes}`, visibility: 'shared' })
          .expect(201);
      } else {
        await t
          .http()
          .post(`/api/v1/cases/${c.id}/notes`)
          .set(staff)
          .send({ body: `Intern ${changes}`, visibility: 'internal' })
          .expect(201);
      }
      changes++;
    }
    await waitUntilSequenced(db);

    // Every event sequenced within 2 s of being written (which is at most its commit).
    const [delay] = await db.query<{ max_ms: number; n: number }[]>(
      `SELECT max(extract(epoch FROM sequenced_at - written_at) * 1000)::float8 AS max_ms,
              count(*)::int AS n
         FROM audit_events WHERE seq > $1`,
      [start!.seq],
    );
    expect(delay!.n).toBeGreaterThanOrEqual(1000);
    expect(delay!.max_ms).toBeLessThan(2000);

    // Leaf indexes 0..n-1, no gap, none twice.
    const events = (await allEvents()).sort((a, b) => a.leafIndex! - b.leafIndex!);
    expect(events.map((e) => e.leafIndex)).toEqual(events.map((_, i) => i));

    const verify = await t.http().get('/api/v1/audit/verify').set(auditor).expect(200);
    expect(verify.body).toMatchObject({ valid: true, leaves: events.length });
    const head = (await t.http().get('/api/v1/audit/head').set(auditor).expect(200)).body;
    expect(head).toMatchObject({ treeSize: events.length, rootHash: verify.body.rootHash });

    // The test's own RFC 9162 tree over the test's own envelopes has the checkpoint's root.
    for (const e of events) expect(sha256Hex(sortedJson(e.data))).toBe(e.dataHash);
    const leaves = events.map((e) => Buffer.from(envelopeOf({ ...e, leafIndex: e.leafIndex! })));
    expect(merkleTreeHash(leaves).toString('base64')).toBe(head.rootHash);
    const note = (await t.http().get('/api/v1/audit/checkpoint').set(auditor).expect(200)).text;
    expect(note.split('\n').slice(1, 3)).toEqual([String(events.length), head.rootHash]);
  }, 600_000);

  it('answers inclusion and consistency proofs that check against the roots', async () => {
    await waitUntilSequenced(db);
    const head = (await t.http().get('/api/v1/audit/head').set(auditor).expect(200)).body;
    const n = head.treeSize as number;
    const proof = await t
      .http()
      .get(`/api/v1/audit/proofs/inclusion?leafIndex=${n - 3}&treeSize=${n}`)
      .set(auditor)
      .expect(200);
    expect(proof.body.proof.length).toBeGreaterThan(3);
    const consistency = await t
      .http()
      .get(`/api/v1/audit/proofs/consistency?from=${n - 5}&to=${n}`)
      .set(auditor)
      .expect(200);
    expect(consistency.body.proof.length).toBeGreaterThan(0);
    expectProblem(
      await t
        .http()
        .get(`/api/v1/audit/proofs/inclusion?leafIndex=${n}&treeSize=${n}`)
        .set(auditor),
      400,
    );
    expectProblem(
      await t
        .http()
        .get(`/api/v1/audit/proofs/consistency?from=1&to=${n + 1000}`)
        .set(auditor),
      400,
    );
    expectProblem(
      await t
        .http()
        .get(`/api/v1/audit/checkpoint?size=${n + 10}`)
        .set(auditor),
      404,
    );
  });

  it('the model case’s bundle verifies offline; one changed byte or another key is found and named', async () => {
    const c = await fileCase(t);
    await t
      .http()
      .post(`/api/v1/cases/${c.id}/notes`)
      .set(await bearer(t, 'staff'))
      .send({ body: 'Bundelnotitie', visibility: 'internal' })
      .expect(201);
    await waitUntilSequenced(db);
    const kept = (await t.http().get('/api/v1/audit/checkpoint').set(auditor).expect(200)).text;
    const keptSize = Number(kept.split('\n')[1]);
    await fileCase(t); // the log grows after the auditor kept a checkpoint
    await waitUntilSequenced(db);
    const response = await t
      .http()
      .get(`/api/v1/cases/${c.reference}/audit/bundle?since=${keptSize}`)
      .set(auditor)
      .expect(200);
    const bundle = response.body;
    expect(bundle.events.length).toBeGreaterThanOrEqual(2);
    expect(bundle.events[0].data).toMatchObject({ title: MODEL_CASE.title });

    const bundleFile = join(dir, 'bundle.json');
    const keptFile = join(dir, 'kept.txt');
    writeFileSync(bundleFile, JSON.stringify(bundle));
    writeFileSync(keptFile, kept);
    const ok = runSync(
      'cli',
      ['audit', 'verify-bundle', bundleFile, '--key', verifierKey, '--checkpoint', keptFile],
      {},
    );
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('consistent with the earlier checkpoint');

    expect(verifyBundle(bundle, verifierKey, kept)).toMatchObject({ ok: true, problems: [] });
    const copy = () => JSON.parse(JSON.stringify(bundle));
    const flip = (text: string, at: number) =>
      text.slice(0, at) + (text[at] === 'a' ? 'b' : 'a') + text.slice(at + 1);
    const named = (b: unknown, event: number, check: string) =>
      expect(verifyBundle(b, verifierKey).problems).toContainEqual(
        expect.objectContaining({ event, check }),
      );
    bundle.events.forEach((e: { leaf: string; inclusionProof: string[] }, i: number) => {
      const n = i + 1;
      const data = copy();
      data.events[i].data = { ...data.events[i].data, title: 'X' };
      named(data, n, 'dataHash');
      const leaf = copy();
      leaf.events[i].leaf = e.leaf.replace('"actorRole":"', '"actorRole":"x');
      named(leaf, n, 'inclusion proof');
      if (e.inclusionProof.length) {
        const proof = copy();
        const raw = Buffer.from(e.inclusionProof[0]!, 'base64');
        raw[0] = raw[0]! ^ 1;
        proof.events[i].inclusionProof[0] = raw.toString('base64');
        named(proof, n, 'inclusion proof');
      }
    });
    const otherKey = noteSigner(
      verifierKey.split('+')[0]!,
      generateKeyPairSync('ed25519')
        .privateKey.export({ format: 'der', type: 'pkcs8' })
        .subarray(16),
    ).verifierKey;
    expect(verifyBundle(bundle, otherKey).problems).toEqual([
      expect.objectContaining({ event: null, check: 'checkpoint signature' }),
    ]);
    const badNote = copy();
    badNote.checkpoint = flip(bundle.checkpoint, bundle.checkpoint.indexOf('\n') + 1);
    expect(verifyBundle(badNote, verifierKey).problems[0]).toMatchObject({
      check: 'checkpoint signature',
    });
    const noGrowth = copy();
    noGrowth.consistency.proof[0] = Buffer.alloc(32).toString('base64');
    expect(verifyBundle(noGrowth, verifierKey, kept).problems).toContainEqual(
      expect.objectContaining({ check: 'consistency proof' }),
    );

    const tampered = join(dir, 'tampered.json');
    const changed = copy();
    changed.events[1].data = { ...changed.events[1].data, body: 'Anders' };
    writeFileSync(tampered, JSON.stringify(changed));
    const cli = runSync('cli', ['audit', 'verify-bundle', tampered, '--key', verifierKey], {});
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`event 2 (leaf ${bundle.events[1].leafIndex}): dataHash`);
  });

  it('erases a case’s data under the Archiefwet: gone from table, export and bundle; everything still verifies', async () => {
    const c = await fileCase(t);
    await t
      .http()
      .post(`/api/v1/cases/${c.id}/notes`)
      .set(await bearer(t, 'staff'))
      .send({ body: 'Persoonlijke gegevens van de aanvrager', visibility: 'internal' })
      .expect(201);
    await waitUntilSequenced(db);
    const admin = await bearer(t, 'admin');
    expectProblem(
      await t.http().post('/api/v1/admin/audit/erasures').set(auditor).send({
        subjectType: 'case',
        subjectId: c.id,
        basis: 'archiefwet_vernietiging',
        reason: 'Bewaartermijn verstreken',
      }),
      403,
    );
    expectProblem(
      await t
        .http()
        .post('/api/v1/admin/audit/erasures')
        .set(admin)
        .send({ subjectType: 'case', subjectId: c.id, basis: 'vergeten', reason: 'Zomaar' }),
      400,
    );
    const erased = await t
      .http()
      .post('/api/v1/admin/audit/erasures')
      .set(admin)
      .send({
        subjectType: 'case',
        subjectId: c.id,
        basis: 'archiefwet_vernietiging',
        reason: 'Bewaartermijn verstreken (selectielijst, categorie 1.1)',
      })
      .expect(201);
    expect(erased.body).toMatchObject({ events: 2, basis: 'archiefwet_vernietiging' });
    // Nothing left to erase: 400, and no second erasure recorded.
    expectProblem(
      await t.http().post('/api/v1/admin/audit/erasures').set(admin).send({
        subjectType: 'case',
        subjectId: c.id,
        basis: 'archiefwet_vernietiging',
        reason: 'Nog een keer wissen',
      }),
      400,
    );
    await waitUntilSequenced(db);

    const rows = await db.query<{ data: string | null }[]>(
      'SELECT data FROM audit_events WHERE case_id = $1',
      [c.id],
    );
    expect(rows.map((r) => r.data)).toEqual([null, null]);

    const events = (await t.http().get(`/api/v1/cases/${c.id}/audit`).set(auditor).expect(200)).body
      .items as ApiEvent[];
    const [erasure] = (
      await t
        .http()
        .get(`/api/v1/audit/events?action=audit.erased&subjectId=${erased.body.id}`)
        .set(auditor)
        .expect(200)
    ).body.items as ApiEvent[];
    expect(erasure).toMatchObject({
      actorRole: 'admin',
      actorName: 'Ada Beheerder',
      data: {
        basis: 'archiefwet_vernietiging',
        reason: 'Bewaartermijn verstreken (selectielijst, categorie 1.1)',
        subjectType: 'case',
        subjectId: c.id,
        events: 2,
      },
    });
    for (const e of events) {
      expect(e).toMatchObject({
        data: null,
        erased: {
          by: 'Ada Beheerder',
          basis: 'archiefwet_vernietiging',
          eventLeafIndex: erasure!.leafIndex,
        },
      });
    }

    const exported = await t
      .http()
      .get('/api/v1/audit/export')
      .set(auditor)
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.on('data', (d: Buffer) => (text += d.toString()));
        r.on('end', () => cb(null, text));
      });
    expect(exported.body as string).not.toContain('Persoonlijke gegevens');
    // The exported lines of the erased events carry the erasure, as the API's events do.
    const exportedLines = (exported.body as string)
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as ApiEvent);
    const erasedLines = exportedLines.filter((line) => line.erased !== undefined);
    expect(erasedLines.map((line) => line.leafIndex).sort()).toEqual(
      events.map((e) => e.leafIndex).sort(),
    );
    for (const line of erasedLines) {
      expect(line).toMatchObject({
        data: null,
        erased: {
          at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
          by: 'Ada Beheerder',
          basis: 'archiefwet_vernietiging',
          eventLeafIndex: erasure!.leafIndex,
        },
      });
      expect(Object.keys(line)).toEqual([
        ...Object.keys(line).slice(0, 12),
        'erased',
        'prevHash',
        'hash',
      ]);
    }
    const exportFile = join(dir, 'erased.jsonl');
    writeFileSync(exportFile, exported.body as string);
    const checkpointFile = join(dir, 'latest.txt');
    writeFileSync(
      checkpointFile,
      (await t.http().get('/api/v1/audit/checkpoint').set(auditor).expect(200)).text,
    );
    const offline = runSync(
      'cli',
      ['audit', 'verify', exportFile, '--checkpoint', checkpointFile, '--key', verifierKey],
      {},
    );
    expect(offline.stderr).toBe('');
    expect(offline.status).toBe(0);

    const bundle = (
      await t.http().get(`/api/v1/cases/${c.id}/audit/bundle`).set(auditor).expect(200)
    ).body;
    expect(JSON.stringify(bundle)).not.toContain('Persoonlijke gegevens');
    expect(bundle.events.map((e: { data: unknown }) => e.data)).toEqual([null, null]);
    expect(verifyBundle(bundle, verifierKey)).toMatchObject({ ok: true });
    expect(
      (await t.http().get('/api/v1/audit/verify').set(auditor).expect(200)).body,
    ).toMatchObject({ valid: true });
  });
});
