import { randomBytes } from "node:crypto";
import { open, rename, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import { crc32 } from "node:zlib";
import { OutwardError } from "../framework/issue.ts";
import {
  type ColumnarColumnHeader,
  type ColumnarHeader,
  columnBytes,
  corrupt,
  decodeHeader,
  encodeHeader,
  pad8,
} from "./columnar-format.ts";
import { type Column, categorical, type Frame, frameFromColumns, numeric } from "./frame.ts";
import { countMissing, type FrameReadOptions, type LoadedFrame } from "./frame-load.ts";

/** Options of the columnar reader. */
export interface ColumnarReadOptions extends FrameReadOptions {
  /** Check each loaded column's CRC-32 (about 0.6 s per GB on one core). Default: true. */
  verify?: boolean;
  /**
   * Load into SharedArrayBuffers, so that worker threads can read the columns without a copy
   * (the panel estimators then split their passes over threads). Default: false.
   */
  shared?: boolean;
}

/** A buffer of `size` bytes, over shared memory when asked. */
function allocBuffer(size: number, shared: boolean | undefined): Buffer {
  return shared ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.allocUnsafeSlow(size);
}

const PIECE = 1 << 26;
const ZEROS = new Uint8Array(8);

/** The whole file in memory (header + blocks), for tests and in-memory transport. */
export function encodeColumnar(frame: Frame): Buffer {
  const { prefix } = encodeHeader(frame);
  const parts: Uint8Array[] = [prefix];
  for (const name of frame.names) {
    const bytes = columnBytes(frame.columns.get(name)!);
    parts.push(bytes, ZEROS.subarray(0, pad8(bytes.byteLength) - bytes.byteLength));
  }
  return Buffer.concat(parts);
}

/** Decodes a whole file held in memory; columns are views into `buf` when it is 8-byte aligned. */
export function decodeColumnar(
  buf: Buffer,
  file: string,
  options: ColumnarReadOptions = {},
): LoadedFrame {
  const { header, dataStart } = decodeHeader(buf, file);
  const expected = dataStart + header.dataBytes;
  if (buf.length < expected)
    throw corrupt(file, `truncated: expected ${expected} bytes, found ${buf.length}`);
  if (buf.length > expected)
    throw corrupt(file, `${buf.length - expected} unexpected bytes after the last column`);
  const columns: Record<string, Column> = {};
  for (const c of selected(header, options.columns, file)) {
    columns[c.name] = toColumn(
      c,
      buf,
      dataStart + c.offset,
      header.nrows,
      file,
      options.verify ?? true,
    );
  }
  return loaded(frameFromColumns(columns), file);
}

/**
 * Reads an .owc file. Without `columns`, one read of the whole file into one buffer and
 * zero-copy typed-array views; with `columns`, one read per selected block.
 */
export async function readColumnar(
  path: string,
  options: ColumnarReadOptions = {},
): Promise<LoadedFrame> {
  let fh: Awaited<ReturnType<typeof open>>;
  try {
    fh = await open(path, "r");
  } catch (err) {
    throw new OutwardError("unreadable_file", `${path}: cannot read: ${(err as Error).message}`, [
      { code: "unreadable_file", file: path, message: (err as Error).message },
    ]);
  }
  try {
    const size = (await fh.stat()).size;
    if (!options.columns) {
      const buf = allocBuffer(size, options.shared);
      await readFully(fh, buf, 0, size, options);
      return decodeColumnar(buf, path, options);
    }
    const first = Buffer.allocUnsafe(Math.min(size, 8));
    await readFully(fh, first, 0, first.length);
    const h = first.length === 8 ? first.readUInt32LE(4) : 0;
    const head = Buffer.allocUnsafe(Math.min(size, 8 + h));
    await readFully(fh, head, 0, head.length);
    const { header, dataStart } = decodeHeader(head, path);
    const expected = dataStart + header.dataBytes;
    if (size < expected)
      throw corrupt(path, `truncated: expected ${expected} bytes, found ${size}`);
    const columns: Record<string, Column> = {};
    for (const c of selected(header, options.columns, path)) {
      const block = allocBuffer(c.bytes, options.shared);
      await readFully(fh, block, dataStart + c.offset, c.bytes);
      columns[c.name] = toColumn(c, block, 0, header.nrows, path, options.verify ?? true);
    }
    return loaded(frameFromColumns(columns), path);
  } finally {
    await fh.close();
  }
}

/** Writes atomically: a temporary file in the same folder, fsync, then rename over `path`. */
export async function writeColumnar(path: string, frame: Frame): Promise<void> {
  const { prefix } = encodeHeader(frame);
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  const fh = await open(tmp, "w");
  try {
    let pos = 0;
    const write = async (bytes: Uint8Array) => {
      for (let off = 0; off < bytes.byteLength; ) {
        const { bytesWritten } = await fh.write(
          bytes,
          off,
          Math.min(bytes.byteLength - off, PIECE),
          pos,
        );
        off += bytesWritten;
        pos += bytesWritten;
      }
    };
    await write(prefix);
    for (const name of frame.names) {
      const bytes = columnBytes(frame.columns.get(name)!);
      await write(bytes);
      await write(ZEROS.subarray(0, pad8(bytes.byteLength) - bytes.byteLength));
    }
    await fh.sync();
    await fh.close();
    await rename(tmp, path);
  } catch (err) {
    await fh.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await syncDir(dirname(path));
}

async function syncDir(dir: string): Promise<void> {
  // Makes the rename durable; some filesystems refuse fsync on a directory, which is harmless.
  try {
    const d = await open(dir, "r");
    await d.sync().catch(() => undefined);
    await d.close();
  } catch {
    /* best effort */
  }
}

async function readFully(
  fh: Awaited<ReturnType<typeof open>>,
  buf: Buffer,
  position: number,
  length: number,
  options: FrameReadOptions = {},
): Promise<void> {
  for (let off = 0; off < length; ) {
    const { bytesRead } = await fh.read(buf, off, Math.min(length - off, PIECE), position + off);
    if (bytesRead === 0) {
      // the caller's size checks name the truncation; keep the buffer length honest
      throw new OutwardError(
        "corrupt_file",
        `file ended after ${position + off} bytes, expected ${position + length}`,
      );
    }
    off += bytesRead;
    options.onProgress?.(off, length);
  }
}

function selected(
  header: ColumnarHeader,
  columns: readonly string[] | undefined,
  file: string,
): ColumnarColumnHeader[] {
  if (!columns) return header.columns;
  const names = header.columns.map((c) => c.name);
  const wanted = new Set(columns);
  for (const name of wanted) {
    if (!names.includes(name)) {
      const message = `${file}: columns: no column ${JSON.stringify(name)}; the file has ${names.join(", ")}`;
      throw new OutwardError("missing_column", message, [
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
  }
  return header.columns.filter((c) => wanted.has(c.name));
}

function toColumn(
  c: ColumnarColumnHeader,
  buf: Buffer,
  at: number,
  nrows: number,
  file: string,
  verify: boolean,
): Column {
  const bytes = buf.subarray(at, at + c.bytes);
  if (verify) {
    const sum = crc32(bytes);
    if (sum !== c.crc32) {
      throw corrupt(
        file,
        `column ${JSON.stringify(c.name)}: checksum ${sum} does not match the stored ${c.crc32}; the file is corrupted`,
      );
    }
  }
  const aligned = (buf.byteOffset + at) % 8 === 0;
  const ab = aligned
    ? buf.buffer
    : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + c.bytes);
  const start = aligned ? buf.byteOffset + at : 0;
  if (c.kind === "numeric") return numeric(new Float64Array(ab, start, nrows));
  return categorical(new Int32Array(ab, start, nrows), c.levels ?? []);
}

function loaded(frame: Frame, file: string): LoadedFrame {
  return { frame, format: "owc", file, missing: countMissing(frame) };
}
