import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open deadlines, in id order: the cases whose SLA stages the workers' safety net checks
 * against Redis (`SlaJobs.reconcile`, at every worker start and every SLA_RESYNC_INTERVAL_MS).
 * Without it each page of 500 walked the primary key through closed cases until it met 500 open
 * ones: at 1,000,000 cases a page took 150–300 ms of PostgreSQL and a pass over all of them
 * longer than the minute between passes, so the pass never stopped and the routing of new cases
 * waited behind it (docs/benchmarks.md, issue 21). Its predicate is the reconcile's WHERE, and it
 * holds the columns a page reads: with the rows in the table only, PostgreSQL preferred to fetch
 * every open case and sort them for each page (a pass then reads them once per page), where an
 * index-only scan reads a page's own entries in order.
 */
export class OpenDeadlinesIndex1796610000000 implements MigrationInterface {
  name = 'OpenDeadlinesIndex1796610000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX "cases_open_deadlines_idx" ON "cases" ("id")
        INCLUDE ("accept_by", "propose_by", "status", "priority", "sla_breached", "sla_warned")
        WHERE "status" IN ('routed', 'accepted', 'in_progress') AND "propose_by" IS NOT NULL
          AND "suspended_since" IS NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "cases_open_deadlines_idx"`);
  }
}
