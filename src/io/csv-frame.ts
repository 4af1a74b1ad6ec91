import { type FileHandle, open } from "node:fs/promises";
import { OutwardError } from "../framework/issue.ts";
import { CsvFrameParser, type ParsedColumn } from "./csv-frame-parser.ts";
import { type ColumnKind, inferKinds, type RawRecord, readRecord } from "./csv-frame-sample.ts";
import { type Column, categorical, frameFromColumns, numeric } from "./frame.ts";
import { countMissing, type FrameReadOptions, type LoadedFrame } from "./frame-load.ts";

/** Options of the CSV frame reader. */
export interface CsvFrameOptions extends FrameReadOptions {
  /** Column kinds that override inference, by column name. Default: inferred from the sample. */
  types?: Readonly<Record<string, ColumnKind>>;
  /** Unquoted tokens read as missing (an empty field is always missing). Default: `["NA"]`. */
  naValues?: readonly string[];
  /**
   * What happens when a column sampled as numeric later holds text. `"error"` (the default)
   * stops with the file, row, field and value; `"categorical"` turns the column into a
   * categorical one, spelling the numbers read so far as JavaScript prints them.
   */
  onTypeConflict?: "error" | "categorical";
  /**
   * Whether a quoted field marks text, as R's write.csv quotes strings and factors (so R's
   * quoted `"6"` region codes stay categorical). Default: true.
   */
  quotedAsText?: boolean;
  /** Rows sampled to infer column kinds. Default: 1000. */
  sampleRows?: number;
  /** Total bytes when known (sizes the arrays and the progress). Default: unknown. */
  totalBytes?: number;
}

const SAMPLE_BYTES = 1 << 20;
const CHUNK = 1 << 22;

/**
 * Reads a CSV file (header row, comma-separated, RFC 4180 quoting) into a frame, reading 4 MB
 * at a time into one reused buffer (no per-chunk allocation).
 */
export async function readCsvFrame(
  path: string,
  options: CsvFrameOptions = {},
): Promise<LoadedFrame> {
  let fh: FileHandle;
  let size: number;
  try {
    fh = await open(path, "r");
    size = (await fh.stat()).size;
  } catch (err) {
    throw unreadable(path, err);
  }
  const opts = { totalBytes: size, ...options };
  let buf = Buffer.allocUnsafeSlow(Math.min(CHUNK, size + 1));
  let len = 0;
  let done = 0;
  let final = false;
  let parser: CsvFrameParser | undefined;
  try {
    while (!final) {
      if (len === buf.length) {
        const bigger = Buffer.allocUnsafeSlow(buf.length * 2);
        buf.copy(bigger, 0, 0, len);
        buf = bigger;
      }
      const { bytesRead } = await fh.read(buf, len, buf.length - len, null);
      final = bytesRead === 0;
      len += bytesRead;
      done += bytesRead;
      let start = 0;
      if (!parser) {
        const setup = begin(buf.subarray(0, len), final, path, opts);
        if (!setup) continue;
        parser = setup.parser;
        start = setup.offset;
      }
      const used = start + parser.parse(buf.subarray(start, len), final);
      buf.copyWithin(0, used, len);
      len -= used;
      options.onProgress?.(done, size);
    }
  } catch (err) {
    if (err instanceof OutwardError) throw err;
    throw unreadable(path, err);
  } finally {
    await fh.close();
  }
  return finish(parser!, path);
}

/** Reads CSV bytes from any byte stream (a file, stdin, a decompressor) into a frame. */
export async function readCsvFrameStream(
  source: AsyncIterable<Uint8Array>,
  file: string,
  options: CsvFrameOptions = {},
): Promise<LoadedFrame> {
  const head: Buffer[] = [];
  let headLen = 0;
  let parser: CsvFrameParser | undefined;
  let carry: Buffer | undefined;
  let done = 0;
  const feed = (chunk: Buffer, final: boolean) => {
    const data = carry && carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const used = parser!.parse(data, final);
    carry = used < data.length ? Buffer.from(data.subarray(used)) : undefined;
  };
  try {
    for await (const raw of source) {
      const chunk = Buffer.isBuffer(raw)
        ? raw
        : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
      done += chunk.length;
      if (parser) feed(chunk, false);
      else {
        head.push(chunk);
        headLen += chunk.length;
        if (headLen >= SAMPLE_BYTES) {
          const start = Buffer.concat(head);
          const setup = begin(start, false, file, options);
          if (setup) {
            parser = setup.parser;
            feed(start.subarray(setup.offset), false);
          }
        }
      }
      options.onProgress?.(done, options.totalBytes);
    }
    if (!parser) {
      const start = Buffer.concat(head);
      const setup = begin(start, true, file, options)!;
      parser = setup.parser;
      carry = undefined;
      parser.parse(start.subarray(setup.offset), true);
    } else feed(Buffer.alloc(0), true);
  } catch (err) {
    if (err instanceof OutwardError) throw err;
    throw unreadable(file, err);
  }
  return finish(parser, file);
}

