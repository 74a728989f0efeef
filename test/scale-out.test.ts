import { randomBytes } from 'node:crypto';
import { checkInvariants, Cluster, History, Load, prng, WebhookReceiver } from './support/cluster';
import { MailCatcher } from './support/mail-catcher';
import { createTestDatabase, DEMO_PASSWORD } from './support/test-app';
import { TEST_REDIS_URL, redisPrefix } from './support/test-env';

/**
 * Issue 20, item 1: Brug scaled out — two API processes (WORKERS=off) and two worker processes,
 * compiled, on one database and one Redis prefix. Sixty cases filed, routed, accepted, started,
 * noted and funded through both APIs; afterwards every case was routed exactly once, every open
 * SLA stage has its one check job in BullMQ, and every notification arrived once per recipient
 * (the mail sink and a webhook receiver).
 */
describe('scale-out: 2 API and 2 worker processes on one database and Redis', () => {
  const mail = new MailCatcher();
  const webhook = new WebhookReceiver();
  let cluster: Cluster | undefined;

  beforeAll(async () => {
    await mail.start();
    await webhook.start();
    cluster = await Cluster.start({
      databaseUrl: await createTestDatabase(),
      redisUrl: TEST_REDIS_URL,
      redisPrefix: `${redisPrefix()}-${randomBytes(4).toString('hex')}`,
      smtpUrl: mail.url,
      apis: 2,
      workers: 2,
    });
  }, 600_000);
  afterAll(async () => {
    await cluster?.stop();
    await webhook.stop();
    await mail.stop();
  });

  it('routes every case once, keeps one SLA job per open stage, delivers every notification once', async () => {
    const history = new History();
    const load = new Load(cluster!, history, prng(20), DEMO_PASSWORD);
    await load.prepare(webhook.url);
    await load.run(6, 60);
    const result = await checkInvariants({
      cluster: cluster!,
      history,
      load,
      webhook,
      mailIds: () => mail.mails.map((m) => m.messageId),
      exactlyOnce: true,
    });
    // Both APIs took work.
    expect(new Set(history.ops.map((op) => op.api % 2)).size).toBe(2);
    expect(load.caseIds).toHaveLength(60);
    if (result.violations.length) {
      throw new Error(`${result.table}\n${result.violations.join('\n')}\n${cluster!.outputs()}`);
    }
    expect(result.violations).toEqual([]);
    // Every operation was answered, and none with a 5xx.
    expect(history.ops.filter((op) => op.status === undefined || op.status >= 500)).toEqual([]);
  }, 600_000);
});
