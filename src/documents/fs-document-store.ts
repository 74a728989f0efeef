import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  ContentMissing,
  DocumentStore,
  SHA256_HEX,
  type ByteRange,
  type StoredObject,
} from './document-store';

const TEMPORARY = 'tmp';
const CONTENT = 'sha256';

/**
 * Content in a directory (`DOCUMENT_DIR`): `tmp/<uuid>` while it streams in, then
 * `sha256/<first two>/<hash>`. Written with fsync before the rename, so a row never names
 * bytes the disk does not hold.
 */
export class FsDocumentStore extends DocumentStore {
  constructor(private readonly dir: string) {
    super();
  }

  private contentPath(sha256: string): string {
    return join(this.dir, CONTENT, sha256.slice(0, 2), sha256);
  }

  async writeTemporary(content: Readable): Promise<string> {
    const name = randomUUID();
    await mkdir(join(this.dir, TEMPORARY), { recursive: true });
    const path = join(this.dir, TEMPORARY, name);
    try {
      await pipeline(content, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
      // On disk before a row may name it: a crash after the commit must not lose the bytes.
      const file = await open(path, 'r+');
      try {
        await file.sync();
      } finally {
        await file.close();
      }
    } catch (error) {
      await unlink(path).catch(() => undefined);
      throw error;
    }
    return name;
  }

  async promote(temporary: string, sha256: string): Promise<void> {
    const target = this.contentPath(sha256);
    await mkdir(join(this.dir, CONTENT, sha256.slice(0, 2)), { recursive: true });
    // Same bytes, same name: replacing them also renews the time the clean-up job looks at.
    await rename(join(this.dir, TEMPORARY, temporary), target);
  }

  async read(sha256: string, range?: ByteRange): Promise<Readable> {
    const file = await open(this.contentPath(sha256), 'r').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new ContentMissing(sha256) : error;
    });
    return file.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async *list(): AsyncIterable<StoredObject> {
    for (const name of await names(join(this.dir, TEMPORARY))) {
      const info = await stat(join(this.dir, TEMPORARY, name)).catch(() => null);
      if (info) yield { kind: 'temporary', name, modifiedAt: info.mtime };
    }
    for (const prefix of await names(join(this.dir, CONTENT))) {
      for (const name of await names(join(this.dir, CONTENT, prefix))) {
        if (!SHA256_HEX.test(name)) continue;
        const info = await stat(this.contentPath(name)).catch(() => null);
        if (info) yield { kind: 'content', name, modifiedAt: info.mtime };
      }
    }
  }

  async remove(object: Pick<StoredObject, 'kind' | 'name'>): Promise<void> {
    const path =
      object.kind === 'content'
        ? this.contentPath(object.name)
        : join(this.dir, TEMPORARY, object.name);
    await unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}

async function names(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
