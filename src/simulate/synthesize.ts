/**
 * Synthesis of firms from the documented distributions of params.ts. One function fills one
 * slot, so the initial population and every newborn come from the same code. Each attribute has
 * its own draw stream keyed by (seed, replication, year, slot), so a slot's firm does not depend
 * on how slots are split over threads.
 */

import { normalTable } from "./fastmath.ts";
import type { SimParams } from "./params.ts";
import type { Population } from "./population.ts";
import { type CounterRng, mix32s, SLOT_MULT, STREAM, U32_TO_UNIT, uniformAt } from "./rng.ts";

const S = {
  sector: 0,
  tradable: 1,
  size1: 2,
  size2: 3,
  age: 4,
  tech: 5,
  entrepreneur: 6,
  founderExp: 7,
  sameIndustry: 8,
  links: 9,
  dependence: 10,
  control: 11,
  cluster: 12,
  incubator: 13,
  location: 14,
  home: 15,
  barrierCommon1: 16,
  barrierCommon2: 17,
  barrier: 18, // 18..25 (two uniforms per family)
  concern: 26,
  inv: 27,
} as const;
const N_KEYS = 28;

/** The per-year keys of every synthesis stream (computed once per year, reused per slot). */
export function synthesisKeys(rng: CounterRng, year: number): Uint32Array {
  const keys = new Uint32Array(N_KEYS);
  for (let k = 0; k < N_KEYS; k++) keys[k] = rng.key(year, STREAM.synth + k);
  return keys;
}

/** Cumulative tech-intensity thresholds (low, then medium) by sector code; assumption. */
const TECH_LOW_CUT = [0.05, 0.6, 0.4, 0.85, 0.7];
const TECH_MEDIUM_CUT = [0.4, 0.95, 0.8, 0.99, 0.95];

/** Scratch for one firm's hashes, one per stream (module-level: synthesis is single-threaded). */
const H = new Int32Array(N_KEYS);
const NQ = normalTable();
const UNIT = U32_TO_UNIT;
const MULT = SLOT_MULT;

const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : Math.min(x, hi));

/** The streams synthesizeFirm reads for every firm (not age, size2, barrierCommon2, odd barrier slots, inv). */
const USED = new Uint8Array([
  S.sector,
  S.tradable,
  S.size1,
  S.tech,
  S.entrepreneur,
  S.founderExp,
  S.sameIndustry,
  S.links,
  S.dependence,
  S.control,
  S.cluster,
  S.incubator,
  S.location,
  S.home,
  S.barrierCommon1,
  S.barrier,
  S.barrier + 2,
  S.barrier + 4,
  S.barrier + 6,
  S.concern,
]);

let logMemoArg = Number.NaN;
let logMemo = Number.NaN;
/** Math.log of a parameter, computed once while the parameter does not change. */
function logOf(x: number): number {
  if (x !== logMemoArg) {
    logMemoArg = x;
    logMemo = Math.log(x);
  }
  return logMemo;
}

/** What a newborn inherits from the founder of the firm that died in its slot. */
export interface FounderCarryOver {
  /** The previous firm's founder starts this one (a serial entrepreneur). */
  restart: boolean;
  /** That founder's export experience (the dead firm exported, or the founder had before). */
  exportExperience: boolean;
}

/**
 * Fills slot `i` with a firm founded in `founded`. `ageYears` = 0 for a newborn. Dynamic state
 * is reset: never exported, knowledge from the founder only.
 */
