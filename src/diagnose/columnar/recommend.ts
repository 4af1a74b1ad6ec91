import { type ProfileColumns, UNKNOWN_CODE } from "../../firm/index.ts";
import {
  ENTREPRENEUR_TYPES,
  FIRM_TRAITS,
  type FirmTrait,
  POSITIONS,
  SECTORS,
  STATES,
  TECH_INTENSITIES,
} from "../../framework/index.ts";
import type { DiagnoseParams } from "../params.ts";
import { confidenceFor } from "../rule.ts";
import {
  HIGH_MISS,
  MEDIUM_MISS,
  POSITION_MISS,
  REFINE_LOW_SHARE,
  REFINE_YOUNG,
  STATE_MISS,
  INSTRUMENT_TABLE as T,
  TRAIT_MISS,
} from "./instruments.ts";
import {
  type DiagnosisColumns,
  LEVEL_HIGH,
  LEVEL_MEDIUM,
  LEVEL_UNKNOWN,
  RECOMMENDATION_WIDTH,
  UNDETERMINED,
} from "./outputs.ts";

const Y = 0;
const bit = (t: FirmTrait) => 1 << FIRM_TRAITS.indexOf(t);
const B_TRADABLE = bit("tradable");
const B_KNOWLEDGE = bit("knowledge_intensive");
const B_RESOURCE_POOR = bit("resource_poor");
const B_LINKS = bit("large_firm_links");
const B_PULL = bit("client_pull");
const B_DEPENDENT = bit("partner_dependent");
const B_CONTROL = bit("prefers_control");
const B_SUNK = bit("high_sunk_cost_concern");
const B_NOVICE = bit("novice_entrepreneur");
const B_HABITUAL = bit("habitual_entrepreneur");
const B_PORTFOLIO = bit("portfolio_entrepreneur");
const B_FOUNDER = bit("founder_export_experience");
const B_CLUSTER = bit("in_cluster");
const B_INCUBATOR = bit("in_incubator");
const B_SERVICES = bit("business_services");
const ALL_TRAITS = (1 << FIRM_TRAITS.length) - 1;
const HIGH_TECH = TECH_INTENSITIES.indexOf("high");
const KNOWLEDGE_MANUFACTURING = SECTORS.indexOf("knowledge_manufacturing");
const BUSINESS_SERVICES = SECTORS.indexOf("business_services");
const NOVICE = ENTREPRENEUR_TYPES.indexOf("novice");
const PORTFOLIO = ENTREPRENEUR_TYPES.indexOf("portfolio");
const CONFIDENCE = Float64Array.from({ length: 40 }, (_, k) => confidenceFor(k));
/** By tri code (0 yes, 1 no, 2 unknown): -1 (all bits) when the code matches, else 0. */
const YES_MASK = Int32Array.of(-1, 0, 0);
const UNKNOWN_MASK = Int32Array.of(0, 0, -1);

/** Bits set in each 16-bit value (trait, barrier and refinement sets all fit in 16 bits). */
const POPCOUNT = Uint8Array.from({ length: 1 << 16 }, (_, x) => {
  let n = 0;
  for (let m = x; m !== 0; m &= m - 1) n++;
  return n;
});

// The instruments worth testing for each (position, state), in instrument order: those not
// ruled out by either and able to match at all (by position, state or some trait).
const P_SLOTS = POSITIONS.length + 1;
const S_SLOTS = STATES.length + 1;
const candidateSlot = (pos: number, st: number) =>
  (pos === UNDETERMINED ? P_SLOTS - 1 : pos) * S_SLOTS + (st === UNDETERMINED ? S_SLOTS - 1 : st);
const CANDIDATES_BY = T.count;
const CANDIDATES = new Uint8Array(P_SLOTS * S_SLOTS * CANDIDATES_BY);
const CANDIDATE_COUNT = new Uint8Array(P_SLOTS * S_SLOTS);
for (let pos = 0; pos < P_SLOTS; pos++) {
  for (let st = 0; st < S_SLOTS; st++) {
    const posBit = pos === P_SLOTS - 1 ? 0 : 1 << pos;
    const stBit = st === S_SLOTS - 1 ? 0 : 1 << st;
    const slot = pos * S_SLOTS + st;
    for (let k = 0; k < T.count; k++) {
      if (T.notPosition[k] & posBit || T.notState[k] & stBit) continue;
      if (!(T.suitPosition[k] & posBit || T.suitState[k] & stBit || T.suitTrait[k])) continue;
      CANDIDATES[slot * CANDIDATES_BY + CANDIDATE_COUNT[slot]++] = k;
    }
  }
}

