import { int64 } from './binary-copy';

/**
 * The leaf bytes of an event built from its columns as PostgreSQL's binary COPY sends them, for
 * full verification (`AuditChecker.verify`). They must be exactly the bytes `leafSql` gives (and
 * `leafText`: RFC 8785 canonical JSON of the envelope), which the sequencer hashed: keys in
 * code-unit order, strings escaped as `JSON.stringify` does (PostgreSQL's `to_json` escapes the
 * same characters the same way: `"`, `\` and the controls below U+0020, nothing else), uuids in
 * lowercase with dashes, the time as `to_char(…, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` in UTC
 * (milliseconds truncated). A leaf built wrongly is never a false "valid": its hash would not
 * match the stored tree (`test/audit-leaf-row.test.ts` compares this with `leafSql`).
 *
 * The bytes are written into one reusable buffer behind a 0x00 byte (RFC 9162's leaf prefix),
 * ready to hash: most fields are copied as they are (a string is escaped only when it holds a
 * byte that needs it), so no string is made per event.
 *
 * The fields, in this order: leaf_index (int8), occurred_at (timestamptz), actor_id (uuid),
 * actor_role, actor_name, action, subject_type, subject_id (text), case_id (uuid), data_hash
 * (character(64)); a NULL field has start -1.
 */

/** PostgreSQL's timestamps count microseconds from 2000-01-01T00:00:00Z. */
const PG_EPOCH_MS = 946_684_800_000;
const DAY_MS = 86_400_000;

/**
 * A timestamptz column as milliseconds since 1970, truncated as to_char's 'MS' truncates. Exact
 * for any year: the microseconds themselves pass 2^53 after the year 2285, so they are divided
 * in two parts (2^32 = 4,294,967 × 1000 + 296).
 */
export function millis(row: Buffer, at: number): number {
  const high = row.readInt32BE(at);
  const low = row.readUInt32BE(at + 4);
  return high * 4_294_967 + Math.floor((high * 296 + low) / 1000) + PG_EPOCH_MS;
}

const HEX = Buffer.from('0123456789abcdef', 'latin1');
const ascii = (s: string): Buffer => Buffer.from(s, 'latin1');
const K_ACTION = ascii('{"action":');
const K_ACTOR_ID = ascii(',"actorId":');
const K_ACTOR_NAME = ascii(',"actorName":');
const K_ACTOR_ROLE = ascii(',"actorRole":');
const K_CASE_ID = ascii(',"caseId":');
const K_DATA_HASH = ascii(',"dataHash":"');
const K_INDEX = ascii('","index":');
const K_OCCURRED_AT = ascii(',"occurredAt":"');
const K_SUBJECT_ID = ascii('","subjectId":');
const K_SUBJECT_TYPE = ascii(',"subjectType":');
const NULL = ascii('null');

/**
 * JSON written as bytes into one reusable buffer: the pieces the leaf and the export line are
 * made of. Most fields are copied as they are (a string is escaped only when it holds a byte that
 * needs it), so no string is made per event.
 */
export class JsonBytes {
  out: Buffer<ArrayBufferLike> = Buffer.alloc(4096);
  at = 0;
  /** The day the ISO time's date part was made for, and that part ('YYYY-MM-DDT'). */
  private day = Number.NaN;
  private readonly date = Buffer.alloc(11);

  /** Makes room for `bytes` more from `at` on, keeping what is written. */
  reserve(bytes: number): void {
    if (this.at + bytes <= this.out.length) return;
    const bigger = Buffer.alloc(Math.max(2 * this.out.length, this.at + bytes));
    this.out.copy(bigger, 0, 0, this.at);
    this.out = bigger;
  }

  /** The time as toISOString writes it (years 0–9999), the date part made once per day. */
  time(ms: number): void {
    const day = Math.floor(ms / DAY_MS);
    if (day !== this.day) {
      civilDate(day, this.date);
      this.day = day;
    }
    this.copy(this.date, 0, 11);
    let rest = ms - day * DAY_MS;
    const hours = Math.floor(rest / 3_600_000);
    rest -= hours * 3_600_000;
    const minutes = Math.floor(rest / 60_000);
    rest -= minutes * 60_000;
    const seconds = Math.floor(rest / 1000);
    const millis = rest - seconds * 1000;
    const out = this.out;
    let at = this.at;
    out[at++] = 48 + Math.floor(hours / 10);
    out[at++] = 48 + (hours % 10);
    out[at++] = 0x3a; // :
    out[at++] = 48 + Math.floor(minutes / 10);
    out[at++] = 48 + (minutes % 10);
    out[at++] = 0x3a;
    out[at++] = 48 + Math.floor(seconds / 10);
    out[at++] = 48 + (seconds % 10);
    out[at++] = 0x2e; // .
    out[at++] = 48 + Math.floor(millis / 100);
    out[at++] = 48 + (Math.floor(millis / 10) % 10);
    out[at++] = 48 + (millis % 10);
    out[at++] = 0x5a; // Z
    this.at = at;
  }

  /** A non-negative integer in decimal, as String() writes it. */
  digits(n: number): void {
    const out = this.out;
    let end = this.at + 1;
    for (let rest = Math.floor(n / 10); rest > 0; rest = Math.floor(rest / 10)) end++;
    let at = end;
    let rest = n;
    do {
      const next = Math.floor(rest / 10);
      out[--at] = 48 + (rest - next * 10);
      rest = next;
    } while (rest > 0);
    this.at = end;
  }

