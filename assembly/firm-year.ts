/**
 * The fused firm-year pass of src/simulate/kernel/firm-year.ts, compiled to WebAssembly. Each
 * line mirrors a line there in the same floating-point order, with every Float32 column store
 * rounded the same way, so both give the same bits (test/simulate/wasm-kernel.test.ts). Linear
 * memory needs no bounds check per column access and keeps column addresses in registers,
 * which is where the JavaScript pass spent most of its instructions.
 */

import { mix32s, SLOT_MULT, unit } from "./hash";
import { above, below } from "./clamp";
import { hostExp, hostLog } from "./host";
import * as L from "./layout";
import * as M from "./metrics";
import { staticIndexAt } from "./static-index";

const LOW20: i32 = 0xfffff;
const UNIT20: f64 = 1.0 / 1048576.0;
const UNIT16: f64 = 1.0 / 65536.0;
const SIG_OFFSET: f64 = 20;
const SIG_SCALE: f64 = 32;
const SIG_LAST: f64 = 1280;
const EXP_SCALE: f64 = 32;
const EXP_LAST: f64 = 2048;
const EXP_STEPS: f64 = 64;
const BUSINESS_SERVICES: i32 = 2;
const T_NONE: i32 = 0;
const T_ENTRY: i32 = 1;
const T_CONTINUING: i32 = 2;
const T_EXIT: i32 = 3;
const T_REENTRY: i32 = 4;
const T_SUSPENSION: i32 = 5;

@inline
function f32r(x: f64): f64 {
  return <f64>(<f32>x);
}

@inline
function table(t: usize, k: i32): f64 {
  return load<f64>(t + (<usize>k << 3));
}

/** Linear interpolation in a table at x >= 0 (x clamped by the caller). */
@inline
function lerp(t: usize, x: f64): f64 {
  const k = <i32>x;
  const a = table(t, k);
  return a + (x - <f64>k) * (table(t, k + 1) - a);
}

/** `sigmoid` of src/simulate/fastmath.ts. */
@inline
function sigmoid(t: usize, z: f64): f64 {
  const x = (z + SIG_OFFSET) * SIG_SCALE;
  if (!(x > 0)) return table(t, 0);
  if (x >= SIG_LAST) return table(t, <i32>SIG_LAST);
  return lerp(t, x);
}

/** exp(x) from the grid table (expFast of fastmath.ts) where it covers x. */
@inline
function expGrid(t: usize, mid: i32, x: f64): f64 {
  const ey = x * EXP_STEPS;
  const ek = Math.floor(ey);
  const er = (ey - ek) * (1 / EXP_STEPS);
  if (ek >= -<f64>mid && ek < <f64>mid) {
    return table(t, <i32>ek + mid) * (1 + er * (1 + er * (0.5 + er * (1.0 / 6 + er * (1.0 / 24)))));
  }
  return hostExp(x);
}

/**
 * One year of slots [start, end) of the scenario described at `d`, after the range's deaths and
 * births (demography.ts, births.ts). `acting`: programme effects act; `tally`: add the year into
 * the cells at slot CELLS. Each combination of flags runs its own copy of the loop, compiled
 * with the flags as constants: a burn-in year carries neither the effect columns nor the
 * tallies, which leaves the engine more registers for the columns it does read.
 */
export function firmYearPass(
  d: usize,
  start: i32,
  end: i32,
  year: i32,
  acting: bool,
  tally: bool,
  expMid: i32,
): void {
  if (acting) {
    if (tally) passActingTally(d, start, end, year, expMid);
    else passActing(d, start, end, year, expMid);
  } else if (tally) passTally(d, start, end, year, expMid);
  else passPlain(d, start, end, year, expMid);
}

function passPlain(d: usize, start: i32, end: i32, year: i32, expMid: i32): void {
  pass(d, start, end, year, false, false, expMid);
}

function passTally(d: usize, start: i32, end: i32, year: i32, expMid: i32): void {
  pass(d, start, end, year, false, true, expMid);
}

function passActing(d: usize, start: i32, end: i32, year: i32, expMid: i32): void {
  pass(d, start, end, year, true, false, expMid);
}

