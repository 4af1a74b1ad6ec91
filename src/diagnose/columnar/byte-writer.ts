/**
 * An append-only byte buffer for building CSV text without intermediate strings: vocabulary
 * cells are encoded once into a `Snippets` table and copied eight bytes at a time, fixed-point
 * numbers come from a table of their digits. Text comes out as one flat string (Latin-1 when
 * every byte is ASCII, else UTF-8) or as the bytes themselves.
 */

// A snippet's code: its first word (8 bytes) shifted left by LENGTH_BITS, or'ed with its length.
const LENGTH_BITS = 12;
const LENGTH_CAP = 1 << LENGTH_BITS;
const MAX_WORDS = 2 ** (31 - LENGTH_BITS);
/** Recycled buffers kept for reuse: a stream holds at most a few batches at a time. */
const SPARE_BUFFERS = 4;
/** Spare room after the last byte: a word copy may write up to 7 bytes past a snippet. */
const SLACK = 8;

/**
 * Pre-encoded cells, each starting on an 8-byte boundary of one Float64Array, so that the
 * writer copies a cell a word at a time (a byte loop or `TypedArray.set` costs several times as
 * much for cells of a few dozen bytes). Only bytes below 0x7f are stored as words: eight such
 * bytes never spell a NaN, whose bit pattern an engine may rewrite; any other cell is kept as
 * bytes and marked by a negative code.
 */
export class Snippets {
  words = new Float64Array(64);
  /** Words in use. */
  used = 0;
  /** Cells holding a byte 0x7f or above, copied byte by byte. */
  private readonly wide: Uint8Array[] = [];

  /** Stores `bytes` and returns its code (what `ByteWriter.snippet` takes). */
  add(bytes: Uint8Array): number {
    if (bytes.length >= LENGTH_CAP) throw new RangeError(`cell of ${bytes.length} bytes`);
    if (bytes.some((b) => b >= 0x7f)) {
      this.wide.push(bytes);
      return -this.wide.length;
    }
    const n = (bytes.length + 7) >> 3;
    if (this.used + n > MAX_WORDS) throw new RangeError("snippet table full");
    if (this.used + n > this.words.length) {
      const next = new Float64Array(Math.max(this.words.length * 2, this.used + n));
      next.set(this.words.subarray(0, this.used));
      this.words = next;
    }
    // Padded with spaces: a word copy never carries a zero or NaN pattern along.
    const padded = new Uint8Array(n * 8).fill(32);
    padded.set(bytes);
    this.words.set(new Float64Array(padded.buffer), this.used);
    const code = (this.used << LENGTH_BITS) | bytes.length;
    this.used += n;
    return code;
  }

  /** Whether a cell of `byteLength` bytes still fits. */
  fits(byteLength: number): boolean {
    return this.used + ((byteLength + 7) >> 3) <= MAX_WORDS;
  }

  /** The bytes of a cell stored as bytes (negative code). */
  wideBytes(code: number): Uint8Array {
    return this.wide[-code - 1];
  }

  /** The byte length of a code's cell. */
  length(code: number): number {
    return code >= 0 ? code & (LENGTH_CAP - 1) : this.wideBytes(code).length;
  }

  /** Forgets every cell (codes handed out before are no longer valid). */
  clear(): void {
    this.used = 0;
    this.wide.length = 0;
  }
}

/** "d.ddd" for each thousandth below 10, as the first 5 bytes of a word. */
const FIXED3 = (() => {
  const bytes = new Uint8Array(10_000 * 8).fill(32);
  for (let n = 0; n < 10_000; n++) {
    const at = n * 8;
    bytes[at] = 48 + Math.floor(n / 1000);
    bytes[at + 1] = 46;
    bytes[at + 2] = 48 + (Math.floor(n / 100) % 10);
    bytes[at + 3] = 48 + (Math.floor(n / 10) % 10);
    bytes[at + 4] = 48 + (n % 10);
  }
  return new Float64Array(bytes.buffer);
})();

/**
 * Copies the ASCII cell `code` (not negative) of `words` (a `Snippets` table's) to `at` and
 * returns the position after it; up to 7 bytes past it are overwritten.
 */
export function cellAt(view: DataView, at: number, words: Float64Array, code: number): number {
  const n = code & (LENGTH_CAP - 1);
  const first = code >> LENGTH_BITS;
  const last = first + ((n + 7) >> 3);
  // Readable form: bytes.set(cell bytes, at)
  for (let w = first, o = at; w < last; w++, o += 8) view.setFloat64(o, words[w], true);
  return at + n;
}

/**
 * Writes `x.toFixed(3)` at `at` and returns the position after it, for 0 <= x < 10 away from a
 * rounding tie (see `ByteWriter.fixed3`); returns -1, writing nothing, for any other x.
 */
export function fixed3At(view: DataView, at: number, x: number): number {
  const r = x * 1000;
  if (!(r >= 0 && r < 9999.5)) return -1;
  const fraction = r - Math.floor(r);
  if (fraction >= 0.499999 && fraction <= 0.500001) return -1;
  view.setFloat64(at, FIXED3[Math.round(r)], true);
  return at + 5;
}

export class ByteWriter {
  bytes: Buffer;
  /** A view of `bytes` (replaced with it), for `cellAt` and `fixed3At`. */
  view: DataView;
  length = 0;
  /** Set once a non-ASCII byte is written (the text then decodes as UTF-8). */
  wide = false;
  /** Buffers given back by `recycle`, refilled by `take`. */
  private readonly spare: Buffer[] = [];

