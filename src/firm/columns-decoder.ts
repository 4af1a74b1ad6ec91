import { type BarrierFamily, ENTRY_MODES, TRI } from "../framework/vocabulary.ts";
import {
  latin1,
  NOT_PLAIN,
  readEnum,
  readModes,
  readNumber,
  readText,
  readTri,
  wordsOf,
} from "./cell-bytes.ts";
import * as codes from "./columns.ts";
import { allocateProfileColumns, ENUM_CODES, type ProfileColumns } from "./columns.ts";
import { type CompiledValidator, compileValidator } from "./compiled.ts";
import { FIELD_BY_NAME, parseItemColumn } from "./fields.ts";

// Kind 0 is a column outside the profile: its cells are skipped.
const ID = 1;
const TEXT = 2;
const TRI_KIND = 3;
const ENUM = 4;
const NUMBER = 5;
const MODES = 6;
const ITEM = 7;

const NO_WORDS: Uint8Array[] = [];
const NO_WORD = new Uint8Array(0);
const UNKNOWN = wordsOf(["unknown"])[0];
const POW10 = Float64Array.from({ length: 16 }, (_, k) => 10 ** k);
/** The words a modes cell may hold alone: each mode (its bit), then "none" (no bits). */
const MODE_SPELLINGS = [...ENTRY_MODES, "none"];
const LF = 10;
const CR = 13;
const COMMA = 44;
const QUOTE = 34;
// Local copies of the tri codes: under tsx an imported binding is a getter call on every read.
const { TRI_YES, TRI_NO } = codes;

/**
 * Decodes CSV rows of one header straight from bytes into `ProfileColumns`. `decodeRecord` takes the
 * common spellings only and says when a row needs the general path, which is the compiled
 * validator (`validator`): the bulk reader then validates the row's text cells and stores the
 * profile with `setProfileRow`, so both paths accept the same rows with the same issues.
 */
export class ProfileColumnsDecoder {
  readonly header: readonly string[];
  /** The per-row validator for this header: the general path and the source of every issue. */
  readonly validator: CompiledValidator;
  /** Item columns per barrier family, in header order. */
  readonly items: Record<BarrierFamily, number>;
  /** Position of `id` in the header. */
  readonly idIndex: number;
  private readonly kind: Uint8Array;
  private readonly field: string[];
  private readonly words: Uint8Array[][];
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly loOpen: Uint8Array;
  private readonly whole: Uint8Array;
  private readonly itemOf: Array<[BarrierFamily, number] | null>;

  /** `validator` defaults to `compileValidator(header)`. */
  constructor(header: readonly string[], validator: CompiledValidator = compileValidator(header)) {
    const n = header.length;
    this.header = header;
    this.validator = validator;
    this.idIndex = header.indexOf("id");
    this.kind = new Uint8Array(n);
    this.field = new Array<string>(n).fill("");
    this.words = new Array<Uint8Array[]>(n).fill(NO_WORDS);
    this.lo = new Float64Array(n).fill(-Infinity);
    this.hi = new Float64Array(n).fill(Infinity);
    this.loOpen = new Uint8Array(n);
    this.whole = new Uint8Array(n);
    this.itemOf = new Array(n).fill(null);
    this.items = { attitudinal: 0, resource: 0, operational: 0, strategic: 0 };
    header.forEach((name, c) => {
      const spec = FIELD_BY_NAME.get(name);
      const item = spec ? null : parseItemColumn(name);
      if (item) {
        this.kind[c] = ITEM;
        this.itemOf[c] = [item.family, this.items[item.family]++];
        this.lo[c] = 1;
        this.hi[c] = 5;
        this.whole[c] = 1;
        return;
      }
      if (!spec || spec.kind === "items") return;
      this.field[c] = name;
      this.kind[c] = {
        id: ID,
        text: TEXT,
        tri: TRI_KIND,
        enum: ENUM,
        number: NUMBER,
        modes: MODES,
      }[spec.kind];
      if (spec.kind === "enum")
        this.words[c] = wordsOf(ENUM_CODES[name as keyof typeof ENUM_CODES]);
      if (spec.kind === "modes") this.words[c] = wordsOf(MODE_SPELLINGS);
      if (spec.min !== undefined) this.lo[c] = spec.min;
      if (spec.max !== undefined) this.hi[c] = spec.max;
      this.loOpen[c] = spec.minExclusive ? 1 : 0;
      this.whole[c] = spec.integer ? 1 : 0;
    });
  }

  /** Columns for `capacity` rows with this header's item columns. */
  allocate(capacity: number): ProfileColumns {
    return allocateProfileColumns(capacity, this.items);
  }

