import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case search's GIN indexes write each new row version's entries straight into the index
 * (`fastupdate = off`) instead of collecting them in a pending list. Every filing and every
 * status change or routing writes a new version of the case row, and with the pending list the
 * statement that took the list past `gin_pending_list_limit` merged all of it before it could
 * finish: at 1,000,000 cases and 50 filings a second, one filing or routing every 7–8 s took
 * 250–960 ms, and the routings queued behind it waited as long (docs/benchmarks.md, issue 21).
 */
export class SearchIndexesWithoutPendingList1796620000000 implements MigrationInterface {
  name = 'SearchIndexesWithoutPendingList1796620000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER INDEX "cases_search_idx" SET (fastupdate = off)`);
    await q.query(`ALTER INDEX "cases_search_text_idx" SET (fastupdate = off)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER INDEX "cases_search_text_idx" RESET (fastupdate)`);
    await q.query(`ALTER INDEX "cases_search_idx" RESET (fastupdate)`);
  }
}
