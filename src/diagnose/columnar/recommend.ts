import { FIRM_TRAITS } from "../../framework/index.ts";
import {
  BARRIER_CODE,
  CANDIDATES,
  CANDIDATES_BY,
  candidateSlot,
  LEVEL_BITS,
  POPCOUNT,
} from "./candidates.ts";
import { type DiagnosisColumns, RECOMMENDATION_WIDTH } from "./outputs.ts";
import { MATCH_STRIDE, RECOMMENDATION_SCORES as SCORES } from "./scores.ts";

const ALL_TRAITS = (1 << FIRM_TRAITS.length) - 1;
/** One row's ranking while it is sorted. */
const score_R = new Float64Array(RECOMMENDATION_WIDTH);
const code_R = new Uint16Array(RECOMMENDATION_WIDTH);
const instrument_R = new Uint8Array(RECOMMENDATION_WIDTH);

/**
 * Ranked recommendations over rows [start, end), given each row's trait and refinement bits
 * (`traitKernel`, block-local): every candidate instrument of the row's (position, state) is
 * tested with mask operations, scored as `recommend` scores it (noisy-or fit times confidence,
 * looked up by score code), and the suitable ones insertion-sorted by score into the row's slots
 * (ties keep instrument order). Reads position, state and barrier levels already written to `out`.
 */
export function recommendKernel(
  out: DiagnosisColumns,
  start: number,
  end: number,
  yes_B: Int32Array,
  unknown_B: Int32Array,
  refine_B: Int32Array,
): void {
  const W = RECOMMENDATION_WIDTH;
  const { position, state, barrier_level, rec_instrument, rec_score, rec_count } = out;
  const { instrument, requires, notTrait, refinements, suitTrait, byPositionState } = CANDIDATES;
  const candidateCount = CANDIDATES.count;
  for (let i = start; i < end; i++) {
    const yes = yes_B[i - start];
    const unk = unknown_B[i - start];
    const no = ALL_TRAITS & ~(yes | unk);
    const refine = refine_B[i - start];
    const refNo = refine & 15;
    const refUnk = refine >> 4;
    const slot = candidateSlot(position[i], state[i]);
    const list = slot * CANDIDATES_BY;
    const candidates = candidateCount[slot];
    // High families in the low nibble, medium ones in the next (the BARRIER_CODE index).
    let levels = 0;
    for (let f = 0; f < 4; f++) levels |= LEVEL_BITS[barrier_level[i * 4 + f]] << f;

    let count = 0;
    for (let c = list; c < list + candidates; c++) {
      const req = requires[c];
      const not = notTrait[c];
      const refs = refinements[c];
      const matches = suitTrait[c] & yes;
      const ps = byPositionState[c];
      // Ruled out by a required trait, an excluding trait or a failed refinement; or no match.
      if ((req & no) | (not & yes) | (refs & refNo) || (matches | ps) === 0) continue;
      const k = instrument[c];
      // scoreCode(matches, position/state, high, medium, unknowns) as a sum of its parts.
      const code =
        (POPCOUNT[matches] * 4 + ps) * MATCH_STRIDE +
        BARRIER_CODE[(k << 8) | levels] +
        POPCOUNT[(req | not) & unk] +
        POPCOUNT[refs & refUnk];
      const score = SCORES[code];
      // Insertion sort, best first; equal scores stay in instrument order.
      let j = count++;
      while (j > 0 && score_R[j - 1] < score) {
        score_R[j] = score_R[j - 1];
        code_R[j] = code_R[j - 1];
        instrument_R[j] = instrument_R[j - 1];
        j--;
      }
      score_R[j] = score;
      code_R[j] = code;
      instrument_R[j] = k;
    }
    const base = i * W;
    for (let j = 0; j < count; j++) {
      rec_score[base + j] = code_R[j];
      rec_instrument[base + j] = instrument_R[j];
    }
    rec_count[i] = count;
  }
}