function finish(parser: CsvFrameParser, file: string): LoadedFrame {
  const frame = frameFromColumns(
    Object.fromEntries(parser.finish().map((c) => [c.name, toColumn(c)])),
  );
  return { frame, format: "csv", file, missing: countMissing(frame) };
}

/** Reads the header and the sample, settles the column kinds; undefined if more bytes are needed. */
function begin(buf: Buffer, final: boolean, file: string, options: CsvFrameOptions) {
  let p = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let header: RawRecord | undefined;
  try {
    header = readRecord(buf, p, final);
  } catch (err) {
    throw new OutwardError("bad_header", `${file}: header: ${(err as Error).message}`, [
      { code: "bad_header", file, message: (err as Error).message },
    ]);
  }
  if (!header) return undefined;
  if (buf.length === p)
    throw new OutwardError("empty_file", `${file}: empty file, expected a header row`);
  const names = header.fields.map((f, j) => utf8(f.text) || `V${j + 1}`);
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) {
      throw new OutwardError(
        "duplicate_column",
        `${file}: header: column ${JSON.stringify(name)} appears twice`,
        [{ code: "duplicate_column", file, field: name, message: "column name appears twice" }],
      );
    }
    seen.add(name);
  }
  const naValues = new Set(options.naValues ?? ["NA"]);
  const sample: RawRecord[] = [];
  p = header.next;
  const sampleRows = options.sampleRows ?? 1000;
  while (sample.length < sampleRows && p < buf.length) {
    let rec: RawRecord | undefined;
    try {
      rec = readRecord(buf, p, final);
    } catch {
      break; // the parser reports the exact row
    }
    if (!rec) break;
    if (!(rec.fields.length === 1 && rec.fields[0].text === "" && names.length > 1))
      sample.push(rec);
    p = rec.next;
  }
  const inferred = inferKinds(names.length, sample, naValues, options.quotedAsText ?? true);
  const wanted = selection(names, options.columns, file);
  const types = options.types ?? {};
  for (const name of Object.keys(types)) {
    if (!seen.has(name)) throw missingColumn(file, name, names, "types");
  }
  const kinds = names.map((name, j) =>
    wanted.has(name) ? (types[name] ?? inferred[j]) : undefined,
  );
  const perRow = sample.length > 0 ? (p - header.next) / sample.length : 64;
  const capacity = options.totalBytes
    ? (options.totalBytes / Math.max(perRow, 1)) * 1.02 + 1024
    : 65536;
  const parser = new CsvFrameParser({
    file,
    names,
    kinds,
    naValues,
    onTypeConflict: options.onTypeConflict ?? "error",
    capacity,
    firstLine: header.lines,
  });
  return { parser, offset: header.next };
}

function selection(
  names: string[],
  columns: readonly string[] | undefined,
  file: string,
): Set<string> {
  if (!columns) return new Set(names);
  for (const name of columns)
    if (!names.includes(name)) throw missingColumn(file, name, names, "columns");
  return new Set(columns);
}

export function missingColumn(
  file: string,
  name: string,
  names: readonly string[],
  option: string,
): OutwardError {
  const message = `${file}: ${option}: no column ${JSON.stringify(name)}; the file has ${names.join(", ")}`;
  return new OutwardError("missing_column", message, [
    {
      code: "missing_column",
      file,
      field: name,
      value: name,
      expected: `one of ${names.join(", ")}`,
      message,
    },
  ]);
}

function unreadable(file: string, err: unknown): OutwardError {
  const reason = err instanceof Error ? err.message : String(err);
  return new OutwardError("unreadable_file", `${file}: cannot read: ${reason}`, [
    { code: "unreadable_file", file, message: reason },
  ]);
}

function utf8(latin1: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII range test
  return /^[\x00-\x7f]*$/.test(latin1) ? latin1 : Buffer.from(latin1, "latin1").toString("utf8");
}

function toColumn(c: ParsedColumn): Column {
  if (c.kind === "numeric") return numeric(c.values!);
  return categorical(c.codes!, c.levels!.map(utf8));
}
