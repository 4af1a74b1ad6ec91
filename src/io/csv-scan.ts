/** One CSV record: its cells, the line it starts on, and why it is malformed, if it is. */
export interface CsvRecord {
  cells: string[];
  /** 1-based physical line where the record starts. */
  line: number;
  error?: string;
}

/** A quoted field longer than this is treated as an unclosed quote instead of buffering on. */
const MAX_RECORD_CHARS = 1 << 20;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/*
 * RFC 4180 reader (comma, double quote, "" escape, LF or CRLF) fed in string chunks. Unlike a
 * parser that stops or resynchronizes arbitrarily at a bad quote, a malformed record here is
 * returned with `error` and scanning resumes on the next line, so one bad row never hides the
 * rows after it. Empty lines are skipped. Lines without a quote take a split() fast path.
 */
export class CsvScanner {
  private buf = "";
  private line = 1;

  /** Appends a chunk and moves every complete record into `out`. */
  push(chunk: string, out: CsvRecord[]): void {
    this.buf = this.buf.length === 0 ? chunk : this.buf + chunk;
    this.scan(out, false);
  }

  /** Flushes the final record (input without a trailing newline, or an unclosed quote). */
  end(out: CsvRecord[]): void {
    this.scan(out, true);
  }

  private scan(out: CsvRecord[], eof: boolean): void {
    const s = this.buf;
    const n = s.length;
    let pos = 0;
    let nextQuote = -1;
    while (pos < n) {
      let nl = s.indexOf("\n", pos);
      if (nl < 0) {
        if (!eof) break;
        nl = n;
      }
      if (nextQuote < pos) {
        nextQuote = s.indexOf('"', pos);
        if (nextQuote < 0) nextQuote = n;
      }
      if (nextQuote >= nl) {
        const end = nl > pos && s.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
        if (end > pos) out.push({ cells: s.slice(pos, end).split(","), line: this.line });
        this.line++;
        pos = nl + 1;
        continue;
      }
      const next = this.quoted(s, pos, eof, out);
      if (next < 0) break;
      pos = next;
    }
    this.buf = pos >= n ? "" : s.slice(pos);
  }

  /** Scans one record that contains a quote; returns where the next starts, or -1 for "need more". */
  private quoted(s: string, pos: number, eof: boolean, out: CsvRecord[]): number {
    const n = s.length;
    const cells: string[] = [];
    let error: string | undefined;
    let i = pos;
    let next = -1;
    for (;;) {
      if (i < n && s.charCodeAt(i) === QUOTE) {
        let value = "";
        let j = i + 1;
        for (;;) {
          const q = s.indexOf('"', j);
          if (q < 0 || (q + 1 >= n && !eof)) {
            if (eof || n - pos > MAX_RECORD_CHARS) return this.unclosed(s, pos, out);
            return -1;
          }
          if (s.charCodeAt(q + 1) === QUOTE) {
            value += s.slice(j, q + 1);
            j = q + 2;
            continue;
          }
          value += s.slice(j, q);
          i = q + 1;
          break;
        }
        cells.push(value);
        const c = i < n ? s.charCodeAt(i) : -1;
        if (c === COMMA) {
          i++;
          continue;
        }
        if (c === -1 || c === LF || (c === CR && s.charCodeAt(i + 1) === LF)) {
          next = c === -1 ? n : c === LF ? i + 1 : i + 2;
          break;
        }
        if (c === CR && i + 1 >= n && !eof) return -1;
        error = "text after a closing quote";
      } else {
        let j = i;
        for (; j < n; j++) {
          const c = s.charCodeAt(j);
          if (c === COMMA || c === LF) break;
          if (c === QUOTE) error ??= "a quote inside an unquoted field";
        }
        if (j >= n && !eof) return -1;
        const end =
          j > i && s.charCodeAt(j - 1) === CR && (j >= n || s.charCodeAt(j) === LF) ? j - 1 : j;
        cells.push(s.slice(i, end));
        if (j < n && s.charCodeAt(j) === COMMA) {
          i = j + 1;
          continue;
        }
        next = j < n ? j + 1 : n;
        break;
      }
      // Malformed after a closing quote: the record runs to the end of this line.
      const nl = s.indexOf("\n", i);
      if (nl < 0 && !eof) return -1;
      next = nl < 0 ? n : nl + 1;
      break;
    }
    const record: CsvRecord = { cells, line: this.line };
    if (error) record.error = error;
    out.push(record);
    this.line += countNewlines(s, pos, next);
    return next;
  }

  /** An unclosed quote: reject the record's first line and resume scanning after it. */
  private unclosed(s: string, pos: number, out: CsvRecord[]): number {
    const nl = s.indexOf("\n", pos);
    out.push({ cells: [], line: this.line, error: "a quote opened here is never closed" });
    this.line++;
    return nl < 0 ? s.length : nl + 1;
  }
}

function countNewlines(s: string, from: number, to: number): number {
  let k = 0;
  for (let i = s.indexOf("\n", from); i >= 0 && i < to; i = s.indexOf("\n", i + 1)) k++;
  return k;
}
