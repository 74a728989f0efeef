import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { canonicalJson } from '../../audit/canonical-json';
import { DomainError } from '../errors';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

export const IDEMPOTENCY_TTL_HOURS = 24;
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export class IdempotencyKeyReused extends DomainError {
  readonly code = 'idempotency_key_reused';
  readonly title = 'Idempotency key reused with another request';
  constructor() {
    super('This Idempotency-Key was used before with a different request body.');
  }
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

export function requestHash(operation: string, body: unknown): string {
  return createHash('sha256')
    .update(operation)
    .update('\0')
    .update(canonicalJson(body))
    .digest('hex');
}

/**
 * Claims a key inside the caller's transaction. Returns null when this request is the first
 * (go ahead, then call `completeIdempotencyKey` in the same transaction), or the stored
 * response of the first request. A concurrent first request holding the key makes this wait
 * (the unique index) until it commits or rolls back, so two requests never both go ahead.
 */
export async function claimIdempotencyKey(
  manager: EntityManager,
  claim: { actorId: string; key: string; operation: string; requestHash: string },
): Promise<StoredResponse | null> {
  const inserted = await manager.query<unknown[]>(
    `INSERT INTO idempotency_keys (actor_id, key, operation, request_hash, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5))
     ON CONFLICT (actor_id, key) DO UPDATE
       SET operation = EXCLUDED.operation, request_hash = EXCLUDED.request_hash,
           response_status = NULL, response_body = NULL,
           created_at = now(), expires_at = EXCLUDED.expires_at
       WHERE idempotency_keys.expires_at < now()
     RETURNING actor_id`,
    [claim.actorId, claim.key, claim.operation, claim.requestHash, IDEMPOTENCY_TTL_HOURS],
  );
  if (inserted.length > 0) return null;
  const existing = await manager
    .getRepository(IdempotencyKeyEntity)
    .findOneByOrFail({ actorId: claim.actorId, key: claim.key });
  if (existing.operation !== claim.operation || existing.requestHash !== claim.requestHash) {
    throw new IdempotencyKeyReused();
  }
  return { status: existing.responseStatus ?? 200, body: existing.responseBody };
}

export async function completeIdempotencyKey(
  manager: EntityManager,
  key: { actorId: string; key: string },
  response: StoredResponse,
): Promise<void> {
  await manager
    .getRepository(IdempotencyKeyEntity)
    .update(
      { actorId: key.actorId, key: key.key },
      { responseStatus: response.status, responseBody: response.body as object },
    );
}
