import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface TestProvider {
  issuer: string;
  process: ChildProcess;
}

/**
 * A real OpenID provider (oidc-provider) in its own process on a spare loopback port, with its
 * own test users (test/support/oidc-provider-process.mjs): its development login form takes any
 * password. Options: { clientId, clientSecret, redirectUris, postLogoutRedirectUris, accounts }.
 */
export async function startProvider(options: object): Promise<TestProvider> {
  const child = spawn(
    process.execPath,
    [join(__dirname, 'oidc-provider-process.mjs'), JSON.stringify(options)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const issuer = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`provider exited ${String(code)}`)));
  });
  return { issuer, process: child };
}

/** The lowest port of the kernel's range for outgoing connections (Linux: 32768 by default). */
function ephemeralLow(): number {
  try {
    const text = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8');
    const low = Number(text.trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 21_000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

/** Whether a loopback port can be listened on now. */
function free(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * A loopback port for an address the provider must know before the app listens on it: free when
 * probed, and below the range the kernel takes ports for outgoing connections from, so none of
 * the suite's connections (to PostgreSQL, Redis, the provider) can take it in the seconds before
 * the app starts. A port from `listen(0)` is in that range, and a random one in it was taken so
 * in CI (EADDRINUSE).
 */
export async function sparePort(): Promise<number> {
  const high = ephemeralLow();
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * (high - 20_000));
    if (await free(port)) return port;
  }
  throw new Error('No free loopback port below the ephemeral range');
}
