import { createReadStream } from "node:fs";
import { extname } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { ProfileColumnsDecoder } from "../firm/index.ts";
import { type ProfileColumnsBatch, ProfileColumnsScanner } from "./profile-columns-reader-scan.ts";
import {
  checkHeader,
  looksBinary,
  type ReadRecordsOptions,
  type RecordRow,
  unreadable,
} from "./records.ts";
import { parseJsonRecords } from "./records-json.ts";

export type { ProfileColumnsBatch } from "./profile-columns-reader-scan.ts";

export interface ReadProfileColumnsOptions extends ReadRecordsOptions {
  /** Valid rows per batch (a batch also ends after this many rejected rows). Default 32,768. */
  batchSize?: number;
  /** Bytes read from a file at a time. Default 1 MiB. */
  chunkBytes?: number;
}

/** CSV input arrives as columns; JSON input keeps the per-record route of `readFirmBatches`. */
export type FirmBatch =
  | ({ kind: "columns" } & ProfileColumnsBatch)
  | { kind: "records"; records: RecordRow[] };

const BOM = [0xef, 0xbb, 0xbf];

/**
 * The bulk form of `readFirmBatches`: the same input (CSV or JSON file, or stdin for `-`), the
 * same rows accepted with the same profiles, the same rejected rows with the same issues and the
 * same file-level errors, but CSV rows are decoded from bytes straight into `ProfileColumns`
 * batches whose arrays are reused, so memory stays flat in the number of rows.
 */
export async function* readProfileColumnBatches(
  path: string,
  options: ReadProfileColumnsOptions = {},
): AsyncGenerator<FirmBatch> {
  const file = options.name ?? (path === "-" ? "<stdin>" : path);
  const stream =
    path === "-"
      ? (options.stdin ?? process.stdin)
      : createReadStream(path, { highWaterMark: options.chunkBytes ?? 1 << 20 });
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  // The text the string reader would have seen decides the format, exactly as there.
  const text = new StringDecoder("utf8");
  const head: Buffer[] = [];
  let first = "";
  try {
    while (first.trim() === "") {
      const next = await chunks.next();
      if (next.done) {
        first += text.end();
        break;
      }
      const bytes = asBuffer(next.value);
      head.push(bytes);
      first += text.write(bytes);
    }
  } catch (err) {
    throw unreadable(
      file,
      err instanceof Error ? err.message.replace(/^[A-Z]+: /, "") : String(err),
    );
  }
  first = first.replace(/^\uFEFF/, "");
  if (first.trim() === "")
    throw unreadable(file, "the input is empty (a header row or JSON is required)");
  if (looksBinary(first)) {
    throw unreadable(file, "the input looks like binary data, not CSV or JSON text (UTF-8)");
  }
  const ext = extname(path).toLowerCase();
  const format =
    options.format ??
    (ext === ".csv" ? "csv" : ext === ".json" ? "json" : /^\s*[[{]/.test(first) ? "json" : "csv");
  if (format === "json") {
    let json = first;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      json += text.write(asBuffer(next.value));
    }
    json += text.end();
    for (const records of parseJsonRecords(json, file, options.onWarning)) {
      yield { kind: "records", records };
    }
    return;
  }
  const scanner = new ProfileColumnsScanner(
    file,
    (header) => new ProfileColumnsDecoder(header, checkHeader(header, file, options.onWarning)),
    options.batchSize ?? 32_768,
  );
  let bytes = Buffer.concat(head);
  if (BOM.every((b, k) => bytes[k] === b)) bytes = bytes.subarray(BOM.length);
  scanner.push(bytes);
  let done = false;
  for (;;) {
    while (scanner.scan(done)) yield { kind: "columns", ...scanner.take()! };
    if (done) break;
    let next: IteratorResult<Buffer | string>;
    try {
      next = await chunks.next();
    } catch (err) {
      throw unreadable(
        file,
        `read failed after row ${scanner.row}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    if (next.done) done = true;
    else scanner.push(asBuffer(next.value));
  }
  const rest = scanner.take();
  if (rest !== null) yield { kind: "columns", ...rest };
  if (!scanner.hasHeader) throw unreadable(file, "no header row");
}

function asBuffer(chunk: Buffer | string): Buffer {
  return typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
}
