import type { DataSource, EntityManager } from 'typeorm';
import type { Ref } from '../common/ref-cache';
import { preparedQuery } from '../database/prepared';
import type { Actor } from './roles';

// The SQL of UsersService's reads for the rest of Brug (the guard's actor, people to choose
// from, names and contacts): one home for the queries, so the service holds the rules.

/** What the guard needs to know about a token's user, loaded in one query. */
export interface ActorRecord extends Actor {
  active: boolean;
  /** Must equal the token's `tv`, or the token has been ended. */
  tokenVersion: number;
}

/** An active person with their unit and domains, for choosing and checking a koppel's halves. */
export interface ActivePerson {
  id: string;
  name: string;
  role: Actor['role'];
  unit: { id: string; name: string; kind: string } | null;
  domains: string[];
}

interface ActorRow {
  id: string;
  email: string;
  name: string;
  role: Actor['role'];
  organisation_unit_id: string | null;
  active: boolean;
  token_version: number;
  domains: string[];
}

const ACTOR_SELECT = `SELECT u.id, u.email, u.name, u.role, u.organisation_unit_id, u.active,
            u.token_version,
            coalesce(array_agg(ud.domain_code ORDER BY ud.domain_code)
                     FILTER (WHERE ud.domain_code IS NOT NULL), '{}') AS domains
       FROM users u LEFT JOIN user_domains ud ON ud.user_id = u.id`;

const actorOf = (row: ActorRow): ActorRecord => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  organisationUnitId: row.organisation_unit_id,
  domains: row.domains,
  active: row.active,
  tokenVersion: row.token_version,
});

/** One user with their domains (a prepared statement: the guard asks on every request). */
export async function selectActor(db: DataSource, id: string): Promise<ActorRecord | null> {
  const rows: ActorRow[] = await preparedQuery(
    db,
    `${ACTOR_SELECT} WHERE u.id = $1 GROUP BY u.id`,
    [id],
  );
  const row = rows[0];
  return row ? actorOf(row) : null;
}

/** Several users with their domains, in one query (the ones that exist, in no order). */
export async function selectActors(db: DataSource, ids: string[]): Promise<ActorRecord[]> {
  if (ids.length === 0) return [];
  const rows = await preparedQuery<ActorRow>(
    db,
    `${ACTOR_SELECT} WHERE u.id = ANY($1::uuid[]) GROUP BY u.id`,
    [ids],
  );
  return rows.map(actorOf);
}

/** `{ id, name }` of the users asked for. */
export function selectRefs(manager: EntityManager, ids: string[]): Promise<Ref[]> {
  return manager.query<Ref[]>('SELECT id, name FROM users WHERE id = ANY($1::uuid[])', [ids]);
}

/** The active people of a unit with a role, by id. */
export function selectActiveMembers(
  db: DataSource,
  unitId: string,
  role: Actor['role'],
): Promise<{ id: string; name: string; email: string }[]> {
  // Prepared: read at every routing and for every signal of a team.
  return preparedQuery<{ id: string; name: string; email: string }>(
    db,
    'SELECT id, name, email FROM users WHERE organisation_unit_id = $1 AND role = $2 AND active ORDER BY id',
    [unitId, role],
  );
}

/** Name and email of one user, active or not. */
export async function selectContact(
  db: DataSource,
  id: string,
): Promise<{ id: string; name: string; email: string; active: boolean } | null> {
  const [row] = await db.query<{ id: string; name: string; email: string; active: boolean }[]>(
    'SELECT id, name, email, active FROM users WHERE id = $1',
    [id],
  );
  return row ?? null;
}

/** Active people of some roles (ids: only those) with their unit and domains, by name. */
export async function selectActivePeople(
  manager: EntityManager,
  roles: Actor['role'][],
  ids: string[] | undefined,
): Promise<ActivePerson[]> {
  const rows = await manager.query<
    {
      id: string;
      name: string;
      role: Actor['role'];
      unit_id: string | null;
      unit_name: string | null;
      unit_kind: string | null;
      domains: string[];
    }[]
  >(
    `SELECT u.id, u.name, u.role, o.id AS unit_id, o.name AS unit_name, o.kind AS unit_kind,
            ARRAY(SELECT ud.domain_code FROM user_domains ud WHERE ud.user_id = u.id
                   ORDER BY ud.domain_code) AS domains
       FROM users u LEFT JOIN organisation_units o ON o.id = u.organisation_unit_id
      WHERE u.active AND u.role = ANY($1::text[]) AND ($2::uuid[] IS NULL OR u.id = ANY($2::uuid[]))
      ORDER BY u.name, u.id`,
    [roles, ids ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    unit:
      r.unit_id && r.unit_name && r.unit_kind
        ? { id: r.unit_id, name: r.unit_name, kind: r.unit_kind }
        : null,
    domains: r.domains,
  }));
}
