import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The members of a unit or team, a page at a time in email order (issue 19, item 6: the
 * administrator's teams page lists them with `GET /users?organisationUnitId=`). The index on
 * (organisation_unit_id, email) serves that filter and its keyset order; it also serves every
 * lookup by unit alone, so the index on organisation_unit_id only goes.
 */
export class UsersByUnit1796540000000 implements MigrationInterface {
  name = 'UsersByUnit1796540000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "users_unit_email_idx" ON "users" ("organisation_unit_id", "email")`,
    );
    await q.query(`DROP INDEX "users_organisation_unit_idx"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "users_organisation_unit_idx" ON "users" ("organisation_unit_id")`);
    await q.query(`DROP INDEX "users_unit_email_idx"`);
  }
}
