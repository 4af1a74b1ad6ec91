import { BARRIER_FAMILIES } from "../../framework/index.ts";
import {
  HIGH_MISS,
  MEDIUM_MISS,
  POSITION_MISS,
  STATE_MISS,
  INSTRUMENT_TABLE as T,
  TRAIT_MISS,
} from "./instruments.ts";
import { CONFIDENCE } from "./tri.ts";

// A recommendation's score depends only on five small counts: trait matches, whether the
// position and the state match (2 bits), high and medium barriers the instrument works on, and
// unknowns passed over. So a score is stored as a 16-bit code into a table of every value it
// can take, each computed once in `recommend`'s order of operations (the same doubles).
const BARRIER_N = BARRIER_FAMILIES.length + 1;
const popcount = (x: number) => {
  let n = 0;
  for (let m = x; m !== 0; m &= m - 1) n++;
  return n;
};
const MATCH_N = Math.max(...Array.from(T.suitTrait, popcount)) + 1;
const UNKNOWN_N =
  Math.max(
    ...Array.from(T.requires, (r, k) => popcount(r | T.notTrait[k]) + popcount(T.refinements[k])),
  ) + 1;

/** The score code of a recommendation (see RECOMMENDATION_SCORES). */
export const scoreCode = (
  matches: number,
  positionState: number,
  high: number,
  medium: number,
  unknowns: number,
): number =>
  (((matches * 4 + positionState) * BARRIER_N + high) * BARRIER_N + medium) * UNKNOWN_N + unknowns;

/** Barrier part of the code, (high * BARRIER_N + medium) * UNKNOWN_N, for a kernel's sums. */
export const barrierCodePart = (high: number, medium: number): number =>
  (high * BARRIER_N + medium) * UNKNOWN_N;
/** Weight of the (matches * 4 + positionState) part of a code. */
export const MATCH_STRIDE = BARRIER_N * BARRIER_N * UNKNOWN_N;

/**
 * Score (fit x confidence) by score code: `rec_score[i * RECOMMENDATION_WIDTH + k]` of a
 * `DiagnosisColumns` indexes this table.
 */
export const RECOMMENDATION_SCORES: Float64Array = (() => {
  const table = new Float64Array(MATCH_N * 4 * MATCH_STRIDE);
  for (let m = 0; m < MATCH_N; m++) {
    for (let ps = 0; ps < 4; ps++) {
      for (let h = 0; h < BARRIER_N; h++) {
        for (let md = 0; md < BARRIER_N; md++) {
          for (let u = 0; u < UNKNOWN_N; u++) {
            let miss = TRAIT_MISS[m];
            if (ps & 1) miss *= POSITION_MISS;
            if (ps & 2) miss *= STATE_MISS;
            miss *= HIGH_MISS[h] * MEDIUM_MISS[md];
            table[scoreCode(m, ps, h, md, u)] = (1 - miss) * CONFIDENCE[u];
          }
        }
      }
    }
  }
  return table;
})();
if (RECOMMENDATION_SCORES.length > 1 << 16) throw new Error("score codes overflow 16 bits");
