import { POSITIONS, STATES } from "../../framework/index.ts";
import { INSTRUMENT_TABLE as T } from "./instruments.ts";
import { LEVEL_HIGH, LEVEL_MEDIUM, UNDETERMINED } from "./outputs.ts";
import { barrierCodePart } from "./scores.ts";

/** Bits set in each 16-bit value (trait, barrier and refinement sets all fit in 16 bits). */
export const POPCOUNT = Uint8Array.from({ length: 1 << 16 }, (_, x) => {
  let n = 0;
  for (let m = x; m !== 0; m &= m - 1) n++;
  return n;
});

/**
 * The instruments worth testing for each (position, state) slot, in instrument order: those
 * neither rules out and that can match at all (by position, state or some trait). Entry
 * `slot * CANDIDATES_BY + c` is the c-th candidate of a slot, with the instrument's masks and
 * whether the slot's position (bit 0) or state (bit 1) is one it suits.
 */
export interface CandidateTable {
  count: Uint8Array;
  instrument: Uint8Array;
  requires: Int32Array;
  notTrait: Int32Array;
  refinements: Int32Array;
  suitTrait: Int32Array;
  byPositionState: Uint8Array;
}

const P_SLOTS = POSITIONS.length + 1;
const S_SLOTS = STATES.length + 1;
export const CANDIDATES_BY = T.count;

/** The candidate slot of a position and a state code (UNDETERMINED has a slot of its own). */
export const candidateSlot = (pos: number, st: number): number =>
  (pos === UNDETERMINED ? P_SLOTS - 1 : pos) * S_SLOTS + (st === UNDETERMINED ? S_SLOTS - 1 : st);

function build(): CandidateTable {
  const size = P_SLOTS * S_SLOTS * CANDIDATES_BY;
  const t: CandidateTable = {
    count: new Uint8Array(P_SLOTS * S_SLOTS),
    instrument: new Uint8Array(size),
    requires: new Int32Array(size),
    notTrait: new Int32Array(size),
    refinements: new Int32Array(size),
    suitTrait: new Int32Array(size),
    byPositionState: new Uint8Array(size),
  };
  for (let pos = 0; pos < P_SLOTS; pos++) {
    for (let st = 0; st < S_SLOTS; st++) {
      const posBit = pos === P_SLOTS - 1 ? 0 : 1 << pos;
      const stBit = st === S_SLOTS - 1 ? 0 : 1 << st;
      const slot = pos * S_SLOTS + st;
      for (let k = 0; k < T.count; k++) {
        if (T.notPosition[k] & posBit || T.notState[k] & stBit) continue;
        const byPosition = T.suitPosition[k] & posBit ? 1 : 0;
        const byState = T.suitState[k] & stBit ? 2 : 0;
        if (byPosition === 0 && byState === 0 && T.suitTrait[k] === 0) continue;
        const at = slot * CANDIDATES_BY + t.count[slot]++;
        t.instrument[at] = k;
        t.requires[at] = T.requires[k];
        t.notTrait[at] = T.notTrait[k];
        t.refinements[at] = T.refinements[k];
        t.suitTrait[at] = T.suitTrait[k];
        t.byPositionState[at] = byPosition | byState;
      }
    }
  }
  return t;
}

export const CANDIDATES: CandidateTable = build();

/** Level code to bit: 1 for high, 16 for medium (shifted by the family index). */
export const LEVEL_BITS = new Uint8Array(4);
LEVEL_BITS[LEVEL_HIGH] = 1;
LEVEL_BITS[LEVEL_MEDIUM] = 16;

/**
 * The barrier part of each instrument's score code (`barrierCodePart` of its high and medium
 * families), by instrument and levels byte (high families in the low nibble, medium in the next).
 */
export const BARRIER_CODE = new Int32Array(T.count << 8);
for (let k = 0; k < T.count; k++) {
  const barriers = T.barriers[k];
  for (let levels = 0; levels < 256; levels++) {
    BARRIER_CODE[(k << 8) | levels] = barrierCodePart(
      POPCOUNT[barriers & levels & 15],
      POPCOUNT[barriers & (levels >> 4)],
    );
  }
}
