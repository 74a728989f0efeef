import type { Writable } from 'node:stream';

/**
 * Writes one whole batch to `out` (one socket write for a response) and resolves when `out` has
 * taken it (its write callback: for a socket, when the kernel has the bytes). Then the batch's
 * buffer may be filled again, and a slow reader holds the writer back, one batch at a time.
 * Rejects if `out` is closed already, or closes or fails first. Only for a stream that is done
 * with a chunk when it calls back (a socket, an HTTP response, a file), not one that keeps it.
 */
export function writeWhole(out: Writable, batch: Buffer): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('the stream written to was closed'));
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (error?: Error | null) => {
      if (settled) return;
      settled = true;
      out.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onClose = () => done(new Error('the stream written to was closed'));
    out.on('close', onClose);
    out.write(batch, done);
  });
}
