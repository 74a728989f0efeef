import { Transform } from 'node:stream';

/**
 * Gathers a byte stream's chunks into chunks of at least `bytes` (the last one may be smaller),
 * in order and unchanged. `COPY` data arrives as it is read from PostgreSQL's socket (8–64 kB);
 * written to a response as it comes, each piece costs a socket write and an HTTP chunk of its own.
 */
export function batchedChunks(bytes: number): Transform {
  let held: Buffer[] = [];
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      held.push(chunk);
      size += chunk.length;
      if (size >= bytes) {
        const out = held.length === 1 ? held[0]! : Buffer.concat(held, size);
        held = [];
        size = 0;
        done(null, out);
      } else done();
    },
    flush(done) {
      done(null, size > 0 ? Buffer.concat(held, size) : undefined);
    },
  });
}
