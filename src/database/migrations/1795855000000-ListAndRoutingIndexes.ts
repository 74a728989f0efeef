import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes found by the benchmarks (docs/benchmarks.md): the deadline sort pages through one
 * expression (deadline, or `infinity` for none), so a deep page is an index range instead of a
 * scan; and routing counts each MeentCoop contact's open koppels from a partial index of open
 * cases only. Written by hand: both indexes are expressions/partial, which the entities mark
 * `synchronize: false`.
 */
export class ListAndRoutingIndexes1795855000000 implements MigrationInterface {
  name = 'ListAndRoutingIndexes1795855000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "cases_deadline_idx"`);
    await q.query(
      `CREATE INDEX "cases_deadline_sort_idx" ON "cases" ((coalesce("deadline", 'infinity'::date)), "id")`,
    );
    await q.query(`DROP INDEX "cases_koppel_meentcoop_idx"`);
    await q.query(`
      CREATE INDEX "cases_open_koppel_idx" ON "cases" ("koppel_meentcoop_id")
        WHERE "status" NOT IN ('resolved', 'declined', 'withdrawn')`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "cases_open_koppel_idx"`);
    await q.query(
      `CREATE INDEX "cases_koppel_meentcoop_idx" ON "cases" ("koppel_meentcoop_id", "status")`,
    );
    await q.query(`DROP INDEX "cases_deadline_sort_idx"`);
    await q.query(`CREATE INDEX "cases_deadline_idx" ON "cases" ("deadline", "id")`);
  }
}
