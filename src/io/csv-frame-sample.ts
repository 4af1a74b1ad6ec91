import { looksNumeric } from "./csv-frame-number.ts";

/** One field as written: its text (latin1 bytes, unescaped) and whether it was quoted. */
export interface RawField {
  text: string;
  quoted: boolean;
}

export interface RawRecord {
  fields: RawField[];
  /** Byte offset just after the record's line ending. */
  next: number;
  /** Line endings consumed, including those inside quoted fields. */
  lines: number;
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Reads one record starting at `p`, the slow and general way (used for the header and the
 * type-inference sample only). Returns undefined when the buffer ends before the record does
 * and more bytes may follow; throws on an unterminated quote at the true end of input.
 */
export function readRecord(buf: Buffer, p: number, final: boolean): RawRecord | undefined {
  const n = buf.length;
  const fields: RawField[] = [];
  let lines = 0;
  for (;;) {
    let text: string;
    let quoted = false;
    let e: number;
    if (p < n && buf[p] === QUOTE) {
      quoted = true;
      let s = p + 1;
      let out = "";
      for (;;) {
        const close = buf.indexOf(QUOTE, s);
        if (close < 0) {
          if (!final) return undefined;
          throw new SyntaxError("unterminated quoted field");
        }
        out += buf.toString("latin1", s, close);
        if (close + 1 < n && buf[close + 1] === QUOTE) {
          out += '"';
          s = close + 2;
          continue;
        }
        if (close + 1 >= n && !final) return undefined;
        e = close + 1;
        break;
      }
      for (let i = p; i < e; i++) if (buf[i] === LF) lines++;
      text = out;
    } else {
      e = p;
      while (e < n) {
        const c = buf[e];
        if (c === COMMA || c === LF || c === CR) break;
        e++;
      }
      text = buf.toString("latin1", p, e);
    }
    fields.push({ text, quoted });
    if (e >= n) {
      if (!final) return undefined;
      return { fields, next: n, lines: lines + 1 };
    }
    const c = buf[e];
    if (c === COMMA) {
      p = e + 1;
      continue;
    }
    if (c !== LF && c !== CR) {
      throw new SyntaxError(
        `unexpected character after closing quote: ${JSON.stringify(String.fromCharCode(c))}`,
      );
    }
    let next = e + 1;
    if (c === CR) {
      if (next >= n && !final) return undefined;
      if (next < n && buf[next] === LF) next++;
    }
    return { fields, next, lines: lines + 1 };
  }
}

export type ColumnKind = "numeric" | "categorical";

/**
 * Infers each column's kind from sampled records: numeric when every non-missing field reads as
 * a number and (with `quotedAsText`) none was quoted, categorical otherwise. A column with no
 * value in the sample is numeric (all missing so far).
 */
export function inferKinds(
  ncols: number,
  sample: RawRecord[],
  naValues: ReadonlySet<string>,
  quotedAsText: boolean,
): ColumnKind[] {
  const kinds: ColumnKind[] = new Array(ncols).fill("numeric");
  for (let j = 0; j < ncols; j++) {
    for (const rec of sample) {
      const f = rec.fields[j];
      if (f === undefined) continue;
      if (f.text === "" || (!f.quoted && naValues.has(f.text))) continue;
      if ((f.quoted && quotedAsText) || !looksNumeric(f.text, naValues)) {
        kinds[j] = "categorical";
        break;
      }
    }
  }
  return kinds;
}
