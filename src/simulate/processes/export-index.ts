/**
 * The latent export profit of each firm this year (logit scale), before the markets it serves,
 * its plans and the costs that the export decision adds. Kept as its own small loop so the
 * engine compiles and optimizes it quickly. Sources of each effect: params.ts.
 *
 *   index = intercept + sector + tech + entrepreneur + founder + context      (static)
 *         + size + networks + barriers + domestic demand + knowledge + young firm
 */
import type { Population } from "../population.ts";
import type { StepContext } from "./context.ts";

export function exportIndexKernel(pop: Population, index_N: Float64Array, ctx: StepContext): void {
  const { year, start, end, params: p } = ctx;
  const sectorEffect = new Float64Array([
    p.effectKnowledgeManufacturing,
    p.effectTraditionalManufacturing,
    p.effectBusinessServices,
    p.effectConsumerServices,
    0,
  ]);
  const techEffect = new Float64Array([0, p.effectTechMedium, p.effectTechHigh]);
  const entrepreneurEffect = new Float64Array([0, p.effectSerial, p.effectPortfolio]);
  const {
    sector,
    logEmployees,
    techIntensity,
    entrepreneurType,
    founderExportExperience,
    founderSameIndustry,
    largeFirmLinks,
    clientPull,
    partnerDependence,
    cluster,
    incubator,
    homeEconomy,
    location,
    barrierAttitudinal,
    barrierResource,
    barrierOperational,
    barrierStrategic,
    domesticDemand,
    knowledge,
    founded,
  } = pop;
  const intercept = p.intercept;
  const effectLogEmployees = p.effectLogEmployees;
  const effectFounderExportExperience = p.effectFounderExportExperience;
  const effectSameIndustry = p.effectSameIndustry;
  const effectLinks = p.effectLinks;
  const effectPull = p.effectPull;
  const effectPush = p.effectPush;
  const effectCluster = p.effectCluster;
  const effectIncubator = p.effectIncubator;
  const effectSmallOpen = p.effectSmallOpen;
  const effectRural = p.effectRural;
  const barrierPerPoint = 0.25 * p.effectBarrier;
  const barrierOffset = -3 * p.effectBarrier;
  const effectDomesticDemand = p.effectDomesticDemand;
  const effectKnowledge = p.effectKnowledge;
  const effectYoung = p.effectYoung;
  const youngFrom = year - 4;
  for (let i = start; i < end; i++) {
    // What the firm is first (kernel/static-index.ts keeps this sum per slot), then what
    // changes from year to year; the fused pass adds in this same order.
    index_N[i] =
      intercept +
      sectorEffect[sector[i]] +
      techEffect[techIntensity[i]] +
      entrepreneurEffect[entrepreneurType[i]] +
      effectFounderExportExperience * founderExportExperience[i] +
      effectSameIndustry * founderSameIndustry[i] +
      effectCluster * cluster[i] +
      effectIncubator * incubator[i] +
      effectSmallOpen * (1 - homeEconomy[i]) +
      effectRural * location[i] +
      effectLogEmployees * logEmployees[i] +
      effectLinks * largeFirmLinks[i] +
      clientPull[i] * (effectPull + effectPush * partnerDependence[i]) +
      barrierPerPoint *
        (barrierAttitudinal[i] + barrierResource[i] + barrierOperational[i] + barrierStrategic[i]) +
      barrierOffset +
      effectDomesticDemand * domesticDemand[i] +
      effectKnowledge * knowledge[i] +
      (founded[i] >= youngFrom ? effectYoung : 0);
  }
}
