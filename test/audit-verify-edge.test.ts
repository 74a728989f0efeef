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
});
