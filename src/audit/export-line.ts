import { int64 } from './binary-copy';
import { JsonBytes, millis, unpadded } from './leaf-row';

const ISO_MS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/**
 * The columns of the export's binary COPY, in the order `ExportLines` reads them. The erasure
 * of an erased event (rare) comes as its JSON text, made by PostgreSQL; every other field is
 * the column itself.
 */
export const EXPORT_COLUMNS = `e.seq, e.leaf_index, e.occurred_at, e.actor_id, e.actor_role,
  e.actor_name, e.action, e.subject_type, e.subject_id, e.case_id, e.data, e.data_hash,
  CASE WHEN e.erasure_id IS NULL THEN NULL ELSE (
    SELECT json_build_object('at', to_char(x.erased_at AT TIME ZONE 'UTC', ${ISO_MS}),
      'by', x.erased_by_name, 'basis', x.basis,
      'eventLeafIndex', (SELECT leaf_index FROM audit_events z
        WHERE z.subject_type = 'audit_erasure' AND z.subject_id = x.id::text
        ORDER BY z.seq LIMIT 1))::text
      FROM audit_erasures x WHERE x.id = e.erasure_id) END,
  e.prev_hash, e.hash`;
export const EXPORT_FIELDS = 15;

const ascii = (s: string): Buffer => Buffer.from(s, 'latin1');
const K_SEQ = ascii('{"seq":');
const K_LEAF_INDEX = ascii(',"leafIndex":');
const K_OCCURRED_AT = ascii(',"occurredAt":"');
const K_ACTOR_ID = ascii('","actorId":');
const K_ACTOR_ROLE = ascii(',"actorRole":');
const K_ACTOR_NAME = ascii(',"actorName":');
const K_ACTION = ascii(',"action":');
const K_SUBJECT_TYPE = ascii(',"subjectType":');
const K_SUBJECT_ID = ascii(',"subjectId":');
const K_CASE_ID = ascii(',"caseId":');
const K_DATA = ascii(',"data":');
const K_DATA_HASH = ascii(',"dataHash":"');
const K_ERASED = ascii('","erased":');
const K_PREV_HASH_AFTER_HASH = ascii('","prevHash":');
const K_PREV_HASH = ascii(',"prevHash":');
const K_HASH = ascii(',"hash":');
const NULL = ascii('null');
/** Room beyond a batch for its last line; a longer one grows the buffer. */
const SLACK_BYTES = 256 * 1024;

/**
 * The export's NDJSON lines (docs/audit.md), built in this process from the columns as
 * PostgreSQL's binary COPY sends them, into batches of about `batchBytes`. PostgreSQL then only
 * reads the rows, and the two cores share the work: building the lines in SQL (`to_char`,
 * `to_json`, `concat`) kept one PostgreSQL process busy for most of the export. The bytes are
 * those the SQL made: `test/audit-export-lines.test.ts` compares every line with its row.
 */
export class ExportLines {
  private readonly w = new JsonBytes();
  /** The other of the two buffers the batches take turns in (see `take`). */
  private spare: Buffer<ArrayBufferLike>;

  constructor(private readonly batchBytes: number) {
    // A batch ends after the line that fills it: room for that line too, mostly.
    this.w.reserve(batchBytes + SLACK_BYTES);
    this.spare = Buffer.allocUnsafe(this.w.out.length);
  }

  /** The bytes waiting in the batch. */
  get size(): number {
    return this.w.at;
  }

  /** Adds the row's line; true when the batch is full (`take` it). */
  add(row: Buffer, starts: Int32Array, ends: Int32Array): boolean {
    const w = this.w;
    // Room for the worst case: every byte of a text escaped to six.
    let room = 512;
    for (let f = 4; f < 9; f++) room += 6 * (ends[f]! - starts[f]!);
    if (starts[10]! >= 0) room += ends[10]! - starts[10]!;
    if (starts[12]! >= 0) room += ends[12]! - starts[12]!;
    w.reserve(room);

    w.put(K_SEQ);
    w.digits(int64(row, starts[0]!));
    w.put(K_LEAF_INDEX);
    w.digits(int64(row, starts[1]!));
    w.put(K_OCCURRED_AT);
    w.time(millis(row, starts[2]!));
    w.put(K_ACTOR_ID);
    w.uuid(row, starts[3]!);
    w.put(K_ACTOR_ROLE);
    w.string(row, starts[4]!, ends[4]!);
    w.put(K_ACTOR_NAME);
    w.string(row, starts[5]!, ends[5]!);
    w.put(K_ACTION);
    w.string(row, starts[6]!, ends[6]!);
    w.put(K_SUBJECT_TYPE);
    w.string(row, starts[7]!, ends[7]!);
    w.put(K_SUBJECT_ID);
    w.string(row, starts[8]!, ends[8]!);
    w.put(K_CASE_ID);
    w.uuid(row, starts[9]!);
    w.put(K_DATA);
    // The data is stored as its canonical JSON text: copied as it is.
    if (starts[10]! < 0) w.put(NULL);
    else w.copy(row, starts[10]!, ends[10]!);
    w.put(K_DATA_HASH);
    w.copy(row, starts[11]!, unpadded(row, starts[11]!, ends[11]!));
    if (starts[12]! >= 0) {
      w.put(K_ERASED);
      w.copy(row, starts[12]!, ends[12]!);
      w.put(K_PREV_HASH);
    } else {
      w.put(K_PREV_HASH_AFTER_HASH);
    }
    this.hash(row, starts[13]!, ends[13]!);
    w.put(K_HASH);
    this.hash(row, starts[14]!, ends[14]!);
    w.out[w.at++] = 0x7d; // }
    w.out[w.at++] = 0x0a; // \n
    return w.at >= this.batchBytes;
  }

  /**
   * The batch's bytes; the next lines go into the other buffer. Two buffers take turns, so the
   * next batch is built while this one is written, and an export allocates no buffer per batch
   * (a new 1 MiB buffer each time let the API grow by up to 67 MB before the collector freed
   * them). So this batch must have been written (`writeWhole` resolved) before the batch after
   * the next is taken, and the stream written to must not keep it.
   */
  take(): Buffer {
    const w = this.w;
    const full = w.out;
    w.out = this.spare;
    this.spare = full;
    const batch = full.subarray(0, w.at);
    w.at = 0;
    return batch;
  }

  /** An old chain's hash (character(64)) as a JSON string, or null. */
  private hash(row: Buffer, start: number, end: number): void {
    const w = this.w;
    if (start < 0) {
      w.put(NULL);
      return;
    }
    w.out[w.at++] = 0x22;
    w.copy(row, start, unpadded(row, start, end));
    w.out[w.at++] = 0x22;
  }
}
