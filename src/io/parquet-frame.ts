import { randomBytes } from "node:crypto";
import { open, rename, unlink } from "node:fs/promises";
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead } from "hyparquet";
import type { ColumnSource } from "hyparquet-writer";
import { fileWriter, parquetWrite } from "hyparquet-writer";
import { OutwardError } from "../framework/issue.ts";
import { type Column, categorical, type Frame, frameFromColumns, numeric } from "./frame.ts";
import { countMissing, type FrameReadOptions, type LoadedFrame } from "./frame-load.ts";

/** Key-value metadata entry that keeps categorical levels (and their order) across a round trip. */
const LEVELS_KEY = "outward.levels";

/**
 * Writes a frame as Parquet (hyparquet-writer, Snappy): numeric columns as DOUBLE (required when
 * complete, else nullable), categorical columns as nullable UTF-8 strings; missing values become
 * Parquet nulls so other tools (R arrow, pandas, DuckDB) see them as missing. Written
 * atomically like .owc files.
 */
export async function writeParquetFrame(path: string, frame: Frame): Promise<void> {
  const columnData: ColumnSource[] = [];
  const levels: Record<string, string[]> = {};
  for (const name of frame.names) {
    const col = frame.columns.get(name)!;
    if (col.kind === "numeric") {
      const v = col.values;
      let missing = false;
      for (let i = 0; i < v.length && !missing; i++) missing = Number.isNaN(v[i]);
      const data = missing ? Array.from(v, (x) => (Number.isNaN(x) ? null : x)) : v;
      // a column without missing values is written as required: it reads back about twice as fast
      columnData.push({ name, data, type: "DOUBLE", nullable: missing });
    } else {
      levels[name] = col.levels;
      const data = Array.from(col.codes, (c) => (c < 0 ? null : col.levels[c]));
      columnData.push({ name, data, type: "STRING", nullable: true });
    }
  }
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    const writer = fileWriter(tmp);
    await parquetWrite({
      writer,
      columnData,
      kvMetadata: [{ key: LEVELS_KEY, value: JSON.stringify(levels) }],
      createdBy: "outward",
    });
    const fh = await open(tmp, "r+");
    await fh.sync();
    await fh.close();
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

/** Reads a flat Parquet file into a frame: strings become categorical, numbers and booleans numeric. */
export async function readParquetFrame(
  path: string,
  options: FrameReadOptions = {},
): Promise<LoadedFrame> {
  let file: Awaited<ReturnType<typeof asyncBufferFromFile>>;
  let meta: Awaited<ReturnType<typeof parquetMetadataAsync>>;
  try {
    file = await asyncBufferFromFile(path);
    meta = await parquetMetadataAsync(file);
  } catch (err) {
    throw new OutwardError(
      "unreadable_file",
      `${path}: cannot read as Parquet: ${(err as Error).message}`,
      [{ code: "unreadable_file", file: path, message: (err as Error).message }],
    );
  }
  const nrows = Number(meta.num_rows);
  const leaves = meta.schema.slice(1);
  if (leaves.some((s) => s.num_children)) {
    throw new OutwardError(
      "unsupported_parquet",
      `${path}: nested Parquet columns are not supported, expected a flat table`,
    );
  }
  const names = leaves.map((s) => s.name);
  for (const name of options.columns ?? []) {
    if (!names.includes(name)) {
      const message = `${path}: columns: no column ${JSON.stringify(name)}; the file has ${names.join(", ")}`;
      throw new OutwardError("missing_column", message, [
        {
          code: "missing_column",
          file: path,
          field: name,
          value: name,
          expected: `one of ${names.join(", ")}`,
          message,
        },
      ]);
    }
  }
  const wanted = options.columns ? names.filter((n) => options.columns!.includes(n)) : names;
  const stored = JSON.parse(
    meta.key_value_metadata?.find((kv) => kv.key === LEVELS_KEY)?.value ?? "{}",
  ) as Record<string, string[]>;
  const builders = new Map<string, Builder>();
  for (const name of wanted) {
    const leaf = leaves.find((s) => s.name === name)!;
    const text = leaf.type === "BYTE_ARRAY" || leaf.type === "FIXED_LEN_BYTE_ARRAY";
    builders.set(name, text ? new TextBuilder(nrows, stored[name]) : new NumberBuilder(nrows));
  }
  let done = 0;
  await parquetRead({
    file,
    columns: wanted,
    onChunk: (chunk) => {
      builders.get(chunk.columnName)?.put(chunk.columnData as ArrayLike<unknown>, chunk.rowStart);
      done += chunk.rowEnd - chunk.rowStart;
      options.onProgress?.(done, nrows * wanted.length);
    },
  });
  const frame = frameFromColumns(
    Object.fromEntries(wanted.map((n) => [n, builders.get(n)!.column()])),
  );
  return { frame, format: "parquet", file: path, missing: countMissing(frame) };
}

interface Builder {
  put(data: ArrayLike<unknown>, rowStart: number): void;
  column(): Column;
}

class NumberBuilder implements Builder {
  private readonly values: Float64Array;
  constructor(n: number) {
    this.values = new Float64Array(n);
  }
  put(data: ArrayLike<unknown>, rowStart: number): void {
    if (data instanceof Float64Array) {
      this.values.set(data, rowStart);
      return;
    }
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      this.values[rowStart + i] = v === null || v === undefined ? Number.NaN : Number(v as number);
    }
  }
  column(): Column {
    return numeric(this.values);
  }
}

class TextBuilder implements Builder {
  private readonly codes: Int32Array;
  private readonly dict = new Map<string, number>();
  private readonly levels: string[] = [];
  constructor(n: number, known: string[] | undefined) {
    this.codes = new Int32Array(n);
    for (const level of known ?? []) this.code(level);
  }
  put(data: ArrayLike<unknown>, rowStart: number): void {
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      this.codes[rowStart + i] = v === null || v === undefined ? -1 : this.code(String(v));
    }
  }
  private code(level: string): number {
    let c = this.dict.get(level);
    if (c === undefined) {
      c = this.levels.length;
      this.dict.set(level, c);
      this.levels.push(level);
    }
    return c;
  }
  column(): Column {
    return categorical(this.codes, this.levels);
  }
}
