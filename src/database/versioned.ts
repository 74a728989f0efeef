import type { FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { PreconditionFailed } from '../common/errors';

/**
 * Writes a change to the row found at `version` and counts the version up, in the caller's
 * transaction: `UPDATE … SET …, version = version + 1 WHERE <key> AND version = $n`. The caller
 * has locked the row (`FOR UPDATE`) and checked `If-Match` against it (`checkIfMatch`), so the
 * version still matches; should it not, the write is refused (412) rather than lost.
 */
export async function updateVersioned<T extends ObjectLiteral & { version: number }>(
  repository: Repository<T>,
  key: FindOptionsWhere<T>,
  version: number,
  changes: QueryDeepPartialEntity<T>,
): Promise<void> {
  const result = await repository.update(
    { ...key, version },
    { ...changes, version: () => 'version + 1' },
  );
  if (!result.affected) throw new PreconditionFailed();
}
