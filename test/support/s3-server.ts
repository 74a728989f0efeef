import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import S3rver from 's3rver';

export const TEST_BUCKET = 'brug-documents';

/** A free loopback port, found by listening on port 0 and letting go. */
async function sparePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * A real S3-compatible server (s3rver) on a spare loopback port with its own directory; it can
 * be stopped (its connections cut) and started again on the same port, to test a store that
 * fails mid-upload.
 */
export class TestS3Server {
  private server: S3rver | undefined;

  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  static async start(): Promise<TestS3Server> {
    const s3 = new TestS3Server(await sparePort(), await mkdtemp(join(tmpdir(), 'brug-s3-')));
    await s3.resume();
    return s3;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What Brug's configuration needs to use this server. */
  env(): Record<string, string> {
    return {
      DOCUMENT_STORE: 's3',
      S3_ENDPOINT: this.endpoint,
      S3_BUCKET: TEST_BUCKET,
      S3_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    };
  }

  async resume(): Promise<void> {
    this.server = new S3rver({
      address: '127.0.0.1',
      port: this.port,
      directory: this.dir,
      silent: true,
      vhostBuckets: false,
      configureBuckets: [{ name: TEST_BUCKET, configs: [] }],
    });
    await this.server.run();
  }

  /** Stops at once: open connections are cut, as a crashed server would. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.httpServer?.closeAllConnections();
    await server.close();
  }

  /** Stops as soon as the next request arrives: the store fails in the middle of an upload. */
  stopOnNextRequest(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.httpServer?.once('request', () => {
        void this.stop().then(resolve);
      });
    });
  }

  async destroy(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }
}
