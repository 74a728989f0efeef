import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each API process keeps the actor of a token (what `findActor` reads: a user and their
 * domains) between changes, and drops it when PostgreSQL says it changed (ADR 47). These
 * triggers say so: a change of what the actor holds notifies `brug_actor_changed` with the
 * user's id, delivered at commit (never for a rolled-back change); a TRUNCATE notifies `*`.
 * A change to a column the actor does not hold (the password hash alone is never that: a new
 * password counts the token version up) notifies nobody.
 */
export class ActorChangeNotifications1796570000000 implements MigrationInterface {
  name = 'ActorChangeNotifications1796570000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION brug_actor_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          PERFORM pg_notify('brug_actor_changed', '*');
          RETURN NULL;
        END IF;
        IF TG_TABLE_NAME = 'users' THEN
          PERFORM pg_notify('brug_actor_changed', OLD.id::text);
        ELSE
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            PERFORM pg_notify('brug_actor_changed', OLD.user_id::text);
          END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            PERFORM pg_notify('brug_actor_changed', NEW.user_id::text);
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    // A new user has nothing kept yet: updates and deletions only.
    await q.query(`
      CREATE TRIGGER users_actor_changed AFTER UPDATE ON users FOR EACH ROW
        WHEN ((OLD.email, OLD.name, OLD.role, OLD.organisation_unit_id, OLD.active,
               OLD.token_version)
              IS DISTINCT FROM
              (NEW.email, NEW.name, NEW.role, NEW.organisation_unit_id, NEW.active,
               NEW.token_version))
        EXECUTE FUNCTION brug_actor_changed()`);
    await q.query(`
      CREATE TRIGGER users_actor_deleted AFTER DELETE ON users FOR EACH ROW
        EXECUTE FUNCTION brug_actor_changed()`);
    await q.query(`
      CREATE TRIGGER user_domains_actor_changed AFTER INSERT OR UPDATE OR DELETE ON user_domains
        FOR EACH ROW EXECUTE FUNCTION brug_actor_changed()`);
    for (const table of ['users', 'user_domains']) {
      await q.query(`
        CREATE TRIGGER ${table}_actor_truncated AFTER TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION brug_actor_changed()`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['users', 'user_domains']) {
      await q.query(`DROP TRIGGER ${table}_actor_truncated ON ${table}`);
    }
    await q.query(`DROP TRIGGER user_domains_actor_changed ON user_domains`);
    await q.query(`DROP TRIGGER users_actor_deleted ON users`);
    await q.query(`DROP TRIGGER users_actor_changed ON users`);
    await q.query(`DROP FUNCTION brug_actor_changed()`);
  }
}
