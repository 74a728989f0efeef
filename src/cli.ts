import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { parseHead } from './audit/hash-chain';
import { verifyBundle } from './audit/bundle-verify';
import { verifyExportFile } from './audit/offline-verify';
import { isCommonPassword, PASSWORD_MAX, PASSWORD_MIN } from './auth/password-rules';
import { ROLES, type Role } from './auth/roles';
import { UsersService } from './auth/users.service';
import { CatalogueService } from './catalogue/catalogue.service';
import { DomainError } from './common/errors';
import type { AppConfig } from './config/config';
import { configOrExit } from './config/environment';
import { dataSourceOptions } from './database/data-source-options';
import { ensureDatabase } from './database/database-admin';
import type { ActorRef } from './database/unit-of-work';
import { runMigrations } from './database/migrate';
import { DemoDataService } from './demo/demo-data.service';

/**
 * `npm run brug -- <command>`: the operators' command line. Writes plain text for people;
 * the service itself logs JSON.
 */
const USAGE = `Usage: npm run brug -- <command> [options]

Commands:
  users:create --email <email> --name <name> --role <role> [--unit <unit code>] [--domains a,b]
      Creates a user. The password is read from standard input (piped), or asked for twice
      when standard input is a terminal. Roles: ${ROLES.join(', ')}.
  seed                 Creates the catalogue and (unless NODE_ENV=production) the demo users.
  migration:run        Applies pending database migrations.
  migration:revert     Reverts the most recent migration.
  audit verify <file.jsonl> [--checkpoint <checkpoint file> --key <verifier key>] [--head <seq>:<hash>]
      Verifies an audit export (GET /api/v1/audit/export) offline, without a database: every
      dataHash and the tree; with --checkpoint, its root must be the signed checkpoint's; with
      --head, the old hash chain must pass through that head (see docs/audit.md).
  audit verify-bundle <bundle.json> --key <verifier key> [--checkpoint <earlier checkpoint file>]
      Verifies a case's bundle (GET /api/v1/cases/{id}/audit/bundle) offline: the checkpoint's
      signature, every event's data and inclusion proof, and that the log only grew since the
      earlier checkpoint. --key is the key itself or a file holding it.
`;

const out = (text: string): void => void process.stdout.write(`${text}\n`);

class UsageError extends Error {}

/** Who the audit trail names for changes made from this command line. */
const OPERATOR: ActorRef = { id: null, role: 'system', name: 'Operator (brug CLI)' };

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      // Hide what is typed: write the prompt only, never the echoed characters.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.includes(prompt)) process.stdout.write(prompt);
      };
      rl.question(prompt, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password: ');
  const second = await ask('Password again: ');
  if (first !== second) throw new UsageError('The passwords differ.');
  return first;
}

async function withApp<T>(
  config: AppConfig,
  work: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>,
): Promise<T> {
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ ...config, logLevel: 'warn' }, { role: 'cli' }),
    { logger: ['error', 'warn'] },
  );
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

