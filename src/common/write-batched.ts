import type { Writable } from 'node:stream';

/**
 * Writes one whole batch to `out` (one socket write for a response) and, when `out` asks for a
 * drain, waits for it, so a slow reader holds the writer back and memory stays bounded. Rejects
 * if `out` is closed already, or closes or fails while it waits. The batch's buffer belongs to
 * `out` from then on (a stream may keep what it was given): fill a new one.
 */
export async function writeWhole(out: Writable, batch: Buffer): Promise<void> {
  if (out.destroyed) throw new Error('the stream written to was closed');
  if (!out.write(batch)) await drained(out);
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
