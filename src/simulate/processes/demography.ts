/**
 * Deaths and births. A firm dies with a hazard that falls with age (the liability of newness)
 * and does not depend on exporting, so a baseline and a reform keep the same firms alive and a
 * supported firm can be compared with itself unsupported. A dead firm's slot is refilled the
 * same year by a newborn; with some probability its founder starts the newborn and carries
 * the export experience over (habitual entrepreneurs; Westhead et al. 2005).
 */
import type { Population } from "../population.ts";
import { mix32s, SLOT_MULT, STREAM, U32_TO_UNIT } from "../rng.ts";
import { type FounderCarryOver, synthesisKeys, synthesizeFirm } from "../synthesize.ts";
import { checkRange, type StepContext } from "./context.ts";

// Local aliases: hot loops must not read imported bindings (a getter per call under tsx).
const hash = mix32s;
const MULT = SLOT_MULT;
const UNIT = U32_TO_UNIT;

const CARRY: FounderCarryOver = { restart: false, exportExperience: false };

/** Runs deaths and births for one year; returns the number of deaths (= births). */
export function demography(pop: Population, ctx: StepContext, born_N?: Uint8Array): number {
  checkRange(ctx, pop.capacity);
  return demographyKernel(pop, ctx, born_N);
}

/** `born_N`, when given, gets 1 at each refilled slot and 0 elsewhere in the range. */
export function demographyKernel(pop: Population, ctx: StepContext, born_N?: Uint8Array): number {
  const { year, start, end, params: p, rng } = ctx;
  const deathKey = rng.key(year, STREAM.death);
  const restartKey = rng.key(year, STREAM.founderRestart);
  const { founded, founderExportExperience, everExported, generation, firmId } = pop;
  const hazardByAge = hazardTable(p.deathHazardYoung, p.deathHazardMature, p.deathHazardDecayYears);
  const lastAge = hazardByAge.length - 1;
  let keys: Uint32Array | null = null;
  let deaths = 0;
  for (let i = start; i < end; i++) {
    const age = year - founded[i];
    const hazard = hazardByAge[age < 0 ? 0 : Math.min(age, lastAge)];
    // The low 20 bits of the year's demography draw (its top 12 bits are the demand shock).
    const u = (hash(deathKey ^ Math.imul(i + 1, MULT)) & 0xfffff) * 2 ** -20;
    if (born_N) born_N[i] = 0;
    if (u >= hazard) continue;
    // 2: the closing firm exported last year, an exit the survivors' exit rate does not count.
    if (born_N) born_N[i] = pop.exporting[i] !== 0 ? 2 : 1;
    deaths++;
    keys ??= synthesisKeys(rng, year);
    const restart = (hash(restartKey ^ Math.imul(i + 1, MULT)) >>> 0) * UNIT;
    // One reused carry-over record (synthesizeFirm reads it and keeps nothing).
    const carry = CARRY;
    carry.restart = restart < p.founderRestartProb;
    carry.exportExperience = everExported[i] === 1 || founderExportExperience[i] === 1;
    synthesizeFirm(pop, i, keys, year, 0, p, carry);
    generation[i] += 1;
    firmId[i] = i + generation[i] * pop.capacity;
  }
  return deaths;
}

/** Hazard by age 0..99: mature + (young - mature) * exp(-age / decay). */
function hazardTable(young: number, mature: number, decay: number): Float64Array {
  const table = new Float64Array(100);
  for (let a = 0; a < table.length; a++)
    table[a] = mature + (young - mature) * Math.exp(-a / decay);
  return table;
}
