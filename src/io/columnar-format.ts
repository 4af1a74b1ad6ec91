import { endianness } from "node:os";
import { crc32 } from "node:zlib";
import { OutwardError } from "../framework/issue.ts";
import type { Column, Frame } from "./frame.ts";

/**
 * Outward columnar (.owc), version 1. Layout, all little-endian:
 *
 *   bytes 0..3   magic "OWC1"
 *   bytes 4..7   u32 length H of the JSON header (padded with spaces so 8 + H is a multiple of 8)
 *   bytes 8..8+H JSON header (ColumnarHeader)
 *   data         one block per column at `offset` (from the start of the data section, a
 *                multiple of 8): float64 values for numeric, int32 codes for categorical,
 *                each followed by zero padding to the next multiple of 8.
 *
 * Blocks are 8-byte aligned so a reader can view them in place as typed arrays.
 */
export const COLUMNAR_MAGIC = "OWC1";
export const COLUMNAR_VERSION = 1;

export interface ColumnarColumnHeader {
  name: string;
  kind: "numeric" | "categorical";
  type: "float64" | "int32";
  /** Start of the block, in bytes from the start of the data section. */
  offset: number;
  /** Length of the block without padding. */
  bytes: number;
  /** CRC-32 (zlib) of the block without padding. */
  crc32: number;
  levels?: string[];
}

export interface ColumnarHeader {
  format: "outward-columnar";
  version: number;
  byteOrder: "little";
  nrows: number;
  /** Total bytes of the data section, padding included. */
  dataBytes: number;
  columns: ColumnarColumnHeader[];
}

export function pad8(n: number): number {
  return (n + 7) & ~7;
}

export function columnBytes(col: Column): Uint8Array {
  const a = col.kind === "numeric" ? col.values : col.codes;
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** The header and prefix (magic + length + JSON) for a frame. */
export function encodeHeader(frame: Frame): { prefix: Buffer; header: ColumnarHeader } {
  const columns: ColumnarColumnHeader[] = [];
  let offset = 0;
  for (const name of frame.names) {
    const col = frame.columns.get(name)!;
    const bytes = columnBytes(col);
    columns.push({
      name,
      kind: col.kind,
      type: col.kind === "numeric" ? "float64" : "int32",
      offset,
      bytes: bytes.byteLength,
      crc32: crc32(bytes),
      ...(col.kind === "categorical" ? { levels: col.levels } : {}),
    });
    offset += pad8(bytes.byteLength);
  }
  const header: ColumnarHeader = {
    format: "outward-columnar",
    version: COLUMNAR_VERSION,
    byteOrder: "little",
    nrows: frame.nrows,
    dataBytes: offset,
    columns,
  };
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const h = pad8(8 + json.length) - 8;
  const prefix = Buffer.alloc(8 + h, 0x20);
  prefix.write(COLUMNAR_MAGIC, 0, "latin1");
  prefix.writeUInt32LE(h, 4);
  json.copy(prefix, 8);
  return { prefix, header };
}

/** Parses and checks the prefix; `head` must hold at least the first 8 + H bytes. */
export function decodeHeader(
  head: Buffer,
  file: string,
): { header: ColumnarHeader; dataStart: number } {
  if (head.length < 8 || head.toString("latin1", 0, 4) !== COLUMNAR_MAGIC) {
    throw corrupt(file, "not an Outward columnar file (missing the OWC1 signature)");
  }
  const h = head.readUInt32LE(4);
  if (head.length < 8 + h)
    throw corrupt(file, `truncated header: expected ${8 + h} bytes, found ${head.length}`);
  let header: ColumnarHeader;
  try {
    header = JSON.parse(head.toString("utf8", 8, 8 + h)) as ColumnarHeader;
  } catch (err) {
    throw corrupt(file, `unreadable header: ${(err as Error).message}`);
  }
  checkHeader(header, file);
  return { header, dataStart: 8 + h };
}

function checkHeader(header: ColumnarHeader, file: string): void {
  if (header.format !== "outward-columnar")
    throw corrupt(file, "header is not an outward-columnar header");
  if (header.version !== COLUMNAR_VERSION) {
    throw corrupt(file, `version ${header.version} is not supported, expected ${COLUMNAR_VERSION}`);
  }
  if (endianness() !== "LE") throw corrupt(file, "typed-array views need a little-endian machine");
  if (header.byteOrder !== "little")
    throw corrupt(file, `byte order ${header.byteOrder}, expected little`);
  if (!Number.isInteger(header.nrows) || header.nrows < 0 || !Array.isArray(header.columns)) {
    throw corrupt(file, "header lacks a valid nrows or columns");
  }
  for (const c of header.columns) {
    const width = c.type === "float64" ? 8 : c.type === "int32" ? 4 : 0;
    const kindOk =
      (c.kind === "numeric" && width === 8) ||
      (c.kind === "categorical" && width === 4 && Array.isArray(c.levels));
    if (
      !kindOk ||
      c.bytes !== width * header.nrows ||
      c.offset % 8 !== 0 ||
      c.offset + c.bytes > header.dataBytes
    ) {
      throw corrupt(file, `column ${JSON.stringify(c.name)} has an inconsistent header entry`);
    }
  }
}

export function corrupt(file: string, reason: string): OutwardError {
  return new OutwardError("corrupt_file", `${file}: ${reason}`, [
    { code: "corrupt_file", file, message: reason },
  ]);
}
