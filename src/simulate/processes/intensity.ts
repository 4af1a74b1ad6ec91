/**
 * Export intensity and number of markets. A new spell starts small and in one market; a
 * continuing exporter's share moves towards a target that is higher for technology-intensive
 * firms (Autio et al. 2000; Westhead et al. 2004a) and stays a small share of sales on average
 * (Westhead et al. 2002). Knowledge makes adding markets more likely; more markets make a
 * continuing exporter less likely to stop (export-decision.ts).
 */
import type { Population } from "../population.ts";
import { mix32s, SLOT_MULT, STREAM, U32_TO_UNIT } from "../rng.ts";
import { checkRange, type StepContext } from "./context.ts";
import { TRANSITION } from "./export-decision.ts";

// Local aliases: hot loops must not read imported bindings (a getter per call under tsx).
const hash = mix32s;
const MULT = SLOT_MULT;
const UNIT = U32_TO_UNIT;

export function intensityAndMarkets(
  pop: Population,
  transition_N: Uint8Array,
  ctx: StepContext,
): void {
  checkRange(ctx, pop.capacity);
  intensityKernel(pop, transition_N, ctx);
}

export function intensityKernel(pop: Population, transition_N: Uint8Array, ctx: StepContext): void {
  const { year, start, end, params: p, rng } = ctx;
  const noiseKey = rng.key(year, STREAM.intensity);
  const downKey = rng.key(year, STREAM.marketsDown);
  const { exportShare, markets, techIntensity, knowledge } = pop;
  const targets = new Float64Array([
    p.intensityTarget,
    0.5 * (p.intensityTarget + p.intensityTargetHighTech),
    p.intensityTargetHighTech,
  ]);
  const startHigh = Math.max(p.intensityStart, 0.6 * p.intensityTargetHighTech);
  const adj = p.intensityAdjustment;
  const noise = 2 * p.intensityNoise;
  const maxM = p.maxMarkets;
  const startLow = p.intensityStart;
  const addProb = p.marketAddProb;
  const dropProb = p.marketDropProb;
  for (let i = start; i < end; i++) {
    const tr = transition_N[i];
    if (tr === TRANSITION.entry || tr === TRANSITION.reentry) {
      exportShare[i] = techIntensity[i] === 2 ? startHigh : startLow;
      markets[i] = 1;
    } else if (tr === TRANSITION.continuing) {
      // One draw: low half for the share noise, high half for adding a market.
      const h = hash(noiseKey ^ Math.imul(i + 1, MULT));
      const u = (h & 0xffff) * 2 ** -16;
      const s =
        exportShare[i] + adj * (targets[techIntensity[i]] - exportShare[i]) + noise * (u - 0.5);
      exportShare[i] = s < 0.01 ? 0.01 : Math.min(s, 1);
      const up = (h >>> 16) * 2 ** -16;
      const m = markets[i];
      if (up < addProb * (1 + 0.05 * knowledge[i]) && m < maxM) markets[i] = m + 1;
      else if (m > 1 && (hash(downKey ^ Math.imul(i + 1, MULT)) >>> 0) * UNIT < dropProb) {
        markets[i] = m - 1;
      }
    }
  }
}
