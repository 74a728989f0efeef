import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import type { Load, LoadResult } from '../load-child';
import type { Processes } from './processes';

/** Talking to the Brug under test: sign-in, single timed requests, and load from a child. */
export class Api {
  constructor(readonly base: string) {}

  async token(email: string, password: string): Promise<string> {
    const res = await fetch(`${this.base}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200)
      throw new Error(`Sign-in of ${email} failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  /** One request, timed to its last byte. Throws on anything but 2xx. */
  async get<T = unknown>(
    path: string,
    token: string,
    timeoutMs = 120_000,
  ): Promise<{ body: T; ms: number }> {
    const { text, ms } = await this.getText(path, token, 'application/json', timeoutMs);
    return { body: JSON.parse(text) as T, ms };
  }

  /** The answer as text (e.g. CSV), timed until its last byte. */
  async getText(
    path: string,
    token: string,
    accept: string,
    timeoutMs = 120_000,
  ): Promise<{ text: string; ms: number }> {
    const t0 = performance.now();
    const res = await fetch(`${this.base}${path}`, {
      headers: { authorization: `Bearer ${token}`, accept },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    if (res.status < 200 || res.status >= 300) {
      throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 500)}`);
    }
    return { text, ms };
  }
}

let children = 0;

/** Runs one load in a child process (bench/load-child) and returns what it measured. */
export async function runLoad(processes: Processes, load: Load): Promise<LoadResult> {
  return (await runLoads(processes, [load]))[0]!;
}

/** Runs loads one after the other in one child process. */
export async function runLoads(processes: Processes, loads: Load[]): Promise<LoadResult[]> {
  const name = `load-${++children}`;
  const child = processes.start(name, [join(__dirname, '..', 'load-child.js')], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'production' },
    input: JSON.stringify(loads),
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) {
    throw new Error(`The load process failed (${code}):\n${processes.tail(name)}`);
  }
  const last = out.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as LoadResult[];
}
