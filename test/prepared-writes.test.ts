import { DataSource, type EntityManager } from 'typeorm';
import { CaseLifecycle } from '../src/cases/case-lifecycle';
import type { CaseRow } from '../src/cases/case-presenter';
import { filingStatement } from '../src/cases/cases.store';
import type { FileCaseDto } from '../src/cases/dto/case-input.dto';
import { preparedIn, statementName } from '../src/database/prepared';
import { WriteContext, type ActorRef } from '../src/database/unit-of-work';
import { MODEL_CASE } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

/** Thrown to roll a test's transaction back once it has looked inside it. */
class RollBack extends Error {}

/**
 * The statements every filed case runs inside its transactions (the filing, the status change,
 * the audit and outbox rows) are named prepared statements on the transaction's connection:
 * PostgreSQL plans each text once per connection instead of at every call. PostgreSQL's own list
 * of the session's prepared statements shows it.
 */
describe('prepared statements inside transactions', () => {
  let t: TestApp;
  let db: DataSource;
  let buyer: ActorRef & { unitId: string };

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    const [row] = await db.query<{ id: string; name: string; unit_id: string }[]>(
      `SELECT id, name, organisation_unit_id AS unit_id FROM users WHERE email = 'buyer@brug.example'`,
    );
    buyer = { id: row!.id, role: 'buyer', name: row!.name, unitId: row!.unit_id };
  });
  afterAll(() => t.close());

  /** The session's prepared statements whose text contains `part`. */
  const preparedWith = async (m: EntityManager, part: string) =>
    (
      await m.query<{ name: string; statement: string }[]>(
        'SELECT name, statement FROM pg_prepared_statements WHERE strpos(statement, $1) > 0',
        [part],
      )
    ).map((r) => ({ ...r, named: r.name === statementName(r.statement) }));

  /** Runs `work` in a transaction that is rolled back afterwards: nothing of it stays. */
  async function rolledBack(work: (m: EntityManager) => Promise<void>): Promise<void> {
    await expect(
      db.transaction(async (m) => {
        await work(m);
        throw new RollBack();
      }),
    ).rejects.toThrow(RollBack);
  }

  it('runs a statement as one named statement per text on the transaction’s connection', async () => {
    await rolledBack(async (m) => {
      const sql = 'SELECT $1::int + 1 AS n /* prepared-writes */';
      expect((await preparedIn<{ n: number }>(m, sql, [1])).rows).toEqual([{ n: 2 }]);
      expect((await preparedIn<{ n: number }>(m, sql, [41])).rows).toEqual([{ n: 42 }]);
      expect(await preparedWith(m, '/* prepared-writes */')).toEqual([
        { name: statementName(sql), statement: sql, named: true },
      ]);
    });
  });

  it('answers how many rows an UPDATE changed, and its rows', async () => {
    await rolledBack(async (m) => {
      await m.query('CREATE TEMPORARY TABLE prepared_counts (n int) ON COMMIT DROP');
      await m.query('INSERT INTO prepared_counts SELECT generate_series(1, 5)');
      const updated = await preparedIn<{ n: number }>(
        m,
        'UPDATE prepared_counts SET n = n * 10 WHERE n > $1 RETURNING n',
        [3],
      );
      expect(updated.rowCount).toBe(2);
      expect(updated.rows.map((r) => r.n).sort()).toEqual([40, 50]);
    });
  });

  it('refuses to run outside a transaction (preparedQuery is for that)', async () => {
    await expect(preparedIn(db.manager, 'SELECT 1', [])).rejects.toThrow(/inside a transaction/);
  });

  it('a failing statement fails its transaction, with PostgreSQL’s error code', async () => {
    await expect(
      db.transaction(async (m) => {
        await preparedIn(
          m,
          'INSERT INTO case_domains (case_id, domain_code, role) VALUES ($1, $2, $3)',
          ['00000000-0000-4000-8000-000000000000', 'energy', 'lead'],
        );
      }),
    ).rejects.toMatchObject({ code: '23503' });
  });

  it('files a case, changes its status and writes its audit and outbox rows as prepared statements', async () => {
    const lifecycle = t.app.get(CaseLifecycle);
    await rolledBack(async (m) => {
      const w = new WriteContext(m, buyer);
      const filing = filingStatement(MODEL_CASE as FileCaseDto, buyer.unitId, buyer.id!);
      const { row } = (await lifecycle.apply(w, {
        kind: 'file',
        ctes: filing.ctes,
        values: filing.values,
        audit: (created) => ({ reference: created.reference }),
      })) as { row: CaseRow };
      const system = new WriteContext(m, { id: null, role: 'system', name: 'Brug' });
      expect(
        await lifecycle.apply(system, {
          kind: 'transition',
          current: row,
          to: 'routed',
          guard: 'status',
        }),
      ).toMatchObject({ id: row.id, status: 'routed' });
      await w.flush();
      await system.flush();

      const filed = await preparedWith(m, 'INSERT INTO cases (reference');
      const changed = await preparedWith(m, 'UPDATE cases c SET status');
      const journal = await preparedWith(m, 'INSERT INTO outbox_events');
      expect(filed).toEqual([expect.objectContaining({ named: true })]);
      expect(changed).toEqual([expect.objectContaining({ named: true })]);
      // One text for both changes: the filing's and the routing's journals differ in values only.
      expect(journal).toEqual([expect.objectContaining({ named: true })]);
      expect(journal[0]!.statement).toContain('INSERT INTO audit_events');
      const [written] = await m.query<{ outbox: number; audit: number }[]>(
        `SELECT (SELECT count(*)::int FROM outbox_events WHERE payload->>'caseId' = $1) AS outbox,
                (SELECT count(*)::int FROM audit_events WHERE case_id = $1::uuid) AS audit`,
        [row.id],
      );
      expect(written).toEqual({ outbox: 2, audit: 2 });
    });
  });
});
