import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The stored resources changed through PATCH besides cases, each with its `version`. */
const TABLES = [
  'domains',
  'organisation_units',
  'users',
  'routing_rules',
  'sla_policies',
  'webhooks',
] as const;

/**
 * Optimistic locking for every resource a PATCH changes, as cases have had from the start: a
 * `version` counted up by each change, its ETag the version quoted, and the change refused (412)
 * when the `If-Match` names another. Existing rows start at version 1.
 */
export class ResourceVersions1796465428531 implements MigrationInterface {
  name = 'ResourceVersions1796465428531';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`ALTER TABLE "${table}" ADD "version" integer NOT NULL DEFAULT '1'`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) {
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "version"`);
    }
  }
}
