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
const LOW20 = 0xfffff;
const UNIT20 = 2 ** -20;
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
  // One draw per firm: its low 20 bits decide death, its top 12 bits pick the demand shock
  // (processes/demography.ts, processes/demand.ts).
  const deathKey = rng.key(year, STREAM.death);
  const { founded, domesticDemand, salesGrowth, exporting } = pop;
  const hazardByAge = c.hazardByAge;
  const lastAge = hazardByAge.length - 1;
  const rho = c.demandPersistence;
  const scale = c.demandShockScale;
  const elasticity = c.salesDemandElasticity;
  // Two tight loops (deaths with the demand shock; births) instead of one with a rare
  // synthesis call in it: the call made the engine reload every column of the common path.
  // A newborn's demand is reset by synthesis and shocked again from the same draw, so per
  // firm the order is the reference's (death draw, newborn synthesis, demand shock).
  let deaths = 0;
  for (let i = start; i < end; i++) {
    const h = hash(deathKey ^ Math.imul(i + 1, MULT));
    const age = year - founded[i];
    const hazard = hazardByAge[age < 0 ? 0 : Math.min(age, lastAge)];
    const dies = (h & LOW20) * UNIT20 < hazard ? 1 : 0;
    // 2: the firm that closed exported last year (demography.ts says why).
    born_N[i] = dies === 0 ? 0 : exporting[i] !== 0 ? 2 : 1;
    deaths += dies;
    const before = domesticDemand[i];
    const after = rho * before + scale * LOGISTIC[h >>> 20];
    domesticDemand[i] = after;
    salesGrowth[i] = elasticity * (after - before);
  }
  if (deaths > 0) birthsInRange(pop, born_N, static_N, ctx);
  return deaths;
}

/**
 * Refills the slots of [start, end) flagged in `born_N` with newborns (synthesis, a new firm
 * id, the static index) and gives each its demand shock from the year's death draw.
 */
export function birthsInRange(
  pop: Population,
  born_N: Uint8Array,
  static_N: Float64Array,
  ctx: StepContext,
): void {
  const { year, start, end, params: p, rng } = ctx;
  const c = yearConstants(p);
  const deathKey = rng.key(year, STREAM.death);
  const restartKey = rng.key(year, STREAM.founderRestart);
  const { founderExportExperience, everExported, generation, firmId } = pop;
  const { domesticDemand, salesGrowth } = pop;
  const restartProb = c.founderRestartProb;
  const rho = c.demandPersistence;
  const scale = c.demandShockScale;
  const elasticity = c.salesDemandElasticity;
  const capacity = pop.capacity;
  const keys = synthesisKeys(rng, year);
  const carry = CARRY;
  for (let i = start; i < end; i++) {
    if (born_N[i] === 0) continue;
    const mult = Math.imul(i + 1, MULT);
    carry.restart = (hash(restartKey ^ mult) >>> 0) * UNIT < restartProb;
    carry.exportExperience = everExported[i] === 1 || founderExportExperience[i] === 1;
    synthesizeFirm(pop, i, keys, year, 0, p, carry);
    generation[i] += 1;
    firmId[i] = i + generation[i] * capacity;
    staticIndexRange(pop, static_N, i, i + 1, c);
    const before = domesticDemand[i];
    const after = rho * before + scale * LOGISTIC[hash(deathKey ^ mult) >>> 20];
    domesticDemand[i] = after;
    salesGrowth[i] = elasticity * (after - before);
  }
}
