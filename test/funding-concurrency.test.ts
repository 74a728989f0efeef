import { raceDisbursements } from './support/disbursement-race';
import { startTestApp, TestApp } from './support/test-app';

/** Issue 6, acceptance item 3: concurrent entries cannot overdraw a commitment. */
describe('funding ledger under concurrency', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // One listening server for all requests (supertest would otherwise start and stop its own).
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => t.close());

  it('accepts 200 concurrent disbursements only up to the commitment, each in ledger and audit trail', async () => {
    const counts = await raceDisbursements(t, { unavailableAllowed: false });
    expect(counts[422]).toBeGreaterThan(0);
  });
});
