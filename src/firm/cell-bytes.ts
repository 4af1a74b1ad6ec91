import { ENTRY_MODES } from "../framework/vocabulary.ts";
import * as codes from "./columns.ts";

/*
 * CSV cells read straight from the input bytes, for the bulk reader. Each reader starts at a
 * cell's first byte, stores the value at row i and returns where the cell ends (the delimiter),
 * or NOT_PLAIN when the cell is not in one of the common spellings, for which it gives exactly
 * the value the compiled validator gives. The caller checks the delimiter, and sends any row
 * with a NOT_PLAIN cell through the validator, so the accepted set and messages stay its own.
 * Reads stop at the first unexpected byte, and a line feed never matches, so no reader runs
 * past the end of its line.
 */

/** A cell outside the spellings read here: the row takes the general path. */
export const NOT_PLAIN = -1;

// Local copies of the column codes: under tsx an imported binding is a getter call on every read.
const { MODES_UNKNOWN, TRI_NO, TRI_UNKNOWN, TRI_YES, UNKNOWN_CODE } = codes;

const LF = 10;
const CR = 13;
const COMMA = 44;
const QUOTE = 34;
const DOT = 46;
const SEMICOLON = 59;

/** A byte that may end a cell. */
const ends = (b: number): boolean => b === COMMA || b === LF || b === CR;

/** The bytes of each word of a vocabulary list (all ASCII). */
export function wordsOf(values: readonly string[]): Uint8Array[] {
  return values.map((v) => Uint8Array.from(v, (ch) => ch.charCodeAt(0)));
}

/** Index of the word spelled at `p` and followed by a cell end (or `;` when `semicolon`). */
function wordAt(buf: Uint8Array, p: number, words: Uint8Array[], semicolon: boolean): number {
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    const len = word.length;
    let k = 0;
    while (k < len && buf[p + k] === word[k]) k++;
    if (k < len) continue;
    const b = buf[p + len];
    if (ends(b) || (semicolon && b === SEMICOLON)) return w;
  }
  return NOT_PLAIN;
}

/** yes / no / unknown, or an empty cell (unknown). */
export function readTri(buf: Uint8Array, p: number, out: Uint8Array, i: number): number {
  const b = buf[p];
  if (b === 121 && buf[p + 1] === 101 && buf[p + 2] === 115) {
    out[i] = TRI_YES;
    return p + 3;
  }
  if (b === 110 && buf[p + 1] === 111) {
    out[i] = TRI_NO;
    return p + 2;
  }
  if (b === 117 && wordAt(buf, p, UNKNOWN, false) === 0) {
    out[i] = TRI_UNKNOWN;
    return p + 7;
  }
  if (!ends(b)) return NOT_PLAIN;
  out[i] = TRI_UNKNOWN;
  return p;
}
const UNKNOWN = wordsOf(["unknown"]);

/** A vocabulary word spelled exactly, or an empty cell (UNKNOWN_CODE). */
export function readEnum(
  buf: Uint8Array,
  p: number,
  words: Uint8Array[],
  out: Uint8Array,
  i: number,
): number {
  if (ends(buf[p])) {
    out[i] = UNKNOWN_CODE;
    return p;
  }
  const w = wordAt(buf, p, words, false);
  if (w < 0) return NOT_PLAIN;
  out[i] = w;
  return p + words[w].length;
}

const MODE_WORDS = wordsOf(ENTRY_MODES);
const NONE = wordsOf(["none"]);

/** Entry modes spelled exactly and separated by `;` (a repeated mode sets its bit once), `none`, or empty. */
export function readModes(buf: Uint8Array, p: number, out: Uint16Array, i: number): number {
  if (ends(buf[p])) {
    out[i] = MODES_UNKNOWN;
    return p;
  }
  if (wordAt(buf, p, NONE, false) === 0) {
    out[i] = 0;
    return p + 4;
  }
  let bits = 0;
  for (;;) {
    const m = wordAt(buf, p, MODE_WORDS, true);
    if (m < 0) return NOT_PLAIN;
    bits |= 1 << m;
    p += MODE_WORDS[m].length;
    if (buf[p] !== SEMICOLON) break;
    p++;
  }
  out[i] = bits;
  return p;
}

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * An unsigned decimal of at most 15 characters ("12", "0.353") within [lo, hi] (lo excluded when
 * `loOpen`; whole numbers only when `whole`), or an empty cell (NaN). The digits are read as one
 * whole number M with k decimals and the value is M / 10^k: both are exact doubles below 2^53 and
 * one division rounds correctly, so this equals Number() on the same text (Clinger, 1990).
 */
