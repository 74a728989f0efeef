import { raceDisbursements } from './support/disbursement-race';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The same race on a starved process (issue 12, item 9): a pool of 5 connections for 200
 * concurrent requests, each waiting at most a second for one. Requests that get no connection
 * in time are answered 503 with Retry-After, never 500, and the ledger still holds.
 */
describe('funding ledger under concurrency with a pool of 5', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { DATABASE_POOL_SIZE: '5', DATABASE_CONNECT_TIMEOUT_MS: '1000' },
    });
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => t.close());

  it('answers each of 200 concurrent disbursements with 201, 422 or 503, and never overdraws', async () => {
    const counts = await raceDisbursements(t, { unavailableAllowed: true });
    process.stdout.write(`pool of 5: ${JSON.stringify(counts)}\n`);
    expect(Object.keys(counts).filter((s) => !['201', '422', '503'].includes(s))).toEqual([]);
    expect(counts[201]).toBeGreaterThan(0);
  });
});
