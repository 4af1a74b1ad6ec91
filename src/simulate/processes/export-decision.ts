/**
 * The export decision, a state-dependent choice with sunk and fixed costs (Roberts & Tybout
 * 1997; Das, Roberts & Tybout 2007). A firm exports when its latent export profit, minus this
 * year's costs, plus a logistic shock is positive. A firm that exported last year pays only the
 * fixed cost; any other pays the sunk entry cost on top, so past exporters are far more likely
 * to export (hysteresis). The sunk cost
 *  - is perceived larger by owners who worry about it (sunk cost concern),
 *  - falls with export knowledge (learning lowers sunk costs; review theme 2),
 *  - is only partly lost after an exit, and less so soon after it: the lost share is
 *    1 - (1 - depreciation)^(years out), slower while suspended (O'Farrell et al. 1998),
 *  - is partly carried by a larger partner that pulls the firm abroad (piggy-back).
 * Business-services exporters see their foreign project end with some probability; they then
 * stop this year and most stay suspended, expecting repeat business (O'Farrell et al. 1998).
 * Past exporters that stop decide whether they plan to return (Crick 2004). Some first-time
 * exporters discover barriers only after they start (EIM 2005): their barrier scores rise.
 *
 * Writes `exporting`, the export history and spell counters, and a transition code per slot.
 * Also writes, per slot, the hysteresis of this year: P(export | exported last year) -
 * P(export | not), all else equal, which the calibration compares with estimates.
 */

import { EXP_NEG_TABLE, LOG_SMALL_TABLE, SIGMOID_TABLE, sigmoid } from "../fastmath.ts";
import type { EffectColumns } from "../intervention.ts";
import { type ColumnAllocator, HEAP_COLUMNS, type Population } from "../population.ts";
import { mix32s, SLOT_MULT, STREAM, U32_TO_UNIT } from "../rng.ts";
import { checkRange, type StepContext } from "./context.ts";
import { exportIndexKernel } from "./export-index.ts";

// Local aliases: hot loops must not read imported bindings (a getter per call under tsx).
const hash = mix32s;
const MULT = SLOT_MULT;
const UNIT = U32_TO_UNIT;

/** Transition codes written by the decision, one per slot. */
export const TRANSITION = {
  /** Not exporting last year nor this year. */
  none: 0,
  /** First export ever. */
  entry: 1,
  continuing: 2,
  /** Stopped this year (not a project end). */
  exit: 3,
  /** Exporting again after a gap. */
  reentry: 4,
  /** Stopped this year between foreign projects, expecting repeat business. */
  suspension: 5,
} as const;

export interface DecisionScratch {
  transition_N: Uint8Array;
  /** P(export | exported last year) - P(export | not); NaN when the offer is not tradable. */
  hysteresis_N: Float32Array;
  /** Years since the last export before this decision (0: exported last year or never; max 255). */
  gapBefore_N: Uint8Array;
  /** Markets served before this decision. */
  marketsBefore_N: Uint16Array;
  /** Latent export profit before markets, plans and costs (export-index.ts). */
  index_N: Float64Array;
}

export function allocateDecisionScratch(
  capacity: number,
  alloc: ColumnAllocator = HEAP_COLUMNS,
): DecisionScratch {
  return {
    transition_N: alloc.u8(capacity),
    hysteresis_N: alloc.f32(capacity),
    gapBefore_N: alloc.u8(capacity),
    marketsBefore_N: alloc.u16(capacity),
    index_N: alloc.f64(capacity),
  };
}

export function exportDecision(
  pop: Population,
  effects: EffectColumns,
  scratch: DecisionScratch,
  ctx: StepContext,
): void {
  checkRange(ctx, pop.capacity);
  exportDecisionKernel(pop, effects, scratch, ctx);
}

const BUSINESS_SERVICES = 2;
const SIG = SIGMOID_TABLE.values;
const SIG_OFFSET = SIGMOID_TABLE.offset;
const SIG_SCALE = SIGMOID_TABLE.scale;
const SIG_LAST = SIGMOID_TABLE.last;
const EXP = EXP_NEG_TABLE.values;
const EXP_SCALE = EXP_NEG_TABLE.scale;
const EXP_LAST = EXP_NEG_TABLE.last;
const LOG_SMALL = LOG_SMALL_TABLE;