/** Level code to bit: 1 for high, 16 for medium (shifted by the family index). */
const LEVEL_BITS = new Uint8Array(4);
LEVEL_BITS[LEVEL_HIGH] = 1;
LEVEL_BITS[LEVEL_MEDIUM] = 16;
/**
 * The barrier part of each instrument's miss factor, by instrument and levels byte (high
 * families in the low nibble, medium in the next): the same product `recommend` forms.
 */
const BARRIER_MISS = new Float64Array(T.count << 8);
for (let k = 0; k < T.count; k++) {
  const barriers = T.barriers[k];
  for (let levels = 0; levels < 256; levels++) {
    BARRIER_MISS[(k << 8) | levels] =
      HIGH_MISS[POPCOUNT[barriers & levels & 15]] * MEDIUM_MISS[POPCOUNT[barriers & (levels >> 4)]];
  }
}
/** One row's ranking while it is sorted. */
const score_R = new Float64Array(RECOMMENDATION_WIDTH);
const instrument_R = new Uint8Array(RECOMMENDATION_WIDTH);

/**
 * Ranked recommendations over rows [start, end): each row's firm traits as two bit sets (yes,
 * unknown; the rest are no, as `traitValue` reads them), then every instrument tested with mask
 * operations and the suitable ones insertion-sorted by score into the row's slots (ties keep
 * instrument order, as in `recommend`). Reads position, state, barrier levels and the
 * export-history fact already written to `out`.
 */
