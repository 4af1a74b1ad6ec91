/**
 * One simulated year of a range of firms in a single pass per firm: the processes of
 * `processes/` (networks, support, export index and decision, learning, intensity, classify,
 * performance, and the year's tallies) run back to back on one firm while its columns are in
 * registers, instead of one loop per process over the whole range. Each column is read once and
 * written once per firm-year. The per-process kernels stay the readable statement of the model;
 * this pass gives bit-identical results (test/simulate/firm-year.test.ts), so each line here
 * mirrors a line there in the same floating-point order, including the rounding of every
 * Float32 column that a later process reads back.
 *
 * Births and deaths (with the demand shock) run first: over the same tile in this call when no
 * programme acts, or over the whole range before the programmes otherwise (programmes see the
 * year's newborns). The export index's static part is read from `static_N` (static-index.ts).
 * The file is long on purpose: splitting the pass into calls would bring back the per-process
 * loops it replaces.
 */

import { STATES } from "../../framework/vocabulary.ts";
import {
  EXP_GRID_TABLE,
  EXP_NEG_TABLE,
  LOG_SMALL_TABLE,
  LOGISTIC_TABLE,
  SIGMOID_TABLE,
  sigmoid,
} from "../fastmath.ts";
import type { EffectColumns } from "../intervention.ts";
import { M, N_METRICS } from "../metrics.ts";
import type { Population } from "../population.ts";
import type { StepContext } from "../processes/context.ts";
import { mix32s, SLOT_MULT, STREAM, U32_TO_UNIT } from "../rng.ts";
import { demographyAndDemand } from "./births.ts";
import { yearConstants } from "./constants.ts";
import { staticIndexRange } from "./static-index.ts";

const hash = mix32s;
const MULT = SLOT_MULT;
const UNIT = U32_TO_UNIT;
const SIG = SIGMOID_TABLE.values;
const SIG_OFFSET = SIGMOID_TABLE.offset;
const SIG_SCALE = SIGMOID_TABLE.scale;
const SIG_LAST = SIGMOID_TABLE.last;
const EXP = EXP_NEG_TABLE.values;
const EXP_SCALE = EXP_NEG_TABLE.scale;
const EXP_LAST = EXP_NEG_TABLE.last;
const LOG_SMALL = LOG_SMALL_TABLE;
const LOGISTIC = LOGISTIC_TABLE;
const EXPG = EXP_GRID_TABLE.values;
const EXP_STEPS = EXP_GRID_TABLE.steps;
const EXP_MID = EXP_GRID_TABLE.mid;
const BUSINESS_SERVICES = 2;
const LOG_MAX_EMPLOYEES = Math.log(249);
const fround = Math.fround;
const LOW20 = 0xfffff;
const UNIT20 = 2 ** -20;
const UNIT16 = 2 ** -16;

// Transition codes (processes/export-decision.ts TRANSITION) as literals for the hot loop.
const T_NONE = 0;
const T_ENTRY = 1;
const T_CONTINUING = 2;
const T_EXIT = 3;
const T_REENTRY = 4;
const T_SUSPENSION = 5;

/** Where a policy year's tallies go, and what they compare with (processes/collect.ts). */
export interface YearTally {
  /** POSITIONS x STATES x N_METRICS raw sums for the whole block and year. */
  cells: Float64Array;
  /**
   * The segment of each slot: the baseline's position at the start of the year, before anyone's
   * decision, so that a reform and its reference are split by what no outcome of the year moved.
   */
  segment_N: Uint8Array;
  /** The baseline's position now: the segment of a firm born this year, which had none. */
  segmentBorn_N: Uint8Array;
  /** Union of the programmes' recipient masks, or null in the baseline. */
  recipients_N: Uint8Array | null;
  /** Baseline export status this year, or null in the baseline. */
  baselineExporting_N: Uint8Array | null;
  /**
   * The reference scenario's recipients this year, or null when the reference runs no
   * programme (then all of a scenario's support is support the reference did not give).
   */
  referenceRecipients_N: Uint8Array | null;
}