  put(bytes: Buffer): void {
    this.copy(bytes, 0, bytes.length);
  }

  /**
   * Bytes copied one by one: for the few to a few dozen bytes of a field this is faster than
   * `Buffer.copy`, whose call costs more than the copy (docs/benchmarks.md).
   */
  copy(from: Buffer, start: number, end: number): void {
    if (end - start > 64) {
      this.at += from.copy(this.out, this.at, start, end);
      return;
    }
    const out = this.out;
    let at = this.at;
    for (let i = start; i < end; i++) out[at++] = from[i]!;
    this.at = at;
  }

  /** A JSON string: the UTF-8 bytes copied, or escaped by JSON.stringify when one needs it. */
  string(row: Buffer, start: number, end: number): void {
    let plain = true;
    for (let i = start; i < end; i++) {
      const b = row[i]!;
      if (b < 0x20 || b === 0x22 || b === 0x5c) {
        plain = false;
        break;
      }
    }
    if (plain) {
      this.out[this.at++] = 0x22;
      this.copy(row, start, end);
      this.out[this.at++] = 0x22;
    } else {
      const escaped = JSON.stringify(row.toString('utf8', start, end));
      this.at += this.out.write(escaped, this.at, 'utf8');
    }
  }

  /** A uuid as JSON (lowercase, with dashes), or null. */
  uuid(row: Buffer, start: number): void {
    if (start === -1) {
      this.put(NULL);
      return;
    }
    const out = this.out;
    let at = this.at;
    out[at++] = 0x22;
    for (let i = 0; i < 16; i++) {
      if (i === 4 || i === 6 || i === 8 || i === 10) out[at++] = 0x2d; // -
      const b = row[start + i]!;
      out[at++] = HEX[b >> 4]!;
      out[at++] = HEX[b & 15]!;
    }
    out[at++] = 0x22;
    this.at = at;
  }
}

/** Where a character(n) column's text ends: PostgreSQL's cast to text drops the padding. */
export function unpadded(row: Buffer, start: number, end: number): number {
  while (end > start && row[end - 1] === 0x20) end--;
  return end;
}

export class LeafBuilder {
  private readonly w = new JsonBytes();
  /** The last leaf's index, and where its dataHash (hex) is in the row, after `build`. */
  index = 0;
  dataHashStart = 0;
  dataHashEnd = 0;

  /** The leaf of the row, behind its 0x00 prefix (valid until the next call). */
  build(row: Buffer, starts: Int32Array, ends: Int32Array): Buffer {
    const w = this.w;
    // Room for the worst case: every string byte escaped to six.
    let room = 256;
    for (let f = 2; f < 10; f++) if (starts[f]! >= 0) room += 6 * (ends[f]! - starts[f]!);
    w.at = 0;
    w.reserve(room);
    this.index = int64(row, starts[0]!);
    const ms = millis(row, starts[1]!);
    // character(64) comes padded; leafSql's `|| data_hash` casts it to text, dropping the padding.
    const hashEnd = unpadded(row, starts[9]!, ends[9]!);
    this.dataHashStart = starts[9]!;
    this.dataHashEnd = hashEnd;

    w.out[0] = 0;
    w.at = 1;
    w.put(K_ACTION);
    w.string(row, starts[5]!, ends[5]!);
    w.put(K_ACTOR_ID);
    w.uuid(row, starts[2]!);
    w.put(K_ACTOR_NAME);
    w.string(row, starts[4]!, ends[4]!);
    w.put(K_ACTOR_ROLE);
    w.string(row, starts[3]!, ends[3]!);
    w.put(K_CASE_ID);
    w.uuid(row, starts[8]!);
    w.put(K_DATA_HASH);
    w.copy(row, starts[9]!, hashEnd);
    w.put(K_INDEX);
    w.digits(this.index);
    w.put(K_OCCURRED_AT);
    w.time(ms);
    w.put(K_SUBJECT_ID);
    w.string(row, starts[7]!, ends[7]!);
    w.put(K_SUBJECT_TYPE);
    w.string(row, starts[6]!, ends[6]!);
    w.out[w.at++] = 0x7d; // }
    return w.out.subarray(0, w.at);
  }
}

/**
 * 'YYYY-MM-DDT' of a day counted from 1970-01-01 into `out`, for years 0–9999 (the proleptic
 * Gregorian calendar, as toISOString: H. Hinnant's days-to-civil), and toISOString itself outside.
 */
function civilDate(day: number, out: Buffer): void {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) {
    out.write(new Date(day * DAY_MS).toISOString().slice(0, 11), 'latin1');
    return;
  }
  out[0] = 48 + Math.floor(y / 1000);
  out[1] = 48 + (Math.floor(y / 100) % 10);
  out[2] = 48 + (Math.floor(y / 10) % 10);
  out[3] = 48 + (y % 10);
  out[4] = 0x2d; // -
  out[5] = 48 + Math.floor(m / 10);
  out[6] = 48 + (m % 10);
  out[7] = 0x2d;
  out[8] = 48 + Math.floor(d / 10);
  out[9] = 48 + (d % 10);
  out[10] = 0x54; // T
}
