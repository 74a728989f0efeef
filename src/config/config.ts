/**
 * Brug's configuration: read once from the environment, validated, typed.
 * Nothing else in the code base reads process.env; it receives an AppConfig.
 */

import { createHash, randomBytes } from 'node:crypto';
import { ROLES } from '../common/access';
import { OIDC_SETTINGS, oidcProvidersFrom, type OidcProviderConfig } from './oidc-config';

export type { OidcProviderConfig } from './oidc-config';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/**
 * Where the signing key came from: the environment (`JWT_SECRET`), the key file kept for this
 * machine outside production (`JWT_SECRET_FILE`), or made at random for this process only
 * (tests, and any caller that did not offer a key file).
 */
export type JwtSecretSource = 'environment' | 'file' | 'process';

/**
 * SHA-256 of signing keys that were once published in Brug's source: such a key forges any
 * token, so it is refused even when set on purpose.
 */
const PUBLISHED_JWT_SECRET_HASHES = [
  '672155f145eb70fef2ecd4db0e2633d36cb0c343ca4d83ca2076c3d08c5d0c96',
];

let processSecret: string | undefined;
/** One random key per process, so every loadConfig call of one process agrees. */
function secretOfThisProcess(): string {
  processSecret ??= randomBytes(32).toString('base64url');
  return processSecret;
}

let processAuditKey: string | undefined;
function auditKeyOfThisProcess(): string {
  processAuditKey ??= randomBytes(32).toString('base64');
  return processAuditKey;
}

export interface LoadOptions {
  /**
   * Reads (or makes and keeps) the signing key in the file at `path`; offered by the entry
   * points (`configFromEnvironment`) so API, workers and CLI on one machine share a key.
   * Without it a development key lives only as long as the process.
   */
  keptSecret?: (path: string) => string;
}

export interface AppConfig {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  publicUrl: string;
  databaseUrl: string;
  databaseCreate: boolean;
  databasePoolSize: number;
  /** How long a request waits for a pooled connection before it is answered 503. */
  databaseConnectTimeoutMs: number;
  /**
   * A streaming replica for the lists, searches, exports, funding views and reports (ADR 42);
   * null without one (every read on the primary).
   */
  databaseReplicaUrl: string | null;
  /** How far behind the primary the replica may be before reads go back to the primary. */
  databaseReplicaMaxLagSeconds: number;
  migrationsRun: boolean;
  redisUrl: string;
  redisPrefix: string;
  jwtSecret: string;
  jwtSecretSource: JwtSecretSource;
  /** Where the key is kept outside production when `JWT_SECRET` is unset. */
  jwtSecretFile: string;
  jwtTtlSeconds: number;
  demoData: boolean;
  demoPassword: string;
  logLevel: LogLevel;
  workers: boolean;
  bodyLimitBytes: number;
  /** Express `trust proxy`: a hop count, a list of addresses or subnets, or false. */
  trustProxy: number | string | false;
  signInMaxFailuresPerEmail: number;
  signInMaxFailuresPerAddress: number;
  signInWindowSeconds: number;
  /** The ocid prefix of the OCDS export (`ocds-` and six characters, from the OCP). */
  ocdsOcidPrefix: string;
  smtpUrl: string | null;
  mailFrom: string;
  webhookAllowLoopback: boolean;
  webhookAllowPrivate: boolean;
  relayPollMs: number;
  relayBatch: number;
  jobAttempts: number;
  jobBackoffMs: number;
  /** Webhook and email deliveries: the ceiling of the first pause before a retry (ADR 41). */
  notifyRetryBaseMs: number;
  /** The ceiling of every pause between two attempts of a delivery. */
  notifyRetryMaxDelayMs: number;
  /** How long after its first attempt a delivery is still tried (24 hours). */
  notifyRetryForMs: number;
  /** An administrator is emailed when a webhook has failed for this long without a success. */
  notifyAlertAfterMs: number;
  /** The CloudEvents `source` of Brug's webhook events (NL GOV profile: a `urn:nld:` URN). */
  cloudEventsSource: string;
  /** The reverse-DNS prefix of the CloudEvents `type` (`<prefix>.case.transitioned`). */
  cloudEventsTypePrefix: string;
  workerConcurrency: number;
  workerLockMs: number;
  /** How often a worker checks every open deadline for its jobs in Redis (the safety net). */
  slaResyncIntervalMs: number;
  /** Goede Vrijdag is a day off for deadlines (Algemene termijnenwet art. 3(2); ADR 25). */
  calendarGoodFriday: boolean;
  /** Sign-in with email and password (`POST /auth/token` password grant, the form); ADR 35. */
  passwordSignIn: boolean;
  /** Roles whose local accounts must have a second factor before anything else (ADR 35). */
  mfaRequiredRoles: string[];
  /** Encrypts second-factor secrets at rest; derived from `jwtSecret` when unset (ADR 35). */
  mfaEncryptionKey: string | null;
  /** A web session ends after this long without a request (ADR 34). */
  sessionIdleSeconds: number;
  /** A web session ends this long after it began, however busy (ADR 34). */
  sessionLifetimeSeconds: number;
  /** The OpenID Connect providers people sign in with (ADR 33). */
  oidcProviders: OidcProviderConfig[];
  /** Whom to ask for access, on the page of someone whose claims map to nothing. */
  oidcSupportContact: string | null;
  /** Wrong second-factor codes in a row before the second step is locked. */
  secondFactorMaxFailures: number;
  /** How long the second step stays locked after that many wrong codes. */
  secondFactorLockSeconds: number;
  /** Where document content is kept (issue 16; ADR 31): a directory, or an S3 bucket. */
  documentStore: DocumentStoreKind;
  documentDir: string;
  /** The parts of resumable (tus) uploads until they finish. */
  documentUploadDir: string;
  documentMaxBytes: number;
  /** The file extensions accepted, each checked against the content (`documents/media-types.ts`). */
  documentExtensions: string[];
  /** Stored content no version names is removed once it is this old (a crash left it). */
  documentOrphanGraceSeconds: number;
  documentCleanupIntervalMs: number;
  s3: S3Settings | null;
  /** The Ed25519 seed (32 bytes) that signs the audit log's checkpoints (ADR 29). */
  auditSigningKey: Buffer;
  auditSigningKeySource: JwtSecretSource;
  /** The checkpoints' origin line and the key's name, e.g. `brug.example/audit`. */
  auditOrigin: string;
  /**
   * AUDIT_SEQUENCER as set: `true`/`false`, or `null` when unset, in which case the process's
   * role decides (`runsAuditSequencer`).
   */
  auditSequencer: boolean | null;
  auditSequencerPollMs: number;
  auditSequencerBatch: number;
}

