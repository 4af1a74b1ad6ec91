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

// Where a quoted record stopped when the input ran out; reading resumes there.
/** Before a cell. */
const FIELD = 0;
/** Inside quotes. */
const QUOTED = 1;
/** Just after a quote inside quotes: a second quote escapes it, anything else closes the cell. */
const QUOTE_END = 2;
/** After a closing quote and a CR: only a LF makes that a line end. */
const CLOSED_CR = 3;
/** Inside an unquoted cell. */
const UNQUOTED = 4;
/** After a malformed cell: the record runs to the end of its line. */
const SKIP = 5;

/** `read`: the text ended inside the record. */
const NEED_MORE = -1;
/** `read`: the record's quote is never closed; scanning resumes in its `after` text. */
const RESCAN = -2;

/** A record that contains a quote, read as far as the input so far goes. */
interface OpenRecord {
  cells: string[];
  error: string | undefined;
  /** The cell being read, so far. */
  value: string;
  /** One of FIELD..SKIP. */
  at: number;
  /** Where the record starts in the text being read: negative once it began in earlier chunks. */
  origin: number;
  /** Line feeds in the earlier chunks. */
  lines: number;
  /** The record's text after its first line feed, scanned again if a quote is never closed. */
  after: string[] | null;
}

/*
 * RFC 4180 reader (comma, double quote, "" escape, LF or CRLF) fed in string chunks. Unlike a
 * parser that stops or resynchronizes arbitrarily at a bad quote, a malformed record here is
 * returned with `error` and scanning resumes on the next line, so one bad row never hides the
 * rows after it. Empty lines are skipped. Lines without a quote take a split() fast path.
 *
 * Each character is looked at a bounded number of times however the input is chunked, so a
 * line of hundreds of megabytes reads in linear time: text without a line feed is only held
 * (in its chunks, joined once the line feed comes), and a record with a quote that spans chunks
 * keeps its state and reads on from where the previous chunk ended. The records are the same
 * as re-reading all the buffered text on each chunk would give.
 */
export class CsvScanner {
  /** Text after the last record that has no line feed yet, in the chunks it came in. */
  private held: string[] = [];
  /** A record with a quote that the input so far cuts short. */
  private open: OpenRecord | null = null;
  private line = 1;

  /** Appends a chunk and moves every complete record into `out`. */
  push(chunk: string, out: CsvRecord[]): void {
    if (this.open !== null) this.resume(chunk, false, out);
    else if (chunk.indexOf("\n") >= 0) this.scan(this.take(chunk), 0, false, out);
    else if (chunk.length > 0) this.held.push(chunk);
  }

  /** Flushes the final record (input without a trailing newline, or an unclosed quote). */
  end(out: CsvRecord[]): void {
    if (this.open !== null) this.resume("", true, out);
    else this.scan(this.take(""), 0, true, out);
  }

  private take(chunk: string): string {
    if (this.held.length === 0) return chunk;
    this.held.push(chunk);
    const s = this.held.join("");
    this.held = [];
    return s;
  }

  private resume(chunk: string, eof: boolean, out: CsvRecord[]): void {
    const r = this.open!;
    const next = this.read(r, chunk, 0, eof, out);
    if (next === NEED_MORE) return;
    this.open = null;
    if (next === RESCAN) this.scan(r.after!.join(""), 0, eof, out);
    else this.scan(chunk, next, eof, out);
  }

