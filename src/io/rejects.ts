import { createWriteStream, type WriteStream } from "node:fs";
import { showValue } from "../firm/index.ts";
import { formatIssue, OutwardError } from "../framework/index.ts";
import type { RecordRow } from "./records.ts";

export const REJECTS_HEADER = ["row", "id", "field", "value", "expected", "message"] as const;

/** One CSV line (RFC 4180 quoting only where needed), with a trailing newline. */
export function csvLine(cells: ReadonlyArray<string | number | null | undefined>): string {
  let out = "";
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const s = c === null || c === undefined ? "" : String(c);
    if (i > 0) out += ",";
    out += /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }
  return `${out}\n`;
}

/** The reject lines of one rejected row, one per issue; none for a valid row. */
export function rejectLines(r: RecordRow): string {
  if (r.result.ok) return "";
  let out = "";
  for (const issue of r.result.issues) {
    const value =
      issue.value === undefined
        ? ""
        : typeof issue.value === "string"
          ? issue.value
          : showValue(issue.value);
    out += csvLine([r.row, r.id, issue.field, value, issue.expected, formatIssue(issue)]);
  }
  return out;
}

/** Streams rejected rows to a CSV file: row, id, field, value, expected, message. */
export class RejectsWriter {
  private readonly out: WriteStream;
  private failure: Error | null = null;
  count = 0;

  constructor(path: string) {
    this.out = createWriteStream(path);
    this.out.on("error", (err) => {
      this.failure = err;
    });
    this.out.write(csvLine(REJECTS_HEADER));
  }

  write(r: RecordRow): void {
    if (r.result.ok) return;
    this.count++;
    this.out.write(rejectLines(r));
  }

  /** Opens the file first, so an unwritable path fails before any work is done. */
  static async open(path: string): Promise<RejectsWriter> {
    const w = new RejectsWriter(path);
    await new Promise<void>((resolve, reject) => {
      w.out.once("ready", () => resolve());
      w.out.once("error", (err) =>
        reject(
          new OutwardError("unwritable_output", `cannot write rejects to ${path}: ${err.message}`),
        ),
      );
    });
    return w;
  }

  /** Flushes and closes; rejects with the first write error, if any. */
  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.out.end(() => (this.failure ? reject(this.failure) : resolve()));
      this.out.once("error", reject);
    });
  }
}
