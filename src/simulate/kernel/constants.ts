/**
 * Everything the fused firm-year pass reads from the parameters, prepared once per parameter
 * set: plain numbers and small lookup tables, so the hot loop holds them in locals and never
 * reads the ~100-key parameter object per firm.
 */
import type { SimParams } from "../params.ts";

export interface YearConstants {
  // demography
  hazardByAge: Float64Array;
  founderRestartProb: number;
  // demand
  demandPersistence: number;
  demandShockScale: number;
  salesDemandElasticity: number;
  // networks
  pullEventProb: number;
  linkFormationProb: number;
  /** 1 - (1 - linkFormationProb) * (1 - 0): the link probability without a programme. */
  organicLinkProb: number;
  founderKnowledge: number;
  // export index
  sectorEffect: Float64Array;
  techEffect: Float64Array;
  entrepreneurEffect: Float64Array;
  intercept: number;
  effectLogEmployees: number;
  effectFounderExportExperience: number;
  effectSameIndustry: number;
  effectLinks: number;
  effectPull: number;
  effectPush: number;
  effectCluster: number;
  effectIncubator: number;
  effectSmallOpen: number;
  effectRural: number;
  barrierPerPoint: number;
  barrierOffset: number;
  effectDomesticDemand: number;
  effectKnowledge: number;
  effectYoung: number;
  // decision
  effectLogMarkets: number;
  effectPlans: number;
  sunkEntryCost: number;
  fixedExportCost: number;
  sunkCostConcernScale: number;
  knowledgeCostReduction: number;
  pullCostShare: number;
  projectEndProb: number;
  repeatBusinessProb: number;
  plansBase: number;
  plansPerKnowledge: number;
  barrierDiscoveryProb: number;
  barrierDiscoveryPoints: number;
  /** 1 - (1 - sunkDepreciation)^g and the same while suspended, g = 0..255. */
  lost: Float64Array;
  lostSuspended: Float64Array;
  // learning
  knowledgeKeep: number;
  learningPerYear: number;
  // intensity
  intensityTargets: Float64Array;
  intensityStartHigh: number;
  intensityStartLow: number;
  intensityAdjustment: number;
  /** Twice the intensity noise: the range of the uniform shock. */
  intensityNoiseRange: number;
  maxMarkets: number;
  marketAddProb: number;
  marketDropProb: number;
  // classify
  invInceptionYears: number;
  invMinShare: number;
  experiencedYears: number;
  capableMaxBarrier: number;
  // performance
  exportPerformanceLag: number;
  salesGrowthBase: number;
  salesGrowthExportLagged: number;
  salesNoise: number;
  employmentElasticity: number;
}

let cachedFor: SimParams | null = null;
let cached: YearConstants | null = null;

/** The constants of `p` (memoized on the object: a run prepares them once). */
export function yearConstants(p: SimParams): YearConstants {
  if (cachedFor === p && cached) return cached;
  const lost = new Float64Array(256);
  const lostSuspended = new Float64Array(256);
  for (let g = 0; g < 256; g++) {
    lost[g] = 1 - (1 - p.sunkDepreciation) ** g;
    lostSuspended[g] = 1 - (1 - p.suspendedDepreciation) ** g;
  }
  const hazardByAge = new Float64Array(100);
  for (let a = 0; a < hazardByAge.length; a++) {
    hazardByAge[a] =
      p.deathHazardMature +
      (p.deathHazardYoung - p.deathHazardMature) * Math.exp(-a / p.deathHazardDecayYears);
  }
  cached = {
    hazardByAge,
    founderRestartProb: p.founderRestartProb,
    demandPersistence: p.demandPersistence,
    demandShockScale: p.demandShockScale,
    salesDemandElasticity: p.salesDemandElasticity,
    pullEventProb: p.pullEventProb,
    linkFormationProb: p.linkFormationProb,
    organicLinkProb: 1 - (1 - p.linkFormationProb) * (1 - 0),
    founderKnowledge: p.founderKnowledge,
    sectorEffect: new Float64Array([
      p.effectKnowledgeManufacturing,
      p.effectTraditionalManufacturing,
      p.effectBusinessServices,
      p.effectConsumerServices,
      0,
    ]),
    techEffect: new Float64Array([0, p.effectTechMedium, p.effectTechHigh]),
    entrepreneurEffect: new Float64Array([0, p.effectSerial, p.effectPortfolio]),
    intercept: p.intercept,
    effectLogEmployees: p.effectLogEmployees,
    effectFounderExportExperience: p.effectFounderExportExperience,
    effectSameIndustry: p.effectSameIndustry,
    effectLinks: p.effectLinks,
    effectPull: p.effectPull,
    effectPush: p.effectPush,
    effectCluster: p.effectCluster,
    effectIncubator: p.effectIncubator,
    effectSmallOpen: p.effectSmallOpen,
    effectRural: p.effectRural,
    barrierPerPoint: 0.25 * p.effectBarrier,
    barrierOffset: -3 * p.effectBarrier,
    effectDomesticDemand: p.effectDomesticDemand,
    effectKnowledge: p.effectKnowledge,
    effectYoung: p.effectYoung,
    effectLogMarkets: p.effectLogMarkets,
    effectPlans: p.effectPlans,
    sunkEntryCost: p.sunkEntryCost,
    fixedExportCost: p.fixedExportCost,
    sunkCostConcernScale: p.sunkCostConcernScale,
    knowledgeCostReduction: p.knowledgeCostReduction,
    pullCostShare: p.pullCostShare,
    projectEndProb: p.projectEndProb,
    repeatBusinessProb: p.repeatBusinessProb,
    plansBase: p.plansBase,
    plansPerKnowledge: p.plansPerKnowledge,
    barrierDiscoveryProb: p.barrierDiscoveryProb,
    barrierDiscoveryPoints: p.barrierDiscoveryPoints,
    lost,
    lostSuspended,
    knowledgeKeep: 1 - p.knowledgeDepreciation,
    learningPerYear: p.learningPerYear,
    intensityTargets: new Float64Array([
      p.intensityTarget,
      0.5 * (p.intensityTarget + p.intensityTargetHighTech),
      p.intensityTargetHighTech,
    ]),
    intensityStartHigh: Math.max(p.intensityStart, 0.6 * p.intensityTargetHighTech),
    intensityStartLow: p.intensityStart,
    intensityAdjustment: p.intensityAdjustment,
    intensityNoiseRange: 2 * p.intensityNoise,
    maxMarkets: p.maxMarkets,
    marketAddProb: p.marketAddProb,
    marketDropProb: p.marketDropProb,
    invInceptionYears: p.invInceptionYears,
    invMinShare: p.invMinShare,
    experiencedYears: p.experiencedYears,
    capableMaxBarrier: p.capableMaxBarrier,
    exportPerformanceLag: p.exportPerformanceLag,
    salesGrowthBase: p.salesGrowthBase,
    salesGrowthExportLagged: p.salesGrowthExportLagged,
    salesNoise: p.salesNoise,
    employmentElasticity: p.employmentElasticity,
  };
  cachedFor = p;
  return cached;
}
