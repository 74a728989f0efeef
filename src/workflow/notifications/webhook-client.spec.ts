import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import type { Resolver } from './address-guard';
import { COULD_NOT_CONNECT, postWebhook } from './webhook-client';

const strict = { allowLoopback: false, allowPrivate: false };
const loopbackOk = { allowLoopback: true, allowPrivate: false };

async function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

describe('postWebhook', () => {
  const received: IncomingHttpHeaders[] = [];
  let status = 200;
  const server = createServer((req, res) => {
    received.push(req.headers);
    req.resume();
    req.on('end', () => {
      res.statusCode = status;
      res.end('ok');
    });
  });
  let port = 0;
  beforeAll(async () => {
    port = await listen(server);
  });
  afterAll(() => server.close());
  beforeEach(() => {
    received.length = 0;
    status = 200;
  });

  /** A resolver that counts its calls and answers fixed addresses. */
  function resolver(...addresses: string[]): Resolver & { calls: number } {
    const fn = Object.assign(
      () => {
        fn.calls += 1;
        return Promise.resolve(addresses.map((address) => ({ address, family: 4 as const })));
      },
      { calls: 0 },
    );
    return fn;
  }

  it('connects to the address it checked, with the original host name', async () => {
    const resolve = resolver('127.0.0.1');
    const response = await postWebhook(`http://hook.example:${port}/x`, '{}', {}, loopbackOk, {
      resolve,
    });
    expect(response).toEqual({ status: 200, body: 'ok' });
    expect(resolve.calls).toBe(1); // no second lookup between the check and the connection
    expect(received).toHaveLength(1);
    expect(received[0]!.host).toBe(`hook.example:${port}`);
  });

  it.each([
    `http://[::ffff:127.0.0.1]:PORT/`,
    `http://[0:0:0:0:0:ffff:7f00:1]:PORT/`,
    `http://[::127.0.0.1]:PORT/`,
    `http://127.0.0.1:PORT/`,
    `http://0x7f.1:PORT/`,
    `http://2130706433:PORT/`,
  ])('checks the literal %s at delivery and does not connect', async (url) => {
    await expect(postWebhook(url.replace('PORT', String(port)), '{}', {}, strict)).rejects.toThrow(
      COULD_NOT_CONNECT,
    );
    expect(received).toHaveLength(0);
  });

  it('refuses a name with any refused address, and connects nowhere', async () => {
    const resolve = resolver('8.8.8.8', '127.0.0.1');
    await expect(
      postWebhook(`http://hook.example:${port}/`, '{}', {}, strict, { resolve }),
    ).rejects.toThrow(COULD_NOT_CONNECT);
    expect(received).toHaveLength(0);
  });

  it('gives one reason for a refused address, a closed port and a timeout; a status as it is', async () => {
    const reasons: string[] = [];
    const reason = (p: Promise<unknown>) =>
      p.then(
        () => 'answered',
        (e: Error) => e.message,
      );
    // refused address
    reasons.push(await reason(postWebhook(`http://127.0.0.1:${port}/`, '{}', {}, strict)));
    // closed port: take a free port and close it again
    const closed = createTcpServer();
    const closedPort = await listen(closed);
    closed.close();
    await once(closed, 'close');
    reasons.push(
      await reason(postWebhook(`http://127.0.0.1:${closedPort}/`, '{}', {}, loopbackOk)),
    );
    // open port that never answers
    const silent = createTcpServer(() => undefined);
    const silentPort = await listen(silent);
    try {
      reasons.push(
        await reason(
          postWebhook(`http://127.0.0.1:${silentPort}/`, '{}', {}, loopbackOk, { timeoutMs: 200 }),
        ),
      );
    } finally {
      silent.close();
    }
    // a name that does not resolve
    reasons.push(
      await reason(
        postWebhook('http://hook.example/', '{}', {}, strict, {
          resolve: () => Promise.reject(new Error('ENOTFOUND')),
        }),
      ),
    );
    expect(reasons).toEqual([
      COULD_NOT_CONNECT,
      COULD_NOT_CONNECT,
      COULD_NOT_CONNECT,
      COULD_NOT_CONNECT,
    ]);

    status = 503;
    expect(await postWebhook(`http://127.0.0.1:${port}/`, '{}', {}, loopbackOk)).toEqual({
      status: 503,
      body: 'ok',
    });
  });
});
