import type { PanelBlock } from "./gen-panel.ts";

/**
 * Formats a block as CSV bytes without building strings per value: integers as digits, reals
 * as fixed 6-decimal text (the block's reals are already multiples of 1e-6, so the text reads
 * back to the same double).
 */
export function formatBlock(b: PanelBlock, out: Buffer): number {
  let p = 0;
  for (let r = 0; r < b.n; r++) {
    p = writeInt(out, p, b.firm[r]);
    out[p++] = 44;
    p = writeInt(out, p, b.year[r]);
    out[p++] = 44;
    p = writeFixed6(out, p, b.y[r]);
    out[p++] = 44;
    p = writeFixed6(out, p, b.x1[r]);
    out[p++] = 44;
    p = writeFixed6(out, p, b.x2[r]);
    out[p++] = 44;
    p = writeFixed6(out, p, b.x3[r]);
    out[p++] = 10;
  }
  return p;
}

/** Upper bound of a formatted row's bytes (two integers up to 10 digits, four reals). */
export const MAX_ROW_BYTES = 2 * 11 + 4 * 24 + 8;

function writeInt(out: Buffer, p: number, v: number): number {
  if (v < 0) {
    out[p++] = 45;
    v = -v;
  }
  let digits = 1;
  for (let t = v; t >= 10; t = Math.floor(t / 10)) digits++;
  for (let k = digits - 1; k >= 0; k--) {
    out[p + k] = 48 + (v % 10);
    v = Math.floor(v / 10);
  }
  return p + digits;
}

function writeFixed6(out: Buffer, p: number, v: number): number {
  let k = Math.round(v * 1e6);
  if (k < 0) {
    out[p++] = 45;
    k = -k;
  }
  p = writeInt(out, p, Math.floor(k / 1e6));
  out[p++] = 46;
  let frac = k % 1e6;
  for (let d = 5; d >= 0; d--) {
    out[p + d] = 48 + (frac % 10);
    frac = Math.floor(frac / 10);
  }
  return p + 6;
}