  /**
   * Makes `decodeRecord` write into `cols`. The record reader is generated once per header and
   * columns, like the compiled validator's row reader: the commonest spellings (yes, no, empty,
   * whole numbers) are read inline with the column's array and bounds as constants, anything else
   * through the cell readers. Only column indices and numeric bounds enter the source text, never
   * header text.
   */
  bind(cols: ProfileColumns): void {
    const record = cols as unknown as Record<string, unknown>;
    const args: unknown[] = [];
    const lines: string[] = ["let b = 0, q = 0, m = 0, d = 0, k = 0, w = NO_WORD;"];
    const last = this.kind.length - 1;
    this.kind.forEach((kind, c) => {
      const item = this.itemOf[c];
      args.push(item ? cols.barrier_items[item[0]][item[1]] : record[this.field[c]], this.words[c]);
      lines.push(this.cellSource(kind, c));
      lines.push(
        c < last
          ? "if (buf[p] !== 44) return -1; p++;"
          : "b = buf[p]; if (b === 13 ? buf[p + 1] !== 10 : b !== 10) return -1;",
      );
    });
    const params = this.header.flatMap((_, c) => [`a${c}`, `w${c}`]);
    const body = `"use strict"; return function decodeRecord(buf, p, i) {\n${lines.join("\n")}\nif (mayContradict(i)) return -1;\nreturn buf[p] === 10 ? p + 1 : p + 2;\n};`;
    const make = new Function(...READER_NAMES, "cols", ...params, body) as (
      ...a: unknown[]
    ) => (buf: Buffer, from: number, i: number) => number;
    const readers = [
      readTri,
      readNumber,
      readEnum,
      readModes,
      readText,
      skipCell,
      contradictionCheck(cols),
      NO_WORD,
      POW10,
      UNKNOWN,
      latin1,
    ];
    this.decodeRecord = make(...readers, cols, ...args);
  }

  /** Source reading cell `c` at `p` into `a<c>[i]`; leaves `p` on the delimiter or returns -1. */
  private cellSource(kind: number, c: number): string {
    const a = `a${c}`;
    const call = (reader: string) => `if ((p = ${reader}) < 0) return -1;`;
    switch (kind) {
      case TRI_KIND:
        // "no" is the commonest answer; others (the last column's empty cell) go through the reader.
        return `b = buf[p]; if (b === 110 && buf[p + 1] === 111) { ${a}[i] = ${TRI.indexOf("no")}; p += 2; } else if (b === 121 && buf[p + 1] === 101 && buf[p + 2] === 115) { ${a}[i] = ${TRI.indexOf("yes")}; p += 3; } else if (b === 44) ${a}[i] = ${TRI.indexOf("unknown")}; else if (b === 117) { w = UNKNOWN; for (k = 1; k < 7 && buf[p + k] === w[k]; k++); if (k < 7) return -1; ${a}[i] = ${TRI.indexOf("unknown")}; p += 7; } else ${call(`readTri(buf, p, ${a}, i)`)}`;
      case NUMBER:
      case ITEM: {
        const [lo, hi] = [this.lo[c], this.hi[c]];
        if (this.whole[c] === 1 && this.loOpen[c] === 0 && lo >= 0 && hi <= 9) {
          // A one-digit scale (item answers, 1..5): one byte, or empty.
          return `d = buf[p] - 48; if (d >= ${lo} && d <= ${hi}) { ${a}[i] = d; p++; } else if (d === -4) ${a}[i] = NaN; else ${call(`readNumber(buf, p, ${lo}, ${hi}, false, true, ${a}, i)`)}`;
        }
        if (this.whole[c] === 1 && this.loOpen[c] === 0) {
          // Digits only; a dot or sign stops the loop and fails the delimiter check.
          return `m = 0; q = p; for (;;) { d = buf[q] - 48; if (d < 0 || d > 9) break; m = m * 10 + d; q++; } if (q === p) ${a}[i] = NaN; else if (q - p > 15 || m < ${lo} || m > ${hi}) return -1; else ${a}[i] = m; p = q;`;
        }
        if (this.whole[c] === 0) {
          // readNumber written out: all digits read as one whole number M, then M / 10^decimals.
          const below = this.loOpen[c] === 1 ? `m <= ${lo}` : `m < ${lo}`;
          return `m = 0; q = p; for (;;) { d = buf[q] - 48; if (d < 0 || d > 9) break; m = m * 10 + d; q++; } if (buf[q] === 46 && q > p) { k = ++q; for (;;) { d = buf[q] - 48; if (d < 0 || d > 9) break; m = m * 10 + d; q++; } if (q === k || q - p > 15) return -1; m /= POW10[q - k]; } else if (q - p > 15) return -1; if (q === p) ${a}[i] = NaN; else if (${below} || m > ${hi}) return -1; else ${a}[i] = m; p = q;`;
        }
        return call(
          `readNumber(buf, p, ${lo}, ${hi}, ${this.loOpen[c] === 1}, ${this.whole[c] === 1}, ${a}, i)`,
        );
      }
      case ENUM: {
        const words = ENUM_CODES[this.field[c] as keyof typeof ENUM_CODES];
        return `if (buf[p] === 44) ${a}[i] = 255; else ${byFirstByte(words, c, "", (k) => k, call(`readEnum(buf, p, w${c}, ${a}, i)`))}`;
      }
      case MODES:
        // One mode alone, or none, inline; lists and empty cells through the reader.
        return byFirstByte(
          MODE_SPELLINGS,
          c,
          " && buf[p + LEN] !== 59",
          (k) => (k < ENTRY_MODES.length ? 1 << k : 0),
          call(`readModes(buf, p, ${a}, i)`),
        );
      case ID:
        // Printable ASCII without quote or comma needs no trimming and no decoding.
        return `q = p; for (;;) { b = buf[q]; if (b < 33 || b > 126 || b === 44 || b === 34) break; q++; } if (q > p && b === 44) { ${a}[i] = latin1(buf, p, q); p = q; } else ${call(`readText(buf, p, ${a}, i, true)`)}`;
      case TEXT:
        return `if (buf[p] === 44) ${a}[i] = null; else ${call(`readText(buf, p, ${a}, i, false)`)}`;
      default:
        return call("skipCell(buf, p)");
    }
  }

