import { QueryRunnerAlreadyReleasedError } from 'typeorm';

/**
 * Failures of the infrastructure under Brug (PostgreSQL, Redis) rather than of Brug itself: the
 * request was fine and may succeed when retried a little later. `ProblemFilter` answers them with
 * 503, `Retry-After` and the code `service_unavailable` (never a 500), and `/metrics` counts them
 * by cause. This is the only place that knows what such a failure looks like; no route catches
 * them on its own.
 */

export type InfrastructureCause = 'database' | 'redis';

export interface InfrastructureFailure {
  cause: InfrastructureCause;
  /** What a person may read (no host, port or driver detail). */
  detail: string;
  retryAfterSeconds: number;
}

/** Seconds a client should wait before trying again after a connection-level failure. */
export const INFRASTRUCTURE_RETRY_AFTER_SECONDS = 5;
/** A transaction lost a race (serialization failure, deadlock): the next try likely succeeds. */
const CONFLICT_RETRY_AFTER_SECONDS = 1;

const DATABASE_DOWN: Omit<InfrastructureFailure, 'cause'> = {
  detail: 'The database is unavailable or overloaded right now; try again shortly.',
  retryAfterSeconds: INFRASTRUCTURE_RETRY_AFTER_SECONDS,
};
const DATABASE_CONFLICT: Omit<InfrastructureFailure, 'cause'> = {
  detail: 'The change collided with concurrent changes and was not made; try again.',
  retryAfterSeconds: CONFLICT_RETRY_AFTER_SECONDS,
};
const REDIS_DOWN: Omit<InfrastructureFailure, 'cause'> = {
  detail: 'The job queue store (Redis) is unavailable right now; try again shortly.',
  retryAfterSeconds: INFRASTRUCTURE_RETRY_AFTER_SECONDS,
};

/**
 * SQLSTATEs that say the server could not serve the statement, not that the statement was
 * wrong: class 08 (connection exception), 53 (insufficient resources: too many connections, out
 * of memory or disk), 57P01–57P05 (the server or an administrator ended the session, the server
 * is starting or shutting down, idle-session timeout), 57014 (statement timeout under load).
 */
function isDatabaseUnavailableState(state: string): boolean {
  return (
    state.startsWith('08') ||
    state.startsWith('53') ||
    /^57P0[1-5]$/.test(state) ||
    state === '57014'
  );
}

/** 40001 serialization_failure, 40P01 deadlock_detected. */
const DATABASE_CONFLICT_STATES = new Set(['40001', '40P01']);

/** node-postgres and pg-pool: the pool's wait, or the socket under a client, ended. */
const PG_CONNECTION_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'Client has encountered a connection error and is not queryable',
];

/** ioredis (also under BullMQ) while its connection is down; never the text of a Redis reply. */
const REDIS_MESSAGES = [
  'Connection is closed.',
  "Stream isn't writeable and enableOfflineQueue options is false",
  'Command timed out',
];

/**
 * Socket errors. Only the database driver lets them reach a caller: ioredis turns them into the
 * messages above, and outgoing HTTP (webhooks) wraps them in its own errors, which are handled
 * where they are made.
 */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null
    ? (error as Record<string, unknown>)[name]
    : undefined;
}

/** The error itself, then what it wraps (TypeORM's `driverError`, an `Error`'s `cause`). */
function* chain(error: unknown): Generator<unknown> {
  let current = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    yield current;
    current = field(current, 'driverError') ?? field(current, 'cause');
  }
}

/** What kind of infrastructure failure `error` is, or `undefined` when it is something else. */
export function classifyInfrastructureError(error: unknown): InfrastructureFailure | undefined {
  for (const e of chain(error)) {
    const name = field(e, 'name');
    const message = field(e, 'message');
    const code = field(e, 'code');
    if (name === 'MaxRetriesPerRequestError') return { cause: 'redis', ...REDIS_DOWN };
    if (typeof message === 'string' && REDIS_MESSAGES.includes(message)) {
      return { cause: 'redis', ...REDIS_DOWN };
    }
    if (typeof code === 'string') {
      // A SQLSTATE is five characters of digits and capitals; socket codes start with E.
      if (/^[0-9A-Z]{5}$/.test(code)) {
        if (DATABASE_CONFLICT_STATES.has(code)) return { cause: 'database', ...DATABASE_CONFLICT };
        if (isDatabaseUnavailableState(code)) return { cause: 'database', ...DATABASE_DOWN };
      }
      if (SOCKET_CODES.has(code)) return { cause: 'database', ...DATABASE_DOWN };
    }
    if (typeof message === 'string' && PG_CONNECTION_MESSAGES.includes(message)) {
      return { cause: 'database', ...DATABASE_DOWN };
    }
    // TypeORM gives a connection back to the pool as soon as it reports an error (it was
    // terminated between two statements of one request); the next statement then fails so,
    // without the original error. Brug never reuses a runner it released itself.
    if (e instanceof QueryRunnerAlreadyReleasedError)
      return { cause: 'database', ...DATABASE_DOWN };
  }
  return undefined;
}
