/**
 * Synthesis of firms from the documented distributions of params.ts. One function fills one
 * slot, so the initial population and every newborn come from the same code. Draws are hashes
 * keyed by (seed, replication, year, stream, slot), so a slot's firm does not depend on how
 * slots are split over threads. A newborn costs about as much as a few firm-years (a tenth of
 * the slots are refilled each year): parameters are read from a prepared record, each hash
 * gives two draws, and size uses the table exp and no log.
 */

import { EXP_GRID_TABLE, normalTable } from "./fastmath.ts";
import type { SimParams } from "./params.ts";
import type { Population } from "./population.ts";
import { type CounterRng, mix32s, SLOT_MULT, STREAM, U32_TO_UNIT } from "./rng.ts";

/**
 * Draw streams. Each 32-bit hash gives two 16-bit uniforms (low and high half; probabilities
 * resolved to 1/65,536) or a 12-bit normal quantile beside a 16-bit uniform or a second
 * normal, so a firm takes 10 hashes (11 for a newborn) instead of one per attribute.
 */
const S = {
  /** sector (low half), tradable (high half) */
  sectorTradable: 0,
  /** log size (top 12 bits, normal), tech intensity (low half) */
  sizeTech: 1,
  /** entrepreneur type (low), founder export experience (high) */
  entrepreneur: 2,
  /** same industry (low), links with larger firms (high) */
  industryLinks: 3,
  /** partner dependence (low), prefers control (high) */
  dependenceControl: 4,
  /** cluster (low), incubator (high) */
  clusterIncubator: 5,
  /** location (low), home economy (high) */
  locationHome: 6,
  /** shared barrier factor (top 12 bits, normal), sunk-cost concern (low half) */
  barrierCommon: 7,
  /** attitudinal (top 12 bits) and resource (bits 8-19) barrier noise, normal */
  barrier01: 8,
  /** operational and strategic barrier noise, as barrier01 */
  barrier23: 9,
  /** INV-like newborn (low half); newborns only */
  inv: 10,
  /** age of an initial firm (exponential) */
  age: 11,
} as const;
const N_KEYS = 12;
/** Number of synthesis streams (keys per year). */
export const SYNTH_STREAMS = N_KEYS;

/** The per-year keys of every synthesis stream (computed once per year, reused per slot). */
export function synthesisKeys(rng: CounterRng, year: number): Uint32Array {
  const keys = new Uint32Array(N_KEYS);
  for (let k = 0; k < N_KEYS; k++) keys[k] = rng.key(year, STREAM.synth + k);
  return keys;
}

/** Cumulative tech-intensity thresholds (low, then medium) by sector code; assumption. */
export const TECH_LOW_CUT = new Float64Array([0.05, 0.6, 0.4, 0.85, 0.7]);
export const TECH_MEDIUM_CUT = new Float64Array([0.4, 0.95, 0.8, 0.99, 0.95]);

/** The normal quantile table synthesis draws from. */
export const NORMAL_TABLE = normalTable();
const NQ = NORMAL_TABLE;
const UNIT = U32_TO_UNIT;
const HALF = 2 ** -16;
const MULT = SLOT_MULT;
const LOG_MAX_EMPLOYEES = Math.log(249);
const EXPG = EXP_GRID_TABLE.values;
const EXP_STEPS = EXP_GRID_TABLE.steps;
const EXP_MID = EXP_GRID_TABLE.mid;

/** What synthesis reads from the parameters, prepared once per parameter set. */
export interface SynthConstants {
  sectorCuts: Float64Array;
  tradableBySector: Float64Array;
  logNewborn: number;
  logMean: number;
  logSd: number;
  serialCut: number;
  portfolioCut: number;
  founderExpNovice: number;
  founderExpHabitual: number;
  sameIndustry: number;
  linkManufacturing: number;
  linkOther: number;
  dependence: number;
  control: number;
  cluster: number;
  incubatorKnowledge: number;
  incubatorOther: number;
  rural: number;
  smallOpen: number;
  barrierMean: number;
  barrierSd: number;
  invShare: number;
  founderKnowledge: number;
  salesPerEmployee: number;
}

let cachedFor: SimParams | null = null;
let cached: SynthConstants | null = null;