  constructor(capacity = 1 << 16) {
    this.bytes = Buffer.allocUnsafe(capacity + SLACK);
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length);
  }

  reset(): void {
    this.length = 0;
    this.wide = false;
  }

  /** Makes room for `n` more bytes (and the slack a word copy needs past them). */
  reserve(n: number): void {
    if (this.length + n + SLACK <= this.bytes.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + n + SLACK));
    next.set(this.bytes.subarray(0, this.length));
    this.use(next);
  }

  private use(bytes: Buffer): void {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  }

  /** Appends the cell `code` of `table` (room reserved by the caller). */
  snippet(table: Snippets, code: number): void {
    if (code < 0) this.put(table.wideBytes(code));
    else this.length = cellAt(this.view, this.length, table.words, code);
  }

  /** Appends pre-encoded bytes (room reserved by the caller). */
  put(b: Uint8Array): void {
    const n = b.length;
    const at = this.length;
    if (n > 48) this.bytes.set(b, at);
    else {
      const out = this.bytes;
      for (let j = 0; j < n; j++) out[at + j] = b[j];
    }
    for (let j = 0; j < n && !this.wide; j++) this.wide = b[j] >= 0x80;
    this.length = at + n;
  }

  byte(c: number): void {
    this.bytes[this.length++] = c;
  }

  /** Appends a string as a CSV cell (quoted as `cell` quotes it), as UTF-8. */
  csvCell(s: string): void {
    const n = s.length;
    this.reserve(n);
    const b = this.bytes;
    const at = this.length;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80 || c === 34 || c === 44 || c === 13 || c === 10) {
        this.text(cell(s));
        return;
      }
      b[at + i] = c;
    }
    this.length = at + n;
  }

  /** Appends a string as UTF-8 (any length; reserves its own room). */
  text(s: string): void {
    let ascii = true;
    for (let i = 0; i < s.length && ascii; i++) ascii = s.charCodeAt(i) < 0x80;
    if (ascii) {
      this.reserve(s.length);
      const b = this.bytes;
      let at = this.length;
      for (let i = 0; i < s.length; i++) b[at++] = s.charCodeAt(i);
      this.length = at;
      return;
    }
    this.reserve(s.length * 3);
    this.length += this.bytes.write(s, this.length, "utf8");
    this.wide = true;
  }

  /**
   * Appends `x.toFixed(3)`. For 0 <= x < 1e6 the product 1000x is off by less than 1.2e-7, so
   * rounding it gives toFixed's integer (nearest, ties upward) unless its fraction lies within
   * 1e-6 of one half; near such a tie, and for negative, huge or non-finite x, toFixed decides.
   * Below 10 the digits are one word of a table.
   */
  fixed3(x: number): void {
    this.reserve(12);
    const end = fixed3At(this.view, this.length, x);
    if (end >= 0) {
      this.length = end;
      return;
    }
    if (x >= 0 && x < 1e6) {
      const r = x * 1000;
      const fraction = r - Math.floor(r);
      if (fraction < 0.499999 || fraction > 0.500001) {
        const n = Math.round(r);
        const whole = Math.floor(n / 1000);
        const decimals = n - whole * 1000;
        this.uint(whole);
        const b = this.bytes;
        const at = this.length;
        b[at] = 46; // "."
        b[at + 1] = 48 + Math.floor(decimals / 100);
        b[at + 2] = 48 + (Math.floor(decimals / 10) % 10);
        b[at + 3] = 48 + (decimals % 10);
        this.length = at + 4;
        return;
      }
    }
    this.text(x.toFixed(3));
  }

  /** Appends a non-negative integer below 2^31 in decimal. */
  private uint(n: number): void {
    const b = this.bytes;
    if (n < 10) {
      b[this.length++] = 48 + n;
      return;
    }
    let digits = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
    let at = this.length + digits;
    this.length = at;
    for (let m = n; digits > 0; digits--) {
      const q = Math.floor(m / 10);
      b[--at] = 48 + (m - q * 10);
      m = q;
    }
  }

  /**
   * Hands over the bytes written and starts on a fresh buffer of the same capacity (one given
   * back through `recycle`, else a new one): the caller owns the result, and nothing rewrites it
   * before it is recycled.
   */
  take(): Uint8Array {
    const out = this.bytes.subarray(0, this.length);
    this.use(this.spare.pop() ?? Buffer.allocUnsafe(this.bytes.length));
    this.reset();
    return out;
  }

  /**
   * Gives back an array `take` returned once its owner is done with it (written out), so a
   * later `take` refills it: a fresh buffer of a few megabytes costs a page fault per 4 KiB on
   * its first writes. Arrays of another capacity, or given twice, are left alone.
   */
  recycle(b: Uint8Array): void {
    const buffer = b.buffer;
    if (b.byteOffset !== 0 || buffer.byteLength !== this.bytes.length) return;
    if (buffer === this.bytes.buffer || this.spare.some((x) => x.buffer === buffer)) return;
    if (this.spare.length < SPARE_BUFFERS) this.spare.push(Buffer.from(buffer));
  }

  /** The bytes written as a string. */
  toString(): string {
    return this.bytes.toString(this.wide ? "utf8" : "latin1", 0, this.length);
  }
}

/** A CSV cell as `csvLine` writes it: quoted only when it holds `"`, `,`, CR or LF. */
export function cell(s: string): string {
  // Readable form: /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 44 || c === 13 || c === 10) return `"${s.replace(/"/g, '""')}"`;
  }
  return s;
}

/** A string's UTF-8 bytes, for cells encoded once. */
export const encode = (s: string): Uint8Array => Buffer.from(s, "utf8");
