/**
 * Every number the simulation uses, with its unit, default and source. Thresholds and
 * magnitudes the literature does not pin down are marked "assumption" and tuned so the default
 * baseline meets the calibration targets (src/simulate/calibration/targets.ts).
 *
 * The export decision is a latent index on the logit scale ("latent profit units"): a firm
 * exports when index - cost + logistic noise > 0, so +1 multiplies the odds of exporting by e.
 */
import type { Issue, Result } from "../framework/issue.ts";

export interface ParamSpec {
  value: number;
  unit: string;
  source: string;
  description: string;
  min?: number;
  max?: number;
  /** Counted in whole units (years, markets): the model would round a fraction silently. */
  integer?: boolean;
}

const A = "assumption, tuned to the calibration targets";

export const PARAM_SPECS = {
  // --- demography -----------------------------------------------------------------------------
  deathHazardYoung: {
    value: 0.14,
    unit: "per year",
    min: 0,
    max: 1,
    source: "ONS Business Demography 2022 (one-year survival ~88-90%)",
    description: "Death hazard at age 0.",
  },
  deathHazardMature: {
    value: 0.06,
    unit: "per year",
    min: 0,
    max: 1,
    source: "ONS Business Demography 2022 (five-year survival ~40%)",
    description: "Death hazard of old firms.",
  },
  deathHazardDecayYears: {
    value: 4,
    unit: "years",
    min: 0.1,
    source: A,
    description:
      "Age scale over which the hazard falls from young to mature (liability of newness).",
  },
  founderRestartProb: {
    value: 0.3,
    unit: "probability",
    min: 0,
    max: 1,
    source: "Westhead et al. 2005 (habitual entrepreneurs are a large minority)",
    description:
      "Chance that the founder of a dead firm starts the newborn in its slot (serial entrepreneur carrying experience).",
  },
  // --- synthesis: structure ---------------------------------------------------------------------
  shareKnowledgeManufacturing: {
    value: 0.04,
    unit: "share",
    min: 0,
    max: 1,
    source: "DBT Business Population Estimates 2023, approximated",
    description: "Sector share of SME employers.",
  },
  shareTraditionalManufacturing: {
    value: 0.1,
    unit: "share",
    min: 0,
    max: 1,
    source: "DBT Business Population Estimates 2023, approximated",
    description: "Sector share.",
  },
  shareBusinessServices: {
    value: 0.3,
    unit: "share",
    min: 0,
    max: 1,
    source: "DBT Business Population Estimates 2023, approximated",
    description: "Sector share.",
  },
  shareConsumerServices: {
    value: 0.36,
    unit: "share",
    min: 0,
    max: 1,
    source: "DBT Business Population Estimates 2023, approximated",
    description: "Sector share (the rest is 'other').",
  },
  tradableKnowledgeManufacturing: {
    value: 0.95,
    unit: "probability",
    min: 0,
    max: 1,
    source: A,
    description: "Share of firms with a tradable offer in knowledge-intensive manufacturing.",
  },
  tradableTraditionalManufacturing: {
    value: 0.85,
    unit: "probability",
    min: 0,
    max: 1,
    source: A,
    description: "Tradable share, traditional manufacturing.",
  },
  tradableBusinessServices: {
    value: 0.7,
    unit: "probability",
    min: 0,
    max: 1,
    source: "O'Farrell et al. 1998 (many business services trade)",
    description: "Tradable share, business services.",
  },
  tradableConsumerServices: {
    value: 0.3,
    unit: "probability",
    min: 0,
    max: 1,
    source: "review theme 1 (local, non-tradable offers)",
    description: "Tradable share, consumer services.",
  },
  tradableOther: {
    value: 0.45,
    unit: "probability",
    min: 0,
    max: 1,
    source: A,
    description: "Tradable share, other sectors.",
  },
  logEmployeesMean: {
    value: 1.4,
    unit: "log employees",
    source: "DBT Business Population Estimates 2023 (most employers have < 10 staff)",
    description: "Mean of log employees at synthesis (lognormal, truncated to 1..249).",
  },
  logEmployeesSd: {
    value: 1.0,
    unit: "log employees",
    min: 0,
    source: "DBT Business Population Estimates 2023",
    description: "Sd of log employees.",
  },
  newbornEmployees: {
    value: 2,
    unit: "employees",
    min: 1,
    source: A,
    description: "Median size of a newborn firm.",
  },
  meanAgeAtSynthesis: {
    value: 12,
    unit: "years",
    min: 0,
    source: "ONS Business Demography (stationary age distribution)",
    description: "Mean age of firms in the initial population (exponential).",
  },
  shareSerial: {
    value: 0.25,
    unit: "share",
    min: 0,
    max: 1,
    source: "Westhead et al. 2005",
    description: "Share of serial entrepreneurs among founders.",
  },
  sharePortfolio: {
    value: 0.15,
    unit: "share",
    min: 0,
    max: 1,
    source: "Westhead et al. 2005",
    description: "Share of portfolio entrepreneurs.",
  },
  founderExportExperienceNovice: {
    value: 0.1,
    unit: "probability",
    min: 0,
    max: 1,
    source: A,
    description: "Chance a novice founder sold abroad before.",
  },
  founderExportExperienceHabitual: {
    value: 0.3,
    unit: "probability",
    min: 0,
    max: 1,
    source: "Westhead et al. 2005 (habitual founders have more episodic knowledge)",
    description: "Chance a habitual founder sold abroad before.",
  },
  founderSameIndustryProb: {
    value: 0.6,
    unit: "probability",
    min: 0,
    max: 1,
    source: "Westhead et al. 2001",
    description: "Founder started in the last employer's industry.",
  },
  largeFirmLinkProb: {
    value: 0.15,
    unit: "probability",
    min: 0,
    max: 1,
    source: "Acs et al. 1997 (a minority of SMEs supply larger firms)",
    description: "Links with larger firms, services.",
  },
  largeFirmLinkProbManufacturing: {
    value: 0.3,
    unit: "probability",
    min: 0,
    max: 1,
    source: "Acs et al. 1997 (sub-contract chains)",
    description: "Links with larger firms, manufacturing.",
  },
  partnerDependenceGivenLink: {
    value: 0.4,
    unit: "probability",
    min: 0,
    max: 1,
    source: "Pfeffer & Salancik 1978 (asymmetric interdependence)",
    description: "Most sales depend on the linked larger partner.",
  },
  prefersControlProb: {
    value: 0.6,
    unit: "probability",
    min: 0,
    max: 1,
    source: "EIM 2005 (reluctance to co-operate)",
    description: "Owner prefers to keep control.",
  },
  clusterProb: {
    value: 0.2,
    unit: "probability",
    min: 0,
    max: 1,
    source: A,
    description: "Firm sits in a specialised cluster.",
  },
  incubatorProbKnowledge: {
    value: 0.15,
    unit: "probability",
    min: 0,
    max: 1,
    source: "Clarysse et al. 2005",
    description: "Incubated, knowledge-intensive newborns.",
  },
  incubatorProbOther: {
    value: 0.01,
    unit: "probability",
    min: 0,
    max: 1,
    source: A,
    description: "Incubated, other firms.",
  },
  ruralShare: {
    value: 0.25,
    unit: "share",
    min: 0,
    max: 1,
    source: A,
    description: "Share of rural firms.",
  },
  smallOpenShare: {
    value: 0,
    unit: "share",
    min: 0,
    max: 1,
    source: "the default population is one large economy",
    description: "Share of firms in a small open economy.",
  },
  barrierMean: {
    value: 3,
    unit: "score 1..5",
    min: 1,
    max: 5,
    source: A,
    description: "Mean barrier family score.",
  },
  barrierSd: {
    value: 0.8,
    unit: "score",
    min: 0,
    source: A,
    description: "Sd of barrier scores (a common firm factor plus family noise).",
  },
  invShareOfNewborns: {
    value: 0.03,
    unit: "share",
    min: 0,
    max: 1,
    source: "Bell et al. 2004; Autio et al. 2000 (INVs are a distinct minority)",
    description:
      "Newborns that are INV-like: knowledge-intensive, high tech, founder with export experience.",
  },
  // --- yearly dynamics --------------------------------------------------------------------------
  demandPersistence: {
    value: 0.4,
    unit: "AR(1) coefficient",
    min: 0,
    max: 0.999,
    source: A,
    description: "Persistence of the domestic demand component.",
  },
  demandShockScale: {
    value: 0.5,
    unit: "log points (logistic scale)",
    min: 0,
    source: A,
    description: "Scale of the yearly domestic demand shock.",
  },
  pullEventProb: {
    value: 0.04,
    unit: "per year",
    min: 0,
    max: 1,
    source: "Acs et al. 1997; review theme 5",
    description: "Chance that a linked major customer goes abroad this year.",
  },
  linkFormationProb: {
    value: 0.01,
    unit: "per year",
    min: 0,
    max: 1,
    source: A,
    description: "Organic formation of a link with a larger firm.",
  },
  projectEndProb: {
    value: 0.3,
    unit: "per year",
    min: 0,
    max: 1,
    source: "O'Farrell et al. 1998 (project-based business services)",
    description: "Chance that a business-services exporter's foreign project ends this year.",
  },
  repeatBusinessProb: {
    value: 0.6,
    unit: "probability",
    min: 0,
    max: 1,
    source: "O'Farrell et al. 1998",
    description:
      "A business-services firm whose project ended expects repeat business (suspended) rather than withdrawing.",
  },
  // --- export decision: index -------------------------------------------------------------------
  intercept: { value: 0.5, unit: "latent", source: A, description: "Index intercept." },
  effectKnowledgeManufacturing: {
    value: 1.2,
    unit: "latent",
    source: "Bell et al. 2004; Westhead et al. 2004a",
    description: "Sector shift.",
  },
  effectTraditionalManufacturing: {
    value: 0.7,
    unit: "latent",
    source: "Westhead et al. 2004a (manufacturers export more)",
    description: "Sector shift.",
  },
  effectBusinessServices: { value: 0.2, unit: "latent", source: A, description: "Sector shift." },
  effectConsumerServices: { value: -0.6, unit: "latent", source: A, description: "Sector shift." },
  effectLogEmployees: {
    value: 0.35,
    unit: "latent per log employee",
    source: "Westhead et al. 2001 (more resources)",
    description: "Size effect.",
  },
  effectTechMedium: {
    value: 0.4,
    unit: "latent",
    source: "Autio et al. 2000",
    description: "Medium tech intensity.",
  },
  effectTechHigh: {
    value: 1.0,
    unit: "latent",
    source: "Autio et al. 2000; Bell et al. 2004",
    description: "High tech intensity.",
  },
  effectSerial: {
    value: 0.2,
    unit: "latent",
    source: "Westhead et al. 2005",
    description: "Serial entrepreneur.",
  },
  effectPortfolio: {
    value: 0.4,
    unit: "latent",
    source: "Westhead et al. 2005 (portfolio owners see more opportunities)",
    description: "Portfolio entrepreneur.",
  },
  effectFounderExportExperience: {
    value: 0.8,
    unit: "latent",
    source: "Westhead et al. 2001 (markedly more likely to export)",
    description: "Founder sold abroad before.",
  },
  effectSameIndustry: {
    value: 0.2,
    unit: "latent",
    source: "Westhead et al. 2001",
    description: "Founder from the same industry.",
  },
  effectLinks: {
    value: 0.3,
    unit: "latent",
    source: "Acs et al. 1997",
    description: "Links with larger firms.",
  },
  effectPull: {
    value: 1.0,
    unit: "latent",
    source: "review theme 5 (pull by a client going abroad)",
    description: "A major customer has gone abroad.",
  },
  effectPush: {
    value: 0.6,
    unit: "latent",
    source: "review theme 5 (push to defend a network position)",
    description: "Extra when most sales depend on that customer.",
  },
  effectCluster: {
    value: 0.2,
    unit: "latent",
    source: "review theme 4 (cluster resources)",
    description: "In a cluster.",
  },
  effectIncubator: {
    value: 0.4,
    unit: "latent",
    source: "Clarysse et al. 2005",
    description: "Incubated.",
  },
  effectSmallOpen: {
    value: 0.5,
    unit: "latent",
    source: "Luostarinen & Gabrielsson 2004 (push of small open markets)",
    description: "Small open home economy.",
  },
  effectRural: {
    value: 0,
    unit: "latent",
    source: "Westhead et al. 2004b (no urban-rural difference)",
    description: "Rural location.",
  },
  effectBarrier: {
    value: -0.8,
    unit: "latent per barrier point",
    source: "review themes 1-2 (four barrier families)",
    description: "Per point of mean barrier score above 3.",
  },
  effectDomesticDemand: {
    value: -2.5,
    unit: "latent per log point",
    source: "review theme 2 (export when home demand is weak)",
    description: "Strong home demand lowers the pull of exports.",
  },
  effectKnowledge: {
    value: 0.2,
    unit: "latent per knowledge year",
    source: "Autio et al. 2000; Zahra et al. 2000 (learning)",
    description: "Export knowledge raises expected export profit.",
  },
  effectLogMarkets: {
    value: 0.8,
    unit: "latent per log market",
    source: A,
    description: "Diversified exporters continue more (spread risk).",
  },
  effectPlans: {
    value: 1.0,
    unit: "latent",
    source: "Crick 2004",
    description: "A past exporter planning to export again.",
  },
  effectYoung: {
    value: 0.2,
    unit: "latent",
    source: "Westhead et al. 2004a (younger firms export more)",
    description: "Firms aged < 5 years.",
  },
  // --- export decision: costs -------------------------------------------------------------------
  sunkEntryCost: {
    value: 6,
    unit: "latent",
    min: 0,
    source: "Roberts & Tybout 1997; Das, Roberts & Tybout 2007",
    description: "Sunk cost of starting to export from scratch.",
  },
  fixedExportCost: {
    value: 0.0,
    unit: "latent",
    source: "Das, Roberts & Tybout 2007",
    description: "Yearly fixed cost of exporting (on top of the index).",
  },
  sunkCostConcernScale: {
    value: 0.1,
    unit: "share per concern point",
    min: 0,
    source: "review theme 2 (perception of sunk costs)",
    description: "Perceived sunk cost rises by this share per concern point above 3.",
  },
  sunkDepreciation: {
    value: 0.4,
    unit: "share per year",
    min: 0,
    max: 1,
    source: "Roberts & Tybout 1997 (re-entry after one year out is cheaper)",
    description: "Share of the sunk investment lost per year out of exporting.",
  },
  suspendedDepreciation: {
    value: 0.1,
    unit: "share per year",
    min: 0,
    max: 1,
    source: "O'Farrell et al. 1998 (client relations kept between projects)",
    description: "Depreciation while suspended.",
  },
  pullCostShare: {
    value: 0.5,
    unit: "share",
    min: 0,
    max: 1,
    source: "review theme 5 (piggy-back on a larger partner)",
    description: "Share of the entry cost a pulling partner carries.",
  },
  barrierDiscoveryProb: {
    value: 0.4,
    unit: "probability",
    min: 0,
    max: 1,
    source: "EIM 2005 (barriers discovered only after starting to export)",
    description: "Chance a first-time exporter discovers barriers in its first year.",
  },
  barrierDiscoveryPoints: {
    value: 2,
    unit: "barrier points",
    min: 0,
    max: 4,
    source: A,
    description: "Rise of the resource, operational and strategic barrier scores on discovery.",
  },
  // --- learning --------------------------------------------------------------------------------
  learningPerYear: {
    value: 1,
    unit: "knowledge years per export year",
    min: 0,
    source: "Autio et al. 2000",
    description: "Knowledge gained per year of exporting.",
  },
  knowledgeDepreciation: {
    value: 0.15,
    unit: "share per year",
    min: 0,
    max: 1,
    source: A,
    description: "Knowledge lost per year.",
  },
  knowledgeCostReduction: {
    value: 0.06,
    unit: "share of sunk cost per knowledge year",
    min: 0,
    max: 1,
    source: "review theme 2 (learning lowers sunk costs)",
    description: "Sunk cost multiplied by exp(-this * knowledge).",
  },
  founderKnowledge: {
    value: 2,
    unit: "knowledge years",
    min: 0,
    source: "Westhead et al. 2005 (episodic knowledge)",
    description: "Knowledge a founder with export experience brings.",
  },
  plansBase: {
    value: 0.0,
    unit: "latent",
    source: "Crick 2004",
    description:
      "Log-odds that an exiting exporter plans to export again (disinterested) at zero knowledge.",
  },
  plansPerKnowledge: {
    value: 0.3,
    unit: "latent per knowledge year",
    source: "review theme 2 (positive learning)",
    description: "Knowledge raises the odds of planning to return.",
  },
  // --- intensity and markets ---------------------------------------------------------------------
  intensityStart: {
    value: 0.05,
    unit: "share of sales",
    min: 0,
    max: 1,
    source: "Westhead et al. 2002 (small proportion of sales)",
    description: "Export share of a new spell.",
  },
  intensityTarget: {
    value: 0.15,
    unit: "share of sales",
    min: 0,
    max: 1,
    source: "Westhead et al. 2002",
    description: "Long-run export share of a low-tech exporter.",
  },
  intensityTargetHighTech: {
    value: 0.4,
    unit: "share of sales",
    min: 0,
    max: 1,
    source: "Autio et al. 2000; Westhead et al. 2004a",
    description: "Long-run export share of a high-tech exporter.",
  },
  intensityAdjustment: {
    value: 0.3,
    unit: "share per year",
    min: 0,
    max: 1,
    source: A,
    description: "Speed of convergence to the target share.",
  },
  intensityNoise: {
    value: 0.05,
    unit: "share of sales",
    min: 0,
    source: A,
    description: "Yearly noise of the export share.",
  },
  marketAddProb: {
    value: 0.25,
    unit: "per year",
    min: 0,
    max: 1,
    source: A,
    description: "Chance a continuing exporter adds a market (more with knowledge).",
  },
  marketDropProb: {
    value: 0.1,
    unit: "per year",
    min: 0,
    max: 1,
    source: A,
    description: "Chance a continuing exporter drops a market.",
  },
  maxMarkets: {
    integer: true,
    value: 60,
    unit: "markets",
    min: 1,
    max: 65535,
    source: A,
    description: "Cap on markets served.",
  },
  // --- positions -------------------------------------------------------------------------------
  invInceptionYears: {
    integer: true,
    value: 3,
    unit: "years",
    min: 0,
    source: "Autio et al. 2000; Luostarinen & Gabrielsson 2004 (from or near inception)",
    description: "First export within this many years of founding counts as from inception.",
  },
  invMinShare: {
    value: 0.25,
    unit: "share of sales",
    min: 0,
    max: 1,
    source: "Oviatt & McDougall 2005 (significant sales abroad)",
    description: "Export share an INV must reach.",
  },
  experiencedYears: {
    integer: true,
    value: 4,
    unit: "years",
    min: 1,
    source: A,
    description: "Years exported that make an experienced exporter.",
  },
  capableMaxBarrier: {
    value: 3,
    unit: "score 1..5",
    min: 1,
    max: 5,
    source: A,
    description:
      "Mean barrier at or below which a tradable non-exporter is export-capable (else domestic by choice).",
  },
  // --- performance -----------------------------------------------------------------------------
  salesGrowthBase: {
    value: 0.0,
    unit: "log points per year",
    source: A,
    description: "Baseline sales growth.",
  },
  salesGrowthExportLagged: {
    value: 0.04,
    unit: "log points per year",
    source: "review: implications for researchers (time lag to superior performance)",
    description: "Extra growth while the firm exported `exportPerformanceLag` years earlier.",
  },
  exportPerformanceLag: {
    integer: true,
    value: 2,
    unit: "years",
    min: 1,
    max: 31,
    source: "review: implications for researchers",
    description: "Lag between exporting and better performance.",
  },
  salesDemandElasticity: {
    value: 0.5,
    unit: "log sales per log demand",
    source: A,
    description: "Sales response to the domestic demand component change.",
  },
  salesNoise: {
    value: 0.1,
    unit: "log points",
    min: 0,
    source: A,
    description: "Idiosyncratic sales growth noise (logistic scale).",
  },
  salesPerEmployee: {
    value: 90,
    unit: "thousand per employee",
    min: 0,
    source: A,
    description: "Initial sales per employee.",
  },
  employmentElasticity: {
    value: 0.5,
    unit: "log employees per log sales",
    min: 0,
    source: A,
    description: "Employment response to sales growth.",
  },
} as const satisfies Record<string, ParamSpec>;

