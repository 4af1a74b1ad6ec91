/**
 * Births, deaths and the domestic demand shock of one year over a range, in one loop
 * (processes/demography.ts and processes/demand.ts, same draws and order): the firm-year pass
 * runs it tile by tile before the rest of the year.
 */

import { LOGISTIC_TABLE } from "../fastmath.ts";
import type { Population } from "../population.ts";
import type { StepContext } from "../processes/context.ts";
import { mix32s, SLOT_MULT, STREAM, U32_TO_UNIT } from "../rng.ts";
import { type FounderCarryOver, synthesisKeys, synthesizeFirm } from "../synthesize.ts";
import { yearConstants } from "./constants.ts";

const hash = mix32s;
const MULT = SLOT_MULT;
const UNIT = U32_TO_UNIT;
const LOGISTIC = LOGISTIC_TABLE;
const CARRY: FounderCarryOver = { restart: false, exportExperience: false };

/** Returns the number of deaths (= births); `born_N` gets 1 at refilled slots, 0 elsewhere. */
export function demographyAndDemand(pop: Population, born_N: Uint8Array, ctx: StepContext): number {
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
  let keys: Uint32Array | null = null;
  let deaths = 0;
  for (let i = start; i < end; i++) {
    const mult = Math.imul(i + 1, MULT);
    const age = year - founded[i];
    const hazard = hazardByAge[age < 0 ? 0 : Math.min(age, lastAge)];
    if ((hash(deathKey ^ mult) >>> 0) * UNIT >= hazard) born_N[i] = 0;
    else {
      born_N[i] = 1;
      deaths++;
      keys ??= synthesisKeys(rng, year);
      const carry = CARRY;
      carry.restart = (hash(restartKey ^ mult) >>> 0) * UNIT < restartProb;
      carry.exportExperience = everExported[i] === 1 || founderExportExperience[i] === 1;
      synthesizeFirm(pop, i, keys, year, 0, p, carry);
      generation[i] += 1;
      firmId[i] = i + generation[i] * capacity;
    }
    const before = domesticDemand[i];
    const after = rho * before + scale * LOGISTIC[hash(demandKey ^ mult) >>> 20];
    domesticDemand[i] = after;
    salesGrowth[i] = elasticity * (after - before);
  }
  return deaths;
}
