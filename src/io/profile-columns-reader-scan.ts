import {
  type Profile,
  type ProfileColumns,
  type ProfileColumnsDecoder,
  setProfileRow,
} from "../firm/index.ts";
import { OutwardError, type Result } from "../framework/index.ts";
import type { CsvRecord } from "./csv-scan.ts";
import { scanQuotedRecord } from "./profile-columns-reader-quoted.ts";
import type { RecordRow } from "./records.ts";

/** One batch of the bulk reader: valid rows as columns, rejected rows as records. */
export interface ProfileColumnsBatch {
  /**
   * The valid profiles of the batch, rows 0..length-1, in input order. The same columns are
   * refilled for the next batch: read them before asking for it.
   */
  columns: ProfileColumns;
  /** 1-based data row (header excluded) of each valid profile; refilled like `columns`. */
  rows: Int32Array;
  /** Rejected rows in input order, with the issues `readFirmBatches` gives them. */
  rejected: RecordRow[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/*
 * Bytes -> ProfileColumns, one record at a time. The decoder reads a record's cells straight
 * from the bytes; a record it does not take whole (unusual spelling, invalid or contradictory
 * values, wrong cell count, a quote it does not read, the last line without a line feed) takes
 * the general path: `CsvScanner`'s line and quoted-record rules, then the compiled validator on
 * the text cells. Lines, rows and rejects follow `CsvScanner` and `readFirmBatches`.
 */
export class ProfileColumnsScanner {
  /** The input bytes held: `buf` is `storage[0, end)`, scanned up to `pos`. */
  private storage: Buffer = Buffer.allocUnsafe(1 << 16);
  private end = 0;
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  private nextQuote = -1;
  private line = 1;
  /** Data rows read so far (header excluded). */
  row = 0;
  private decoder: ProfileColumnsDecoder | null = null;
  private columns: ProfileColumns | null = null;
  private rows = new Int32Array(0);
  private rejected: RecordRow[] = [];
  /** The last line feed in `buf`: every record that starts before it can be read whole. */
  private lastLF = -1;
  private taken = false;
  /** `decodeRun`'s row index: in at the call, out where it stopped. */
  private readonly run = new Int32Array(1);

  /**
   * @param onHeader turns the trimmed header cells into a decoder, or throws the file-level error.
   * @param batchSize valid rows (or rejected rows) per batch.
   */
  constructor(
    private readonly file: string,
    private readonly onHeader: (header: string[]) => ProfileColumnsDecoder,
    private readonly batchSize: number,
  ) {}

  get hasHeader(): boolean {
    return this.decoder !== null;
  }

  /** Appends input bytes after the unscanned rest. */
  push(chunk: Uint8Array): void {
    this.room(chunk.length);
    this.storage.set(chunk, this.end);
    this.end += chunk.length;
    this.view();
  }

  /**
   * Reads up to `size` bytes straight into the buffer after the unscanned rest (no copy of the
   * input); returns how many `read` gave, 0 at the end of the input.
   */
  async fill(
    read: (target: Buffer, offset: number, length: number) => Promise<number>,
    size: number,
  ): Promise<number> {
    this.room(size);
    const n = await read(this.storage, this.end, size);
    this.end += n;
    this.view();
    return n;
  }

  /** The bytes read but not scanned yet (valid until the next push, fill or scan). */
  get unscanned(): Buffer {
    return this.buf.subarray(this.pos);
  }

  /** Leaves out the first `n` unscanned bytes (a byte order mark). */
  skip(n: number): void {
    this.pos += n;
  }

  // Moves the unscanned rest (usually part of one line) to the front, with room for `min` more.
  private room(min: number): void {
    const rest = this.end - this.pos;
    if (this.storage.length - rest < min) {
      const next = Buffer.allocUnsafe(Math.max(2 * this.storage.length, rest + min));
      this.storage.copy(next, 0, this.pos, this.end);
      this.storage = next;
    } else if (this.pos > 0) this.storage.copyWithin(0, this.pos, this.end);
    this.pos = 0;
    this.end = rest;
  }

  private view(): void {
    this.buf = this.storage.subarray(0, this.end);
    this.nextQuote = -1;
    this.lastLF = this.buf.lastIndexOf(LF);
  }

  /** Scans records until the batch is full (true: `take` it) or more input is needed (false). */
  scan(eof: boolean): boolean {
    this.reuse();
    const buf = this.buf;
    const n = buf.length;
    const lastLF = this.lastLF;
    let pos = this.pos;
    while (pos < n && !this.full()) {
      pos = this.plainRecords(buf, pos, lastLF);
      if (pos >= n || this.full()) break;
      let nl = buf.indexOf(LF, pos);
      if (nl < 0) {
        if (!eof) break;
        nl = n;
      }
      if (this.nextQuote < pos) {
        const q = buf.indexOf(QUOTE, pos);
        this.nextQuote = q < 0 ? n : q;
      }
      if (this.nextQuote < nl) {
        const quoted = scanQuotedRecord(buf, pos, eof, this.line);
        if (quoted === null) break;
        this.line += quoted.lines;
        pos = quoted.next;
        this.textRecord(quoted.record);
        continue;
      }
      const end = nl > pos && buf[nl - 1] === CR ? nl - 1 : nl;
      if (end > pos)
        this.textRecord({ cells: buf.toString("utf8", pos, end).split(","), line: this.line });
      this.line++;
      pos = nl + 1;
    }
    this.pos = Math.min(pos, n);
    return this.full();
  }

  /**
   * Reads records straight into the columns for as long as the decoder takes them whole and the
   * batch has room; returns where it stopped.
   */
  private plainRecords(buf: Buffer, pos: number, lastLF: number): number {
    const decoder = this.decoder;
    if (decoder === null) return pos;
    const columns = this.columns!;
    const room = this.rejected.length < this.batchSize ? this.batchSize : 0;
    this.run[0] = columns.length;
    const next = decodeRun(
      decoder.decodeRecord,
      buf,
      pos,
      lastLF,
      room,
      this.rows,
      this.row,
      this.run,
    );
    const taken = this.run[0] - columns.length;
    this.line += taken;
    this.row += taken;
    columns.length = this.run[0];
    return next;
  }

  /** The rows scanned since the last call, or null when there are none. */
  take(): ProfileColumnsBatch | null {
    this.reuse();
    const columns = this.columns;
    if (columns === null || (columns.length === 0 && this.rejected.length === 0)) return null;
    const batch = { columns, rows: this.rows, rejected: this.rejected };
    this.rejected = [];
    this.taken = true;
    return batch;
  }

  // A batch's columns are refilled only once scanning resumes, i.e. once the consumer asked for more.
  private reuse(): void {
    if (!this.taken) return;
    this.taken = false;
    this.columns!.length = 0;
  }

  private full(): boolean {
    const columns = this.columns;
    return (
      columns !== null &&
      (columns.length >= this.batchSize || this.rejected.length >= this.batchSize)
    );
  }

  private textRecord(record: CsvRecord): void {
    if (this.decoder !== null) {
      this.row++;
      this.textCells(record);
      return;
    }
    if (record.error) {
      throw new OutwardError(
        "unreadable_input",
        `${this.file}: header row: malformed CSV (${record.error})`,
        [
          {
            code: "unreadable_input",
            message: `header row: malformed CSV (${record.error})`,
            file: this.file,
          },
        ],
      );
    }
    this.setHeader(record.cells);
  }

  private setHeader(cells: string[]): void {
    const decoder = this.onHeader(cells.map((c) => c.trim()));
    this.decoder = decoder;
    this.columns = decoder.allocate(this.batchSize);
    decoder.bind(this.columns);
    this.rows = new Int32Array(this.batchSize);
  }

  /** The text route of `readFirmBatches` for one record: malformed, ragged or validated. */
  private textCells(record: CsvRecord): void {
    const decoder = this.decoder!;
    const result = this.check(record, decoder);
    if (result.ok) {
      const columns = this.columns!;
      const i = columns.length;
      setProfileRow(columns, i, result.value);
      this.rows[i] = this.row;
      columns.length = i + 1;
      return;
    }
    this.rejected.push({ row: this.row, id: record.cells[decoder.idIndex] ?? null, result });
  }

  private check(record: CsvRecord, decoder: ProfileColumnsDecoder): Result<Profile> {
    const { file, row } = this;
    if (record.error) {
      const message = `malformed CSV on line ${record.line}: ${record.error}`;
      return { ok: false, issues: [{ code: "malformed_csv", message, file, row }] };
    }
    const count = record.cells.length;
    if (count !== decoder.header.length) {
      const expected = `${decoder.header.length} cells, one per header column`;
      const message = `got ${count} cells on line ${record.line}, expected ${expected}`;
      return {
        ok: false,
        issues: [{ code: "column_count", message, file, row, value: count, expected }],
      };
    }
    return decoder.validator.validate(record.cells, { file, row });
  }
}

/*
 * The loop of `plainRecords`, alone in its function: V8 compiles a long-running loop on stack
 * replacement before the code after it has ever run, and the compiled loop then left optimized
 * code at every exit when that code touched a property. Here the loop's exit is a bare return.
 * `run[0]` is the row index, in and out; `row` is the data row (1-based) before the first one read.
 */
function decodeRun(
  decode: (buf: Buffer, from: number, i: number) => number,
  buf: Buffer,
  pos: number,
  lastLF: number,
  room: number,
  rows: Int32Array,
  row: number,
  run: Int32Array,
): number {
  let i = run[0];
  while (i < room && pos < lastLF && buf[pos] !== LF && buf[pos] !== CR) {
    const next = decode(buf, pos, i);
    if (next < 0) break;
    rows[i] = ++row;
    run[0] = ++i;
    pos = next;
  }
  return pos;
}
