import { createReadStream } from "node:fs";
import { extname } from "node:path";
import type { Readable } from "node:stream";
import {
  type CompiledValidator,
  compileValidator,
  type Profile,
  validateProfile,
} from "../firm/index.ts";
import { type Issue, OutwardError, type Result } from "../framework/index.ts";
import { type CsvRecord, CsvScanner } from "./csv-scan.ts";
import { parseJsonRecords } from "./records-json.ts";

export type RecordFormat = "csv" | "json";

/** One input row: valid, or rejected with its issues. No row is ever dropped. */
export interface RecordRow {
  /** 1-based data row (header excluded; JSON array index + 1). */
  row: number;
  /** The row's raw id, when it has one: lets a reject be traced back to the firm. */
  id: string | null;
  result: Result<Profile>;
}

export interface ReadRecordsOptions {
  /** Receives file-level warnings (unknown columns, once per file). Default: discarded. */
  onWarning?: (issue: Issue) => void;
  /** Format; default: by extension (.csv, .json), else by the first non-space character. */
  format?: RecordFormat;
  /** Stream read for the path `-`. Default: `process.stdin`. */
  stdin?: Readable;
  /** Name used in messages; default: the path, or `<stdin>` for `-`. */
  name?: string;
}

/**
 * Streams firm records from a CSV or JSON file, or stdin for `-`, in batches of rows as they are
 * read: memory stays flat in the number of CSV rows. File-level problems (unreadable file, no
 * header, missing `id` column, repeated column, JSON that is not an object or array) throw an
 * `OutwardError` with code `unreadable_input`.
 */
export async function* readFirmBatches(
  path: string,
  options: ReadRecordsOptions = {},
): AsyncGenerator<RecordRow[]> {
  const file = options.name ?? (path === "-" ? "<stdin>" : path);
  const stream = path === "-" ? (options.stdin ?? process.stdin) : createReadStream(path);
  stream.setEncoding("utf8");
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<string>;
  let first = "";
  try {
    // Read until a non-space character decides the format.
    while (first.trim() === "") {
      const next = await chunks.next();
      if (next.done) break;
      first += next.value;
    }
  } catch (err) {
    throw unreadable(
      file,
      err instanceof Error ? err.message.replace(/^[A-Z]+: /, "") : String(err),
    );
  }
  const format = sniffInput(first, path, file, options.format);
  first = first.replace(/^\uFEFF/, "");
  if (format === "json") {
    let text = first;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) text += next.value;
    yield* parseJsonRecords(text, file, options.onWarning);
    return;
  }
  yield* csvBatches(first, chunks, file, options.onWarning);
}

/** Row-at-a-time view of `readFirmBatches`. */
export async function* readFirmRecords(
  path: string,
  options: ReadRecordsOptions = {},
): AsyncGenerator<RecordRow> {
  for await (const batch of readFirmBatches(path, options)) yield* batch;
}

/** NUL bytes or many undecodable bytes near the start: not a text table. */
/**
 * The format of an input from its first non-blank text (BOM allowed): the option, else the
 * extension, else a leading `[` or `{` for JSON. Throws `unreadable_input` for an empty or
 * binary input. Both record readers decide here, so they accept and refuse the same files.
 */
function sniffInput(
  first: string,
  path: string,
  file: string,
  format: RecordFormat | undefined,
): RecordFormat {
  const text = first.replace(/^\uFEFF/, "");
  if (text.trim() === "")
    throw unreadable(file, "the input is empty (a header row or JSON is required)");
  if (looksBinary(text)) {
    throw unreadable(file, "the input looks like binary data, not CSV or JSON text (UTF-8)");
  }
  if (format) return format;
  const ext = extname(path).toLowerCase();
  return ext === ".csv" ? "csv" : ext === ".json" ? "json" : /^\s*[[{]/.test(text) ? "json" : "csv";
}

function looksBinary(text: string): boolean {
  const head = text.slice(0, 4096);
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return true;
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) odd++;
  }
  return odd > head.length / 20;
}