export function recommendKernel(
  cols: ProfileColumns,
  params: DiagnoseParams,
  out: DiagnosisColumns,
  start: number,
  end: number,
): void {
  const W = RECOMMENDATION_WIDTH;
  const sunkHigh = params.sunk_cost_high;
  const maxAge = params.new_venture_max_age;
  const lowShare = params.intensity_low_share;
  const { tradable, tech_intensity, sector, large_firm_links, client_pull } = cols;
  const { partner_dependence, prefers_control, sunk_cost_concern, entrepreneur_type } = cols;
  const { founder_export_experience, cluster, incubator, founded, assessed, export_share } = cols;
  const { exported_ever, position, state, barrier_level, rec_instrument, rec_score } = out;
  const requiresK = T.requires;
  const notTraitK = T.notTrait;
  const refinementsK = T.refinements;
  const suitTrait = T.suitTrait;
  const suitPosition = T.suitPosition;
  const suitState = T.suitState;
  for (let i = start; i < end; i++) {
    // Tri codes map straight onto trait bits: YES_MASK / UNKNOWN_MASK are all ones or zero.
    const fromHistory = exported_ever[i] === Y ? Y : tradable[i];
    let yes = B_TRADABLE & YES_MASK[fromHistory];
    let unk = B_TRADABLE & UNKNOWN_MASK[fromHistory];
    const tech = tech_intensity[i];
    const sec = sector[i];
    if (tech === HIGH_TECH || sec === KNOWLEDGE_MANUFACTURING) yes |= B_KNOWLEDGE;
    else if (tech === UNKNOWN_CODE || sec === UNKNOWN_CODE) unk |= B_KNOWLEDGE;
    if (sec === UNKNOWN_CODE) unk |= B_SERVICES;
    else if (sec === BUSINESS_SERVICES) yes |= B_SERVICES;
    const resource = barrier_level[i * 4 + 1];
    if (resource === LEVEL_HIGH) yes |= B_RESOURCE_POOR;
    else if (resource === LEVEL_UNKNOWN) unk |= B_RESOURCE_POOR;
    let c = large_firm_links[i];
    yes |= B_LINKS & YES_MASK[c];
    unk |= B_LINKS & UNKNOWN_MASK[c];
    c = client_pull[i];
    yes |= B_PULL & YES_MASK[c];
    unk |= B_PULL & UNKNOWN_MASK[c];
    c = partner_dependence[i];
    yes |= B_DEPENDENT & YES_MASK[c];
    unk |= B_DEPENDENT & UNKNOWN_MASK[c];
    c = prefers_control[i];
    yes |= B_CONTROL & YES_MASK[c];
    unk |= B_CONTROL & UNKNOWN_MASK[c];
    const sunk = sunk_cost_concern[i];
    if (Number.isNaN(sunk)) unk |= B_SUNK;
    else if (sunk >= sunkHigh) yes |= B_SUNK;
    const ent = entrepreneur_type[i];
    if (ent === UNKNOWN_CODE) unk |= B_NOVICE | B_HABITUAL | B_PORTFOLIO;
    else
      yes |= ent === NOVICE ? B_NOVICE : ent === PORTFOLIO ? B_HABITUAL | B_PORTFOLIO : B_HABITUAL;
    c = founder_export_experience[i];
    yes |= B_FOUNDER & YES_MASK[c];
    unk |= B_FOUNDER & UNKNOWN_MASK[c];
    c = cluster[i];
    yes |= B_CLUSTER & YES_MASK[c];
    unk |= B_CLUSTER & UNKNOWN_MASK[c];
    c = incubator[i];
    yes |= B_INCUBATOR & YES_MASK[c];
    unk |= B_INCUBATOR & UNKNOWN_MASK[c];
    const no = ALL_TRAITS & ~(yes | unk);

    // Refinement tests as bit sets over REFINE_* (no, unknown).
    let refNo = 0;
    let refUnk = 0;
    const age = assessed[i] - founded[i];
    if (Number.isNaN(age)) refUnk |= 1 << REFINE_YOUNG;
    else if (!(age <= maxAge)) refNo |= 1 << REFINE_YOUNG;
    const share = export_share[i];
    if (Number.isNaN(share)) refUnk |= 1 << REFINE_LOW_SHARE;
    else if (!(share < lowShare)) refNo |= 1 << REFINE_LOW_SHARE;

    const pos = position[i];
    const st = state[i];
    const posBit = pos === UNDETERMINED ? 0 : 1 << pos;
    const stBit = st === UNDETERMINED ? 0 : 1 << st;
    const slot = candidateSlot(pos, st);
    const list = slot * CANDIDATES_BY;
    const candidates = CANDIDATE_COUNT[slot];
    // High families in the low nibble, medium ones in the next (the BARRIER_MISS index).
    let levels = 0;
    for (let f = 0; f < 4; f++) levels |= LEVEL_BITS[barrier_level[i * 4 + f]] << f;

    const base = i * W;
    let count = 0;
    for (let c = 0; c < candidates; c++) {
      const k = CANDIDATES[list + c];
      const requires = requiresK[k];
      const notTrait = notTraitK[k];
      if (requires & no || notTrait & yes) continue;
      const refs = refinementsK[k];
      if (refs & refNo) continue;
      const unknowns = POPCOUNT[(requires | notTrait) & unk] + POPCOUNT[refs & refUnk];
      const matches = suitTrait[k] & yes;
      let miss = TRAIT_MISS[POPCOUNT[matches]];
      const byPosition = suitPosition[k] & posBit;
      const byState = suitState[k] & stBit;
      if (byPosition) miss *= POSITION_MISS;
      if (byState) miss *= STATE_MISS;
      if (matches === 0 && byPosition === 0 && byState === 0) continue;
      miss *= BARRIER_MISS[(k << 8) | levels];
      const score = (1 - miss) * CONFIDENCE[unknowns];
      // Insertion sort, best first; equal scores stay in instrument order.
      let j = count++;
      while (j > 0 && score_R[j - 1] < score) {
        score_R[j] = score_R[j - 1];
        instrument_R[j] = instrument_R[j - 1];
        j--;
      }
      score_R[j] = score;
      instrument_R[j] = k;
    }
    for (let j = 0; j < count; j++) {
      rec_score[base + j] = score_R[j];
      rec_instrument[base + j] = instrument_R[j];
    }
    out.rec_count[i] = count;
  }
}
