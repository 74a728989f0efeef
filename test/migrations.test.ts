import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { dropDatabase, ensureDatabase } from '../src/database/database-admin';
import { runMigrations } from '../src/database/migrate';
import { MIGRATIONS } from '../src/database/migrations';
import { databasePrefix, databaseUrl } from './support/test-env';

describe('migrations', () => {
  const url = databaseUrl(`${databasePrefix()}empty_${randomBytes(3).toString('hex')}`);
  let db: DataSource;

  beforeAll(async () => {
    await ensureDatabase(url);
    db = await new DataSource(dataSourceOptions({ databaseUrl: url })).initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await dropDatabase(url);
  });

  // schema_migrations and typeorm_metadata are TypeORM's own bookkeeping (its migration runner
  // re-creates the latter whenever entities have generated columns).
  const tables = async (): Promise<string[]> =>
    (
      await db.query<{ tablename: string }[]>(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public'
           AND tablename NOT IN ('schema_migrations', 'typeorm_metadata') ORDER BY 1`,
      )
    ).map((r) => r.tablename);

  it('build the schema on an empty database, and the entities need nothing more', async () => {
    const applied = await runMigrations(db);
    expect(applied).toHaveLength(MIGRATIONS.length);
    // What `npm run migration:generate` would write: must be nothing.
    const pending = await db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    expect(await tables()).toEqual(
      expect.arrayContaining(['domains', 'organisation_units', 'users', 'user_domains']),
    );
  });

  it('give the counter refreshes that run at every commit one cached plan per connection', async () => {
    // Without it PostgreSQL planned their statements afresh at every call: 3–4 ms against
    // 0.5–0.8 ms a call (docs/benchmarks.md, issue 21).
    const rows = await db.query<{ name: string; config: string[] | null }[]>(
      `SELECT proname AS name, proconfig AS config FROM pg_proc
        WHERE proname IN ('funding_totals_refresh', 'report_counts_refresh') ORDER BY 1`,
    );
    expect(rows).toEqual([
      { name: 'funding_totals_refresh', config: ['plan_cache_mode=force_generic_plan'] },
      { name: 'report_counts_refresh', config: ['plan_cache_mode=force_generic_plan'] },
    ]);
  });

  it("write the case search's GIN entries straight into the index, with no pending list to merge", async () => {
    // With a pending list, the filing or routing that filled it merged it before it could
    // finish: 250–960 ms every 7–8 s at the full scale (docs/benchmarks.md, issue 21).
    const rows = await db.query<{ name: string; options: string[] | null }[]>(
      `SELECT c.relname AS name, c.reloptions AS options FROM pg_class c
        WHERE c.relname IN ('cases_search_idx', 'cases_search_text_idx') ORDER BY 1`,
    );
    expect(rows).toEqual([
      { name: 'cases_search_idx', options: ['fastupdate=off'] },
      { name: 'cases_search_text_idx', options: ['fastupdate=off'] },
    ]);
  });

  it('run twice change nothing (safe for several processes starting at once)', async () => {
    const [a, b] = await Promise.all([runMigrations(db), runMigrations(db)]);
    expect([...a, ...b]).toEqual([]);
  });

  it('revert all the way down and apply again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await db.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual([]);
    expect(await runMigrations(db)).toHaveLength(MIGRATIONS.length);
    expect((await db.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
