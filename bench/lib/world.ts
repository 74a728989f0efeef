import type { Client } from 'pg';

/**
 * The people and units cases are filed by and routed to. The seed gives three municipal units,
 * five MeentCoop teams and one demo user per role; a city files a million cases over years
 * through more units, buyers and staff (some of whom have left), so the bench adds those first.
 */
export interface Person {
  id: string;
  name: string;
  email: string;
  role: string;
  unitId: string | null;
  active: boolean;
  domains: string[];
}

export interface World {
  domains: string[];
  municipalUnits: { id: string; code: string; buyers: Person[] }[];
  teams: { id: string; code: string; staff: Person[]; activeStaff: Person[] }[];
  /** The team the routing rules give a case with this lead domain (the intake team otherwise). */
  teamForLead: Map<string, string>;
  intakeTeamId: string;
  budgetHolders: Person[];
  admin: Person;
  byEmail: Map<string, Person>;
}

const EXTRA_UNITS = [
  ['inkoop-ict', 'Inkoop ICT en Digitalisering'],
  ['inkoop-openbare-ruimte', 'Inkoop Openbare Ruimte en Groen'],
  ['inkoop-facilitair', 'Inkoop Facilitair'],
  ['stadsdeel-noord', 'Stadsdeel Noord'],
  ['stadsdeel-nieuw-west', 'Stadsdeel Nieuw-West'],
  ['stadsdeel-zuidoost', 'Stadsdeel Zuidoost'],
  ['onderwijs-jeugd-zorg', 'Onderwijs, Jeugd en Zorg'],
  ['verkeer-openbare-ruimte', 'Verkeer en Openbare Ruimte'],
  ['werk-participatie-inkomen', 'Werk, Participatie en Inkomen'],
] as const;

const FIRST = [
  'Anna',
  'Daan',
  'Fatima',
  'Jesse',
  'Lotte',
  'Mohammed',
  'Noor',
  'Sem',
  'Yara',
  'Tim',
];
const LAST = ['de Jong', 'Jansen', 'El Amrani', 'Bakker', 'Visser', 'Yilmaz', 'Smit', 'Mulder'];

/** Adds municipal units, buyers in every unit, and staff (current and former) in every team. */
export async function addPopulation(db: Client): Promise<void> {
  for (const [code, name] of EXTRA_UNITS) {
    await db.query(
      `INSERT INTO organisation_units (code, name, kind) VALUES ($1, $2, 'municipal')
       ON CONFLICT DO NOTHING`,
      [code, name],
    );
  }
  const units = await db.query<{ id: string; code: string; kind: string }>(
    'SELECT id, code, kind FROM organisation_units ORDER BY code',
  );
  let n = 0;
  const person = (): string => {
    n++;
    return `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]}`;
  };
  for (const unit of units.rows) {
    const rows: [string, string, string, boolean][] = [];
    if (unit.kind === 'municipal') {
      for (let i = 1; i <= 6; i++)
        rows.push([`inkoper${i}.${unit.code}@bench.example`, person(), 'buyer', i <= 5]);
    } else {
      // Three more current staff and two who have left: history keeps their koppels.
      for (let i = 1; i <= 5; i++)
        rows.push([`staf${i}.${unit.code}@bench.example`, person(), 'staff', i <= 3]);
    }
    for (const [email, name, role, active] of rows) {
      await db.query(
        `INSERT INTO users (email, name, role, organisation_unit_id, active) VALUES ($1, $2, $3, $4, $5)`,
        [email, name, role, unit.id, active],
      );
    }
  }
}

export async function loadWorld(db: Client): Promise<World> {
  const domains = (
    await db.query<{ code: string }>('SELECT code FROM domains WHERE active ORDER BY code')
  ).rows.map((r) => r.code);
  const units = (
    await db.query<{ id: string; code: string; kind: string }>(
      'SELECT id, code, kind FROM organisation_units WHERE active ORDER BY code',
    )
  ).rows;
  const users = (
    await db.query<{
      id: string;
      name: string;
      email: string;
      role: string;
      organisation_unit_id: string | null;
      active: boolean;
      domains: string[];
    }>(
      `SELECT u.id, u.name, u.email, u.role, u.organisation_unit_id, u.active,
              ARRAY(SELECT domain_code FROM user_domains d WHERE d.user_id = u.id ORDER BY 1) AS domains
         FROM users u ORDER BY u.email`,
    )
  ).rows.map((u): Person => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    unitId: u.organisation_unit_id,
    active: u.active,
    domains: u.domains,
  }));
  const rules = (
    await db.query<{ lead_domains: string[]; team_id: string }>(
      `SELECT lead_domains, team_id FROM routing_rules WHERE active ORDER BY position, id`,
    )
  ).rows;
  const teamForLead = new Map<string, string>();
  for (const rule of rules) {
    for (const d of rule.lead_domains) if (!teamForLead.has(d)) teamForLead.set(d, rule.team_id);
  }
  const intake = units.find((u) => u.code === 'meentcoop-intake');
  const admin = users.find((u) => u.role === 'admin' && u.active);
  if (!intake || !admin) throw new Error('The seed did not create the intake team or an admin');
  const world: World = {
    domains,
    municipalUnits: units
      .filter((u) => u.kind === 'municipal')
      .map((u) => ({
        id: u.id,
        code: u.code,
        buyers: users.filter((p) => p.unitId === u.id && p.role === 'buyer'),
      })),
    teams: units
      .filter((u) => u.kind === 'meentcoop_team')
      .map((u) => {
        const staff = users.filter((p) => p.unitId === u.id && p.role === 'staff');
        return { id: u.id, code: u.code, staff, activeStaff: staff.filter((p) => p.active) };
      }),
    teamForLead,
    intakeTeamId: intake.id,
    budgetHolders: users.filter((p) => p.role === 'budget_holder' && p.active),
    admin,
    byEmail: new Map(users.map((p) => [p.email, p])),
  };
  for (const unit of world.municipalUnits) {
    if (unit.buyers.length === 0) throw new Error(`Unit ${unit.code} has no buyers`);
  }
  for (const team of world.teams) {
    if (team.activeStaff.length === 0) throw new Error(`Team ${team.code} has no staff`);
  }
  return world;
}

export function person(world: World, email: string): Person {
  const p = world.byEmail.get(email);
  if (!p) throw new Error(`No user ${email}`);
  return p;
}
