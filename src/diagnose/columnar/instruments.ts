import {
  BARRIER_FAMILIES,
  FIRM_TRAITS,
  type Fit,
  INSTRUMENT_INFO,
  INSTRUMENTS,
  POSITIONS,
  STATES,
} from "../../framework/index.ts";
import { FIT_WEIGHTS } from "../rules/recommend.ts";
import { REFINEMENTS } from "../rules/refinements.ts";

/**
 * The framework's instruments compiled to bit sets, one typed-array entry per instrument in
 * INSTRUMENTS order, for the column-wise ranking. The same compilation the single-firm
 * `recommend` does (positions, states, traits and barrier families as bits).
 */
export interface InstrumentTable {
  count: number;
  notPosition: Int32Array;
  notState: Int32Array;
  notTrait: Int32Array;
  requires: Int32Array;
  suitPosition: Int32Array;
  suitState: Int32Array;
  suitTrait: Int32Array;
  barriers: Int32Array;
  /** Bits over REFINEMENT_TESTS: the thresholded conditions that gate the instrument. */
  refinements: Int32Array;
}

/**
 * The column-wise tests behind the framework's refinements, by refinement id: YOUNG (firm age
 * at most new_venture_max_age) and LOW_SHARE (export share below intensity_low_share).
 */
export const REFINE_YOUNG = 0;
export const REFINE_LOW_SHARE = 1;
const REFINEMENT_TESTS: Readonly<Record<string, number>> = {
  "refine.inv_accelerator.young": REFINE_YOUNG,
  "refine.incubator_regional_support.young": REFINE_YOUNG,
  "refine.intensity_growth_support.low_share": REFINE_LOW_SHARE,
};

const bitsOf = (fits: readonly Fit[], kind: Fit["target"]["kind"], ids: readonly string[]) =>
  fits.reduce(
    (m, f) => (f.target.kind === kind ? m | (1 << ids.indexOf(f.target.id as string)) : m),
    0,
  );
const traitBits = (traits: readonly string[]) =>
  traits.reduce((m, t) => m | (1 << (FIRM_TRAITS as readonly string[]).indexOf(t)), 0);

function compile(): InstrumentTable {
  const n = INSTRUMENTS.length;
  const t: InstrumentTable = {
    count: n,
    notPosition: new Int32Array(n),
    notState: new Int32Array(n),
    notTrait: new Int32Array(n),
    requires: new Int32Array(n),
    suitPosition: new Int32Array(n),
    suitState: new Int32Array(n),
    suitTrait: new Int32Array(n),
    barriers: new Int32Array(n),
    refinements: new Int32Array(n),
  };
  for (let k = 0; k < n; k++) {
    const info = INSTRUMENT_INFO[INSTRUMENTS[k]];
    t.notPosition[k] = bitsOf(info.doesNotSuit, "position", POSITIONS);
    t.notState[k] = bitsOf(info.doesNotSuit, "state", STATES);
    t.notTrait[k] = bitsOf(info.doesNotSuit, "trait", FIRM_TRAITS);
    t.requires[k] = traitBits(info.requires);
    t.suitPosition[k] = bitsOf(info.suits, "position", POSITIONS);
    t.suitState[k] = bitsOf(info.suits, "state", STATES);
    t.suitTrait[k] = bitsOf(info.suits, "trait", FIRM_TRAITS);
    t.barriers[k] = info.barriers.reduce((m, b) => m | (1 << BARRIER_FAMILIES.indexOf(b)), 0);
  }
  for (const r of REFINEMENTS) {
    const test = REFINEMENT_TESTS[r.id];
    // A refinement without a column-wise test would silently stop gating its instrument.
    if (test === undefined) throw new Error(`no column-wise test for refinement ${r.id}`);
    t.refinements[INSTRUMENTS.indexOf(r.instrument)] |= 1 << test;
  }
  return t;
}

export const INSTRUMENT_TABLE: InstrumentTable = compile();

// Multiplicative "miss" factors of the noisy-or fit by number of matches, computed as the
// single-firm ranking computes them so that scores agree to the last bit.
const pow = (w: number) => Float64Array.from({ length: 17 }, (_, n) => (1 - w) ** n);
export const TRAIT_MISS = pow(FIT_WEIGHTS.trait);
export const HIGH_MISS = pow(FIT_WEIGHTS.barrier_high);
export const MEDIUM_MISS = pow(FIT_WEIGHTS.barrier_medium);
export const POSITION_MISS = 1 - FIT_WEIGHTS.position;
export const STATE_MISS = 1 - FIT_WEIGHTS.state;
