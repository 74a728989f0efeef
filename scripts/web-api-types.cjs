#!/usr/bin/env node
'use strict';
/**
 * Regenerates web/src/api/schema.d.ts from the API's OpenAPI document.
 *
 *   npm run web:api-types                     builds the API, boots it on a scratch database
 *                                             (created and dropped again), reads its document
 *   npm run web:api-types -- --url <base>     reads <base>/api/v1/openapi.json of a running Brug
 *   npm run web:api-types -- --file <path>    reads a dumped openapi.json
 *   ... --check                               writes nothing; exits 1 when the file is out of date
 *   ... --out <path>                          writes there instead (test/web-api-types.test.ts)
 *
 * Booting needs PostgreSQL and Redis as the tests do: BRUG_TEST_DATABASE_URL (an admin database
 * URL, default postgres://postgres@127.0.0.1:5432/postgres) and BRUG_TEST_REDIS_URL
 * (default redis://127.0.0.1:6379).
 */
const { randomBytes } = require('node:crypto');
const { readFile, writeFile } = require('node:fs/promises');
const path = require('node:path');
const { renderApiTypes, SCHEMA_PATH, REGENERATE_COMMAND } = require('./api-types.cjs');

const ROOT = path.resolve(__dirname, '..');

function parseArgs(argv) {
  const args = { url: undefined, file: undefined, out: undefined, check: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') args.check = true;
    else if (arg === '--url') args.url = argv[++i];
    else if (arg === '--file') args.file = argv[++i];
    else if (arg === '--out') args.out = argv[++i];
    else throw new Error(`unknown argument "${arg}" (use --url, --file, --out, --check)`);
  }
  return args;
}

async function fromUrl(base) {
  const response = await fetch(new URL('/api/v1/openapi.json', base));
  if (!response.ok) throw new Error(`${base} answered ${response.status} for the OpenAPI document`);
  return response.json();
}

/** Removes the scratch app's Redis keys (its queues' metadata): only those with its prefix. */
async function deleteRedisKeys(url, prefix) {
  const Redis = require('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Boots the built API (dist/) exactly as production does, on a database of its own. */
async function fromScratchApp() {
  require('reflect-metadata');
  const { loadConfig } = require(path.join(ROOT, 'dist', 'config', 'config.js'));
  const { createHttpApp } = require(path.join(ROOT, 'dist', 'http-app.js'));
  const { Client } = require('pg');
  const adminUrl =
    process.env.BRUG_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `brug_api_types_${randomBytes(4).toString('hex')}`;
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${name}`;
  const redisUrl = process.env.BRUG_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = name.replace(/_/g, '-');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    LOG_LEVEL: 'silent',
    WORKERS: 'off',
    JWT_SECRET: randomBytes(32).toString('hex'),
  });
  const app = await createHttpApp(config);
  try {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address();
    return await fromUrl(`http://127.0.0.1:${port}`);
  } finally {
    await app.close();
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    await deleteRedisKeys(redisUrl, redisPrefix);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const document = args.file
    ? JSON.parse(await readFile(args.file, 'utf8'))
    : args.url
      ? await fromUrl(args.url)
      : await fromScratchApp();
  const generated = await renderApiTypes(document);
  const relative = path.relative(process.cwd(), SCHEMA_PATH);
  if (args.check) {
    const committed = await readFile(SCHEMA_PATH, 'utf8').catch(() => '');
    if (committed !== generated) {
      process.stderr.write(`${relative} is out of date: run \`${REGENERATE_COMMAND}\`\n`);
      process.exit(1);
    }
    process.stdout.write(`${relative} is up to date\n`);
    return;
  }
  const target = args.out ?? SCHEMA_PATH;
  await writeFile(target, generated);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}

main().catch((error) => {
  process.stderr.write(
    `web:api-types: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
