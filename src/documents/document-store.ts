import type { Readable } from 'node:stream';
import { DomainError, ServiceUnavailable } from '../common/errors';

/** A stored object as the clean-up job sees it: content under its hash, or a temporary one. */
export interface StoredObject {
  kind: 'content' | 'temporary';
  /** The SHA-256 of content, or the name of a temporary object. */
  name: string;
  modifiedAt: Date;
}

/** Bytes `start` to `end`, both included (an HTTP byte range). */
export interface ByteRange {
  start: number;
  end: number;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Where document content lives (ADR 31). Content is addressed by its SHA-256: it is first
 * written under a temporary name while its hash is computed, then moved under the hash, and only
 * then does a database row name it. Content no row names (a crash between the two) is removed by
 * the clean-up job once it is older than the grace period; content a row names never is.
 */
export abstract class DocumentStore {
  /** Writes the stream under a new temporary name and returns the name once every byte is safe. */
  abstract writeTemporary(content: Readable): Promise<string>;
  /** Moves a temporary object under its hash (replacing the same bytes if they are there). */
  abstract promote(temporary: string, sha256: string): Promise<void>;
  /** The content under a hash, or a byte range of it. */
  abstract read(sha256: string, range?: ByteRange): Promise<Readable>;
  /** Every object, for the clean-up job. */
  abstract list(): AsyncIterable<StoredObject>;
  /** Removes an object; a missing one is no error. */
  abstract remove(object: Pick<StoredObject, 'kind' | 'name'>): Promise<void>;
}

/** The store could not be reached or refused to work: 503, the client may try again. */
export function storeUnavailable(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  return new ServiceUnavailable('The document store is not available; try again later.', {
    dependency: 'document-store',
  });
}

/** Stored content a version names is missing: the store lost it (never the client's fault). */
export class ContentMissing extends Error {
  constructor(readonly sha256: string) {
    super(`Content ${sha256} is not in the document store`);
    this.name = 'ContentMissing';
  }
}
