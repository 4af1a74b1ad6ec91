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

// A recommendation's sort key packs its score's rank, its instrument (complemented, so that of
// two equal scores the earlier instrument sorts first, as a stable sort keeps them) and its
// score code into one small integer: ranking compares and moves one Int32 per slot.
const CODE_BITS = 11;
const INSTRUMENT_BITS = 5;
if (SCORES.length > 1 << CODE_BITS || RECOMMENDATION_WIDTH > 1 << INSTRUMENT_BITS) {
  throw new Error("recommendation sort keys overflow");
}
const INSTRUMENT_MAX = (1 << INSTRUMENT_BITS) - 1;
/** Rank of each score code's score among all scores (equal scores, equal ranks), shifted. */
const RANK_KEY = (() => {
  const values = [...new Set(SCORES)].sort((a, b) => a - b);
  const rank = new Map(values.map((v, r) => [v, r]));
  return Int32Array.from(SCORES, (v) => rank.get(v)! << (CODE_BITS + INSTRUMENT_BITS));
})();
/**
 * The candidate table interleaved, STRIDE entries per candidate so that one cache line holds
 * all of it: required traits | excluding traits << 16; suiting traits; refinements |
 * position/state bits << 4 | instrument << 8; and required | excluding traits (those whose
 * unknown answer lowers the confidence).
 */
const STRIDE = 4;
const PACKED = (() => {
  const t = CANDIDATES;
  if (ALL_TRAITS >= 1 << 16) throw new Error("trait sets overflow 16 bits");
  const packed = new Int32Array(t.instrument.length * STRIDE);
  for (let c = 0; c < t.instrument.length; c++) {
    if (t.refinements[c] >= 16) throw new Error("refinement sets overflow 4 bits");
    packed[c * STRIDE] = t.requires[c] | (t.notTrait[c] << 16);
    packed[c * STRIDE + 1] = t.suitTrait[c];
    packed[c * STRIDE + 2] =
      t.refinements[c] | (t.byPositionState[c] << 4) | (t.instrument[c] << 8);
    packed[c * STRIDE + 3] = t.requires[c] | t.notTrait[c];
  }
  return packed;
})();
/** One row's ranking while it is sorted, best first. */
const key_R = new Int32Array(RECOMMENDATION_WIDTH);

/**
 * Ranked recommendations over rows [start, end), given each row's trait and refinement bits
 * (`traitKernel`, block-local): every candidate instrument of the row's (position, state) is
 * tested with mask operations, scored as `recommend` scores it (noisy-or fit times confidence,
 * looked up by score code), and the suitable ones insertion-sorted by score into the row's slots
 * (ties keep instrument order), as integer keys. Reads position, state and barrier levels already written to `out`.
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
  const candidateCount = CANDIDATES.count;
  const packed = PACKED;
  // Module constants as locals: the loop then reads no module bindings.
  const keys = key_R;
  const rankKey = RANK_KEY;
  const popcount = POPCOUNT;
  const barrierCode = BARRIER_CODE;
  const levelBits = LEVEL_BITS;
  for (let i = start; i < end; i++) {
    const yes = yes_B[i - start];
    const unk = unknown_B[i - start];
    // Traits that must not be missing (low half) and must not hold (high half).
    const ruledOut = (ALL_TRAITS & ~(yes | unk)) | (yes << 16);
    const refine = refine_B[i - start];
    const refNo = refine & 15;
    const refUnk = refine >> 4;
    const slot = candidateSlot(position[i], state[i]);
    const list = slot * CANDIDATES_BY * STRIDE;
    const candidates = candidateCount[slot] * STRIDE;
    // High families in the low nibble, medium ones in the next (the BARRIER_CODE index).
    let levels = 0;
    for (let f = 0; f < 4; f++) levels |= levelBits[barrier_level[i * 4 + f]] << f;

    let count = 0;
    for (let c = list; c < list + candidates; c += STRIDE) {
      const misc = packed[c + 2];
      const refs = misc & 15;
      const ps = (misc >> 4) & 3;
      const matches = packed[c + 1] & yes;
      // Ruled out by a required trait, an excluding trait or a failed refinement; or no match.
      if ((packed[c] & ruledOut) | (refs & refNo) || (matches | ps) === 0) continue;
      const k = misc >> 8;
      // scoreCode(matches, position/state, high, medium, unknowns) as a sum of its parts.
      const code =
        (popcount[matches] * 4 + ps) * MATCH_STRIDE +
        barrierCode[(k << 8) | levels] +
        popcount[packed[c + 3] & unk] +
        popcount[refs & refUnk];
      const key = rankKey[code] | ((INSTRUMENT_MAX - k) << CODE_BITS) | code;
      // Insertion sort, best first (keys are distinct).
      let j = count++;
      while (j > 0 && keys[j - 1] < key) {
        keys[j] = keys[j - 1];
        j--;
      }
      keys[j] = key;
    }
    const base = i * W;
    for (let j = 0; j < count; j++) {
      const key = keys[j];
      rec_score[base + j] = key & ((1 << CODE_BITS) - 1);
      rec_instrument[base + j] = INSTRUMENT_MAX - ((key >> CODE_BITS) & INSTRUMENT_MAX);
    }
    rec_count[i] = count;
  }
}
