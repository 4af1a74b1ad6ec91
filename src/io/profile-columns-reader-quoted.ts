import type { CsvRecord } from "./csv-scan.ts";

/** A quoted field longer than this many bytes is treated as an unclosed quote. */
const MAX_RECORD_BYTES = 1 << 20;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** One record scanned from bytes, where the next one starts and how many lines it spans. */
export interface QuotedScan {
  record: CsvRecord;
  next: number;
  lines: number;
}

/*
 * `CsvScanner`'s reading of a record that contains a quote, on bytes: the same cells, the same
 * errors and the same resumption point, so quoted rows reach the validator exactly as on the text
 * path. Cells are decoded from UTF-8 one piece at a time; pieces end at ASCII bytes, so no
 * character is ever split. Returns null when the record may continue past the buffered bytes.
 */
export function scanQuotedRecord(
  buf: Buffer,
  pos: number,
  eof: boolean,
  line: number,
): QuotedScan | null {
  const n = buf.length;
  const cells: string[] = [];
  let error: string | undefined;
  let i = pos;
  let next = -1;
  for (;;) {
    if (i < n && buf[i] === QUOTE) {
      let value = "";
      let j = i + 1;
      for (;;) {
        const q = buf.indexOf(QUOTE, j);
        if (q < 0 || (q + 1 >= n && !eof)) {
          if (eof || n - pos > MAX_RECORD_BYTES) return unclosed(buf, pos, line);
          return null;
        }
        if (buf[q + 1] === QUOTE) {
          value += buf.toString("utf8", j, q + 1);
          j = q + 2;
          continue;
        }
        value += buf.toString("utf8", j, q);
        i = q + 1;
        break;
      }
      cells.push(value);
      const c = i < n ? buf[i] : -1;
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === -1 || c === LF || (c === CR && buf[i + 1] === LF)) {
        next = c === -1 ? n : c === LF ? i + 1 : i + 2;
        break;
      }
      if (c === CR && i + 1 >= n && !eof) return null;
      error = "text after a closing quote";
    } else {
      let j = i;
      for (; j < n; j++) {
        const c = buf[j];
        if (c === COMMA || c === LF) break;
        if (c === QUOTE) error ??= "a quote inside an unquoted field";
      }
      if (j >= n && !eof) return null;
      const end = j > i && buf[j - 1] === CR && (j >= n || buf[j] === LF) ? j - 1 : j;
      cells.push(buf.toString("utf8", i, end));
      if (j < n && buf[j] === COMMA) {
        i = j + 1;
        continue;
      }
      next = j < n ? j + 1 : n;
      break;
    }
    // Malformed after a closing quote: the record runs to the end of this line.
    const nl = buf.indexOf(LF, i);
    if (nl < 0 && !eof) return null;
    next = nl < 0 ? n : nl + 1;
    break;
  }
  const record: CsvRecord = { cells, line };
  if (error) record.error = error;
  return { record, next, lines: countNewlines(buf, pos, next) };
}

/** An unclosed quote: the record's first line is rejected and scanning resumes after it. */
function unclosed(buf: Buffer, pos: number, line: number): QuotedScan {
  const nl = buf.indexOf(LF, pos);
  return {
    record: { cells: [], line, error: "a quote opened here is never closed" },
    next: nl < 0 ? buf.length : nl + 1,
    lines: 1,
  };
}

function countNewlines(buf: Buffer, from: number, to: number): number {
  let k = 0;
  for (let i = buf.indexOf(LF, from); i >= 0 && i < to; i = buf.indexOf(LF, i + 1)) k++;
  return k;
}