export function synthesizeFirm(
  pop: Population,
  i: number,
  keys: Uint32Array,
  year: number,
  ageYears: number,
  p: SimParams,
  carry: FounderCarryOver | null,
): void {
  const mult = Math.imul(i + 1, MULT);
  // Only the streams read below are hashed (the others are reserved; skipping them changes
  // no draw); the INV stream only for newborns.
  for (let j = 0; j < USED.length; j++) {
    const k = USED[j];
    H[k] = mix32s(keys[k] ^ mult);
  }
  const newborn = ageYears === 0;
  if (newborn) H[S.inv] = mix32s(keys[S.inv] ^ mult);
  const inv = newborn && (H[S.inv] >>> 0) * UNIT < p.invShareOfNewborns;

  // Sector (INV-like newborns are knowledge-intensive manufacturers or business services).
  let sector: number;
  const us = (H[S.sector] >>> 0) * UNIT;
  if (inv) sector = us < 0.6 ? 0 : 2;
  else {
    const c1 = p.shareKnowledgeManufacturing;
    const c2 = c1 + p.shareTraditionalManufacturing;
    const c3 = c2 + p.shareBusinessServices;
    const c4 = c3 + p.shareConsumerServices;
    sector = us < c1 ? 0 : us < c2 ? 1 : us < c3 ? 2 : us < c4 ? 3 : 4;
  }
  pop.sector[i] = sector;
  const tradableP =
    sector === 0
      ? p.tradableKnowledgeManufacturing
      : sector === 1
        ? p.tradableTraditionalManufacturing
        : sector === 2
          ? p.tradableBusinessServices
          : sector === 3
            ? p.tradableConsumerServices
            : p.tradableOther;
  pop.tradable[i] = inv || (H[S.tradable] >>> 0) * UNIT < tradableP ? 1 : 0;

  const logSize = newborn
    ? logOf(p.newbornEmployees) + 0.5 * NQ[H[S.size1] >>> 20]
    : p.logEmployeesMean + p.logEmployeesSd * NQ[H[S.size1] >>> 20];
  pop.employees[i] = clamp(Math.exp(logSize), 1, 249);
  pop.logEmployees[i] = Math.log(pop.employees[i]);
  pop.founded[i] = year - ageYears;

  const ut = (H[S.tech] >>> 0) * UNIT;
  const lowCut = TECH_LOW_CUT[sector];
  const mediumCut = TECH_MEDIUM_CUT[sector];
  pop.techIntensity[i] = inv ? 2 : ut < lowCut ? 0 : ut < mediumCut ? 1 : 2;

  const ue = (H[S.entrepreneur] >>> 0) * UNIT;
  let type = ue < p.shareSerial ? 1 : ue < p.shareSerial + p.sharePortfolio ? 2 : 0;
  if (carry?.restart) type = 1;
  pop.entrepreneurType[i] = type;
  const fexpP = type === 0 ? p.founderExportExperienceNovice : p.founderExportExperienceHabitual;
  pop.founderExportExperience[i] =
    inv || (carry?.restart && carry.exportExperience) || (H[S.founderExp] >>> 0) * UNIT < fexpP
      ? 1
      : 0;
  pop.founderSameIndustry[i] = (H[S.sameIndustry] >>> 0) * UNIT < p.founderSameIndustryProb ? 1 : 0;

  const linkP = sector <= 1 ? p.largeFirmLinkProbManufacturing : p.largeFirmLinkProb;
  const linked = (H[S.links] >>> 0) * UNIT < linkP;
  pop.largeFirmLinks[i] = linked ? 1 : 0;
  pop.partnerDependence[i] =
    linked && (H[S.dependence] >>> 0) * UNIT < p.partnerDependenceGivenLink ? 1 : 0;
  pop.clientPull[i] = 0;
  pop.prefersControl[i] = (H[S.control] >>> 0) * UNIT < p.prefersControlProb ? 1 : 0;
  pop.cluster[i] = (H[S.cluster] >>> 0) * UNIT < p.clusterProb ? 1 : 0;
  const incP = sector === 0 || inv ? p.incubatorProbKnowledge : p.incubatorProbOther;
  pop.incubator[i] = (H[S.incubator] >>> 0) * UNIT < incP ? 1 : 0;
  pop.location[i] = (H[S.location] >>> 0) * UNIT < p.ruralShare ? 1 : 0;
  pop.homeEconomy[i] = (H[S.home] >>> 0) * UNIT < p.smallOpenShare ? 0 : 1;

  // Barriers share a firm factor (owners who see one barrier tend to see others).
  const common = NQ[H[S.barrierCommon1] >>> 20];
  const sd = p.barrierSd;
  const invShift = inv ? -1 : 0;
  const m = p.barrierMean;
  // Each family: the shared factor plus family noise, clamped to 1..5.
  const shared = 0.7 * common;
  const fam0 = m + sd * (shared + 0.71 * NQ[H[S.barrier] >>> 20]);
  const fam1 = m + sd * (shared + 0.71 * NQ[H[S.barrier + 2] >>> 20]);
  const fam2 = m + sd * (shared + 0.71 * NQ[H[S.barrier + 4] >>> 20]);
  const fam3 = m + sd * (shared + 0.71 * NQ[H[S.barrier + 6] >>> 20]);
  pop.barrierAttitudinal[i] = clamp(clamp(fam0, 1, 5) + invShift, 1, 5);
  pop.barrierResource[i] = clamp(fam1, 1, 5);
  pop.barrierOperational[i] = clamp(fam2, 1, 5);
  pop.barrierStrategic[i] = clamp(clamp(fam3, 1, 5) + invShift, 1, 5);
  pop.sunkCostConcern[i] = 1 + Math.floor((H[S.concern] >>> 0) * UNIT * 5);
  pop.weight[i] = 1;

  resetDynamics(pop, i, p);
  pop.sales[i] = pop.employees[i] * p.salesPerEmployee;
}

/** Resets the export history of slot i to a firm that never exported. */
export function resetDynamics(pop: Population, i: number, p: SimParams): void {
  pop.alive[i] = 1;
  pop.exporting[i] = 0;
  pop.exportHistory[i] = 0;
  pop.yearsExported[i] = 0;
  pop.spellYears[i] = 0;
  pop.yearsSinceExit[i] = -1;
  pop.everExported[i] = 0;
  pop.firstExportYear[i] = -1;
  pop.lastExportYear[i] = -1;
  pop.reentered[i] = 0;
  pop.plansToExport[i] = 0;
  pop.suspended[i] = 0;
  pop.exportShare[i] = 0;
  pop.markets[i] = 0;
  pop.state[i] = 0;
  pop.position[i] = 0;
  pop.knowledge[i] = pop.founderExportExperience[i] ? p.founderKnowledge : 0;
  pop.domesticDemand[i] = 0;
  pop.salesGrowth[i] = 0;
}

/** Synthesizes slots [start, end) of an initial population observed in `year`. */
export function synthesizeRange(
  pop: Population,
  start: number,
  end: number,
  year: number,
  p: SimParams,
  rng: CounterRng,
): void {
  const keys = synthesisKeys(rng, year);
  const ageKey = keys[S.age];
  for (let i = start; i < end; i++) {
    const age = 1 + Math.floor(-Math.log(1 - uniformAt(ageKey, i)) * p.meanAgeAtSynthesis);
    synthesizeFirm(pop, i, keys, year, age, p, null);
    pop.generation[i] = 0;
    pop.firmId[i] = i;
  }
  if (end > pop.n) pop.n = end;
}