export interface FirmYearOptions {
  /** Programme effects act this year (effect columns were written by the hooks). */
  acting: boolean;
  /** Run births, deaths and the demand shock in this pass (false: already run this year). */
  demography: boolean;
  /** Tally the year into these (segment, state) cells (collect.ts); null in burn-in years. */
  tally: YearTally | null;
}

/** Runs the year for slots [ctx.start, ctx.end) of `pop`. */
export function firmYearPass(
  pop: Population,
  e: EffectColumns,
  born_N: Uint8Array,
  static_N: Float64Array,
  ctx: StepContext,
  opts: FirmYearOptions,
): void {
  const { year, start, end, rng } = ctx;
  const c = yearConstants(ctx.params);
  if (opts.demography) demographyAndDemand(pop, born_N, static_N, ctx);
  const pullKey = rng.key(year, STREAM.pullEvent);
  const linkKey = rng.key(year, STREAM.linkFormation);
  const mentoringKey = rng.key(year, STREAM.mentoring);
  const decisionKey = rng.key(year, STREAM.decision);
  const projectKey = rng.key(year, STREAM.projectEnd);
  const plansKey = rng.key(year, STREAM.plans);
  const discoveryKey = rng.key(year, STREAM.discovery);
  const noiseKey = rng.key(year, STREAM.intensity);
  const downKey = rng.key(year, STREAM.marketsDown);
  const acting = opts.acting;
  const tally = opts.tally;
  const cells = tally === null ? null : tally.cells;
  const segment_N = tally === null ? null : tally.segment_N;
  const segmentBorn_N = tally === null ? null : tally.segmentBorn_N;
  const recipients_N = tally === null ? null : tally.recipients_N;
  const baselineExporting_N = tally === null ? null : tally.baselineExporting_N;
  const referenceRecipients_N = tally === null ? null : tally.referenceRecipients_N;
  const { lost, lostSuspended } = c;
  const {
    sector,
    logEmployees,
    employees,
    techIntensity,
    founderExportExperience,
    largeFirmLinks,
    clientPull,
    partnerDependence,
    barrierAttitudinal,
    barrierResource,
    barrierOperational,
    barrierStrategic,
    sunkCostConcern,
    domesticDemand,
    knowledge,
    founded,
    tradable,
    exporting,
    exportHistory,
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
    exportShare,
    state,
    position,
    sales,
    salesGrowth,
    weight,
  } = pop;
  const pullP = c.pullEventProb;
  const organicLink = c.linkFormationProb;
  const organicLinkProb = c.organicLinkProb;
  const effectLogEmployees = c.effectLogEmployees;
  const effectLinks = c.effectLinks;
  const effectPull = c.effectPull;
  const effectPush = c.effectPush;
  const barrierPerPoint = c.barrierPerPoint;
  const barrierOffset = c.barrierOffset;
  const effectDomesticDemand = c.effectDomesticDemand;
  const effectKnowledge = c.effectKnowledge;
  const effectYoung = c.effectYoung;
  const youngFrom = year - 4;
  const effectLogMarkets = c.effectLogMarkets;
  const effectPlans = c.effectPlans;
  const sunk0 = c.sunkEntryCost;
  const fixed0 = c.fixedExportCost;
  const concernScale = c.sunkCostConcernScale;
  const knowledgeCostReduction = c.knowledgeCostReduction;
  const pullCostShare = c.pullCostShare;
  const projectEndProb = c.projectEndProb;
  const repeatBusinessProb = c.repeatBusinessProb;
  const plansBase = c.plansBase;
  const plansPerKnowledge = c.plansPerKnowledge;
  const discoveryProb = c.barrierDiscoveryProb;
  const discoveryPoints = c.barrierDiscoveryPoints;
  const keep = c.knowledgeKeep;
  const gain = c.learningPerYear;
  const targets = c.intensityTargets;
  const startHigh = c.intensityStartHigh;
  const startLow = c.intensityStartLow;
  const adj = c.intensityAdjustment;
  const noiseRange = c.intensityNoiseRange;
  const maxM = c.maxMarkets;
  const addProb = c.marketAddProb;
  const dropProb = c.marketDropProb;
  const invInceptionYears = c.invInceptionYears;
  const invMinShare = c.invMinShare;
  const experiencedYears = c.experiencedYears;
  const capableMaxBarrier = c.capableMaxBarrier;
  const lag = c.exportPerformanceLag;
  const bit = lag - 1;
  const growthBase = c.salesGrowthBase;
  const growthBonus = c.salesGrowthExportLagged;
  const salesNoise = c.salesNoise;
  const empEl = c.employmentElasticity;
  const founderKnowledge = c.founderKnowledge;
  const { sunkCostOffset, fixedCostOffset, barrierReduction, learningBoost } = e;
  const { linkProbability, mentoringExperience } = e;

  for (let i = start; i < end; i++) {
    const mult = Math.imul(i + 1, MULT);
    // --- networks (processes/networks.ts)
    let links = largeFirmLinks[i];
    let pulled = clientPull[i];
    if (links === 1) {
      if (pulled === 0 && (hash(pullKey ^ mult) >>> 0) * UNIT < pullP) {
        pulled = 1;
        clientPull[i] = 1;
      }
    } else {
      const prob = acting ? 1 - (1 - organicLink) * (1 - linkProbability[i]) : organicLinkProb;
      if ((hash(linkKey ^ mult) >>> 0) * UNIT < prob) {
        links = 1;
        largeFirmLinks[i] = 1;
      }
    }
    // Barrier scores are read only where used: by the index and the position of a tradable
    // firm, and by a programme lowering them.
    const trad = tradable[i];
    const cut = acting ? barrierReduction[i] : 0;
    let bA = 0;
    let bR = 0;
    let bO = 0;
    let bS = 0;
    if (trad !== 0 || cut !== 0) {
      bA = barrierAttitudinal[i];
      bR = barrierResource[i];
      bO = barrierOperational[i];
      bS = barrierStrategic[i];
    }
    let kn = knowledge[i];
    let founderExp = founderExportExperience[i];
    // --- support (processes/support.ts), only while a programme acts
    if (acting) {
      const b = cut;
      if (b !== 0) {
        bA = fround(Math.max(1, bA - b));
        bR = fround(Math.max(1, bR - b));
        bO = fround(Math.max(1, bO - b));
        bS = fround(Math.max(1, bS - b));
        barrierAttitudinal[i] = bA;
        barrierResource[i] = bR;
        barrierOperational[i] = bO;
        barrierStrategic[i] = bS;
      }
      const boost = learningBoost[i];
      if (boost !== 0) kn = fround(kn + boost);
      const m = mentoringExperience[i];
      if (m !== 0 && founderExp === 0) {
        if ((hash(mentoringKey ^ mult) >>> 0) * UNIT < m) {
          founderExp = 1;
          founderExportExperience[i] = 1;
          kn = fround(kn + founderKnowledge);
          staticIndexRange(pop, static_N, i, i + 1, c);
        }
      }
    }

    // --- export decision (processes/export-decision.ts and export-index.ts)
    const last = exporting[i];
    // One draw: low 20 bits for the export decision, top 12 for the sales noise.
    const hd = hash(decisionKey ^ mult);
    // A firm that never exported holds the reset record (synthesize.ts; a register load sets
    // the record only for past exporters), so most firms skip reading it: these are its values.
    let ever = everExported[i];
    let history = 0;
    let gapSince = -1;
    let m = 0;
    let plans = 0;
    let susp = 0;
    let spell = 0;
    let yearsEx = 0;
    let firstYear = -1;
    let reent = 0;
    let share = 0;
    if (ever !== 0) {
      // Kept as int32 (the column stores the same 32 bits): `>>> 0` would make a double past
      // 31 export years and throw the optimized loop away.
      history = (exportHistory[i] << 1) | last;
      exportHistory[i] = history;
      gapSince = yearsSinceExit[i];
      m = markets[i];
      plans = plansToExport[i];
      susp = suspended[i];
      spell = spellYears[i];
      yearsEx = yearsExported[i];
      firstYear = firstExportYear[i];
      reent = reentered[i];
      share = exportShare[i];
    }
    const gapBefore = gapSince <= 0 ? 0 : Math.min(gapSince, 255);
    const marketsBefore = m;
    let now = 0;
    let tr = T_NONE;
    let hysteresis = Number.NaN;
    if (trad === 0) {
      if (last !== 0) exporting[i] = 0;
    } else {
      let index =
        static_N[i] +
        effectLogEmployees * logEmployees[i] +
        effectLinks * links +
        (pulled === 0 ? 0 : effectPull + effectPush * partnerDependence[i]) +
        barrierPerPoint * (bA + bR + bO + bS) +
        barrierOffset +
        effectDomesticDemand * domesticDemand[i] +
        effectKnowledge * kn +
        (founded[i] >= youngFrom ? effectYoung : 0);
      const contIndex = index + effectLogMarkets * (m < 256 ? LOG_SMALL[m] : Math.log(m));
      if (!last && ever && plans) index += effectPlans;
      const fixed = acting ? fixed0 - fixedCostOffset[i] : fixed0;
      let sunk = sunk0 * (1 + concernScale * (sunkCostConcern[i] - 3));
      const ky = knowledgeCostReduction * kn * EXP_SCALE;
      if (ky > 0) {
        if (ky >= EXP_LAST) sunk *= Math.exp(-ky / EXP_SCALE);
        else {
          const k = ky | 0;
          sunk *= EXP[k] + (ky - k) * (EXP[k + 1] - EXP[k]);
        }
      }
      if (ever && !last) sunk *= susp ? lostSuspended[gapBefore] : lost[gapBefore];
      if (pulled) sunk *= 1 - pullCostShare;
      sunk = Math.max(0, acting ? sunk - sunkCostOffset[i] : sunk - 0);
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
      hysteresis = fround(pStay - pStart);
      const u = (hd & LOW20) * UNIT20;
      now = u < (last ? pStay : pStart) ? 1 : 0;
      let projectEnded = false;
      if (now && last && sector[i] === BUSINESS_SERVICES) {
        if ((hash(projectKey ^ mult) >>> 0) * UNIT < projectEndProb) {
          now = 0;
          projectEnded = true;
        }
      }
      exporting[i] = now;
      if (now) {
        if (last) {
          tr = T_CONTINUING;
          spell += 1;
        } else {
          tr = ever ? T_REENTRY : T_ENTRY;
          reent = ever;
          spell = 1;
          if (!ever) {
            firstYear = year;
            if ((hash(discoveryKey ^ mult) >>> 0) * UNIT < discoveryProb) {
              bO = fround(Math.min(5, bO + discoveryPoints));
              bS = fround(Math.min(5, bS + discoveryPoints));
              bR = fround(Math.min(5, bR + discoveryPoints));
              barrierOperational[i] = bO;
              barrierStrategic[i] = bS;
              barrierResource[i] = bR;
            }
          }
        }
        yearsEx += 1;
        ever = 1;
        lastExportYear[i] = year;
        gapSince = 0;
        susp = 0;
        plans = 0;
      } else if (last) {
        spell = 0;
        gapSince = 1;
        reent = 0;
        const w = (hash(plansKey ^ mult) >>> 0) * UNIT;
        if (projectEnded && w < repeatBusinessProb) {
          susp = 1;
          plans = 1;
          tr = T_SUSPENSION;
        } else {
          plans = w < sigmoid(plansBase + plansPerKnowledge * kn) ? 1 : 0;
          tr = T_EXIT;
        }
      } else if (ever) {
        gapSince += 1;
        if (susp && gapSince > 2) susp = 0;
      }
      // A firm that neither exports nor exported keeps its history: most firms, no stores.
      if (now || last || ever) {
        spellYears[i] = spell;
        yearsExported[i] = yearsEx;
        everExported[i] = ever;
        firstExportYear[i] = firstYear;
        reentered[i] = reent;
        yearsSinceExit[i] = gapSince;
        suspended[i] = susp;
        plansToExport[i] = plans;
      }
    }

    // --- learning (processes/learning.ts)
    kn = fround(keep * kn + gain * now);
    knowledge[i] = kn;

    // --- intensity and markets (processes/intensity.ts)
    if (tr === T_ENTRY || tr === T_REENTRY) {
      share = techIntensity[i] === 2 ? fround(startHigh) : fround(startLow);
      exportShare[i] = share;
      m = 1;
      markets[i] = 1;
    } else if (tr === T_CONTINUING) {
      // One draw: low half for the share noise, high half for adding a market.
      const hi = hash(noiseKey ^ mult);
      const u = (hi & 0xffff) * UNIT16;
      const s = share + adj * (targets[techIntensity[i]] - share) + noiseRange * (u - 0.5);
      share = fround(s < 0.01 ? 0.01 : Math.min(s, 1));
      exportShare[i] = share;
      const up = (hi >>> 16) * UNIT16;
      if (up < addProb * (1 + 0.05 * kn) && m < maxM) m += 1;
      else if (m > 1 && (hash(downKey ^ mult) >>> 0) * UNIT < dropProb) m -= 1;
      markets[i] = m;
    }

    // --- state and position (processes/classify.ts)
    const st = now ? (reent ? 2 : 1) : ever === 0 ? 0 : susp ? 3 : plans ? 5 : 4;
    state[i] = st;
    let pos: number;
    if (trad === 0) pos = 0;
    else if (now || susp) {
      const fromInception = firstYear - founded[i] <= invInceptionYears;
      pos = fromInception && share >= invMinShare ? 5 : yearsEx >= experiencedYears ? 4 : 3;
    } else {
      const meanBarrier = 0.25 * (bA + bR + bO + bS);
      pos = plans || meanBarrier <= capableMaxBarrier ? 2 : 1;
    }
    position[i] = pos;

    // --- performance (processes/performance.ts)
    const exportedThen = lag === 0 ? now : (history >>> bit) & 1;
    const g =
      salesGrowth[i] + growthBase + growthBonus * exportedThen + salesNoise * LOGISTIC[hd >>> 20];
    const growth = fround(g);
    salesGrowth[i] = growth;
    // sales *= expFast(g) and employees = expFast(logEmp), inlined (a call would box).
    let ey = g * EXP_STEPS;
    let ek = Math.floor(ey);
    let er = (ey - ek) * (1 / EXP_STEPS);
    sales[i] *=
      ek >= -EXP_MID && ek < EXP_MID
        ? EXPG[ek + EXP_MID] * (1 + er * (1 + er * (0.5 + er * (1 / 6 + er * (1 / 24)))))
        : Math.exp(g);
    let logEmp = logEmployees[i] + empEl * g;
    logEmp = logEmp < 0 ? 0 : Math.min(logEmp, LOG_MAX_EMPLOYEES);
    logEmployees[i] = logEmp;
    ey = logEmp * EXP_STEPS;
    ek = Math.floor(ey);
    er = (ey - ek) * (1 / EXP_STEPS);
    employees[i] = EXPG[ek + EXP_MID] * (1 + er * (1 + er * (0.5 + er * (1 / 6 + er * (1 / 24)))));

    // --- the year's tallies (processes/collect.ts): one (segment, state) cell per firm
    if (cells !== null) {
      const newborn = born_N[i];
      const cell = ((newborn ? segmentBorn_N![i] : segment_N![i]) * N_STATES + st) * NM;
      const exited = tr === T_EXIT || tr === T_SUSPENSION ? 1 : 0;
      const reentry = tr === T_REENTRY ? 1 : 0;
      cells[cell + m_firms] += 1;
      cells[cell + m_tradable] += trad;
      const w = weight[i];
      cells[cell + m_weight_sum] += w;
      cells[cell + m_sales_growth_sum] += growth;
      if (newborn) cells[cell + m_births] += 1;
      if (newborn === 2) cells[cell + m_exporter_deaths] += 1;
      if (trad !== 0) {
        cells[cell + m_hysteresis_sum] += hysteresis;
        cells[cell + m_hysteresis_n] += 1;
      }
      if (founderExp) {
        cells[cell + m_founder_experience_firms] += 1;
        cells[cell + m_founder_experience_exporters] += now;
      }
      if (recipients_N?.[i]) {
        const dead = baselineExporting_N![i];
        cells[cell + m_recipients] += 1;
        cells[cell + m_recipients_exporting] += now;
        cells[cell + m_deadweight] += dead;
        cells[cell + m_spend] += e.spend[i];
        cells[cell + m_weighted_recipients] += w;
        cells[cell + m_weighted_deadweight] += w * dead;
        if (!referenceRecipients_N?.[i]) {
          cells[cell + m_added_recipients] += 1;
          cells[cell + m_added_deadweight] += dead;
          cells[cell + m_weighted_added_recipients] += w;
          cells[cell + m_weighted_added_deadweight] += w * dead;
        }
      }
      if (now) {
        cells[cell + m_exporters] += 1;
        cells[cell + m_weighted_exporters] += w;
        cells[cell + m_intensity_sum] += share;
        cells[cell + m_markets_sum] += m;
        const age = spell - 1;
        if (age <= 4) cells[cell + m_spell_age_0 + age] += 1;
        if (tr === T_ENTRY) cells[cell + m_entries] += 1;
        else if (reentry) cells[cell + m_re_entries] += 1;
      }
      if (tr === T_CONTINUING || exited) {
        cells[cell + m_exported_last_year] += 1;
        cells[cell + m_exits] += exited;
        if (tr === T_SUSPENSION) cells[cell + m_suspensions] += 1;
        if (marketsBefore === 1) {
          cells[cell + m_one_market_exporters] += 1;
          cells[cell + m_one_market_exits] += exited;
        } else if (marketsBefore >= 3) {
          cells[cell + m_three_plus_market_exporters] += 1;
          cells[cell + m_three_plus_market_exits] += exited;
        }
      }
      if (gapBefore === 1) {
        cells[cell + m_gap1_at_risk] += 1;
        cells[cell + m_gap1_reentries] += reentry;
      } else if (gapBefore >= 3) {
        cells[cell + m_gap3plus_at_risk] += 1;
        cells[cell + m_gap3plus_reentries] += reentry;
      }
    }
  }
}

