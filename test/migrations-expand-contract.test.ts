import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Upgrades without downtime (docs/operations.md): while processes roll, old code runs on the new
 * schema, so a migration's `up` only expands. A statement that would break the code before it —
 * dropping or renaming a column or table, changing a column's type, making a column NOT NULL
 * (or adding one NOT NULL without a default) on a table that existed before — belongs in a later
 * release's contract step, and says so in a comment just above it:
 *
 *     // contract: expanded by 1796540000000-CaseOwner; no released code reads "owner_name".
 *
 * naming the earlier migration that expanded. Migrations up to CUT_OFF came before this rule;
 * what they did is listed in docs/operations.md (each ran with the release that needed it).
 */
const MIGRATIONS = join(__dirname, '..', 'src', 'database', 'migrations');
const CUT_OFF = 1796530000000;

interface Finding {
  migration: string;
  what: string;
  statement: string;
  marker: string | null;
}

const CHECKS: { what: string; test: (action: string) => boolean }[] = [
  { what: 'DROP COLUMN', test: (a) => /^DROP\s+(COLUMN\s+)?(?!CONSTRAINT\b)/i.test(a) },
  { what: 'DROP TABLE', test: (a) => /^DROP\s+TABLE\b/i.test(a) },
  { what: 'RENAME', test: (a) => /^RENAME\b(?!\s+CONSTRAINT\b)/i.test(a) },
  {
    what: 'ALTER COLUMN ... TYPE',
    test: (a) => /^ALTER\s+(COLUMN\s+)?"?\w+"?\s+(SET\s+DATA\s+)?TYPE\b/i.test(a),
  },
  {
    what: 'SET NOT NULL',
    test: (a) => /^ALTER\s+(COLUMN\s+)?"?\w+"?\s+SET\s+NOT\s+NULL\b/i.test(a),
  },
  {
    what: 'ADD COLUMN NOT NULL without a default',
    test: (a) =>
      /^ADD\s+(COLUMN\s+)?(?!CONSTRAINT\b)/i.test(a) &&
      /\bNOT\s+NULL\b/i.test(a) &&
      !/\b(DEFAULT|GENERATED)\b/i.test(a),
  },
];

/** Splits at commas outside brackets and quotes. */
function topLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** The body of `up(...)`: from its opening brace to the matching one. */
function upBody(source: string): string {
  const start = source.search(/async\s+up\s*\(/);
  if (start < 0) return '';
  const open = source.indexOf('{', source.indexOf(')', start));
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return source.slice(open + 1, i);
  }
  return source.slice(open + 1);
}

