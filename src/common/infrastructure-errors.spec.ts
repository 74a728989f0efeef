import { QueryRunnerAlreadyReleasedError } from 'typeorm';
import { classifyInfrastructureError } from './infrastructure-errors';

/** What node-postgres, pg-pool, TypeORM and ioredis throw, reduced to the fields that matter. */
const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const typeormWrapped = (driverError: Error) =>
  Object.assign(new Error(driverError.message), { name: 'QueryFailedError', driverError });
const socketError = (code: string) =>
  Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });

describe('classifyInfrastructureError', () => {
  it.each([
    ['pool wait timed out', new Error('timeout exceeded when trying to connect')],
    ['connection ended under a query', new Error('Connection terminated unexpectedly')],
    [
      'connect timed out',
      new Error('Connection terminated due to connection timeout', {
        cause: new Error('Connection terminated unexpectedly'),
      }),
    ],
    ['client broken', new Error('Client has encountered a connection error and is not queryable')],
    ['admin_shutdown (pg_terminate_backend)', typeormWrapped(pgError('57P01'))],
    ['crash_shutdown', pgError('57P02')],
    ['cannot_connect_now', pgError('57P03')],
    ['connection_failure', pgError('08006')],
    ['connection_exception', pgError('08000')],
    ['too_many_connections', pgError('53300')],
    ['statement timeout', typeormWrapped(pgError('57014'))],
    ['connection refused', socketError('ECONNREFUSED')],
    ['connection reset', socketError('ECONNRESET')],
    ['runner released after its connection failed', new QueryRunnerAlreadyReleasedError()],
  ])('%s is the database, 503 after 5 s', (_name, error) => {
    expect(classifyInfrastructureError(error)).toMatchObject({
      cause: 'database',
      retryAfterSeconds: 5,
    });
  });

  it.each([
    ['serialization_failure', typeormWrapped(pgError('40001'))],
    ['deadlock_detected', typeormWrapped(pgError('40P01'))],
  ])('%s is the database, 503 after 1 s', (_name, error) => {
    expect(classifyInfrastructureError(error)).toMatchObject({
      cause: 'database',
      retryAfterSeconds: 1,
    });
  });

  it.each([
    ['offline', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ['closed', new Error('Connection is closed.')],
    ['command timeout', new Error('Command timed out')],
    [
      'retries spent',
      Object.assign(new Error('Reached the max retries per request limit (which is 1).'), {
        name: 'MaxRetriesPerRequestError',
      }),
    ],
  ])('Redis %s is Redis', (_name, error) => {
    expect(classifyInfrastructureError(error)).toMatchObject({ cause: 'redis' });
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a unique violation', typeormWrapped(pgError('23505'))],
    ['a syntax error', typeormWrapped(pgError('42601'))],
    ['a check violation', pgError('23514')],
    // The application closed its own pool (shutdown, or a test that destroys the data source).
    ['a pool ended on purpose', new Error('Cannot use a pool after calling end on the pool')],
    ['a client ended on purpose', new Error('Connection terminated')],
    ['a Redis reply', Object.assign(new Error('WRONGTYPE Operation'), { name: 'ReplyError' })],
    ['not an error', 'Connection is closed'],
    ['nothing', undefined],
  ])('%s is not infrastructure', (_name, error) => {
    expect(classifyInfrastructureError(error)).toBeUndefined();
  });
});