const NM = N_METRICS;
const N_STATES = STATES.length;
// Metric offsets as module constants (imported bindings are slow to read in hot loops).
const m_births = M.births;
const m_deadweight = M.deadweight;
const m_entries = M.entries;
const m_exits = M.exits;
const m_exported_last_year = M.exported_last_year;
const m_exporters = M.exporters;
const m_firms = M.firms;
const m_founder_experience_exporters = M.founder_experience_exporters;
const m_founder_experience_firms = M.founder_experience_firms;
const m_gap1_at_risk = M.gap1_at_risk;
const m_gap1_reentries = M.gap1_reentries;
const m_gap3plus_at_risk = M.gap3plus_at_risk;
const m_gap3plus_reentries = M.gap3plus_reentries;
const m_hysteresis_n = M.hysteresis_n;
const m_hysteresis_sum = M.hysteresis_sum;
const m_intensity_sum = M.intensity_sum;
const m_markets_sum = M.markets_sum;
const m_one_market_exits = M.one_market_exits;
const m_one_market_exporters = M.one_market_exporters;
const m_re_entries = M.re_entries;
const m_recipients = M.recipients;
const m_spend = M.spend;
const m_added_recipients = M.added_recipients;
const m_added_deadweight = M.added_deadweight;
const m_weighted_recipients = M.weighted_recipients;
const m_exporter_deaths = M.exporter_deaths;
const m_weighted_deadweight = M.weighted_deadweight;
const m_weighted_added_recipients = M.weighted_added_recipients;
const m_weighted_added_deadweight = M.weighted_added_deadweight;
const m_recipients_exporting = M.recipients_exporting;
const m_sales_growth_sum = M.sales_growth_sum;
const m_spell_age_0 = M.spell_age_0;
const m_suspensions = M.suspensions;
const m_three_plus_market_exits = M.three_plus_market_exits;
const m_three_plus_market_exporters = M.three_plus_market_exporters;
const m_tradable = M.tradable;
const m_weight_sum = M.weight_sum;
const m_weighted_exporters = M.weighted_exporters;