export function readNumber(
  buf: Uint8Array,
  p: number,
  lo: number,
  hi: number,
  loOpen: boolean,
  whole: boolean,
  out: Float64Array,
  i: number,
): number {
  let q = p;
  let m = 0;
  let dot = -1;
  for (;;) {
    const b = buf[q];
    const d = b - 48;
    if (d >= 0 && d <= 9) m = m * 10 + d;
    else if (b === DOT && dot < 0 && q > p) dot = q;
    else break;
    q++;
  }
  if (q === p) {
    out[i] = Number.NaN;
    return p;
  }
  if (dot === q - 1 || q - p > 15) return NOT_PLAIN;
  const v = dot < 0 ? m : m / POW10[q - dot - 1];
  if (whole && !Number.isInteger(v)) return NOT_PLAIN;
  if (loOpen ? v <= lo : v < lo) return NOT_PLAIN;
  if (v > hi) return NOT_PLAIN;
  out[i] = v;
  return q;
}

/**
 * Free text or an identifier, trimmed as `String.prototype.trim` trims: unquoted up to the next
 * comma, or quoted on one line with `""` for a quote. An empty result is null, or NOT_PLAIN when
 * `required`. A quote inside an unquoted cell is left to the general path.
 */
export function readText(
  buf: Buffer,
  p: number,
  out: (string | null)[],
  i: number,
  required: boolean,
): number {
  let q = p;
  let ascii = true;
  let text: string;
  if (buf[p] === QUOTE) {
    text = "";
    let from = p + 1;
    for (q = from; ; q++) {
      const b = buf[q];
      if (b === QUOTE) {
        if (buf[q + 1] !== QUOTE) break;
        text += buf.toString("utf8", from, q + 1);
        from = q + 2;
        q++;
      } else if (b === LF) return NOT_PLAIN;
    }
    text = (text + buf.toString("utf8", from, q)).trim();
    q++;
  } else {
    for (; ; q++) {
      const b = buf[q];
      if (ends(b)) break;
      if (b === QUOTE) return NOT_PLAIN;
      if (b > 127) ascii = false;
    }
    text = trimmed(buf, p, q, ascii);
  }
  if (text === "") {
    if (required) return NOT_PLAIN;
    out[i] = null;
  } else out[i] = text;
  return q;
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

function trimmed(buf: Buffer, s: number, e: number, ascii: boolean): string {
  if (s === e) return "";
  if (!ascii) return buf.toString("utf8", s, e).trim();
  while (s < e && isSpace(buf[s])) s++;
  while (e > s && isSpace(buf[e - 1])) e--;
  return latin1(buf, s, e);
}

const char = String.fromCharCode;

/**
 * The bytes [s, e) as one character each. Short ids are built by `String.fromCharCode` with the
 * bytes as arguments, which V8 does in one call without leaving JavaScript; `toString` goes
 * through Node's encoding lookup and a C++ call, which costs more than the copy for a few bytes.
 */
export function latin1(buf: Buffer, s: number, e: number): string {
  switch (e - s) {
    case 1:
      return char(buf[s]);
    case 2:
      return char(buf[s], buf[s + 1]);
    case 3:
      return char(buf[s], buf[s + 1], buf[s + 2]);
    case 4:
      return char(buf[s], buf[s + 1], buf[s + 2], buf[s + 3]);
    case 5:
      return char(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4]);
    case 6:
      return char(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5]);
    case 7:
      return char(buf[s], buf[s + 1], buf[s + 2], buf[s + 3], buf[s + 4], buf[s + 5], buf[s + 6]);
    case 8:
      return char(
        buf[s],
        buf[s + 1],
        buf[s + 2],
        buf[s + 3],
        buf[s + 4],
        buf[s + 5],
        buf[s + 6],
        buf[s + 7],
      );
    default:
      return buf.toString("latin1", s, e);
  }
}
