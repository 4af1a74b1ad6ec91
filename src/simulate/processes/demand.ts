/**
 * Domestic demand shocks: a persistent AR(1) component per firm. Weak home demand pushes some
 * firms to export and strong demand brings them home (review theme 2). The change of the
 * component also moves sales (see performance.ts), so it is written to `salesGrowth` here and
 * the performance process adds the rest.
 */

import { logisticFromHash } from "../fastmath.ts";
import type { Population } from "../population.ts";
import { mix32s, SLOT_MULT, STREAM, U32_TO_UNIT } from "../rng.ts";
import { checkRange, type StepContext } from "./context.ts";

// Local aliases: hot loops must not read imported bindings (a getter per call under tsx).
const hash = mix32s;
const MULT = SLOT_MULT;
const _UNIT = U32_TO_UNIT;

export function domesticDemand(pop: Population, ctx: StepContext): void {
  checkRange(ctx, pop.capacity);
  domesticDemandKernel(pop.domesticDemand, pop.salesGrowth, ctx);
}

export function domesticDemandKernel(
  demand_N: Float32Array,
  growth_N: Float32Array,
  ctx: StepContext,
): void {
  const { year, start, end, params: p, rng } = ctx;
  // The demography draw's top 12 bits (its low 20 decide death: demography.ts).
  const key = rng.key(year, STREAM.death);
  const rho = p.demandPersistence;
  const scale = p.demandShockScale;
  const elasticity = p.salesDemandElasticity;
  for (let i = start; i < end; i++) {
    // Logistic shock from one uniform: log(u / (1 - u)).
    const before = demand_N[i];
    const after = rho * before + scale * logisticFromHash(hash(key ^ Math.imul(i + 1, MULT)));
    demand_N[i] = after;
    growth_N[i] = elasticity * (after - before);
  }
}
