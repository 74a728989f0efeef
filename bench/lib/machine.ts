import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { Redis } from 'ioredis';
import type { Client } from 'pg';
import { BENCH_REDIS_URL } from './resources';

/** What the numbers were measured on. */
export interface Machine {
  date: string;
  cores: number;
  cpu: string;
  memoryGb: number;
  os: string;
  postgres: string;
  redis: string;
  node: string;
  commit: string;
  loadAverage: string;
  data: string;
  seconds: number;
}

async function describeRedis(): Promise<string> {
  const redis = new Redis(BENCH_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const info = await redis.info('server');
    const persistence = await redis.info('persistence');
    const aof = /aof_enabled:(\d)/.exec(persistence)?.[1] === '1' ? 'on' : 'off';
    return `${/redis_version:(\S+)/.exec(info)?.[1] ?? '?'} (aof ${aof})`;
  } finally {
    redis.disconnect();
  }
}

export async function describeMachine(db: Client): Promise<Machine> {
  const [{ version }] = (await db.query<{ version: string }>('SELECT version()')).rows as [
    { version: string },
  ];
  const settings = (
    await db.query<{ name: string; value: string }>(
      `SELECT name, current_setting(name) AS value FROM pg_settings
        WHERE name IN ('shared_buffers', 'work_mem', 'synchronous_commit', 'max_connections')
        ORDER BY name`,
    )
  ).rows
    .map((s) => `${s.name}=${s.value}`)
    .join(', ');
  const redisVersion = await describeRedis().catch(() => 'unknown');
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', 'src'], {
      encoding: 'utf8',
    }).trim();
    if (dirty) commit += ' with uncommitted changes in src/';
  } catch {
    // not a git checkout
  }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: totalmem() / 1024 ** 3,
    os: `${osType()} ${release()}`,
    postgres: `${version.split(',')[0]} (${settings})`,
    redis: redisVersion,
    node: process.env.BENCH_NODE_OPTIONS
      ? `${process.version} (Brug started with ${process.env.BENCH_NODE_OPTIONS})`
      : process.version,
    commit,
    loadAverage: loadavg()
      .map((l) => l.toFixed(2))
      .join(' / '),
    data: '',
    seconds: 0,
  };
}