  private scan(s: string, pos: number, eof: boolean, out: CsvRecord[]): void {
    const n = s.length;
    let nextQuote = -1;
    while (pos < n) {
      let nl = s.indexOf("\n", pos);
      if (nl < 0) {
        if (!eof) {
          this.held.push(s.slice(pos));
          return;
        }
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
      const r: OpenRecord = {
        cells: [],
        error: undefined,
        value: "",
        at: FIELD,
        origin: pos,
        lines: 0,
        after: null,
      };
      const next = this.read(r, s, pos, eof, out);
      if (next === NEED_MORE) {
        this.open = r;
        return;
      }
      pos = next;
    }
  }

  /**
   * Reads record `r` on from `begin` in `s`; returns where the next record starts in `s`,
   * NEED_MORE (its state is kept in `r`) or RESCAN.
   */
  private read(r: OpenRecord, s: string, begin: number, eof: boolean, out: CsvRecord[]): number {
    const n = s.length;
    const cells = r.cells;
    let { at, value, error } = r;
    let i = begin;
    for (;;) {
      if (at === FIELD) {
        if (i >= n && !eof) break;
        value = "";
        if (i < n && s.charCodeAt(i) === QUOTE) {
          at = QUOTED;
          i++;
        } else at = UNQUOTED;
      } else if (at === QUOTED) {
        const q = s.indexOf('"', i);
        value += s.slice(i, q < 0 ? n : q);
        if (q < 0) {
          i = n;
          if (eof || n - r.origin > MAX_RECORD_CHARS) return this.unclosed(r, s, begin, out);
          break;
        }
        i = q + 1;
        at = QUOTE_END;
      } else if (at === QUOTE_END) {
        if (i >= n && !eof) {
          if (n - r.origin > MAX_RECORD_CHARS) return this.unclosed(r, s, begin, out);
          break;
        }
        if (i < n && s.charCodeAt(i) === QUOTE) {
          value += '"';
          i++;
          at = QUOTED;
          continue;
        }
        cells.push(value);
        const c = i < n ? s.charCodeAt(i) : -1;
        if (c === COMMA) {
          i++;
          at = FIELD;
          continue;
        }
        if (c === -1 || c === LF)
          return this.finish(r, cells, error, s, begin, c === -1 ? n : i + 1, out);
        if (c === CR) {
          i++;
          at = CLOSED_CR;
          continue;
        }
        error = "text after a closing quote";
        at = SKIP;
      } else if (at === CLOSED_CR) {
        if (i < n && s.charCodeAt(i) === LF)
          return this.finish(r, cells, error, s, begin, i + 1, out);
        if (i >= n && !eof) break;
        error = "text after a closing quote";
        at = SKIP;
      } else if (at === UNQUOTED) {
        let j = i;
        for (; j < n; j++) {
          const c = s.charCodeAt(j);
          if (c === COMMA || c === LF) break;
          if (c === QUOTE) error ??= "a quote inside an unquoted field";
        }
        value += s.slice(i, j);
        i = j;
        if (j >= n && !eof) break;
        const atComma = j < n && s.charCodeAt(j) === COMMA;
        // A CR ending the line is the CR of a CRLF, not part of the cell.
        if (!atComma && value.length > 0 && value.charCodeAt(value.length - 1) === CR) {
          value = value.slice(0, -1);
        }
        cells.push(value);
        if (!atComma) return this.finish(r, cells, error, s, begin, j < n ? j + 1 : n, out);
        i = j + 1;
        at = FIELD;
      } else {
        const nl = s.indexOf("\n", i);
        if (nl < 0 && !eof) {
          i = n;
          break;
        }
        return this.finish(r, cells, error, s, begin, nl < 0 ? n : nl + 1, out);
      }
    }
    // The text ended inside the record: keep what the next chunk needs to read on.
    r.at = at;
    r.value = value;
    r.error = error;
    r.lines += countNewlines(s, begin, n);
    if (r.after !== null) r.after.push(s.slice(begin));
    else {
      const nl = s.indexOf("\n", begin);
      if (nl >= 0) r.after = [s.slice(nl + 1)];
    }
    r.origin -= n;
    return NEED_MORE;
  }

  private finish(
    r: OpenRecord,
    cells: string[],
    error: string | undefined,
    s: string,
    begin: number,
    next: number,
    out: CsvRecord[],
  ): number {
    const record: CsvRecord = { cells, line: this.line };
    if (error) record.error = error;
    out.push(record);
    this.line += r.lines + countNewlines(s, begin, next);
    return next;
  }

  /** An unclosed quote: reject the record's first line and resume scanning after it. */
  private unclosed(r: OpenRecord, s: string, begin: number, out: CsvRecord[]): number {
    out.push({ cells: [], line: this.line, error: "a quote opened here is never closed" });
    this.line++;
    if (r.after !== null) {
      r.after.push(s.slice(begin));
      return RESCAN;
    }
    const nl = s.indexOf("\n", begin);
    return nl < 0 ? s.length : nl + 1;
  }
}

function countNewlines(s: string, from: number, to: number): number {
  let k = 0;
  for (let i = s.indexOf("\n", from); i >= 0 && i < to; i = s.indexOf("\n", i + 1)) k++;
  return k;
}