async function usersCreate(config: AppConfig, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      domains: { type: 'string' },
    },
    strict: true,
  });
  if (!values.email || !values.name || !values.role) {
    throw new UsageError('users:create needs --email, --name and --role.');
  }
  if (!(ROLES as readonly string[]).includes(values.role)) {
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}.`);
  }
  const password = await readPassword();
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    throw new UsageError(`The password needs ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`);
  }
  if (isCommonPassword(password)) {
    throw new UsageError('That is a commonly used password; choose another.');
  }
  await withApp(config, async (app) => {
    let unitId: string | null = null;
    if (values.unit) {
      const unit = await app.get(CatalogueService).findUnitByCode(values.unit);
      if (!unit) throw new UsageError(`There is no organisation unit with code "${values.unit}".`);
      unitId = unit.id;
    }
    const user = await app.get(UsersService).create(OPERATOR, {
      email: values.email!,
      name: values.name!,
      role: values.role as Role,
      organisationUnitId: unitId,
      domains: values.domains ? values.domains.split(',').map((d) => d.trim()) : [],
      password,
    });
    out(`Created ${user.role} ${user.email} (${user.id}).`);
  });
}

async function migrate(config: AppConfig, direction: 'run' | 'revert'): Promise<void> {
  if (config.databaseCreate) await ensureDatabase(config.databaseUrl);
  const dataSource = await new DataSource(
    dataSourceOptions(config, { applicationName: 'brug-cli', poolSize: 1 }),
  ).initialize();
  try {
    if (direction === 'run') {
      const applied = await runMigrations(dataSource);
      out(
        applied.length ? applied.map((m) => `Applied ${m.name}`).join('\n') : 'Nothing to apply.',
      );
    } else {
      await dataSource.undoLastMigration({ transaction: 'each' });
      out('Reverted the most recent migration.');
    }
  } finally {
    await dataSource.destroy();
  }
}

/** A verifier key given as itself or as a file holding it. */
function readKey(value: string): string {
  return existsSync(value) ? readFileSync(value, 'utf8').trim() : value.trim();
}

async function audit(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === 'verify-bundle') return auditVerifyBundle(rest);
  if (subcommand !== 'verify') {
    throw new UsageError(
      'Usage: audit verify <file.jsonl> [--checkpoint <file> --key <key>] [--head <seq>:<hash>]\n' +
        '       audit verify-bundle <bundle.json> --key <key> [--checkpoint <file>]',
    );
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      head: { type: 'string' },
      checkpoint: { type: 'string' },
      key: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...more] = positionals;
  if (!file || more.length > 0) {
    throw new UsageError('audit verify needs exactly one export file.');
  }
  let head: { seq: number; hash: string } | undefined;
  if (values.head !== undefined) {
    try {
      head = parseHead(values.head);
    } catch (error) {
      throw new UsageError(`--head: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if ((values.checkpoint === undefined) !== (values.key === undefined)) {
    throw new UsageError('--checkpoint and --key go together.');
  }
  const checkpoint =
    values.checkpoint !== undefined && values.key !== undefined
      ? { note: readFileSync(values.checkpoint, 'utf8'), verifierKey: readKey(values.key) }
      : undefined;
  const result = await verifyExportFile(file, head, checkpoint);
  if (!result.ok) {
    process.stderr.write(
      `invalid at line ${result.line} (seq ${result.seq ?? 'unknown'}): ${result.reason}\n`,
    );
    return 1;
  }
  const last = result.headSeq === null ? 'none' : `${result.headSeq}:${result.headHash}`;
  out(
    `valid: ${result.leaves} leaves, tree ${result.leaves}:${result.root}` +
      (checkpoint ? ' (the signed checkpoint’s root)' : ' (no checkpoint given)') +
      `; ${result.events} chained events, head ${last}`,
  );
  return 0;
}

function auditVerifyBundle(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: { key: { type: 'string' }, checkpoint: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...more] = positionals;
  if (!file || more.length > 0 || values.key === undefined) {
    throw new UsageError('audit verify-bundle needs one bundle file and --key <verifier key>.');
  }
  let bundle: unknown;
  try {
    bundle = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const earlier =
    values.checkpoint === undefined ? undefined : readFileSync(values.checkpoint, 'utf8');
  const result = verifyBundle(bundle, readKey(values.key), earlier);
  result.events.forEach((event, i) =>
    out(
      `event ${i + 1} (leaf ${event.leafIndex ?? '?'}): ${event.ok ? 'ok' : 'INVALID'}${event.erased ? ' (data erased)' : ''}`,
    ),
  );
  for (const p of result.problems) {
    const where = p.event === null ? 'bundle' : `event ${p.event} (leaf ${p.leafIndex ?? '?'})`;
    process.stderr.write(`invalid: ${where}: ${p.check}: ${p.reason}\n`);
  }
  if (!result.ok) return 1;
  out(
    `valid: ${result.events.length} events in the signed tree of ${result.treeSize}` +
      (earlier === undefined ? '' : ', consistent with the earlier checkpoint'),
  );
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help') {
    out(USAGE);
    return command ? 0 : 2;
  }
  // Needs no configuration and no database: an auditor runs it on an export file.
  if (command === 'audit') return audit(args);
  const config = configOrExit('brug');
  switch (command) {
    case 'users:create':
      await usersCreate(config, args);
      return 0;
    case 'seed':
      await withApp(config, async (app) => {
        const users = config.nodeEnv !== 'production';
        const report = await app.get(DemoDataService).seed({ users });
        out(
          `Seeded ${report.domains} domains, ${report.units} units` +
            (users ? `, ${report.users} demo users.` : ' (no demo users in production).'),
        );
      });
      return 0;
    case 'migration:run':
      await migrate(config, 'run');
      return 0;
    case 'migration:revert':
      await migrate(config, 'revert');
      return 0;
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof DomainError) {
      const fields = error instanceof DomainError ? (error.extra.errors ?? []) : [];
      process.stderr.write(
        `brug: ${error.message}\n${fields.map((f) => `  ${f.field}: ${f.message}\n`).join('')}`,
      );
      process.exit(2);
    }
    process.stderr.write(`brug: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
