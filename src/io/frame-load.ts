import { nanCount, negativeCount } from "../stats/index.ts";
import type { Frame } from "./frame.ts";

/** On-disk formats a frame is read from or written to. */
export type FrameFormat = "csv" | "owc" | "parquet";

/** A frame as read from a file, with what the reader learned on the way. */
export interface LoadedFrame {
  frame: Frame;
  format: FrameFormat;
  /** The path (or label, for a stream) the frame came from. */
  file: string;
  /** Missing values per column (NaN for numeric, code -1 for categorical), in column order. */
  missing: Record<string, number>;
}

/** Progress of a long read: bytes consumed so far and the total when known. */
export type ProgressCallback = (done: number, total: number | undefined) => void;

/** Options every reader accepts. */
export interface FrameReadOptions {
  /** Load only these columns (in file order); an unknown name is an error. Default: all. */
  columns?: readonly string[];
  /** Called as bytes are consumed, for a progress indicator. Default: none. */
  onProgress?: ProgressCallback;
}

export function countMissing(frame: Frame): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of frame.names) {
    const col = frame.columns.get(name)!;
    out[name] = col.kind === "numeric" ? nanCount(col.values) : negativeCount(col.codes);
  }
  return out;
}
