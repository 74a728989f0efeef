import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/** A port nobody listens on right now (bound and released by the OS). */
export async function sparePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * A private redis-server for fault tests: it can be stopped and started again on the same port
 * without touching the shared Redis that other tests use.
 */
export class PrivateRedis {
  private process: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    /** A directory for its snapshot, when it must survive a restart (see restart()). */
    readonly dir?: string,
  ) {}

  static async start(dir?: string): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await sparePort(), dir);
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        ...(this.dir ? ['--dir', this.dir, '--dbfilename', 'dump.rdb'] : []),
      ],
      { stdio: 'ignore', cwd: this.dir },
    );
    const deadline = Date.now() + 10_000;
    for (;;) {
      const probe = new Redis(this.url, {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      probe.on('error', () => undefined); // answered by the connect() below
      try {
        await probe.connect();
        await probe.ping();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 50));
      } finally {
        probe.disconnect();
      }
    }
  }

  async stop(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGKILL');
    await once(child, 'exit');
  }

  /**
   * Restarts the server on the same port: with its data (a snapshot taken just before it dies,
   * as after a clean restart), or empty (a failover to a replica that had nothing). Keeping data
   * needs the directory given at start.
   */
  async restart(keepData: boolean): Promise<void> {
    if (keepData) {
      if (!this.dir) throw new Error('a PrivateRedis keeps data across a restart only with a dir');
      const client = new Redis(this.url, { maxRetriesPerRequest: 1 });
      try {
        await client.save();
      } finally {
        client.disconnect();
      }
    }
    await this.stop();
    if (!keepData && this.dir) rmSync(join(this.dir, 'dump.rdb'), { force: true });
    await this.start();
  }
}
