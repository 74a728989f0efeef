import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { verifyExportFile } from '../src/audit/offline-verify';
import { appendSyntheticEvents, waitUntilSequenced } from './support/audit';
import { runSync, start, waitFor, type Running } from './support/processes';
import { sparePort } from './support/redis-server';
import { DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';
import { redisPrefix, TEST_REDIS_URL } from './support/test-env';

const EVENTS = 200_000;

/** Resident memory of a process, from /proc (Linux). */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb) * 1024;
}

/**
 * The export is measured on the real server process (the compiled `dist/main.js`), apart from
 * the test runner, so the figure is the service's own memory growth.
 */
describe('audit export at volume', () => {
  let t: TestApp;
  let server: Running;
  let base: string;
  const dir = mkdtempSync(join(tmpdir(), 'brug-export-'));

  beforeAll(async () => {
    t = await startTestApp();
    await appendSyntheticEvents(t.app.get(DataSource), EVENTS);
    // The export holds what a checkpoint covers: wait for the test app's sequencer.
    await waitUntilSequenced(t.app.get(DataSource), 600_000);
    const port = await sparePort();
    base = `http://127.0.0.1:${port}`;
    server = start('main', {
      DATABASE_URL: t.config.databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: `${redisPrefix()}-export`,
      JWT_SECRET: t.config.jwtSecret,
      PORT: String(port),
      HOST: '127.0.0.1',
      WORKERS: 'off',
      LOG_LEVEL: 'warn',
    });
    await waitFor(async () => {
      try {
        return (await fetch(`${base}/health/live`)).status === 200;
      } catch {
        return false;
      }
    });
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it(`streams ${EVENTS.toLocaleString('en')} events with under 50 MB of memory growth, and the file verifies offline`, async () => {
    const signIn = await fetch(`${base}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'auditor@brug.example', password: DEMO_PASSWORD }),
    });
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    // One small export first, so the route's first-call set-up is not counted as growth.
    await fetch(`${base}/api/v1/audit/export?toSeq=10`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    }).then((r) => r.text());
    const pid = server.child.pid!;
    const baseline = rssOf(pid);
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssOf(pid));
    }, 20);
    const file = join(dir, 'export.jsonl');
    try {
      await new Promise<void>((resolve, reject) => {
        get(
          `${base}/api/v1/audit/export`,
          { headers: { Authorization: `Bearer ${accessToken}` } },
          (response) => {
            if (response.statusCode !== 200) reject(new Error(`status ${response.statusCode}`));
            const out = createWriteStream(file);
            response.pipe(out);
            out.on('finish', resolve);
            out.on('error', reject);
          },
        ).on('error', reject);
      });
    } finally {
      clearInterval(sampler);
    }
    const growthMb = (peak - baseline) / 1024 / 1024;
    const sizeMb = statSync(file).size / 1024 / 1024;
    process.stdout.write(
      `audit export: ${EVENTS} events, ${sizeMb.toFixed(0)} MB file, server RSS ${(baseline / 1048576).toFixed(0)} MB, growth ${growthMb.toFixed(1)} MB\n`,
    );
    // The file is far larger than the allowed growth: the export cannot have been buffered.
    expect(sizeMb).toBeGreaterThan(60);
    expect(growthMb).toBeLessThan(50);

    const t0 = Date.now();
    const verified = await verifyExportFile(file);
    process.stdout.write(`offline verify: ${Date.now() - t0} ms\n`);
    expect(verified).toMatchObject({ ok: true });
    expect(verified.ok && verified.leaves).toBeGreaterThanOrEqual(EVENTS);
    const cli = runSync('cli', ['audit', 'verify', file], {});
    expect(cli.status).toBe(0);
  }, 300_000);
});
