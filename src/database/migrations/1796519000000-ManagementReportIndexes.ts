import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the management report (issue 19, item 5; docs/reports.md). The report selects the
 * cases that were open at some moment of the period: those still open and filed before its end
 * (`cases_open_filed_idx`) and those closed after its start (`cases_closed_idx`); SLA compliance
 * reads the stages due in the period (`cases_accept_by_idx`, `cases_propose_by_idx`: the older
 * `…_due_idx` hold open stages only); the median time per stage reads when a case first reached
 * a status (`case_status_changes_to_at_idx`); suspensions in the period by their start.
 * The status history index carries the case id, so the stage times are read from it alone.
 */
export class ManagementReportIndexes1796519000000 implements MigrationInterface {
  name = 'ManagementReportIndexes1796519000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "cases_open_filed_idx" ON "cases" ("filed_at") WHERE "closed_at" IS NULL`,
    );
    await q.query(
      `CREATE INDEX "cases_closed_idx" ON "cases" ("closed_at") WHERE "closed_at" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "cases_accept_by_idx" ON "cases" ("accept_by") WHERE "accept_by" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "cases_propose_by_idx" ON "cases" ("propose_by") WHERE "propose_by" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "case_status_changes_to_at_idx" ON "case_status_changes" ("to_status", "at") INCLUDE ("case_id")`,
    );
    await q.query(
      `CREATE INDEX "case_suspensions_started_idx" ON "case_suspensions" ("started_at") INCLUDE ("case_id", "ended_at")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "case_suspensions_started_idx"`);
    await q.query(`DROP INDEX "case_status_changes_to_at_idx"`);
    await q.query(`DROP INDEX "cases_propose_by_idx"`);
    await q.query(`DROP INDEX "cases_accept_by_idx"`);
    await q.query(`DROP INDEX "cases_closed_idx"`);
    await q.query(`DROP INDEX "cases_open_filed_idx"`);
  }
}