  /**
   * Reads the record that starts at `from` into row `i` of the bound columns, straight from the
   * bytes, and returns where the next record starts (after its line feed). Returns NOT_PLAIN when
   * the record does not end with a line feed before the buffer ends, has a cell outside the common
   * spellings or the wrong number of cells, or may contradict itself: it must then take the
   * general path (row `i` is left partly written). A line feed must follow `from` in `buf`.
   * Set by `bind`.
   */
  decodeRecord: (buf: Buffer, from: number, i: number) => number = () => NOT_PLAIN;
}

/**
 * Source matching one of `words` at p and storing `code(k)` for the k-th: a switch on the first
 * byte, then the rest of each candidate compared in a loop with `w<c>[k]`'s bytes. Smaller than
 * every byte written out (so V8 compiles the record reader sooner) and as quick on short words.
 * `extra` is an added condition, LEN standing for the word's length; `fallback` handles the rest.
 */
function byFirstByte(
  words: readonly string[],
  c: number,
  extra: string,
  code: (k: number) => number,
  fallback: string,
): string {
  const groups = new Map<number, number[]>();
  words.forEach((word, k) => {
    const first = word.charCodeAt(0);
    groups.set(first, [...(groups.get(first) ?? []), k]);
  });
  const cases = [...groups].map(([first, ks]) => {
    const tests = ks.map((k) => {
      const len = words[k].length;
      const test = `w = w${c}[${k}]; for (k = 1; k < ${len} && buf[p + k] === w[k]; k++); if (k === ${len}${extra.replace("LEN", String(len))}) { a${c}[i] = ${code(k)}; p += ${len}; }`;
      return test;
    });
    // Each test leaves the chain through its else: the next candidate, then the fallback.
    let chain = fallback;
    for (let j = tests.length - 1; j >= 0; j--) chain = `${tests[j]} else { ${chain} }`;
    return `case ${first}: ${chain} break;`;
  });
  return `switch (buf[p]) { ${cases.join(" ")} default: ${fallback} }`;
}

const READER_NAMES = [
  "readTri",
  "readNumber",
  "readEnum",
  "readModes",
  "readText",
  "skipCell",
  "mayContradict",
  "NO_WORD",
  "POW10",
  "UNKNOWN",
  "latin1",
];

/** An ignored column's cell, unquoted, up to its end. */
function skipCell(buf: Uint8Array, p: number): number {
  for (;;) {
    const b = buf[p];
    if (b === COMMA || b === LF || b === CR) return p;
    if (b === QUOTE) return NOT_PLAIN;
    p++;
  }
}

/*
 * Whether any cross-field check of `findInconsistencies` could fire on row i. Unknown numbers are
 * NaN, and every comparison with NaN is false, just as the checks skip nulls. It may say true
 * more often than needed, never less: the general path then decides. The columns are taken out
 * of `cols` once, so each row reads the arrays without looking up a property.
 */
function contradictionCheck(cols: ProfileColumns): (i: number) => boolean {
  const { founded, assessed, first_export_year, last_export_year, exports_now } = cols;
  const { tradable, export_share, export_markets, modes, between_projects, export_gap } = cols;
  return function mayContradict(i: number): boolean {
    const found = founded[i];
    const at = assessed[i];
    const first = first_export_year[i];
    const last = last_export_year[i];
    if (found > at || first < found || first > at) return true;
    if (last < first || last > at) return true;
    const exportsNow = exports_now[i];
    if (exportsNow === TRI_YES) {
      if (tradable[i] === TRI_NO || export_share[i] === 0) return true;
      if (export_markets[i] === 0 || modes[i] === 0) return true;
      if (between_projects[i] === TRI_YES) return true;
    }
    return exportsNow === TRI_NO && export_gap[i] === TRI_YES;
  };
}
