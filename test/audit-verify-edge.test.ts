import { DataSource } from 'typeorm';
import { asSuperuserWithoutTriggers, waitUntilSequenced } from './support/audit';
import { bearer, fileCase } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** The server's verification agrees with the writer for awkward text, and starts at leaf 0. */
describe('audit verification edge cases', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('verifies events whose text holds quotes, backslashes, line breaks and non-ASCII', async () => {
    const admin = await bearer(t, 'admin');
    // Single-line text as the text policy lets it in (no control characters there).
    for (const name of ['Quote "x" and \\ back\\slash', 'Coöperatie ✓ 𝄞 </script>']) {
      await t
        .http()
        .post('/api/v1/domains')
        .set(admin)
        .send({
          code: `d-${Math.random().toString(36).slice(2, 8)}`,
          // Every character JSON escapes goes into the trail as it is.
          nameNl: name,
          nameEn: 'Edge case',
        })
        .expect(201);
    }
    // Multi-line text keeps tabs and line breaks, which canonical JSON escapes.
    const c = await fileCase(t);
    await t
      .http()
      .post(`/api/v1/cases/${c.id}/notes`)
      .set(await bearer(t, 'staff'))
      .send({ body: 'Tab\there, newline\nthere, CR\r\n "quoted" \\ 𝄞', visibility: 'internal' })
      .expect(201);
    const result = await t
      .http()
      .get('/api/v1/audit/verify')
      .set(await bearer(t, 'auditor'))
      .expect(200);
    expect(result.body).toMatchObject({ valid: true });
  });

  it('builds every leaf from the stored columns exactly as the sequencer hashed it', async () => {
    // Verification builds each leaf's bytes from the columns (src/audit/leaf-row.ts); the
    // sequencer hashed the text PostgreSQL built (leafSql). Envelopes with every awkward value
    // the columns can hold: escapes and controls, non-ASCII, no actor or case, times before 2000,
    // at a millisecond's edge and far ahead, padded text.
    const db = t.app.get(DataSource);
    const awkward: [string, string | null, string, string, string | null][] = [
      ['1999-12-31T23:59:59.999999Z', null, 'Quote " back\\slash', 'x\u0001\u001f\u007f', null],
      [
        '1970-01-01T00:00:00.000001Z',
        '4c2b7f7e-0d7e-4a5e-9f1e-2b9a1c3d4e5f',
        'Tab\there\nCR\r',
        'Coöperatie ✓ 𝄞',
        '5d3c8e8f-1e8f-4b6f-8a2f-3c0b2d4e5f60',
      ],
      ['2026-03-29T01:00:00.5Z', null, '</script> \u2028 \u2029', ' spaces ', null],
      ['9999-12-31T23:59:59.999Z', null, '', 'ü', null],
    ];
    for (const [at, actorId, name, subject, caseId] of awkward) {
      await db.query(
        `INSERT INTO audit_events (occurred_at, actor_id, actor_role, actor_name, action,
                                   subject_type, subject_id, case_id, data, data_hash)
         VALUES ($1::timestamptz, $2::uuid, 'admin', $3, 'edge.case', 'edge "type"', $4, $5::uuid,
                 '{"x":1}', encode(sha256(convert_to('{"x":1}', 'UTF8')), 'hex'))`,
        [at, actorId, name, subject, caseId],
      );
    }
    await waitUntilSequenced(db);
    const result = await t
      .http()
      .get('/api/v1/audit/verify')
      .set(await bearer(t, 'auditor'))
      .expect(200);
    expect(result.body).toMatchObject({ valid: true });
    const rows = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'edge.case' AND leaf_index IS NOT NULL`,
    );
    expect(rows[0]?.n).toBe(awkward.length);
  });

  it('finds a deleted first leaf', async () => {
    const db = t.app.get(DataSource);
    await waitUntilSequenced(db);
    await db.query('CREATE TABLE audit_backup AS SELECT * FROM audit_events');
    try {
      await asSuperuserWithoutTriggers(db, ['DELETE FROM audit_events WHERE leaf_index = 0']);
      const result = await t
        .http()
        .get('/api/v1/audit/verify')
        .set(await bearer(t, 'auditor'))
        .expect(200);
      expect(result.body).toMatchObject({
        valid: false,
        firstInvalidLeafIndex: 0,
        reason: 'gap in leaf indexes',
        reasonCode: 'leaf_gap',
      });
    } finally {
      await asSuperuserWithoutTriggers(db, [
        'DELETE FROM audit_events',
        'INSERT INTO audit_events SELECT * FROM audit_backup',
      ]);
      await db.query('DROP TABLE audit_backup');
    }
  });

  it('finds a leaf whose hash is missing from the tree, and one that is not a hash', async () => {
    // Verification reads the tree's leaf hashes as a stream of its own beside the events and
    // pairs them by leaf index: a leaf without its node is a leaf hash mismatch there.
    const db = t.app.get(DataSource);
    await waitUntilSequenced(db);
    const [{ n }] = (await db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM audit_tree_nodes WHERE level = 0',
    )) as [{ n: number }];
    expect(n).toBeGreaterThan(4);
    const target = Math.floor(n / 2);
    await db.query('CREATE TABLE nodes_backup AS SELECT * FROM audit_tree_nodes');
    const verify = async () =>
      (
        await t
          .http()
          .get('/api/v1/audit/verify')
          .set(await bearer(t, 'auditor'))
          .expect(200)
      ).body as Record<string, unknown>;
    try {
      await asSuperuserWithoutTriggers(db, [
        `DELETE FROM audit_tree_nodes WHERE level = 0 AND index = ${target}`,
      ]);
      expect(await verify()).toMatchObject({
        valid: false,
        firstInvalidLeafIndex: target,
        reasonCode: 'leaf_hash_mismatch',
      });
      await asSuperuserWithoutTriggers(db, [
        'DELETE FROM audit_tree_nodes',
        'INSERT INTO audit_tree_nodes SELECT * FROM nodes_backup',
        // The right hash with a byte more.
        `UPDATE audit_tree_nodes SET hash = hash || '\\x00'::bytea
          WHERE level = 0 AND index = ${target + 1}`,
      ]);
      expect(await verify()).toMatchObject({
        valid: false,
        firstInvalidLeafIndex: target + 1,
        reasonCode: 'leaf_hash_mismatch',
      });
    } finally {
      await asSuperuserWithoutTriggers(db, [
        'DELETE FROM audit_tree_nodes',
        'INSERT INTO audit_tree_nodes SELECT * FROM nodes_backup',
      ]);
      await db.query('DROP TABLE nodes_backup');
    }
    expect(await verify()).toMatchObject({ valid: true });
  });

  it('answers verifications asked at once, each in full', async () => {
    // One runs at a time in a process (each holds two connections); the others wait for it.
    const auditor = await bearer(t, 'auditor');
    const results = await Promise.all(
      [1, 2, 3].map(() => t.http().get('/api/v1/audit/verify').set(auditor).expect(200)),
    );
    const leaves = results.map((r) => r.body as { valid: boolean; leaves: number });
    expect(leaves.every((r) => r.valid && r.leaves > 0)).toBe(true);
    expect(new Set(leaves.map((r) => r.leaves)).size).toBe(1);
  });
});
