import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { verifyBundle } from '../src/audit/bundle-verify';
import { leafHash, TreeEdge } from '../src/audit/merkle';
import { verifyExportFile } from '../src/audit/offline-verify';
import { checkpointText, noteSigner } from '../src/audit/signed-note';
import { asSuperuserWithoutTriggers, waitUntilSequenced } from './support/audit';
import { bearer, fileCase } from './support/factories';
import { runSync } from './support/processes';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 15, acceptance 3: tampering as a database superuser with the triggers disabled — a
 * changed leaf's data, a changed envelope, a deleted event, two swapped events, and a
 * consistent rewrite of every tree hash and checkpoint — each found.
 */
describe('audit log tampering', () => {
  let t: TestApp;
  let db: DataSource;
  let auditor: Record<string, string>;
  let key: string;
  let caseId: string;
  let target: number;
  let kept: string;
  const dir = mkdtempSync(join(tmpdir(), 'brug-audit-tamper-'));
  const TABLES = ['audit_events', 'audit_tree_nodes', 'audit_checkpoints'];

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    auditor = await bearer(t, 'auditor');
    key = (await t.http().get('/api/v1/audit/public-key').expect(200)).body.verifierKey;
    for (let i = 0; i < 6; i++) caseId = (await fileCase(t)).id;
    await waitUntilSequenced(db);
    kept = (await t.http().get('/api/v1/audit/checkpoint').set(auditor).expect(200)).text;
    const later: string[] = [];
    for (let i = 0; i < 3; i++) later.push((await fileCase(t)).id);
    caseId = later[1]!; // in the middle: an event before it and one after
    await waitUntilSequenced(db);
    const [row] = await db.query<{ leaf: string }[]>(
      'SELECT min(leaf_index) AS leaf FROM audit_events WHERE case_id = $1',
      [caseId],
    );
    target = Number(row!.leaf);
    for (const table of TABLES) {
      await db.query(`CREATE TABLE backup_${table} AS SELECT * FROM ${table}`);
    }
  });
  afterEach(async () => {
    await asSuperuserWithoutTriggers(
      db,
      TABLES.flatMap((table) => [
        `DELETE FROM ${table}`,
        `INSERT INTO ${table} SELECT * FROM backup_${table}`,
      ]),
    );
    expect((await verify()).valid).toBe(true);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  const verify = async (query = '') =>
    (await t.http().get(`/api/v1/audit/verify${query}`).set(auditor).expect(200)).body;

  const exportFile = async (): Promise<string> => {
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
    const file = join(dir, `export-${Date.now()}.jsonl`);
    writeFileSync(file, res.body as string);
    return file;
  };
  const latest = async () =>
    (await t.http().get('/api/v1/audit/checkpoint').set(auditor).expect(200)).text;
  const bundle = async (since?: number) =>
    (
      await t
        .http()
        .get(`/api/v1/cases/${caseId}/audit/bundle${since ? `?since=${since}` : ''}`)
        .set(auditor)
        .expect(200)
    ).body;

  it('refuses changes from the application’s connection, except the two it allows', async () => {
    await expect(
      db.query(`UPDATE audit_events SET actor_name = 'x' WHERE leaf_index = ${target}`),
    ).rejects.toThrow(/append-only/);
    await expect(
      db.query(`UPDATE audit_events SET leaf_index = 999999 WHERE leaf_index = ${target}`),
    ).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_events WHERE leaf_index = ${target}`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE audit_tree_nodes SET level = 0`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_checkpoints`)).rejects.toThrow(/append-only/);
  });

  it('finds a changed leaf’s data: the server, the export and the bundle name the leaf', async () => {
    await asSuperuserWithoutTriggers(db, [
      `UPDATE audit_events SET data = replace(data, '"to":"filed"', '"to":"closed"') WHERE leaf_index = ${target}`,
    ]);
    expect(await verify()).toMatchObject({
      valid: false,
      firstInvalidLeafIndex: target,
      reasonCode: 'data_hash_mismatch',
    });
    expect(await verifyExportFile(await exportFile())).toMatchObject({
      ok: false,
      reason: 'data does not match dataHash',
    });
    expect(verifyBundle(await bundle(), key).problems).toEqual([
      expect.objectContaining({ event: 1, leafIndex: target, check: 'dataHash' }),
    ]);
  });

  it('finds a changed envelope', async () => {
    await asSuperuserWithoutTriggers(db, [
      `UPDATE audit_events SET actor_name = 'Iemand anders' WHERE leaf_index = ${target}`,
    ]);
    expect(await verify()).toMatchObject({
      valid: false,
      firstInvalidLeafIndex: target,
      reasonCode: 'leaf_hash_mismatch',
    });
    const checkpoint = join(dir, 'latest.txt');
    writeFileSync(checkpoint, await latest());
    const offline = runSync(
      'cli',
      ['audit', 'verify', await exportFile(), '--checkpoint', checkpoint, '--key', key],
      {},
    );
    expect(offline.status).toBe(1);
    expect(offline.stderr).toContain('root does not match the signed checkpoint');
    expect(verifyBundle(await bundle(), key).problems).toEqual([
      expect.objectContaining({ leafIndex: target, check: 'inclusion proof' }),
    ]);
  });

  it('finds a deleted event', async () => {
    await asSuperuserWithoutTriggers(db, [`DELETE FROM audit_events WHERE leaf_index = ${target}`]);
    expect(await verify()).toMatchObject({
      valid: false,
      firstInvalidLeafIndex: target,
      reasonCode: 'leaf_gap',
    });
    expect(await verifyExportFile(await exportFile())).toMatchObject({
      ok: false,
      reason: 'gap in leaf indexes',
    });
  });

  it('finds two swapped events', async () => {
    await asSuperuserWithoutTriggers(db, [
      `UPDATE audit_events SET leaf_index = -1 WHERE leaf_index = ${target}`,
      `UPDATE audit_events SET leaf_index = ${target} WHERE leaf_index = ${target + 1}`,
      `UPDATE audit_events SET leaf_index = ${target + 1} WHERE leaf_index = -1`,
    ]);
    expect(await verify()).toMatchObject({
      valid: false,
      firstInvalidLeafIndex: target,
      reasonCode: 'leaf_hash_mismatch',
    });
  });

  it('finds a consistent rewrite of every tree hash and checkpoint by a checkpoint kept before', async () => {
    const keptSize = Number(kept.split('\n')[1]);
    const keptRoot = kept.split('\n')[2]!;
    // Change an event inside the kept tree, then rebuild the whole tree and sign it again, as
    // someone with the database and the signing key could.
    const [early] = await db.query<{ leaf_index: string }[]>(
      `SELECT leaf_index FROM audit_events WHERE leaf_index < $1 ORDER BY leaf_index DESC LIMIT 1`,
      [keptSize],
    );
    await asSuperuserWithoutTriggers(db, [
      `UPDATE audit_events SET actor_name = 'Herschreven' WHERE leaf_index = ${early!.leaf_index}`,
    ]);
    const leaves = await db.query<{ leaf: string }[]>(
      `SELECT leaf FROM (SELECT leaf_index, '{"action":' || to_json(action)
          || ',"actorId":' || coalesce(to_json(actor_id)::text, 'null')
          || ',"actorName":' || to_json(actor_name) || ',"actorRole":' || to_json(actor_role)
          || ',"caseId":' || coalesce(to_json(case_id)::text, 'null')
          || ',"dataHash":"' || data_hash || '","index":' || leaf_index
          || ',"occurredAt":' || to_json(to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
          || ',"subjectId":' || to_json(subject_id) || ',"subjectType":' || to_json(subject_type) || '}' AS leaf
          FROM audit_events WHERE leaf_index IS NOT NULL) l ORDER BY leaf_index`,
    );
    const edge = new TreeEdge();
    const nodes = leaves.flatMap((l) => edge.append(leafHash(l.leaf)));
    const signer = noteSigner(t.config.auditOrigin, t.config.auditSigningKey);
    const root = edge.root();
    const note = signer.sign(
      checkpointText({ origin: t.config.auditOrigin, size: edge.size, root }),
    );
    await asSuperuserWithoutTriggers(db, [
      'DELETE FROM audit_tree_nodes',
      'DELETE FROM audit_checkpoints',
    ]);
    await db.query(
      `INSERT INTO audit_tree_nodes (level, index, hash)
       SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])`,
      [nodes.map((n) => n.level), nodes.map((n) => n.index), nodes.map((n) => n.hash)],
    );
    await db.query(
      'INSERT INTO audit_checkpoints (tree_size, root_hash, note) VALUES ($1, $2, $3)',
      [edge.size, root, note],
    );

    // Without what the auditor kept, the rewritten log holds together.
    expect(await verify()).toMatchObject({ valid: true });
    // Against the kept checkpoint it does not: on the server, and offline by consistency.
    expect(
      await verify(`?expectCheckpoint=${keptSize}:${encodeURIComponent(keptRoot)}`),
    ).toMatchObject({
      valid: false,
      reasonCode: 'missed_checkpoint',
    });
    const rewritten = await bundle(keptSize);
    expect(verifyBundle(rewritten, key)).toMatchObject({ ok: true });
    expect(verifyBundle(rewritten, key, kept).problems).toEqual([
      expect.objectContaining({ event: null, check: 'consistency proof' }),
    ]);
    const bundleFile = join(dir, 'rewritten.json');
    const keptFile = join(dir, 'kept.txt');
    writeFileSync(bundleFile, JSON.stringify(rewritten));
    writeFileSync(keptFile, kept);
    const cli = runSync(
      'cli',
      ['audit', 'verify-bundle', bundleFile, '--key', key, '--checkpoint', keptFile],
      {},
    );
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('consistency proof');
  });
});
