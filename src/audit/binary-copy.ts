/**
 * The rows of a `COPY (…) TO STDOUT WITH (FORMAT binary)` as a cursor, for the hot path of full
 * verification: no column is converted to text and back, and no object is made per row. `next`
 * is synchronous and moves to the next row when its bytes are there; only when they are not does
 * the caller `await more()`, so that two streams can be read side by side (the events and the
 * tree's leaf hashes, both in leaf order) without a promise per row.
 */
const SIGNATURE = 'PGCOPY\n\xff\r\n\0';
const EMPTY = Buffer.alloc(0);

/** A big-endian int8 column as a number (exact below 2^53: leaf indexes, timestamps). */
export const int64 = (row: Buffer, at: number): number =>
  row.readInt32BE(at) * 4_294_967_296 + row.readUInt32BE(at + 4);

export class BinaryCopyRows {
  /** The current row's bytes: field f is `buf[starts[f], ends[f])`, start -1 when NULL. */
  buf: Buffer = EMPTY;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Where the next row starts in `buf`. */
  private at = 0;
  private headerRead = false;
  private trailerRead = false;
  private readonly chunks: AsyncIterator<Buffer, undefined>;

  constructor(
    stream: AsyncIterable<Buffer>,
    private readonly width: number,
  ) {
    this.chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer, undefined>;
    this.starts = new Int32Array(width);
    this.ends = new Int32Array(width);
  }

  /**
   * Moves to the next row: true, false after the last one, or null when its bytes have not all
   * arrived yet (call `more()`, then `next()` again).
   */
  next(): boolean | null {
    if (this.trailerRead) return false;
    const buf = this.buf;
    const length = buf.length;
    const at = this.at;
    if (!this.headerRead || at + 2 > length) return null;
    const fields = buf.readInt16BE(at);
    if (fields === -1) {
      this.trailerRead = true;
      this.at = at + 2;
      return false;
    }
    if (fields !== this.width) throw new Error(`COPY row of ${fields} fields, not ${this.width}`);
    const starts = this.starts;
    const ends = this.ends;
    let p = at + 2;
    for (let f = 0; f < fields; f++) {
      if (p + 4 > length) return null;
      const size = buf.readInt32BE(p);
      p += 4;
      if (size === -1) {
        starts[f] = -1;
        ends[f] = -1;
        continue;
      }
      if (p + size > length) return null;
      starts[f] = p;
      ends[f] = p + size;
      p += size;
    }
    this.at = p;
    return true;
  }

  /** Reads the next piece of the stream (the row `next` could not finish is kept whole). */
  async more(): Promise<void> {
    const read = await this.chunks.next();
    if (read.done) throw new Error('the binary COPY stream ended early');
    const chunk = read.value;
    const rest = this.buf.length - this.at;
    this.buf = rest === 0 ? chunk : Buffer.concat([this.buf.subarray(this.at), chunk]);
    this.at = 0;
    if (!this.headerRead) {
      // PGCOPY\n\377\r\n\0, flags (int32), header extension length (int32) and the extension.
      if (this.buf.length < 19) return;
      if (this.buf.toString('latin1', 0, 11) !== SIGNATURE) {
        throw new Error('not a binary COPY stream');
      }
      const start = 19 + this.buf.readUInt32BE(15);
      if (this.buf.length < start) return;
      this.at = start;
      this.headerRead = true;
    }
  }

  /** After the last row: reads the stream to its end (the connection is then free again). */
  async finish(): Promise<void> {
    if (!this.trailerRead) throw new Error('the binary COPY stream is not at its end');
    for (;;) {
      if ((await this.chunks.next()).done) return;
    }
  }
}