function passActingTally(d: usize, start: i32, end: i32, year: i32, expMid: i32): void {
  pass(d, start, end, year, true, true, expMid);
}

@inline
function pass(
  d: usize,
  start: i32,
  end: i32,
  year: i32,
  acting: bool,
  tally: bool,
  expMid: i32,
): void {
  const sector = L.at(d, L.SECTOR);
  const logEmployees = L.at(d, L.LOG_EMPLOYEES);
  const employees = L.at(d, L.EMPLOYEES);
  const techIntensity = L.at(d, L.TECH_INTENSITY);
  const founderExportExperience = L.at(d, L.FOUNDER_EXPORT_EXPERIENCE);
  const largeFirmLinks = L.at(d, L.LARGE_FIRM_LINKS);
  const clientPull = L.at(d, L.CLIENT_PULL);
  const partnerDependence = L.at(d, L.PARTNER_DEPENDENCE);
  const barrierAttitudinal = L.at(d, L.BARRIER_ATTITUDINAL);
  const barrierResource = L.at(d, L.BARRIER_RESOURCE);
  const barrierOperational = L.at(d, L.BARRIER_OPERATIONAL);
  const barrierStrategic = L.at(d, L.BARRIER_STRATEGIC);
  const sunkCostConcern = L.at(d, L.SUNK_COST_CONCERN);
  const domesticDemand = L.at(d, L.DOMESTIC_DEMAND);
  const knowledge = L.at(d, L.KNOWLEDGE);
  const founded = L.at(d, L.FOUNDED);
  const tradable = L.at(d, L.TRADABLE);
  const exporting = L.at(d, L.EXPORTING);
  const exportHistory = L.at(d, L.EXPORT_HISTORY);
  const markets = L.at(d, L.MARKETS);
  const everExported = L.at(d, L.EVER_EXPORTED);
  const plansToExport = L.at(d, L.PLANS_TO_EXPORT);
  const suspended = L.at(d, L.SUSPENDED);
  const yearsSinceExit = L.at(d, L.YEARS_SINCE_EXIT);
  const spellYears = L.at(d, L.SPELL_YEARS);
  const yearsExported = L.at(d, L.YEARS_EXPORTED);
  const firstExportYear = L.at(d, L.FIRST_EXPORT_YEAR);
  const lastExportYear = L.at(d, L.LAST_EXPORT_YEAR);
  const reentered = L.at(d, L.REENTERED);
  const exportShare = L.at(d, L.EXPORT_SHARE);
  const state = L.at(d, L.STATE);
  const position = L.at(d, L.POSITION);
  const sales = L.at(d, L.SALES);
  const salesGrowth = L.at(d, L.SALES_GROWTH);
  const weight = L.at(d, L.WEIGHT);
  const born = L.at(d, L.BORN);
  const staticIndex = L.at(d, L.STATIC_INDEX);
  const sunkCostOffset = L.at(d, L.SUNK_COST_OFFSET);
  const fixedCostOffset = L.at(d, L.FIXED_COST_OFFSET);
  const barrierReduction = L.at(d, L.BARRIER_REDUCTION);
  const learningBoost = L.at(d, L.LEARNING_BOOST);
  const linkProbability = L.at(d, L.LINK_PROBABILITY);
  const mentoringExperience = L.at(d, L.MENTORING_EXPERIENCE);
  const cells = L.at(d, L.CELLS);
  const segment = L.at(d, L.SEGMENT);
  const segmentBorn = L.at(d, L.SEGMENT_BORN);
  const recipients = L.at(d, L.RECIPIENTS);
  const baselineExporting = L.at(d, L.BASELINE_EXPORTING);
  const spend = L.at(d, L.SPEND);
  const referenceRecipients = L.at(d, L.REFERENCE_RECIPIENTS);
  const SIG = L.at(d, L.T_SIGMOID);
  const EXPN = L.at(d, L.T_EXP_NEG);
  const LOG_SMALL = L.at(d, L.T_LOG_SMALL);
  const LOGISTIC = L.at(d, L.T_LOGISTIC);
  const EXPG = L.at(d, L.T_EXP_GRID);
  const lost = L.at(d, L.T_LOST);
  const lostSuspended = L.at(d, L.T_LOST_SUSPENDED);
  const targets = L.at(d, L.T_INTENSITY_TARGETS);
  const pullKey = <i32>L.at(d, L.KEY_PULL);
  const linkKey = <i32>L.at(d, L.KEY_LINK);
  const mentoringKey = <i32>L.at(d, L.KEY_MENTORING);
  const decisionKey = <i32>L.at(d, L.KEY_DECISION);
  const projectKey = <i32>L.at(d, L.KEY_PROJECT);
  const plansKey = <i32>L.at(d, L.KEY_PLANS);
  const discoveryKey = <i32>L.at(d, L.KEY_DISCOVERY);
  const noiseKey = <i32>L.at(d, L.KEY_NOISE);
  const downKey = <i32>L.at(d, L.KEY_DOWN);
  const pullP = L.constant(d, L.C_PULL_EVENT_PROB);
  const organicLink = L.constant(d, L.C_LINK_FORMATION_PROB);
  const organicLinkProb = L.constant(d, L.C_ORGANIC_LINK_PROB);
  const effectLogEmployees = L.constant(d, L.C_EFFECT_LOG_EMPLOYEES);
  const effectLinks = L.constant(d, L.C_EFFECT_LINKS);
  const effectPull = L.constant(d, L.C_EFFECT_PULL);
  const effectPush = L.constant(d, L.C_EFFECT_PUSH);
  const barrierPerPoint = L.constant(d, L.C_BARRIER_PER_POINT);
  const barrierOffset = L.constant(d, L.C_BARRIER_OFFSET);
  const effectDomesticDemand = L.constant(d, L.C_EFFECT_DOMESTIC_DEMAND);
  const effectKnowledge = L.constant(d, L.C_EFFECT_KNOWLEDGE);
  const effectYoung = L.constant(d, L.C_EFFECT_YOUNG);
  const youngFrom = year - 4;
  const effectLogMarkets = L.constant(d, L.C_EFFECT_LOG_MARKETS);
  const effectPlans = L.constant(d, L.C_EFFECT_PLANS);
  const sunk0 = L.constant(d, L.C_SUNK_ENTRY_COST);
  const fixed0 = L.constant(d, L.C_FIXED_EXPORT_COST);
  const concernScale = L.constant(d, L.C_SUNK_COST_CONCERN_SCALE);
  const knowledgeCostReduction = L.constant(d, L.C_KNOWLEDGE_COST_REDUCTION);
  const pullCostShare = L.constant(d, L.C_PULL_COST_SHARE);
  const projectEndProb = L.constant(d, L.C_PROJECT_END_PROB);
  const repeatBusinessProb = L.constant(d, L.C_REPEAT_BUSINESS_PROB);
  const plansBase = L.constant(d, L.C_PLANS_BASE);
  const plansPerKnowledge = L.constant(d, L.C_PLANS_PER_KNOWLEDGE);
  const discoveryProb = L.constant(d, L.C_BARRIER_DISCOVERY_PROB);
  const discoveryPoints = L.constant(d, L.C_BARRIER_DISCOVERY_POINTS);
  const keep = L.constant(d, L.C_KNOWLEDGE_KEEP);
  const gain = L.constant(d, L.C_LEARNING_PER_YEAR);
  const startHigh = L.constant(d, L.C_INTENSITY_START_HIGH);
  const startLow = L.constant(d, L.C_INTENSITY_START_LOW);
  const adj = L.constant(d, L.C_INTENSITY_ADJUSTMENT);
  const noiseRange = L.constant(d, L.C_INTENSITY_NOISE_RANGE);
  const maxM = L.constant(d, L.C_MAX_MARKETS);
  const addProb = L.constant(d, L.C_MARKET_ADD_PROB);
  const dropProb = L.constant(d, L.C_MARKET_DROP_PROB);
  const invInceptionYears = L.constant(d, L.C_INV_INCEPTION_YEARS);
  const invMinShare = L.constant(d, L.C_INV_MIN_SHARE);
  const experiencedYears = L.constant(d, L.C_EXPERIENCED_YEARS);
  const capableMaxBarrier = L.constant(d, L.C_CAPABLE_MAX_BARRIER);
  const lag = <i32>L.constant(d, L.C_EXPORT_PERFORMANCE_LAG);
  const bit = lag - 1;
  const growthBase = L.constant(d, L.C_SALES_GROWTH_BASE);
  const growthBonus = L.constant(d, L.C_SALES_GROWTH_EXPORT_LAGGED);
  const salesNoise = L.constant(d, L.C_SALES_NOISE);
  const empEl = L.constant(d, L.C_EMPLOYMENT_ELASTICITY);
  const founderKnowledge = L.constant(d, L.C_FOUNDER_KNOWLEDGE);
  const logMaxEmployees = L.constant(d, L.C_LOG_MAX_EMPLOYEES);
  for (let i = start; i < end; i++) {
    const ui = <usize>i;
    const i2 = ui << 1;
    const i4 = ui << 2;
    const i8 = ui << 3;
    const mult = (i + 1) * SLOT_MULT;
    // --- networks
    let links = <i32>load<u8>(largeFirmLinks + ui);
    let pulled = <i32>load<u8>(clientPull + ui);
    if (links == 1) {
      if (pulled == 0 && unit(mix32s(pullKey ^ mult)) < pullP) {
        pulled = 1;
        store<u8>(clientPull + ui, 1);
      }
    } else {
      const prob = acting
        ? 1 - (1 - organicLink) * (1 - load<f64>(linkProbability + i8))
        : organicLinkProb;
      if (unit(mix32s(linkKey ^ mult)) < prob) {
        links = 1;
        store<u8>(largeFirmLinks + ui, 1);
      }
    }
    const trad = <i32>load<u8>(tradable + ui);
    const cut: f64 = acting ? load<f64>(barrierReduction + i8) : 0;
    let bA: f64 = 0;
    let bR: f64 = 0;
    let bO: f64 = 0;
    let bS: f64 = 0;
    if (trad != 0 || cut != 0) {
      bA = <f64>load<f32>(barrierAttitudinal + i4);
      bR = <f64>load<f32>(barrierResource + i4);
      bO = <f64>load<f32>(barrierOperational + i4);
      bS = <f64>load<f32>(barrierStrategic + i4);
    }
    let kn = <f64>load<f32>(knowledge + i4);
    let founderExp = <i32>load<u8>(founderExportExperience + ui);
    // --- support, only while a programme acts
    if (acting) {
      if (cut != 0) {
        bA = f32r(above(1, bA - cut));
        bR = f32r(above(1, bR - cut));
        bO = f32r(above(1, bO - cut));
        bS = f32r(above(1, bS - cut));
        store<f32>(barrierAttitudinal + i4, <f32>bA);
        store<f32>(barrierResource + i4, <f32>bR);
        store<f32>(barrierOperational + i4, <f32>bO);
        store<f32>(barrierStrategic + i4, <f32>bS);
      }
      const boost = load<f64>(learningBoost + i8);
      if (boost != 0) kn = f32r(kn + boost);
      const mentor = load<f64>(mentoringExperience + i8);
      if (mentor != 0 && founderExp == 0) {
        if (unit(mix32s(mentoringKey ^ mult)) < mentor) {
          founderExp = 1;
          store<u8>(founderExportExperience + ui, 1);
          kn = f32r(kn + founderKnowledge);
          staticIndexAt(d, i);
        }
      }
    }

    // --- export decision
    const last = <i32>load<u8>(exporting + ui);
    const hd = mix32s(decisionKey ^ mult);
    let ever = <i32>load<u8>(everExported + ui);
    let history: i32 = 0;
    let gapSince: i32 = -1;
    let m: i32 = 0;
    let plans: i32 = 0;
    let susp: i32 = 0;
    let spell: i32 = 0;
    let yearsEx: i32 = 0;
    let firstYear: i32 = -1;
    let reent: i32 = 0;
    let share: f64 = 0;
    if (ever != 0) {
      history = (load<i32>(exportHistory + i4) << 1) | last;
      store<i32>(exportHistory + i4, history);
      gapSince = load<i32>(yearsSinceExit + i4);
      m = <i32>load<u16>(markets + i2);
      plans = <i32>load<u8>(plansToExport + ui);
      susp = <i32>load<u8>(suspended + ui);
      spell = load<i32>(spellYears + i4);
      yearsEx = load<i32>(yearsExported + i4);
      firstYear = load<i32>(firstExportYear + i4);
      reent = <i32>load<u8>(reentered + ui);
      share = <f64>load<f32>(exportShare + i4);
    }
    const gapBefore = gapSince <= 0 ? 0 : min(gapSince, 255);
    const marketsBefore = m;
    let now: i32 = 0;
    let tr = T_NONE;
    let hysteresis: f64 = NaN;
    if (trad == 0) {
      if (last != 0) store<u8>(exporting + ui, 0);
    } else {
      let index =
        load<f64>(staticIndex + i8) +
        effectLogEmployees * <f64>load<f32>(logEmployees + i4) +
        effectLinks * <f64>links +
        (pulled == 0 ? 0 : effectPull + effectPush * <f64>load<u8>(partnerDependence + ui)) +
        barrierPerPoint * (bA + bR + bO + bS) +
        barrierOffset +
        effectDomesticDemand * <f64>load<f32>(domesticDemand + i4) +
        effectKnowledge * kn +
        (load<i32>(founded + i4) >= youngFrom ? effectYoung : 0);
      const contIndex = index + effectLogMarkets * (m < 256 ? table(LOG_SMALL, m) : hostLog(<f64>m));
      if (!last && ever && plans) index += effectPlans;
      const fixed = acting ? fixed0 - load<f64>(fixedCostOffset + i8) : fixed0;
      let sunk = sunk0 * (1 + concernScale * (<f64>load<f32>(sunkCostConcern + i4) - 3));
      const ky = knowledgeCostReduction * kn * EXP_SCALE;
      if (ky > 0) {
        if (ky >= EXP_LAST) sunk *= hostExp(-ky / EXP_SCALE);
        else sunk *= lerp(EXPN, ky);
      }
      if (ever && !last) sunk *= table(susp ? lostSuspended : lost, gapBefore);
      if (pulled) sunk *= 1 - pullCostShare;
      sunk = max<f64>(0, acting ? sunk - load<f64>(sunkCostOffset + i8) : sunk - 0);
      let x = (contIndex - fixed + SIG_OFFSET) * SIG_SCALE;
      x = x > 0 ? below(x, SIG_LAST) : 0;
      const pStay = lerp(SIG, x);
      x = (index - fixed - sunk + SIG_OFFSET) * SIG_SCALE;
      x = x > 0 ? below(x, SIG_LAST) : 0;
      const pStart = lerp(SIG, x);
      hysteresis = f32r(pStay - pStart);
      const u = <f64>(hd & LOW20) * UNIT20;
      const p = last ? pStay : pStart;
      now = u < p ? 1 : 0;
      let projectEnded = false;
      if (now && last && <i32>load<u8>(sector + ui) == BUSINESS_SERVICES) {
        if (unit(mix32s(projectKey ^ mult)) < projectEndProb) {
          now = 0;
          projectEnded = true;
        }
      }
      store<u8>(exporting + ui, <u8>now);
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
            if (unit(mix32s(discoveryKey ^ mult)) < discoveryProb) {
              bO = f32r(below(bO + discoveryPoints, 5));
              bS = f32r(below(bS + discoveryPoints, 5));
              bR = f32r(below(bR + discoveryPoints, 5));
              store<f32>(barrierOperational + i4, <f32>bO);
              store<f32>(barrierStrategic + i4, <f32>bS);
              store<f32>(barrierResource + i4, <f32>bR);
            }
          }
        }
        yearsEx += 1;
        ever = 1;
        store<i32>(lastExportYear + i4, year);
        gapSince = 0;
        susp = 0;
        plans = 0;
      } else if (last) {
        spell = 0;
        gapSince = 1;
        reent = 0;
        const w = unit(mix32s(plansKey ^ mult));
        if (projectEnded && w < repeatBusinessProb) {
          susp = 1;
          plans = 1;
          tr = T_SUSPENSION;
        } else {
          plans = w < sigmoid(SIG, plansBase + plansPerKnowledge * kn) ? 1 : 0;
          tr = T_EXIT;
        }
      } else if (ever) {
        gapSince += 1;
        if (susp && gapSince > 2) susp = 0;
      }
      if (now || last || ever) {
        store<i32>(spellYears + i4, spell);
        store<i32>(yearsExported + i4, yearsEx);
        store<u8>(everExported + ui, <u8>ever);
        store<i32>(firstExportYear + i4, firstYear);
        store<u8>(reentered + ui, <u8>reent);
        store<i32>(yearsSinceExit + i4, gapSince);
        store<u8>(suspended + ui, <u8>susp);
        store<u8>(plansToExport + ui, <u8>plans);
      }
    }

    // --- learning
    kn = f32r(keep * kn + gain * <f64>now);
    store<f32>(knowledge + i4, <f32>kn);

    // --- intensity and markets
    if (tr == T_ENTRY || tr == T_REENTRY) {
      share = load<u8>(techIntensity + ui) == 2 ? f32r(startHigh) : f32r(startLow);
      store<f32>(exportShare + i4, <f32>share);
      m = 1;
      store<u16>(markets + i2, 1);
    } else if (tr == T_CONTINUING) {
      const hi = mix32s(noiseKey ^ mult);
      const u = <f64>(hi & 0xffff) * UNIT16;
      const s =
        share +
        adj * (table(targets, <i32>load<u8>(techIntensity + ui)) - share) +
        noiseRange * (u - 0.5);
      share = f32r(s < 0.01 ? 0.01 : below(s, 1));
      store<f32>(exportShare + i4, <f32>share);
      const up = <f64>(hi >>> 16) * UNIT16;
      if (up < addProb * (1 + 0.05 * kn) && <f64>m < maxM) m += 1;
      else if (m > 1 && unit(mix32s(downKey ^ mult)) < dropProb) m -= 1;
      store<u16>(markets + i2, <u16>m);
    }

    // --- state and position
    const st: i32 = now ? (reent ? 2 : 1) : ever == 0 ? 0 : susp ? 3 : plans ? 5 : 4;
    store<u8>(state + ui, <u8>st);
    let pos: i32;
    if (trad == 0) pos = 0;
    else if (now || susp) {
      const fromInception = <f64>(firstYear - load<i32>(founded + i4)) <= invInceptionYears;
      pos = fromInception && share >= invMinShare ? 5 : <f64>yearsEx >= experiencedYears ? 4 : 3;
    } else {
      const meanBarrier = 0.25 * (bA + bR + bO + bS);
      pos = plans || meanBarrier <= capableMaxBarrier ? 2 : 1;
    }
    store<u8>(position + ui, <u8>pos);

    // --- performance
    const exportedThen = lag == 0 ? now : (history >>> bit) & 1;
    const g =
      <f64>load<f32>(salesGrowth + i4) +
      growthBase +
      growthBonus * <f64>exportedThen +
      salesNoise * table(LOGISTIC, <i32>(<u32>hd >>> 20));
    const growth = f32r(g);
    store<f32>(salesGrowth + i4, <f32>growth);
    store<f64>(sales + i8, load<f64>(sales + i8) * expGrid(EXPG, expMid, g));
    let logEmp = <f64>load<f32>(logEmployees + i4) + empEl * g;
    logEmp = logEmp < 0 ? 0 : below(logEmp, logMaxEmployees);
    store<f32>(logEmployees + i4, <f32>logEmp);
    store<f32>(employees + i4, <f32>expGrid(EXPG, expMid, logEmp));

    // --- the year's tallies: one (segment, state) cell per firm
    if (tally) {
      const newborn = load<u8>(born + ui);
      const seg = newborn ? load<u8>(segmentBorn + ui) : load<u8>(segment + ui);
      const cell = cells + ((<usize>(seg * M.N_STATES + st) * M.N_METRICS) << 3);
      const exited: f64 = tr == T_EXIT || tr == T_SUSPENSION ? 1 : 0;
      const reentry: f64 = tr == T_REENTRY ? 1 : 0;
      add(cell, M.M_FIRMS, 1);
      add(cell, M.M_TRADABLE, <f64>trad);
      const w = load<f64>(weight + i8);
      add(cell, M.M_WEIGHT_SUM, w);
      add(cell, M.M_SALES_GROWTH_SUM, growth);
      if (newborn) add(cell, M.M_BIRTHS, 1);
      if (newborn == 2) add(cell, M.M_EXPORTER_DEATHS, 1);
      if (trad != 0) {
        add(cell, M.M_HYSTERESIS_SUM, hysteresis);
        add(cell, M.M_HYSTERESIS_N, 1);
      }
      if (founderExp) {
        add(cell, M.M_FOUNDER_EXPERIENCE_FIRMS, 1);
        add(cell, M.M_FOUNDER_EXPERIENCE_EXPORTERS, <f64>now);
      }
      if (recipients != 0 && load<u8>(recipients + ui) != 0) {
        const dead = <f64>load<u8>(baselineExporting + ui);
        add(cell, M.M_RECIPIENTS, 1);
        add(cell, M.M_RECIPIENTS_EXPORTING, <f64>now);
        add(cell, M.M_DEADWEIGHT, dead);
        add(cell, M.M_SPEND, load<f64>(spend + i8));
        add(cell, M.M_WEIGHTED_RECIPIENTS, w);
        add(cell, M.M_WEIGHTED_DEADWEIGHT, w * dead);
        if (referenceRecipients == 0 || load<u8>(referenceRecipients + ui) == 0) {
          add(cell, M.M_ADDED_RECIPIENTS, 1);
          add(cell, M.M_ADDED_DEADWEIGHT, dead);
          add(cell, M.M_WEIGHTED_ADDED_RECIPIENTS, w);
          add(cell, M.M_WEIGHTED_ADDED_DEADWEIGHT, w * dead);
        }
      }
      if (now) {
        add(cell, M.M_EXPORTERS, 1);
        add(cell, M.M_WEIGHTED_EXPORTERS, w);
        add(cell, M.M_INTENSITY_SUM, share);
        add(cell, M.M_MARKETS_SUM, <f64>m);
        const age = spell - 1;
        if (age <= 4) add(cell, M.M_SPELL_AGE_0 + age, 1);
        if (tr == T_ENTRY) add(cell, M.M_ENTRIES, 1);
        else if (reentry != 0) add(cell, M.M_RE_ENTRIES, 1);
      }
      if (tr == T_CONTINUING || exited != 0) {
        add(cell, M.M_EXPORTED_LAST_YEAR, 1);
        add(cell, M.M_EXITS, exited);
        if (tr == T_SUSPENSION) add(cell, M.M_SUSPENSIONS, 1);
        if (marketsBefore == 1) {
          add(cell, M.M_ONE_MARKET_EXPORTERS, 1);
          add(cell, M.M_ONE_MARKET_EXITS, exited);
        } else if (marketsBefore >= 3) {
          add(cell, M.M_THREE_PLUS_MARKET_EXPORTERS, 1);
          add(cell, M.M_THREE_PLUS_MARKET_EXITS, exited);
        }
      }
      if (gapBefore == 1) {
        add(cell, M.M_GAP1_AT_RISK, 1);
        add(cell, M.M_GAP1_REENTRIES, reentry);
      } else if (gapBefore >= 3) {
        add(cell, M.M_GAP3PLUS_AT_RISK, 1);
        add(cell, M.M_GAP3PLUS_REENTRIES, reentry);
      }
    }
  }
}

@inline
function add(cell: usize, metric: i32, v: f64): void {
  const a = cell + (<usize>metric << 3);
  store<f64>(a, load<f64>(a) + v);
}
