/**
 * Pull and push by larger partners (Acs et al. 1997; review theme 5). A linked firm's major
 * customer goes abroad with a yearly probability; from then on the firm is pulled (and, when
 * most of its sales depend on that customer, pushed to defend its position). Firms without
 * links form one organically or through a programme (`effects.linkProbability`).
 */
import type { EffectColumns } from "../intervention.ts";
import type { Population } from "../population.ts";
import { mix32s, SLOT_MULT, STREAM, U32_TO_UNIT } from "../rng.ts";
import { checkRange, type StepContext } from "./context.ts";

// Local aliases: hot loops must not read imported bindings (a getter per call under tsx).
const hash = mix32s;
const MULT = SLOT_MULT;
const UNIT = U32_TO_UNIT;

export function partnerNetworks(pop: Population, effects: EffectColumns, ctx: StepContext): void {
  checkRange(ctx, pop.capacity);
  partnerNetworksKernel(pop, effects.linkProbability, ctx);
}

export function partnerNetworksKernel(
  pop: Population,
  linkProbability_N: Float64Array,
  ctx: StepContext,
): void {
  const { year, start, end, params: p, rng } = ctx;
  const pullKey = rng.key(year, STREAM.pullEvent);
  const linkKey = rng.key(year, STREAM.linkFormation);
  const { largeFirmLinks, clientPull } = pop;
  const pullP = p.pullEventProb;
  const organic = p.linkFormationProb;
  for (let i = start; i < end; i++) {
    if (largeFirmLinks[i] === 1) {
      if (clientPull[i] === 0 && (hash(pullKey ^ Math.imul(i + 1, MULT)) >>> 0) * UNIT < pullP) {
        clientPull[i] = 1;
      }
    } else {
      const prob = 1 - (1 - organic) * (1 - linkProbability_N[i]);
      if ((hash(linkKey ^ Math.imul(i + 1, MULT)) >>> 0) * UNIT < prob) largeFirmLinks[i] = 1;
    }
  }
}
