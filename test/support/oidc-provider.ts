import { spawn, type ChildProcess } from 'node:child_process';
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

/** A loopback port that was free a moment ago (for an address the provider must know first). */
export function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