export function synthConstants(p: SimParams): SynthConstants {
  if (cachedFor === p && cached) return cached;
  const c1 = p.shareKnowledgeManufacturing;
  const c2 = c1 + p.shareTraditionalManufacturing;
  const c3 = c2 + p.shareBusinessServices;
  const c4 = c3 + p.shareConsumerServices;
  cached = {
    sectorCuts: new Float64Array([c1, c2, c3, c4]),
    tradableBySector: new Float64Array([
      p.tradableKnowledgeManufacturing,
      p.tradableTraditionalManufacturing,
      p.tradableBusinessServices,
      p.tradableConsumerServices,
      p.tradableOther,
    ]),
    logNewborn: Math.log(p.newbornEmployees),
    logMean: p.logEmployeesMean,
    logSd: p.logEmployeesSd,
    serialCut: p.shareSerial,
    portfolioCut: p.shareSerial + p.sharePortfolio,
    founderExpNovice: p.founderExportExperienceNovice,
    founderExpHabitual: p.founderExportExperienceHabitual,
    sameIndustry: p.founderSameIndustryProb,
    linkManufacturing: p.largeFirmLinkProbManufacturing,
    linkOther: p.largeFirmLinkProb,
    dependence: p.partnerDependenceGivenLink,
    control: p.prefersControlProb,
    cluster: p.clusterProb,
    incubatorKnowledge: p.incubatorProbKnowledge,
    incubatorOther: p.incubatorProbOther,
    rural: p.ruralShare,
    smallOpen: p.smallOpenShare,
    barrierMean: p.barrierMean,
    barrierSd: p.barrierSd,
    invShare: p.invShareOfNewborns,
    founderKnowledge: p.founderKnowledge,
    salesPerEmployee: p.salesPerEmployee,
  };
  cachedFor = p;
  return cached;
}