/** Every destructive statement in a migration's `up`, with the contract marker above it. */
export function findDestructive(migration: string, source: string): Finding[] {
  const body = upBody(source);
  const findings: Finding[] = [];
  const created = new Set<string>();
  let previousEnd = 0;
  for (const literal of body.matchAll(/`([^`]*)`/g)) {
    const before = body.slice(previousEnd, literal.index);
    previousEnd = literal.index + literal[0].length;
    const marker = /\/\/\s*contract:\s*(.+)/.exec(before)?.[1]?.trim() ?? null;
    for (const statement of literal[1]!.split(';')) {
      const sql = statement.replace(/\s+/g, ' ').trim();
      const table = /^CREATE\s+TABLE\s+(IF\s+NOT\s+EXISTS\s+)?"?(\w+)"?/i.exec(sql);
      if (table) created.add(table[2]!);
      if (/^DROP\s+TABLE\b/i.test(sql)) {
        findings.push({ migration, what: 'DROP TABLE', statement: sql, marker });
        continue;
      }
      const alter = /^ALTER\s+TABLE\s+(IF\s+EXISTS\s+)?(ONLY\s+)?("?[\w${}]+"?)\s+(.*)$/is.exec(
        sql,
      );
      if (!alter) continue;
      const name = alter[3]!.replace(/"/g, '');
      if (created.has(name)) continue; // made in this migration: no older code knows it
      for (const action of topLevel(alter[4]!)) {
        const check = CHECKS.find((c) => c.test(action));
        if (check) findings.push({ migration, what: check.what, statement: sql, marker });
      }
    }
  }
  return findings;
}

const migrations = readdirSync(MIGRATIONS)
  .filter((file) => /^\d{13}-.+\.ts$/.test(file))
  .sort();
const stamp = (file: string) => Number(file.slice(0, 13));

describe('migrations expand before they contract (docs/operations.md)', () => {
  it('after the cut-off, a destructive statement names its contract step and its expansion', () => {
    const problems: string[] = [];
    for (const file of migrations.filter((f) => stamp(f) > CUT_OFF)) {
      for (const finding of findDestructive(file, readFileSync(join(MIGRATIONS, file), 'utf8'))) {
        const expanded = /\b(\d{13})-[\w-]+/.exec(finding.marker ?? '');
        if (!finding.marker) {
          problems.push(`${file}: ${finding.what} without a "// contract:" comment`);
        } else if (
          !expanded ||
          !migrations.some((m) => m.startsWith(expanded[0]) && stamp(m) < stamp(file))
        ) {
          problems.push(`${file}: the contract comment names no earlier migration that expanded`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('finds what the migrations before the rule did (the scan reads them as they are)', () => {
    const found = migrations
      .filter((f) => stamp(f) <= CUT_OFF)
      .flatMap((file) => findDestructive(file, readFileSync(join(MIGRATIONS, file), 'utf8')))
      .map((f) => `${f.migration}: ${f.what}`);
    expect(found).toEqual([
      '1796466956990-CaseKoppel.ts: SET NOT NULL',
      '1796469170730-UserTokenVersion.ts: DROP COLUMN',
      '1796480000000-AuditLog.ts: DROP TABLE',
      '1796480000000-AuditLog.ts: SET NOT NULL',
      '1796480000000-AuditLog.ts: SET NOT NULL',
    ]);
  });

  it.each([
    ['ALTER TABLE "cases" DROP COLUMN "buyer_name"', 'DROP COLUMN'],
    ['ALTER TABLE "cases" DROP "buyer_name"', 'DROP COLUMN'],
    ['ALTER TABLE "cases" RENAME COLUMN "a" TO "b"', 'RENAME'],
    ['ALTER TABLE "cases" RENAME TO "zaken"', 'RENAME'],
    ['ALTER TABLE "cases" ALTER COLUMN "title" TYPE varchar(80)', 'ALTER COLUMN ... TYPE'],
    ['ALTER TABLE "cases" ALTER "title" SET DATA TYPE text', 'ALTER COLUMN ... TYPE'],
    ['ALTER TABLE "cases" ALTER COLUMN "title" SET NOT NULL', 'SET NOT NULL'],
    ['ALTER TABLE "cases" ADD "owner" uuid NOT NULL', 'ADD COLUMN NOT NULL without a default'],
    ['DROP TABLE "case_notes"', 'DROP TABLE'],
  ])('flags %s', (sql, what) => {
    const source = `class M { async up(q) {\n await q.query(\`${sql}\`);\n } }`;
    expect(findDestructive('m', source).map((f) => f.what)).toEqual([what]);
  });

  it.each([
    'ALTER TABLE "cases" ADD "owner" uuid',
    `ALTER TABLE "cases" ADD "state" text NOT NULL DEFAULT 'open'`,
    'ALTER TABLE "cases" ADD CONSTRAINT "x" CHECK ("a" IS NOT NULL) NOT VALID',
    'ALTER TABLE "cases" DROP CONSTRAINT "cases_state_check"',
    'CREATE TABLE "t" ("id" uuid NOT NULL); ALTER TABLE "t" ADD "n" int NOT NULL',
  ])('lets pass %s', (sql) => {
    const source = `class M { async up(q) {\n await q.query(\`${sql}\`);\n } }`;
    expect(findDestructive('m', source)).toEqual([]);
  });

  it('reads the marker above a statement, and only in up', () => {
    const source = `class M {
      async up(q) {
        // contract: expanded by 1796466956990-CaseKoppel; no released code reads it.
        await q.query(\`ALTER TABLE "cases" DROP COLUMN "old"\`);
      }
      async down(q) { await q.query(\`ALTER TABLE "cases" DROP COLUMN "new"\`); }
    }`;
    expect(findDestructive('m', source)).toEqual([
      expect.objectContaining({
        what: 'DROP COLUMN',
        marker: 'expanded by 1796466956990-CaseKoppel; no released code reads it.',
      }),
    ]);
  });
});
