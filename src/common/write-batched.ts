import type { Writable } from 'node:stream';

/**
 * Writes `source` to `out` with `out` corked until at least `bytes` have been written, then
 * uncorked, so each batch leaves in one system call (writev) without first being copied into
 * one buffer; between batches it waits while `out` asks for a drain. `COPY` data arrives as
 * read from PostgreSQL's socket (8–64 kB); written as it comes, each piece would cost a socket
 * write of its own. Rejects, and stops reading `source`, if `out` closes or fails first.
 */
export async function writeBatched(
  source: AsyncIterable<Buffer>,
  out: Writable,
  bytes: number,
): Promise<void> {
  let pending = 0;
  for await (const chunk of source) {
    if (out.destroyed) throw new Error('the stream written to was closed');
    if (pending === 0) out.cork();
    out.write(chunk);
    pending += chunk.length;
    if (pending >= bytes) {
      pending = 0;
      out.uncork();
      if (out.writableNeedDrain) await drained(out);
    }
  }
  if (pending > 0) out.uncork();
}

/** Resolves on `out`'s next drain; rejects if it closes or fails first. */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('the stream written to was closed'));
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', done);
  });
}