const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : Math.min(x, hi));

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
  const c = synthConstants(p);
  const mult = Math.imul(i + 1, MULT);
  const newborn = ageYears === 0;
  const inv = newborn && (mix32s(keys[S.inv] ^ mult) & 0xffff) * HALF < c.invShare;

  // Sector (INV-like newborns are knowledge-intensive manufacturers or business services).
  const h0 = mix32s(keys[S.sectorTradable] ^ mult);
  const us = (h0 & 0xffff) * HALF;
  const cuts = c.sectorCuts;
  const sector = inv
    ? us < 0.6
      ? 0
      : 2
    : us < cuts[0]
      ? 0
      : us < cuts[1]
        ? 1
        : us < cuts[2]
          ? 2
          : us < cuts[3]
            ? 3
            : 4;
  pop.sector[i] = sector;
  const tradable = inv || (h0 >>> 16) * HALF < c.tradableBySector[sector] ? 1 : 0;
  pop.tradable[i] = tradable;

  // Size: log employees within [log 1, log 249]; employees = exp of it (table exp).
  const h1 = mix32s(keys[S.sizeTech] ^ mult);
  const z = NQ[h1 >>> 20];
  const logSize = clamp(
    newborn ? c.logNewborn + 0.5 * z : c.logMean + c.logSd * z,
    0,
    LOG_MAX_EMPLOYEES,
  );
  const ey = logSize * EXP_STEPS;
  const ek = Math.floor(ey);
  const er = (ey - ek) * (1 / EXP_STEPS);
  const employees = EXPG[ek + EXP_MID] * (1 + er * (1 + er * (0.5 + er * (1 / 6 + er * (1 / 24)))));
  pop.employees[i] = employees;
  pop.logEmployees[i] = logSize;
  pop.founded[i] = year - ageYears;
  const ut = (h1 & 0xffff) * HALF;
  pop.techIntensity[i] = inv
    ? 2
    : ut < TECH_LOW_CUT[sector]
      ? 0
      : ut < TECH_MEDIUM_CUT[sector]
        ? 1
        : 2;

  const h2 = mix32s(keys[S.entrepreneur] ^ mult);
  const ue = (h2 & 0xffff) * HALF;
  const restart = carry?.restart === true;
  const type = restart ? 1 : ue < c.serialCut ? 1 : ue < c.portfolioCut ? 2 : 0;
  pop.entrepreneurType[i] = type;
  const fexpP = type === 0 ? c.founderExpNovice : c.founderExpHabitual;
  const founderExp =
    inv || (restart && carry.exportExperience) || (h2 >>> 16) * HALF < fexpP ? 1 : 0;
  pop.founderExportExperience[i] = founderExp;

  const h3 = mix32s(keys[S.industryLinks] ^ mult);
  pop.founderSameIndustry[i] = (h3 & 0xffff) * HALF < c.sameIndustry ? 1 : 0;
  const linkP = sector <= 1 ? c.linkManufacturing : c.linkOther;
  const linked = (h3 >>> 16) * HALF < linkP ? 1 : 0;
  pop.largeFirmLinks[i] = linked;
  const h4 = mix32s(keys[S.dependenceControl] ^ mult);
  pop.partnerDependence[i] = linked === 1 && (h4 & 0xffff) * HALF < c.dependence ? 1 : 0;
  pop.prefersControl[i] = (h4 >>> 16) * HALF < c.control ? 1 : 0;
  pop.clientPull[i] = 0;
  const h5 = mix32s(keys[S.clusterIncubator] ^ mult);
  pop.cluster[i] = (h5 & 0xffff) * HALF < c.cluster ? 1 : 0;
  const incP = sector === 0 || inv ? c.incubatorKnowledge : c.incubatorOther;
  pop.incubator[i] = (h5 >>> 16) * HALF < incP ? 1 : 0;
  const h6 = mix32s(keys[S.locationHome] ^ mult);
  pop.location[i] = (h6 & 0xffff) * HALF < c.rural ? 1 : 0;
  pop.homeEconomy[i] = (h6 >>> 16) * HALF < c.smallOpen ? 0 : 1;

  // Barriers share a firm factor (owners who see one barrier tend to see others): each family
  // is the shared factor plus family noise, clamped to 1..5.
  const h7 = mix32s(keys[S.barrierCommon] ^ mult);
  const h8 = mix32s(keys[S.barrier01] ^ mult);
  const h9 = mix32s(keys[S.barrier23] ^ mult);
  const sd = c.barrierSd;
  const m = c.barrierMean;
  const invShift = inv ? -1 : 0;
  const shared = 0.7 * NQ[h7 >>> 20];
  const fam0 = m + sd * (shared + 0.71 * NQ[h8 >>> 20]);
  const fam1 = m + sd * (shared + 0.71 * NQ[(h8 >>> 8) & 0xfff]);
  const fam2 = m + sd * (shared + 0.71 * NQ[h9 >>> 20]);
  const fam3 = m + sd * (shared + 0.71 * NQ[(h9 >>> 8) & 0xfff]);
  pop.barrierAttitudinal[i] = clamp(clamp(fam0, 1, 5) + invShift, 1, 5);
  pop.barrierResource[i] = clamp(fam1, 1, 5);
  pop.barrierOperational[i] = clamp(fam2, 1, 5);
  pop.barrierStrategic[i] = clamp(clamp(fam3, 1, 5) + invShift, 1, 5);
  pop.sunkCostConcern[i] = 1 + Math.floor((h7 & 0xffff) * HALF * 5);
  // The weight stays the slot's: a newborn stands for as many firms as the firm it replaces
  // (a register's survey weight), so the population a run represents keeps its size.

  resetDynamics(pop, i, founderExp === 1 ? c.founderKnowledge : 0);
  pop.sales[i] = pop.employees[i] * c.salesPerEmployee;
}

/** Resets the export history of slot i to a firm that never exported, with `knowledge`. */
function resetDynamics(pop: Population, i: number, knowledge: number): void {
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
  pop.knowledge[i] = knowledge;
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
    const u = (mix32s(ageKey ^ Math.imul(i + 1, MULT)) >>> 0) * UNIT;
    const age = 1 + Math.floor(-Math.log(1 - u) * p.meanAgeAtSynthesis);
    synthesizeFirm(pop, i, keys, year, age, p, null);
    pop.weight[i] = 1;
    pop.generation[i] = 0;
    pop.firmId[i] = i;
  }
  if (end > pop.n) pop.n = end;
}
