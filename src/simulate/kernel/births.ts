/**
 * Births, deaths and the domestic demand shock of one year over a range
 * (processes/demography.ts and processes/demand.ts, same draws and order): the firm-year pass
 * runs it tile by tile before the rest of the year. A newborn's static index is refreshed.
 */

import { LOGISTIC_TABLE } from "../fastmath.ts";
import type { Population } from "../population.ts";
import type { StepContext } from "../processes/context.ts";
import { mix32s, SLOT_MULT, STREAM, U32_TO_UNIT } from "../rng.ts";
import { type FounderCarryOver, synthesisKeys, synthesizeFirm } from "../synthesize.ts";
import { yearConstants } from "./constants.ts";
import { staticIndexRange } from "./static-index.ts";

const hash = mix32s;
const MULT = SLOT_MULT;
const UNIT = U32_TO_UNIT;
const LOGISTIC = LOGISTIC_TABLE;
const CARRY: FounderCarryOver = { restart: false, exportExperience: false };

/** Returns the number of deaths (= births); `born_N` gets 1 at refilled slots, 0 elsewhere. */
export function demographyAndDemand(
  pop: Population,
  born_N: Uint8Array,
  static_N: Float64Array,
  ctx: StepContext,
): number {
  const { year, start, end, params: p, rng } = ctx;
  const c = yearConstants(p);
  const deathKey = rng.key(year, STREAM.death);
  const restartKey = rng.key(year, STREAM.founderRestart);
  const demandKey = rng.key(year, STREAM.demand);
  const { founded, founderExportExperience, everExported, generation, firmId } = pop;
  const { domesticDemand, salesGrowth } = pop;
  const hazardByAge = c.hazardByAge;
  const lastAge = hazardByAge.length - 1;
  const restartProb = c.founderRestartProb;
  const rho = c.demandPersistence;
  const scale = c.demandShockScale;
  const elasticity = c.salesDemandElasticity;
  const capacity = pop.capacity;
  // Three tight loops (deaths; births; demand) instead of one with a rare synthesis call in
  // it: the call made the engine reload every column of the common path. Per firm the order
  // is the same (death draw, newborn synthesis, then the demand shock on the newborn's reset
  // demand), so the results are too.
  let deaths = 0;
  for (let i = start; i < end; i++) {
    const age = year - founded[i];
    const hazard = hazardByAge[age < 0 ? 0 : Math.min(age, lastAge)];
    const dies = (hash(deathKey ^ Math.imul(i + 1, MULT)) >>> 0) * UNIT < hazard ? 1 : 0;
    born_N[i] = dies;
    deaths += dies;
  }
  if (deaths > 0) {
    const keys = synthesisKeys(rng, year);
    const carry = CARRY;
    for (let i = start; i < end; i++) {
      if (born_N[i] === 0) continue;
      carry.restart = (hash(restartKey ^ Math.imul(i + 1, MULT)) >>> 0) * UNIT < restartProb;
      carry.exportExperience = everExported[i] === 1 || founderExportExperience[i] === 1;
      synthesizeFirm(pop, i, keys, year, 0, p, carry);
      generation[i] += 1;
      firmId[i] = i + generation[i] * capacity;
      staticIndexRange(pop, static_N, i, i + 1, c);
    }
  }
  for (let i = start; i < end; i++) {
    const before = domesticDemand[i];
    const after = rho * before + scale * LOGISTIC[hash(demandKey ^ Math.imul(i + 1, MULT)) >>> 20];
    domesticDemand[i] = after;
    salesGrowth[i] = elasticity * (after - before);
  }
  return deaths;
}