export const DOCUMENT_STORES = ['fs', 's3'] as const;
export type DocumentStoreKind = (typeof DOCUMENT_STORES)[number];

export interface S3Settings {
  /** null: AWS itself; otherwise any S3-compatible server (MinIO, Ceph, …). */
  endpoint: string | null;
  bucket: string;
  region: string;
  forcePathStyle: boolean;
  /** null: the SDK's own chain (instance role, shared files). */
  accessKeyId: string | null;
  secretAccessKey: string | null;
}

/** Every extension the code knows how to check against the content. */
export const KNOWN_DOCUMENT_EXTENSIONS = [
  'pdf',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'odp',
  'csv',
  'txt',
  'png',
  'jpg',
  'jpeg',
  'zip',
] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads and validates every variable, collecting all problems before failing, so an operator
 * sees every bad variable at once rather than one per restart.
 */
export function loadConfig(env: Env, options: LoadOptions = {}): AppConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };

  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
    return fallback;
  };

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return Number(raw);
  };

  const bool = (name: string, fallback: boolean): boolean => {
    const raw = read(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(raw)) return true;
    if (['false', '0', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${env[name] ?? ''}")`);
    return fallback;
  };

  const url = (name: string, fallback: string, protocols: string[]): string => {
    const raw = read(name) ?? fallback;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(
          `${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
        );
      }
    } catch {
      // Never echo the value: a malformed URL may still hold a password.
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };

  const nodeEnv = oneOf('NODE_ENV', NODE_ENVS, 'development');
  const production = nodeEnv === 'production';
  const port = integer('PORT', 3000, 1, 65535);
  const host = read('HOST') ?? '0.0.0.0';

  // No key in the source signs anything: without JWT_SECRET, production refuses to start, a
  // development machine makes a key once and keeps it in a file git ignores, and tests (or a
  // caller without a key file) get a key that lives as long as the process.
  const jwtSecretFile = read('JWT_SECRET_FILE') ?? '.brug/jwt-secret';
  let jwtSecret = read('JWT_SECRET');
  let jwtSecretSource: JwtSecretSource = 'environment';
  if (jwtSecret === undefined) {
    if (production) problems.push('JWT_SECRET is required when NODE_ENV=production');
    if (nodeEnv === 'development' && options.keptSecret) {
      try {
        jwtSecret = options.keptSecret(jwtSecretFile);
        jwtSecretSource = 'file';
      } catch (error) {
        problems.push(
          `JWT_SECRET is not set and JWT_SECRET_FILE could not be used: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    if (jwtSecret === undefined) {
      jwtSecret = secretOfThisProcess();
      jwtSecretSource = 'process';
    }
  } else if (jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters long');
  } else if (
    PUBLISHED_JWT_SECRET_HASHES.includes(createHash('sha256').update(jwtSecret).digest('hex'))
  ) {
    problems.push("JWT_SECRET is a key published in Brug's source: choose a random one");
  }

  const demoData = bool('DEMO_DATA', false);
  if (demoData && production) {
    problems.push('DEMO_DATA=true is not allowed when NODE_ENV=production');
  }

  const redisPrefix = read('REDIS_PREFIX') ?? 'brug';
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(redisPrefix)) {
    problems.push('REDIS_PREFIX may hold only letters, digits, "_", "." and "-" (1 to 64)');
  }

  // Registered with the Open Contracting Partnership; the default is a placeholder.
  const ocdsOcidPrefix = read('OCDS_OCID_PREFIX') ?? 'ocds-brug00';
  if (!/^ocds-[a-z0-9]{6}$/.test(ocdsOcidPrefix)) {
    problems.push('OCDS_OCID_PREFIX must be "ocds-" and six lower-case letters or digits');
  }

  // Admins need a second factor in production; nobody does elsewhere, so the demo sign-ins stay
  // one step. `none` (or an empty list) turns the rule off.
  const mfaRaw = read('MFA_REQUIRED_ROLES') ?? (production ? 'admin' : 'none');
  const mfaRequiredRoles =
    mfaRaw.toLowerCase() === 'none'
      ? []
      : [
          ...new Set(
            mfaRaw
              .split(',')
              .map((r) => r.trim())
              .filter(Boolean),
          ),
        ];
  const unknownRoles = mfaRequiredRoles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknownRoles.length) {
    problems.push(
      `MFA_REQUIRED_ROLES must be none or roles from ${ROLES.join(', ')} (got "${unknownRoles.join(', ')}")`,
    );
  }
  const mfaEncryptionKey = read('MFA_ENCRYPTION_KEY') ?? null;
  if (mfaEncryptionKey !== null && mfaEncryptionKey.length < 32) {
    problems.push('MFA_ENCRYPTION_KEY must be at least 32 characters long');
  }

  // The audit log's signing key: like JWT_SECRET, required in production, kept in a file on a
  // development machine, per process in tests (ADR 29).
  let auditKeyText = read('AUDIT_SIGNING_KEY');
  let auditSigningKeySource: JwtSecretSource = 'environment';
  if (auditKeyText === undefined) {
    if (production) problems.push('AUDIT_SIGNING_KEY is required when NODE_ENV=production');
    if (nodeEnv === 'development' && options.keptSecret) {
      try {
        auditKeyText = options.keptSecret(
          read('AUDIT_SIGNING_KEY_FILE') ?? '.brug/audit-signing-key',
        );
        auditSigningKeySource = 'file';
      } catch (error) {
        problems.push(
          `AUDIT_SIGNING_KEY is not set and AUDIT_SIGNING_KEY_FILE could not be used: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    if (auditKeyText === undefined) {
      auditKeyText = auditKeyOfThisProcess();
      auditSigningKeySource = 'process';
    }
  }
  const auditSigningKey = Buffer.from(auditKeyText, 'base64');
  if (auditSigningKey.length !== 32) {
    problems.push('AUDIT_SIGNING_KEY must be 32 bytes in base64 (an Ed25519 private key seed)');
  }

  const documentStore = oneOf('DOCUMENT_STORE', DOCUMENT_STORES, 'fs');
  const documentExtensions = (read('DOCUMENT_EXTENSIONS') ?? KNOWN_DOCUMENT_EXTENSIONS.join(','))
    .split(',')
    .map((e) => e.trim().toLowerCase().replace(/^\./, ''))
    .filter(Boolean);
  const unknownExtensions = documentExtensions.filter(
    (e) => !(KNOWN_DOCUMENT_EXTENSIONS as readonly string[]).includes(e),
  );
  if (unknownExtensions.length > 0 || documentExtensions.length === 0) {
    problems.push(
      `DOCUMENT_EXTENSIONS must list some of ${KNOWN_DOCUMENT_EXTENSIONS.join(', ')} (unknown: ${unknownExtensions.join(', ') || 'none given'})`,
    );
  }
  let s3: S3Settings | null = null;
  if (documentStore === 's3') {
    const bucket = read('S3_BUCKET');
    if (bucket === undefined || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
      problems.push('S3_BUCKET is required with DOCUMENT_STORE=s3 (3 to 63 of a-z, 0-9, ".", "-")');
    }
    const accessKeyId = read('AWS_ACCESS_KEY_ID') ?? null;
    const secretAccessKey = read('AWS_SECRET_ACCESS_KEY') ?? null;
    if ((accessKeyId === null) !== (secretAccessKey === null)) {
      problems.push('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set together or not at all');
    }
    s3 = {
      endpoint:
        read('S3_ENDPOINT') === undefined ? null : url('S3_ENDPOINT', '', ['http:', 'https:']),
      bucket: bucket ?? '',
      region: read('S3_REGION') ?? 'us-east-1',
      forcePathStyle: bool('S3_FORCE_PATH_STYLE', true),
      accessKeyId,
      secretAccessKey,
    };
  }

  // CloudEvents (ADR 41): the NL GOV profile asks for a `urn:nld:` source naming organisation and
  // system (an OIN where there is one), and a reverse-DNS type without an organisation's name.
  const cloudEventsSource = read('CLOUDEVENTS_SOURCE') ?? 'urn:nld:meentcoop:systeem:brug';
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(cloudEventsSource)) {
    problems.push(
      'CLOUDEVENTS_SOURCE must be an absolute URI (e.g. urn:nld:oin:<OIN>:systeem:brug)',
    );
  }
  const cloudEventsTypePrefix = read('CLOUDEVENTS_TYPE_PREFIX') ?? 'nl.amsterdam.brug';
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(cloudEventsTypePrefix)) {
    problems.push('CLOUDEVENTS_TYPE_PREFIX must be a reverse domain name (e.g. nl.amsterdam.brug)');
  }

  const trustProxyRaw = read('TRUST_PROXY');
  const config: AppConfig = {
    nodeEnv,
    host,
    port,
    publicUrl: url('PUBLIC_URL', `http://localhost:${port}`, ['http:', 'https:']).replace(
      /\/$/,
      '',
    ),
    databaseUrl: url('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/brug', [
      'postgres:',
      'postgresql:',
    ]),
    databaseCreate: bool('DATABASE_CREATE', true),
    databasePoolSize: integer('DATABASE_POOL_SIZE', 20, 2, 200),
    databaseConnectTimeoutMs: integer('DATABASE_CONNECT_TIMEOUT_MS', 5000, 1, 120000),
    databaseReplicaUrl:
      read('DATABASE_REPLICA_URL') === undefined
        ? null
        : url('DATABASE_REPLICA_URL', '', ['postgres:', 'postgresql:']),
    databaseReplicaMaxLagSeconds: integer('DATABASE_REPLICA_MAX_LAG_SECONDS', 10, 1, 3600),
    migrationsRun: bool('MIGRATIONS_RUN', true),
    redisUrl: url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    redisPrefix,
    jwtSecret,
    jwtSecretSource,
    jwtSecretFile,
    jwtTtlSeconds: integer('JWT_TTL_SECONDS', 3600, 60, 86400),
    demoData,
    demoPassword: read('DEMO_PASSWORD') ?? 'brug-demo-2026',
    logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, production ? 'info' : 'debug'),
    workers: bool('WORKERS', true),
    bodyLimitBytes: integer('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    // A number is a hop count for Express; as a string, "1" would be taken for an address.
    trustProxy:
      trustProxyRaw === undefined || trustProxyRaw === 'false'
        ? false
        : /^\d+$/.test(trustProxyRaw)
          ? Number(trustProxyRaw)
          : trustProxyRaw,
    signInMaxFailuresPerEmail: integer('SIGNIN_MAX_FAILURES_PER_EMAIL', 10, 1, 10000),
    signInMaxFailuresPerAddress: integer('SIGNIN_MAX_FAILURES_PER_ADDRESS', 50, 1, 100000),
    signInWindowSeconds: integer('SIGNIN_WINDOW_SECONDS', 60, 1, 86400),
    ocdsOcidPrefix,
    smtpUrl: read('SMTP_URL') === undefined ? null : url('SMTP_URL', '', ['smtp:', 'smtps:']),
    mailFrom: read('MAIL_FROM') ?? 'Brug <brug@meentcoop.example>',
    webhookAllowLoopback: bool('WEBHOOK_ALLOW_LOOPBACK', false),
    webhookAllowPrivate: bool('WEBHOOK_ALLOW_PRIVATE', false),
    relayPollMs: integer('RELAY_POLL_MS', 1000, 50, 60000),
    relayBatch: integer('RELAY_BATCH', 100, 1, 1000),
    jobAttempts: integer('JOB_ATTEMPTS', 8, 1, 50),
    jobBackoffMs: integer('JOB_BACKOFF_MS', 2000, 10, 600000),
    notifyRetryBaseMs: integer('NOTIFY_RETRY_BASE_MS', 30_000, 10, 3_600_000),
    notifyRetryMaxDelayMs: integer('NOTIFY_RETRY_MAX_DELAY_MS', 3_600_000, 10, 86_400_000),
    notifyRetryForMs: integer('NOTIFY_RETRY_FOR_MS', 86_400_000, 100, 7 * 86_400_000),
    notifyAlertAfterMs: integer('NOTIFY_ALERT_AFTER_MS', 3_600_000, 100, 7 * 86_400_000),
    cloudEventsSource,
    cloudEventsTypePrefix,
    workerConcurrency: integer('WORKER_CONCURRENCY', 20, 1, 200),
    workerLockMs: integer('WORKER_LOCK_MS', 30000, 1000, 600000),
    slaResyncIntervalMs: integer('SLA_RESYNC_INTERVAL_MS', 60000, 1000, 86400000),
    calendarGoodFriday: bool('CALENDAR_GOOD_FRIDAY', true),
    passwordSignIn: bool('PASSWORD_SIGNIN', true),
    mfaRequiredRoles,
    mfaEncryptionKey,
    sessionIdleSeconds: integer('SESSION_IDLE_TIMEOUT_SECONDS', 1800, 60, 86400),
    sessionLifetimeSeconds: integer('SESSION_ABSOLUTE_LIFETIME_SECONDS', 36000, 300, 7 * 86400),
    oidcProviders: oidcProvidersFrom(env, problems),
    oidcSupportContact: read('OIDC_SUPPORT_CONTACT') ?? null,
    secondFactorMaxFailures: integer('SECOND_FACTOR_MAX_FAILURES', 5, 1, 100),
    secondFactorLockSeconds: integer('SECOND_FACTOR_LOCK_SECONDS', 900, 10, 86400),
    documentStore,
    documentDir: read('DOCUMENT_DIR') ?? './data/documents',
    documentUploadDir: read('DOCUMENT_UPLOAD_DIR') ?? './data/uploads',
    documentMaxBytes: integer('DOCUMENT_MAX_BYTES', 100 * 1024 * 1024, 1, 5 * 1024 ** 3),
    documentExtensions: [...new Set(documentExtensions)],
    documentOrphanGraceSeconds: integer('DOCUMENT_ORPHAN_GRACE_SECONDS', 3600, 0, 30 * 86400),
    documentCleanupIntervalMs: integer('DOCUMENT_CLEANUP_INTERVAL_MS', 3600000, 1000, 7 * 86400000),
    s3,
    auditSigningKey,
    auditSigningKeySource,
    auditOrigin: '',
    auditSequencer: null,
    auditSequencerPollMs: integer('AUDIT_SEQUENCER_POLL_MS', 200, 10, 10000),
    auditSequencerBatch: integer('AUDIT_SEQUENCER_BATCH', 2000, 1, 100000),
  };
  config.auditSequencer =
    read('AUDIT_SEQUENCER') === undefined ? null : bool('AUDIT_SEQUENCER', false);
  try {
    config.auditOrigin = read('AUDIT_ORIGIN') ?? `${new URL(config.publicUrl).host}/audit`;
  } catch {
    config.auditOrigin = 'brug/audit';
  }
  if (!/^[^\s+]+$/u.test(config.auditOrigin)) {
    problems.push('AUDIT_ORIGIN may hold no spaces and no "+"');
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The names of every variable loadConfig reads; docs and .env.example are checked against it. */
export const CONFIG_VARIABLES = [
  'NODE_ENV',
  'HOST',
  'PORT',
  'PUBLIC_URL',
  'DATABASE_URL',
  'DATABASE_CREATE',
  'DATABASE_POOL_SIZE',
  'DATABASE_CONNECT_TIMEOUT_MS',
  'DATABASE_REPLICA_URL',
  'DATABASE_REPLICA_MAX_LAG_SECONDS',
  'MIGRATIONS_RUN',
  'REDIS_URL',
  'REDIS_PREFIX',
  'JWT_SECRET',
  'JWT_SECRET_FILE',
  'JWT_TTL_SECONDS',
  'DEMO_DATA',
  'DEMO_PASSWORD',
  'LOG_LEVEL',
  'WORKERS',
  'BODY_LIMIT_BYTES',
  'TRUST_PROXY',
  'SIGNIN_MAX_FAILURES_PER_EMAIL',
  'SIGNIN_MAX_FAILURES_PER_ADDRESS',
  'SIGNIN_WINDOW_SECONDS',
  'OCDS_OCID_PREFIX',
  'SMTP_URL',
  'MAIL_FROM',
  'WEBHOOK_ALLOW_LOOPBACK',
  'WEBHOOK_ALLOW_PRIVATE',
  'RELAY_POLL_MS',
  'RELAY_BATCH',
  'JOB_ATTEMPTS',
  'JOB_BACKOFF_MS',
  'NOTIFY_RETRY_BASE_MS',
  'NOTIFY_RETRY_MAX_DELAY_MS',
  'NOTIFY_RETRY_FOR_MS',
  'NOTIFY_ALERT_AFTER_MS',
  'CLOUDEVENTS_SOURCE',
  'CLOUDEVENTS_TYPE_PREFIX',
  'WORKER_CONCURRENCY',
  'WORKER_LOCK_MS',
  'SLA_RESYNC_INTERVAL_MS',
  'CALENDAR_GOOD_FRIDAY',
  'PASSWORD_SIGNIN',
  'MFA_REQUIRED_ROLES',
  'MFA_ENCRYPTION_KEY',
  'SECOND_FACTOR_MAX_FAILURES',
  'SESSION_IDLE_TIMEOUT_SECONDS',
  'SESSION_ABSOLUTE_LIFETIME_SECONDS',
  'OIDC_PROVIDERS',
  ...OIDC_SETTINGS.map((s) => `OIDC_${s}` as const),
  'OIDC_SUPPORT_CONTACT',
  'SECOND_FACTOR_LOCK_SECONDS',
  'DOCUMENT_STORE',
  'DOCUMENT_DIR',
  'DOCUMENT_UPLOAD_DIR',
  'DOCUMENT_MAX_BYTES',
  'DOCUMENT_EXTENSIONS',
  'DOCUMENT_ORPHAN_GRACE_SECONDS',
  'DOCUMENT_CLEANUP_INTERVAL_MS',
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_REGION',
  'S3_FORCE_PATH_STYLE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AUDIT_SIGNING_KEY',
  'AUDIT_SIGNING_KEY_FILE',
  'AUDIT_ORIGIN',
  'AUDIT_SEQUENCER',
  'AUDIT_SEQUENCER_POLL_MS',
  'AUDIT_SEQUENCER_BATCH',
] as const;

/**
 * Whether a process of this role runs (or stands by to run) the audit sequencer (ADR 29). A worker
 * process always does unless AUDIT_SEQUENCER=off, even when it was started with the API's
 * environment (WORKERS=off); the API process does when it runs the workers itself (WORKERS on)
 * or when AUDIT_SEQUENCER=on. The operators' CLI never does.
 */
export function runsAuditSequencer(
  config: Pick<AppConfig, 'auditSequencer' | 'workers'>,
  role: 'api' | 'worker' | 'cli',
): boolean {
  if (role === 'cli') return false;
  if (config.auditSequencer !== null) return config.auditSequencer;
  return role === 'worker' || config.workers;
}
