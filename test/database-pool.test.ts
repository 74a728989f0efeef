import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { ADMIN_DATABASE_URL } from './support/test-env';

describe('the database pool', () => {
  const applicationName = `brug-pool-test-${randomBytes(4).toString('hex')}`;
  let db: DataSource;
  let observer: DataSource;

  beforeAll(async () => {
    db = await new DataSource(
      dataSourceOptions(
        { databaseUrl: ADMIN_DATABASE_URL, databasePoolSize: 4 },
        { applicationName },
      ),
    ).initialize();
    observer = await new DataSource(
      dataSourceOptions({ databaseUrl: ADMIN_DATABASE_URL }, { poolSize: 1 }),
    ).initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await observer.destroy();
  });

  const open = async (): Promise<number> =>
    (
      await observer.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1',
        [applicationName],
      )
    )[0]!.n;

  it('keeps the connections a load opened through a quiet spell longer than pg’s idle timeout', async () => {
    // Four statements at once need four connections.
    await Promise.all([1, 2, 3, 4].map(() => db.query('SELECT pg_sleep(0.2)')));
    expect(await open()).toBe(4);
    // pg's pool closes an idle connection after 10 s unless it keeps it as one of its `min`: a
    // new backend would pay its catalogue caches and plans again (docs/benchmarks.md, issue 21).
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    expect(await open()).toBe(4);
  });
});
