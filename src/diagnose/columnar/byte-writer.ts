/**
 * An append-only byte buffer for building CSV text without intermediate strings: vocabulary
 * cells are encoded once and copied, numbers are written digit by digit. Text comes out as one
 * flat string (Latin-1 when every byte is ASCII, else UTF-8).
 */
export class ByteWriter {
  bytes: Uint8Array;
  length = 0;
  /** Set once a non-ASCII byte is written (the text then decodes as UTF-8). */
  wide = false;

  constructor(capacity = 1 << 16) {
    this.bytes = Buffer.allocUnsafe(capacity);
  }

  reset(): void {
    this.length = 0;
    this.wide = false;
  }

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + n));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  /** Appends pre-encoded ASCII bytes (room reserved by the caller). */
  put(b: Uint8Array): void {
    const n = b.length;
    const at = this.length;
    // TypedArray.set costs a runtime call; most cells are a few dozen bytes.
    if (n > 48) this.bytes.set(b, at);
    else {
      const out = this.bytes;
      for (let j = 0; j < n; j++) out[at + j] = b[j];
    }
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
    this.length += (this.bytes as Buffer).write(s, this.length, "utf8");
    this.wide = true;
  }

  /**
   * Appends `x.toFixed(3)`. For 0 <= x < 1e6 the product 1000x is off by less than 1.2e-7, so
   * rounding it gives toFixed's integer (nearest, ties upward) unless its fraction lies within
   * 1e-6 of one half; near such a tie, and for negative, huge or non-finite x, toFixed decides.
   */
  fixed3(x: number): void {
    if (x >= 0 && x < 1e6) {
      this.reserve(12);
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
   * Hands over the bytes written and starts a fresh buffer of the same capacity: the caller
   * owns the result (no copy, and nothing later rewrites it).
   */
  take(): Uint8Array {
    const out = this.bytes.subarray(0, this.length);
    this.bytes = Buffer.allocUnsafe(this.bytes.length);
    this.reset();
    return out;
  }

  /** The bytes written as a string. */
  toString(): string {
    return (this.bytes as Buffer).toString(this.wide ? "utf8" : "latin1", 0, this.length);
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
