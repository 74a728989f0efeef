import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { DocumentTooLarge, DocumentTypeNotAllowed, fileProblem } from './documents.errors';
import { judgeContent, SAMPLE_BYTES } from './media-types';

/**
 * The stream every uploaded file passes through on its way to the store: it counts the bytes
 * and refuses the first byte over the limit (413), hashes them (SHA-256), and holds back the
 * first 64 KiB until their type is judged (415 before anything else is written). Errors it
 * raises are the client's (4xx); any other error of the pipeline is the store's (503).
 */
export class ContentInspector extends Transform {
  private readonly hash = createHash('sha256');
  private held: Buffer[] = [];
  private heldBytes = 0;
  private judged = false;
  private digest: string | undefined;
  size = 0;
  mediaType = '';

  constructor(
    private readonly fileName: string,
    private readonly allowed: readonly string[],
    private readonly maxBytes: number,
  ) {
    super();
  }

  get sha256(): string {
    this.digest ??= this.hash.digest('hex');
    return this.digest;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(new DocumentTooLarge(this.maxBytes));
    this.hash.update(chunk);
    if (this.judged) return done(null, chunk);
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    if (this.heldBytes < SAMPLE_BYTES) return done();
    this.judge(false).then(() => done(), done);
  }

  override _flush(done: TransformCallback): void {
    if (this.size === 0) {
      return done(fileProblem({ code: 'empty_file', message: 'the file is empty' }));
    }
    if (this.judged) return done();
    this.judge(true).then(() => done(), done);
  }

  private async judge(complete: boolean): Promise<void> {
    const sample = Buffer.concat(this.held);
    this.held = [];
    const verdict = await judgeContent(sample, this.fileName, this.allowed, complete);
    if (!verdict.ok) {
      throw new DocumentTypeNotAllowed(verdict.extension, verdict.detected, this.allowed);
    }
    this.judged = true;
    this.mediaType = verdict.mediaType;
    this.push(sample);
  }
}