export function exportDecisionKernel(
  pop: Population,
  e: EffectColumns,
  scratch: DecisionScratch,
  ctx: StepContext,
): void {
  const { year, start, end, params: p, rng } = ctx;
  const decisionKey = rng.key(year, STREAM.decision);
  const projectKey = rng.key(year, STREAM.projectEnd);
  const plansKey = rng.key(year, STREAM.plans);
  const discoveryKey = rng.key(year, STREAM.discovery);
  const { transition_N, hysteresis_N, gapBefore_N, marketsBefore_N, index_N } = scratch;
  exportIndexKernel(pop, index_N, ctx);
  const {
    tradable,
    exporting,
    exportHistory,
    sector,
    clientPull,
    barrierResource,
    barrierOperational,
    barrierStrategic,
    sunkCostConcern,
    knowledge,
    markets,
    everExported,
    plansToExport,
    suspended,
    yearsSinceExit,
    spellYears,
    yearsExported,
    firstExportYear,
    lastExportYear,
    reentered,
  } = pop;
  const { sunkCostOffset, fixedCostOffset } = e;
  const sunk0 = p.sunkEntryCost;
  const fixed0 = p.fixedExportCost;
  // Share of the sunk investment lost after g years out: 1 - (1 - depreciation)^g.
  const { lost, lostSuspended } = lossTables(p.sunkDepreciation, p.suspendedDepreciation);

  // Parameters as locals: the params object has too many keys for fast property access.
  const barrierDiscoveryProb = p.barrierDiscoveryProb;
  const barrierDiscoveryPoints = p.barrierDiscoveryPoints;
  const _effectBarrier = p.effectBarrier;
  const _effectCluster = p.effectCluster;
  const _effectDomesticDemand = p.effectDomesticDemand;
  const _effectFounderExportExperience = p.effectFounderExportExperience;
  const _effectIncubator = p.effectIncubator;
  const _effectKnowledge = p.effectKnowledge;
  const _effectLinks = p.effectLinks;
  const _effectLogEmployees = p.effectLogEmployees;
  const effectLogMarkets = p.effectLogMarkets;
  const effectPlans = p.effectPlans;
  const _effectPull = p.effectPull;
  const _effectPush = p.effectPush;
  const _effectRural = p.effectRural;
  const _effectSameIndustry = p.effectSameIndustry;
  const _effectSmallOpen = p.effectSmallOpen;
  const _effectYoung = p.effectYoung;
  const _intercept = p.intercept;
  const knowledgeCostReduction = p.knowledgeCostReduction;
  const plansBase = p.plansBase;
  const plansPerKnowledge = p.plansPerKnowledge;
  const projectEndProb = p.projectEndProb;
  const pullCostShare = p.pullCostShare;
  const repeatBusinessProb = p.repeatBusinessProb;
  const sunkCostConcernScale = p.sunkCostConcernScale;
  for (let i = start; i < end; i++) {
    const last = exporting[i];
    exportHistory[i] = ((exportHistory[i] << 1) | last) >>> 0;
    const gap = yearsSinceExit[i];
    gapBefore_N[i] = gap <= 0 ? 0 : Math.min(gap, 255);
    marketsBefore_N[i] = markets[i];
    if (tradable[i] === 0) {
      exporting[i] = 0;
      transition_N[i] = TRANSITION.none;
      hysteresis_N[i] = Number.NaN;
      continue;
    }
    // Latent export profit, computed by export-index.ts for the whole tile.
    let index = index_N[i];
    const pulled = clientPull[i];
    const ever = everExported[i];
    // contIndex = index + effectLogMarkets * logCount(markets[i])
    const m = markets[i];
    const contIndex = index + effectLogMarkets * (m < 256 ? LOG_SMALL[m] : Math.log(m));
    if (!last && ever && plansToExport[i]) index += effectPlans;

    // Costs: a continuing exporter pays the fixed cost; any other also pays the sunk cost.
    const fixed = fixed0 - fixedCostOffset[i];
    let sunk = sunk0 * (1 + sunkCostConcernScale * (sunkCostConcern[i] - 3));
    // sunk *= expNeg(knowledgeCostReduction * knowledge[i]), inlined (calls here would box).
    const ky = knowledgeCostReduction * knowledge[i] * EXP_SCALE;
    if (ky > 0) {
      if (ky >= EXP_LAST) sunk *= Math.exp(-ky / EXP_SCALE);
      else {
        const k = ky | 0;
        sunk *= EXP[k] + (ky - k) * (EXP[k + 1] - EXP[k]);
      }
    }
    if (ever && !last) sunk *= suspended[i] ? lostSuspended[gapBefore_N[i]] : lost[gapBefore_N[i]];
    if (pulled) sunk *= 1 - pullCostShare;
    sunk = Math.max(0, sunk - sunkCostOffset[i]);

    // pStay = sigmoid(contIndex - fixed); pStart = sigmoid(index - fixed - sunk), inlined.
    // Clamped to the table, so the saturated ends take the same (branch-free) path: there
    // x - k = 0 and the value is exactly the end entry.
    let x = (contIndex - fixed + SIG_OFFSET) * SIG_SCALE;
    x = x > 0 ? Math.min(x, SIG_LAST) : 0;
    let k = x | 0;
    const pStay = SIG[k] + (x - k) * (SIG[k + 1] - SIG[k]);
    x = (index - fixed - sunk + SIG_OFFSET) * SIG_SCALE;
    x = x > 0 ? Math.min(x, SIG_LAST) : 0;
    k = x | 0;
    const pStart = SIG[k] + (x - k) * (SIG[k + 1] - SIG[k]);
    hysteresis_N[i] = pStay - pStart;
    // The low 20 bits of the decision draw (its top 12 are the sales noise: performance.ts).
    const u = (hash(decisionKey ^ Math.imul(i + 1, MULT)) & 0xfffff) * 2 ** -20;
    let now = u < (last ? pStay : pStart) ? 1 : 0;
    let projectEnded = false;
    if (now && last && sector[i] === BUSINESS_SERVICES) {
      const v = (hash(projectKey ^ Math.imul(i + 1, MULT)) >>> 0) * UNIT;
      if (v < projectEndProb) {
        now = 0;
        projectEnded = true;
      }
    }
    exporting[i] = now;

    if (now) {
      if (last) {
        transition_N[i] = TRANSITION.continuing;
        spellYears[i] += 1;
      } else {
        transition_N[i] = ever ? TRANSITION.reentry : TRANSITION.entry;
        reentered[i] = ever;
        spellYears[i] = 1;
        if (!ever) {
          firstExportYear[i] = year;
          // Some first-time exporters discover barriers only once they export (EIM 2005).
          if ((hash(discoveryKey ^ Math.imul(i + 1, MULT)) >>> 0) * UNIT < barrierDiscoveryProb) {
            barrierOperational[i] = Math.min(5, barrierOperational[i] + barrierDiscoveryPoints);
            barrierStrategic[i] = Math.min(5, barrierStrategic[i] + barrierDiscoveryPoints);
            barrierResource[i] = Math.min(5, barrierResource[i] + barrierDiscoveryPoints);
          }
        }
      }
      yearsExported[i] += 1;
      everExported[i] = 1;
      lastExportYear[i] = year;
      yearsSinceExit[i] = 0;
      suspended[i] = 0;
      plansToExport[i] = 0;
    } else if (last) {
      spellYears[i] = 0;
      yearsSinceExit[i] = 1;
      reentered[i] = 0;
      const w = (hash(plansKey ^ Math.imul(i + 1, MULT)) >>> 0) * UNIT;
      if (projectEnded && w < repeatBusinessProb) {
        suspended[i] = 1;
        plansToExport[i] = 1;
        transition_N[i] = TRANSITION.suspension;
      } else {
        const z = plansBase + plansPerKnowledge * knowledge[i];
        plansToExport[i] = w < sigmoid(z) ? 1 : 0;
        transition_N[i] = TRANSITION.exit;
      }
    } else {
      transition_N[i] = TRANSITION.none;
      if (ever) {
        yearsSinceExit[i] += 1;
        // Repeat business that has not come within two years is no longer expected.
        if (suspended[i] && yearsSinceExit[i] > 2) suspended[i] = 0;
      }
    }
  }
}

let lossCache: {
  sunk: number;
  suspended: number;
  lost: Float64Array;
  lostSuspended: Float64Array;
} | null = null;

/** 1 - (1 - depreciation)^g for g = 0..255, built once per pair of rates (not once per tile). */
function lossTables(sunk: number, suspended: number) {
  if (lossCache === null || lossCache.sunk !== sunk || lossCache.suspended !== suspended) {
    const lost = new Float64Array(256);
    const lostSuspended = new Float64Array(256);
    for (let g = 0; g < 256; g++) {
      lost[g] = 1 - (1 - sunk) ** g;
      lostSuspended[g] = 1 - (1 - suspended) ** g;
    }
    lossCache = { sunk, suspended, lost, lostSuspended };
  }
  return lossCache;
}
