import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The events of the old hash chain (from before the tree, ADR 30), in `seq` order, for the chain
 * check `GET /audit/verify` runs before it checks the tree: without it, that check read the whole
 * table to find them (none, in a log begun after the tree: a 12 ms scan at 50,000 events that
 * grows with the log; docs/benchmarks.md). Partial: events written since the tree carry no
 * chain hash and never enter it, so writes pay nothing for it.
 */
export class AuditChainedIndex1796580000000 implements MigrationInterface {
  name = 'AuditChainedIndex1796580000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "audit_events_chained_idx" ON "audit_events" ("seq") WHERE hash IS NOT NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "audit_events_chained_idx"`);
  }
}
