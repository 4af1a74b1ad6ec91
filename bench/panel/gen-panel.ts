import { Xoshiro128 } from "./gen-rng.ts";

/**
 * The synthetic firm-year panel of reference/panel/bench/gen_panel.R, same design and parameters:
 * N firms, T_i ~ U{5..15}, entry year uniform so that the last year is at most 2024 (ragged
 * years 2000-2024), alpha_i ~ N(0,1), gamma_t ~ 0.5 N(0,1),
 *   x1 = 0.5 alpha + e1,  x2 = 0.3 alpha + 0.2 gamma + e2,  x3 = e3,
 *   y  = 1.0 x1 - 0.5 x2 + 0.25 x3 + alpha + gamma + e,  all e ~ N(0,1).
 * Real columns are rounded to 6 decimals so the CSV text and the binary file hold the same numbers.
 */
export interface PanelDesign {
  /** Number of firms. Default in gen.ts: 1,000,000 (about 10M rows). */
  firms: number;
  /** Seed of the generator's RNG. Default in gen.ts: 20240601, as in gen_panel.R. */
  seed: number;
}

export const FIRST_YEAR = 2000;
export const YEARS = 25;
export const PANEL_COLUMNS = ["firm", "year", "y", "x1", "x2", "x3"] as const;

export interface PanelBlock {
  n: number;
  firm: Float64Array;
  year: Float64Array;
  y: Float64Array;
  x1: Float64Array;
  x2: Float64Array;
  x3: Float64Array;
}

/** Spell layout drawn from its own stream first, so the row count is known before any row. */
export function drawSpells(design: PanelDesign): {
  length: Uint8Array;
  start: Uint16Array;
  nrows: number;
} {
  const rng = new Xoshiro128(design.seed, 1);
  const length = new Uint8Array(design.firms);
  const start = new Uint16Array(design.firms);
  let nrows = 0;
  for (let i = 0; i < design.firms; i++) {
    const t = rng.int(5, 15);
    length[i] = t;
    start[i] = FIRST_YEAR + Math.floor(rng.uniform() * (YEARS - t + 1));
    nrows += t;
  }
  return { length, start, nrows };
}

// "+ 0" turns -0 into 0, as the CSV text "0.000000" reads back.
const round6 = (v: number) => Math.round(v * 1e6) / 1e6 + 0;

/** Yields the panel in blocks of whole firms (the block arrays are reused between yields). */
export function* panelBlocks(design: PanelDesign, blockRows = 1 << 16): Generator<PanelBlock> {
  const spells = drawSpells(design);
  const rng = new Xoshiro128(design.seed, 2);
  const gamma = new Float64Array(YEARS);
  for (let k = 0; k < YEARS; k++) gamma[k] = 0.5 * rng.normal();
  const cap = Math.max(blockRows, 16);
  const b: PanelBlock = {
    n: 0,
    firm: new Float64Array(cap),
    year: new Float64Array(cap),
    y: new Float64Array(cap),
    x1: new Float64Array(cap),
    x2: new Float64Array(cap),
    x3: new Float64Array(cap),
  };
  for (let i = 0; i < design.firms; i++) {
    const t = spells.length[i];
    if (b.n + t > cap) {
      yield b;
      b.n = 0;
    }
    const alpha = rng.normal();
    for (let s = 0; s < t; s++) {
      const year = spells.start[i] + s;
      const g = gamma[year - FIRST_YEAR];
      const x1 = 0.5 * alpha + rng.normal();
      const x2 = 0.3 * alpha + 0.2 * g + rng.normal();
      const x3 = rng.normal();
      const y = 1.0 * x1 - 0.5 * x2 + 0.25 * x3 + alpha + g + rng.normal();
      const r = b.n++;
      b.firm[r] = i + 1;
      b.year[r] = year;
      b.x1[r] = round6(x1);
      b.x2[r] = round6(x2);
      b.x3[r] = round6(x3);
      b.y[r] = round6(y);
    }
  }
  if (b.n > 0) yield b;
}
