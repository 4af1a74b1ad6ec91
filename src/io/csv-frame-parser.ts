import { type Issue, OutwardError } from "../framework/issue.ts";
import { Levels, numbersToLevels, trim } from "./csv-frame-columns.ts";
import { POW10, parseNumberText } from "./csv-frame-number.ts";
import type { ColumnKind } from "./csv-frame-sample.ts";

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const DOT = 46;
const MINUS = 45;
const PLUS = 43;
const NUM = 0;
const CAT = 1;
const SKIP = 2;
const MAX_EXACT = 2 ** 53;

export interface ParserSetup {
  file: string;
  names: string[];
  /** Kind per file column; undefined = not selected (skipped while parsing). */
  kinds: (ColumnKind | undefined)[];
  naValues: ReadonlySet<string>;
  onTypeConflict: "error" | "categorical";
  /** Expected rows, to size the column arrays once. */
  capacity: number;
  /** Lines before the first data row (the header), for messages. */
  firstLine: number;
}

export interface ParsedColumn {
  name: string;
  kind: ColumnKind;
  values?: Float64Array;
  codes?: Int32Array;
  /** Levels as latin1-decoded byte strings; the caller decodes them as UTF-8. */
  levels?: string[];
}

/**
 * The hot loop of the CSV reader: walks raw bytes once, parsing numbers straight from them into
 * Float64Array columns and interning categorical fields into dictionary codes. No per-row
 * objects or string splits. A row cut by the end of a chunk is re-parsed from its start when the
 * next chunk arrives (rows are committed only when complete).
 */
export class CsvFrameParser {
  nrows = 0;
  private line: number;
  private capacity: number;
  private readonly ncols: number;
  private readonly kinds: Uint8Array;
  private readonly nums: (Float64Array | null)[];
  private readonly codes: (Int32Array | null)[];
  private readonly levels: (Levels | null)[];

  constructor(private readonly setup: ParserSetup) {
    this.ncols = setup.names.length;
    this.line = setup.firstLine;
    this.capacity = Math.max(16, Math.ceil(setup.capacity));
    this.kinds = new Uint8Array(this.ncols);
    this.nums = [];
    this.codes = [];
    this.levels = [];
    for (let j = 0; j < this.ncols; j++) {
      const kind = setup.kinds[j];
      this.kinds[j] = kind === undefined ? SKIP : kind === "numeric" ? NUM : CAT;
      this.nums.push(kind === "numeric" ? new Float64Array(this.capacity) : null);
      this.codes.push(kind === "categorical" ? new Int32Array(this.capacity) : null);
      this.levels.push(kind === "categorical" ? new Levels() : null);
    }
  }

  /**
   * Parses complete rows in `buf` and returns how many bytes were consumed; the rest (an
   * incomplete last row) must be passed again with more bytes, or with `final` at the end.
   */
  parse(input: Buffer, final: boolean): number {
    // Work on whole lines only, so that every field ends at a delimiter before the region ends
    // (the number loops rely on it). A quoted field running past the last line feed is picked
    // up again with the next chunk like any incomplete row.
    let buf = input;
    if (final) {
      if (buf.length > 0 && buf[buf.length - 1] !== LF) buf = Buffer.concat([buf, NEWLINE]);
    } else {
      const last = buf.lastIndexOf(LF);
      if (last < 0) return 0;
      buf = buf.subarray(0, last + 1);
    }
    const n = buf.length;
    const ncols = this.ncols;
    const kinds = this.kinds;
    // the arrays holder is stable; only its elements change (growth, numeric -> categorical)
    const nums = this.nums;
    let p = 0;
    while (p < n) {
      const rowStart = p;
      let c = buf[p];
      if (c === LF || c === CR) {
        // blank line (or the LF of a CRLF split across chunks)
        p++;
        if (c === CR && p < n && buf[p] === LF) p++;
        this.line++;
        continue;
      }
      if (this.nrows === this.capacity) this.grow();
      const row = this.nrows;
      let col = 0;
      for (;;) {
        if (col >= ncols)
          this.fail(
            "too_many_fields",
            row,
            undefined,
            `more than ${ncols} fields`,
            `${ncols} fields as in the header`,
          );
        const kind = kinds[col];
        let q: number;
        if (p < n && buf[p] === QUOTE) {
          q = this.quoted(buf, p, col, row, final);
          if (q < 0) return rowStart;
        } else if (kind === NUM) {
          // Fast decimal literal [+-]digits[.digits][e[+-]digits]. No bounds checks: the region
          // ends with a line feed (see parse), which stops every digit loop.
          let e = p;
          c = buf[e];
          const neg = c === MINUS;
          if (neg || c === PLUS) e++;
          let mant = 0;
          const from = e;
          let d = buf[e] - 48;
          while (d >>> 0 <= 9) {
            mant = mant * 10 + d;
            d = buf[++e] - 48;
          }
          let exp = 0;
          let digits = e - from;
          if (d === DOT - 48) {
            const dot = ++e;
            d = buf[e] - 48;
            while (d >>> 0 <= 9) {
              mant = mant * 10 + d;
              d = buf[++e] - 48;
            }
            exp = dot - e;
            digits += e - dot;
          }
          c = buf[e];
          if (c === COMMA || c === LF || c === CR) {
            if (digits > 0 && mant <= MAX_EXACT && exp >= -22) {
              const v = exp < 0 ? mant / POW10[-exp] : mant;
              nums[col]![row] = neg ? -v : v;
            } else if (e === p)
              nums[col]![row] = Number.NaN; // empty field
            else this.slowField(buf, p, col, row, false);
            q = e;
          } else {
            q = this.slowField(buf, p, col, row, false);
          }
        } else {
          let e = p;
          while (e < n) {
            c = buf[e];
            if (c === COMMA || c === LF || c === CR) break;
            e++;
          }
          if (e >= n && !final) return rowStart;
          if (kind === CAT) this.setText(col, row, buf.toString("latin1", p, e), false);
          q = e;
        }
        col++;
        if (q >= n) {
          if (!final) return rowStart;
          p = n;
          break;
        }
        c = buf[q];
        p = q + 1;
        if (c === COMMA) continue;
        if (c === CR && p < n && buf[p] === LF) p++;
        break;
      }
      if (col !== ncols) {
        this.fail(
          "too_few_fields",
          row,
          undefined,
          `${col} field${col === 1 ? "" : "s"}`,
          `${ncols} fields as in the header`,
        );
      }
      this.nrows++;
      this.line++;
    }
    return Math.min(p, input.length);
  }