export type ParamName = keyof typeof PARAM_SPECS;
/** Plain parameter values, as read by the kernels. */
export type SimParams = { readonly [K in ParamName]: number };

export function defaultParams(): SimParams {
  const out = {} as Record<ParamName, number>;
  for (const k of Object.keys(PARAM_SPECS) as ParamName[]) out[k] = PARAM_SPECS[k].value;
  return fastParams(out);
}

/** Defaults with overrides; unknown names and out-of-range values are issues, never ignored. */
export function withParams(overrides: Readonly<Record<string, number>>): Result<SimParams> {
  const issues: Issue[] = [];
  const out = defaultParams() as Record<ParamName, number>;
  for (const [name, value] of Object.entries(overrides)) {
    // Own keys only: `in` would accept toString, constructor and the rest of Object.prototype.
    if (!Object.hasOwn(PARAM_SPECS, name)) {
      issues.push({
        code: "unknown_param",
        field: name,
        value,
        message: `unknown parameter ${name}; see docs/simulate.md for the list`,
      });
      continue;
    }
    const spec: ParamSpec = PARAM_SPECS[name as ParamName];
    const bad =
      !Number.isFinite(value) ||
      (spec.integer === true && !Number.isInteger(value)) ||
      (spec.min !== undefined && value < spec.min) ||
      (spec.max !== undefined && value > spec.max);
    if (bad) {
      const kind = spec.integer ? "a whole number" : "a number";
      const expected = `${kind} in [${spec.min ?? "-inf"}, ${spec.max ?? "inf"}] (${spec.unit})`;
      issues.push({
        code: "out_of_range",
        field: name,
        value,
        expected,
        message: `got ${value}, expected ${expected}`,
      });
      continue;
    }
    out[name as ParamName] = value;
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: fastParams(out) };
}

/**
 * A copy with fast property access. An object grown key by key (or received from another
 * thread) past ~100 keys is kept as a hash table by the engine; a spread copy is not, which
 * makes each `p.name` read in the kernels several times cheaper.
 */
export function fastParams(p: SimParams): SimParams {
  return { ...p };
}

/** A stable 32-bit FNV-1a hash of the parameter values (hex), stamped on every result. */
export function paramsHash(params: SimParams): string {
  const text = (Object.keys(PARAM_SPECS) as ParamName[]).map((k) => `${k}=${params[k]}`).join(";");
  return fnv1a(text);
}

export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
