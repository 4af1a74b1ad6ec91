/**
 * The lasting part of a programme's effects: lower barriers (information stays learnt), added
 * knowledge and mentoring that gives the entrepreneur export experience. Same-year cost offsets
 * are read directly by the export decision.
 */
import type { EffectColumns } from "../intervention.ts";
import type { Population } from "../population.ts";
import { mix32s, SLOT_MULT, STREAM, U32_TO_UNIT } from "../rng.ts";
import { checkRange, type StepContext } from "./context.ts";

// Local aliases: hot loops must not read imported bindings (a getter per call under tsx).
const hash = mix32s;
const MULT = SLOT_MULT;
const UNIT = U32_TO_UNIT;

export function applySupport(pop: Population, effects: EffectColumns, ctx: StepContext): void {
  checkRange(ctx, pop.capacity);
  applySupportKernel(pop, effects, ctx);
}

export function applySupportKernel(pop: Population, e: EffectColumns, ctx: StepContext): void {
  const { year, start, end, params: p, rng } = ctx;
  const key = rng.key(year, STREAM.mentoring);
  const { barrierReduction, learningBoost, mentoringExperience } = e;
  for (let i = start; i < end; i++) {
    const b = barrierReduction[i];
    if (b !== 0) {
      pop.barrierAttitudinal[i] = Math.max(1, pop.barrierAttitudinal[i] - b);
      pop.barrierResource[i] = Math.max(1, pop.barrierResource[i] - b);
      pop.barrierOperational[i] = Math.max(1, pop.barrierOperational[i] - b);
      pop.barrierStrategic[i] = Math.max(1, pop.barrierStrategic[i] - b);
    }
    if (learningBoost[i] !== 0) pop.knowledge[i] += learningBoost[i];
    const m = mentoringExperience[i];
    if (m !== 0 && pop.founderExportExperience[i] === 0) {
      if ((hash(key ^ Math.imul(i + 1, MULT)) >>> 0) * UNIT < m) {
        pop.founderExportExperience[i] = 1;
        pop.knowledge[i] += p.founderKnowledge;
      }
    }
  }
}