  /** Columns trimmed to the rows read. */
  finish(): ParsedColumn[] {
    const out: ParsedColumn[] = [];
    const n = this.nrows;
    for (let j = 0; j < this.ncols; j++) {
      const name = this.setup.names[j];
      if (this.kinds[j] === NUM)
        out.push({ name, kind: "numeric", values: trim(this.nums[j]!, n) });
      else if (this.kinds[j] === CAT) {
        out.push({
          name,
          kind: "categorical",
          codes: trim(this.codes[j]!, n),
          levels: this.levels[j]!.list,
        });
      }
    }
    return out;
  }

  /** Parses a quoted field; returns the index after it, or -1 if the chunk ends inside it. */
  private quoted(buf: Buffer, p: number, col: number, row: number, final: boolean): number {
    const n = buf.length;
    let s = p + 1;
    let text = "";
    for (;;) {
      const close = buf.indexOf(QUOTE, s);
      if (close < 0 || (close + 1 >= n && !final)) {
        if (!final) return -1;
        this.fail(
          "unterminated_quote",
          row,
          col,
          buf.toString("latin1", p, Math.min(n, p + 40)),
          "a closing double quote",
        );
      }
      text += buf.toString("latin1", s, close);
      if (close + 1 < n && buf[close + 1] === QUOTE) {
        text += '"';
        s = close + 2;
        continue;
      }
      for (let i = p; i < close; i++) if (buf[i] === LF) this.line++;
      const e = close + 1;
      if (e < n) {
        const c = buf[e];
        if (c !== COMMA && c !== LF && c !== CR) {
          this.fail(
            "bad_quote",
            row,
            col,
            buf.toString("latin1", p, Math.min(n, e + 10)),
            "a delimiter right after the closing quote",
          );
        }
      }
      if (this.kinds[col] !== SKIP) this.setText(col, row, text, true);
      return e;
    }
  }

  /** Numbers the fast path declined (NA tokens, spaces, long mantissas, non-numbers). */
  private slowField(buf: Buffer, p: number, col: number, row: number, quoted: boolean): number {
    const n = buf.length;
    let e = p;
    while (e < n) {
      const c = buf[e];
      if (c === COMMA || c === LF || c === CR) break;
      e++;
    }
    this.setText(col, row, buf.toString("latin1", p, e), quoted);
    return e;
  }

  private setText(col: number, row: number, text: string, quoted: boolean): void {
    if (this.kinds[col] === NUM) {
      const v =
        text === "" ? Number.NaN : parseNumberText(text, quoted ? EMPTY : this.setup.naValues);
      if (v !== undefined) {
        this.nums[col]![row] = v;
        return;
      }
      if (this.setup.onTypeConflict === "error") {
        this.fail(
          "not_a_number",
          row,
          col,
          text,
          "a number (the column was sampled as numeric; declare its type or its missing-value tokens)",
        );
      }
      this.toCategorical(col, row);
    }
    if (text === "" || (!quoted && this.setup.naValues.has(text))) {
      this.codes[col]![row] = -1;
      return;
    }
    this.codes[col]![row] = this.levels[col]!.code(text);
  }

  /** A numeric column met text: rows so far become levels spelled as JavaScript prints them. */
  private toCategorical(col: number, row: number): void {
    const { codes, levels } = numbersToLevels(this.nums[col]!, row, this.capacity);
    this.kinds[col] = CAT;
    this.nums[col] = null;
    this.codes[col] = codes;
    this.levels[col] = levels;
  }

  private grow(): void {
    const cap = Math.ceil(this.capacity * 1.5) + 16;
    for (let j = 0; j < this.ncols; j++) {
      const v = this.nums[j];
      if (v) {
        const next = new Float64Array(cap);
        next.set(v);
        this.nums[j] = next;
      }
      const c = this.codes[j];
      if (c) {
        const next = new Int32Array(cap);
        next.set(c);
        this.codes[j] = next;
      }
    }
    this.capacity = cap;
  }

  private fail(
    code: string,
    row: number,
    col: number | undefined,
    value: string,
    expected: string,
  ): never {
    const field = col === undefined ? undefined : this.setup.names[col];
    const issue: Issue = {
      code,
      file: this.setup.file,
      row: row + 1,
      field,
      value,
      expected,
      message: `got ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}...` : value)}, expected ${expected} (line ${this.line + 1})`,
    };
    const where = `${this.setup.file}: row ${row + 1} (line ${this.line + 1})${field ? `: ${field}` : ""}`;
    throw new OutwardError(code, `${where}: ${issue.message}`, [issue]);
  }
}

const EMPTY: ReadonlySet<string> = new Set();
const NEWLINE = Buffer.from("\n");
