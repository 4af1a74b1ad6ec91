import { extname } from "node:path";
import { OutwardError } from "../framework/issue.ts";
import { type ColumnarReadOptions, readColumnar } from "./columnar.ts";
import { type CsvFrameOptions, readCsvFrame, readCsvFrameStream } from "./csv-frame.ts";
import type { FrameFormat, LoadedFrame } from "./frame-load.ts";
import { readParquetFrame } from "./parquet-frame.ts";

/** Options of `readFrame`: CSV options apply to CSV files only, `verify` to .owc files only. */
export type ReadFrameOptions = CsvFrameOptions & ColumnarReadOptions;

/** The format a path names by its extension (`.csv`, `.owc`, `.parquet`/`.pq`), if any. */
export function formatOf(path: string): FrameFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".owc") return "owc";
  if (ext === ".parquet" || ext === ".pq") return "parquet";
  return undefined;
}

/**
 * Reads a frame from a CSV, Outward columnar (.owc) or Parquet file, chosen by extension;
 * `-` reads CSV from standard input. Use `columns` to load only what a model needs.
 */
export async function readFrame(
  path: string,
  options: ReadFrameOptions = {},
): Promise<LoadedFrame> {
  if (path === "-") return readCsvFrameStream(process.stdin, "stdin", options);
  const format = formatOf(path);
  switch (format) {
    case "csv":
      return readCsvFrame(path, options);
    case "owc":
      return readColumnar(path, options);
    case "parquet":
      return readParquetFrame(path, options);
    default:
      throw new OutwardError(
        "unknown_format",
        `${path}: unknown file format ${JSON.stringify(extname(path))}, expected .csv, .owc or .parquet`,
        [
          {
            code: "unknown_format",
            file: path,
            value: extname(path),
            expected: ".csv, .owc or .parquet",
            message: "unknown file format",
          },
        ],
      );
  }
}
