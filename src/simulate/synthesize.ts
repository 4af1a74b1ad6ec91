/**
 * Synthesis of firms from the documented distributions of params.ts. One function fills one
 * slot, so the initial population and every newborn come from the same code. Each attribute has
 * its own draw stream keyed by (seed, replication, year, slot), so a slot's firm does not depend
 * on how slots are split over threads.
 */

import { normalFromHash } from "./fastmath.ts";
import type { SimParams } from "./params.ts";
import type { Population } from "./population.ts";
import { type CounterRng, mix32s, SLOT_MULT, STREAM, uniformAt } from "./rng.ts";

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

/** A standard normal draw for one slot (one hash, a quantile table; the second key is unused). */
function normal(keys: Uint32Array, a: number, _b: number, slot: number): number {
  return normalFromHash(mix32s(keys[a] ^ Math.imul(slot + 1, SLOT_MULT)));
}

/** Cumulative tech-intensity thresholds (low, then medium) by sector code; assumption. */
const TECH_LOW_CUT = [0.05, 0.6, 0.4, 0.85, 0.7];
const TECH_MEDIUM_CUT = [0.4, 0.95, 0.8, 0.99, 0.95];

function draw(keys: Uint32Array, k: number, slot: number): number {
  return uniformAt(keys[k], slot);
}

/** One barrier family: a firm factor shared by the families plus family noise, clamped 1..5. */
function barrier(
  keys: Uint32Array,
  k: number,
  i: number,
  mean: number,
  sd: number,
  common: number,
): number {
  const own = normal(keys, S.barrier + 2 * k, S.barrier + 2 * k + 1, i);
  return clamp(mean + sd * (0.7 * common + 0.71 * own), 1, 5);
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
  const newborn = ageYears === 0;
  const inv = newborn && draw(keys, S.inv, i) < p.invShareOfNewborns;

  // Sector (INV-like newborns are knowledge-intensive manufacturers or business services).
  let sector: number;
  const us = draw(keys, S.sector, i);
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
  pop.tradable[i] = inv || draw(keys, S.tradable, i) < tradableP ? 1 : 0;

  const logSize = newborn
    ? Math.log(p.newbornEmployees) + 0.5 * normal(keys, S.size1, S.size2, i)
    : p.logEmployeesMean + p.logEmployeesSd * normal(keys, S.size1, S.size2, i);
  pop.employees[i] = clamp(Math.exp(logSize), 1, 249);
  pop.logEmployees[i] = Math.log(pop.employees[i]);
  pop.founded[i] = year - ageYears;

  const ut = draw(keys, S.tech, i);
  const lowCut = TECH_LOW_CUT[sector];
  const mediumCut = TECH_MEDIUM_CUT[sector];
  pop.techIntensity[i] = inv ? 2 : ut < lowCut ? 0 : ut < mediumCut ? 1 : 2;

  const ue = draw(keys, S.entrepreneur, i);
  let type = ue < p.shareSerial ? 1 : ue < p.shareSerial + p.sharePortfolio ? 2 : 0;
  if (carry?.restart) type = 1;
  pop.entrepreneurType[i] = type;
  const fexpP = type === 0 ? p.founderExportExperienceNovice : p.founderExportExperienceHabitual;
  pop.founderExportExperience[i] =
    inv || (carry?.restart && carry.exportExperience) || draw(keys, S.founderExp, i) < fexpP
      ? 1
      : 0;
  pop.founderSameIndustry[i] = draw(keys, S.sameIndustry, i) < p.founderSameIndustryProb ? 1 : 0;

  const linkP = sector <= 1 ? p.largeFirmLinkProbManufacturing : p.largeFirmLinkProb;
  const linked = draw(keys, S.links, i) < linkP;
  pop.largeFirmLinks[i] = linked ? 1 : 0;
  pop.partnerDependence[i] =
    linked && draw(keys, S.dependence, i) < p.partnerDependenceGivenLink ? 1 : 0;
  pop.clientPull[i] = 0;
  pop.prefersControl[i] = draw(keys, S.control, i) < p.prefersControlProb ? 1 : 0;
  pop.cluster[i] = draw(keys, S.cluster, i) < p.clusterProb ? 1 : 0;
  const incP = sector === 0 || inv ? p.incubatorProbKnowledge : p.incubatorProbOther;
  pop.incubator[i] = draw(keys, S.incubator, i) < incP ? 1 : 0;
  pop.location[i] = draw(keys, S.location, i) < p.ruralShare ? 1 : 0;
  pop.homeEconomy[i] = draw(keys, S.home, i) < p.smallOpenShare ? 0 : 1;

  // Barriers share a firm factor (owners who see one barrier tend to see others).
  const common = normal(keys, S.barrierCommon1, S.barrierCommon2, i);
  const sd = p.barrierSd;
  const invShift = inv ? -1 : 0;
  const m = p.barrierMean;
  pop.barrierAttitudinal[i] = clamp(barrier(keys, 0, i, m, sd, common) + invShift, 1, 5);
  pop.barrierResource[i] = barrier(keys, 1, i, m, sd, common);
  pop.barrierOperational[i] = barrier(keys, 2, i, m, sd, common);
  pop.barrierStrategic[i] = clamp(barrier(keys, 3, i, m, sd, common) + invShift, 1, 5);
  pop.sunkCostConcern[i] = 1 + Math.floor(draw(keys, S.concern, i) * 5);
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