function unreadable(file: string, message: string): OutwardError {
  return new OutwardError("unreadable_input", `${file}: ${message}`, [
    { code: "unreadable_input", message, file },
  ]);
}

async function* csvBatches(
  first: string,
  chunks: AsyncIterator<string>,
  file: string,
  onWarning: ReadRecordsOptions["onWarning"],
): AsyncGenerator<RecordRow[]> {
  const scanner = new CsvScanner();
  let records: CsvRecord[] = [];
  scanner.push(first, records);
  let header: string[] | null = null;
  let validator: CompiledValidator | null = null;
  let row = 0;
  let done = false;
  while (true) {
    if (records.length > 0) {
      let start = 0;
      if (header === null) {
        const h = records[0];
        if (h.error) throw unreadable(file, `header row: malformed CSV (${h.error})`);
        header = h.cells.map((c) => c.trim());
        validator = checkHeader(header, file, onWarning);
        start = 1;
      }
      const batch: RecordRow[] = [];
      const idIndex = header.indexOf("id");
      for (let k = start; k < records.length; k++) {
        row++;
        const rec = records[k];
        const result = checkRecord(rec, header, validator!, file, row);
        batch.push({ row, id: result.ok ? result.value.id : (rec.cells[idIndex] ?? null), result });
      }
      if (batch.length > 0) yield batch;
      records = [];
    }
    if (done) break;
    let next: IteratorResult<string>;
    try {
      next = await chunks.next();
    } catch (err) {
      throw unreadable(
        file,
        `read failed after row ${row}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    if (next.done) {
      scanner.end(records);
      done = true;
    } else scanner.push(next.value, records);
  }
  if (header === null) throw unreadable(file, "no header row");
}

function checkHeader(
  header: string[],
  file: string,
  onWarning: ReadRecordsOptions["onWarning"],
): CompiledValidator {
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw unreadable(file, `header: column "${name}" appears twice`);
    seen.add(name);
  }
  if (!seen.has("id")) {
    const shown = header
      .slice(0, 5)
      .map((h) => JSON.stringify(h.slice(0, 30)))
      .join(", ");
    throw unreadable(
      file,
      `header: no "id" column (got ${shown}${header.length > 5 ? ", ..." : ""}); the first row must name the columns, see outward assess --help`,
    );
  }
  const validator = compileValidator(header);
  if (validator.unknownColumns.length > 0 && onWarning) {
    const names = validator.unknownColumns.join(", ");
    onWarning({
      code: "unknown_column",
      message: `unknown column(s) ignored: ${names}`,
      file,
      value: validator.unknownColumns,
    });
  }
  return validator;
}

function checkRecord(
  rec: CsvRecord,
  header: string[],
  validator: CompiledValidator,
  file: string,
  row: number,
): Result<Profile> {
  if (rec.error) {
    const message = `malformed CSV on line ${rec.line}: ${rec.error}`;
    return { ok: false, issues: [{ code: "malformed_csv", message, file, row }] };
  }
  if (rec.cells.length !== header.length) {
    const expected = `${header.length} cells, one per header column`;
    const message = `got ${rec.cells.length} cells on line ${rec.line}, expected ${expected}`;
    return {
      ok: false,
      issues: [{ code: "column_count", message, file, row, value: rec.cells.length, expected }],
    };
  }
  return validator.validate(rec.cells, { file, row });
}

/** The zod-schema route for one CSV record, used to cross-check the compiled validator. */
export function validateCsvCells(
  header: readonly string[],
  cells: readonly string[],
  file: string,
  row: number,
): Result<Profile> {
  const record: Record<string, unknown> = {};
  header.forEach((name, i) => {
    record[name] = cells[i];
  });
  return validateProfile(record, { file, row });
}

// The bulk CSV reader (profile-columns-reader.ts) shares the file-level checks and messages.
export { checkHeader, sniffInput, unreadable };
