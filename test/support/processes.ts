import { ChildProcess, spawn, spawnSync, SpawnSyncReturns } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository: the nearest folder up with a package.json (also from dist-bench/test/support). */
function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const ROOT = findRoot(__dirname);

/** A compiled entry point; `npm test` builds first (pretest), so these are current. */
export function distEntry(name: 'main' | 'worker' | 'cli'): string {
  const file = join(ROOT, 'dist', `${name}.js`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" (npm test does)`);
  return file;
}

/** The environment of a child process: only what the test gives, plus PATH. */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env };
}

export function runSync(
  name: 'main' | 'worker' | 'cli',
  args: string[],
  env: Record<string, string>,
  input?: string,
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [distEntry(name), ...args], {
    cwd: ROOT,
    env: childEnv(env),
    input,
    encoding: 'utf8',
    // A guard against a hung child, not a speed check: a loaded 2-core machine runs the CLI's
    // checks over a whole trail several times slower than a quiet one.
    timeout: 300_000,
  });
}

export interface Running {
  child: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Starts an entry point in the background, collecting what it writes. */
export function start(name: 'main' | 'worker', env: Record<string, string>): Running {
  const child = spawn(process.execPath, [distEntry(name)], { cwd: ROOT, env: childEnv(env) });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return {
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = once(child, 'exit') as Promise<[number | null]>;
      child.kill(signal);
      const [code] = await exited;
      return code;
    },
  };
}

export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
