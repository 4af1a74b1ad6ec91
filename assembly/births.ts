/**
 * Newborns: the second loop of src/simulate/kernel/births.ts with the newborn path of
 * src/simulate/synthesize.ts (synthesizeFirm with age 0, then resetDynamics), same draws,
 * order and rounding. A slot flagged in `born` gets a firm founded this year, a new firm id,
 * its static index and its demand shock.
 */
import { below } from "./clamp";
import { newbornDemand } from "./demography";
import { mix32s, SLOT_MULT, unit } from "./hash";
import * as L from "./layout";
import { staticIndexAt } from "./static-index";

const HALF: f64 = 1.0 / 65536.0;
const EXP_STEPS: f64 = 64;
/** Synthesis streams (synthesize.ts S). */
const S_SECTOR_TRADABLE: i32 = 0;
const S_SIZE_TECH: i32 = 1;
const S_ENTREPRENEUR: i32 = 2;
const S_INDUSTRY_LINKS: i32 = 3;
const S_DEPENDENCE_CONTROL: i32 = 4;
const S_CLUSTER_INCUBATOR: i32 = 5;
const S_LOCATION_HOME: i32 = 6;
const S_BARRIER_COMMON: i32 = 7;
const S_BARRIER01: i32 = 8;
const S_BARRIER23: i32 = 9;
const S_INV: i32 = 10;
/** Offsets in the synthesis table (arena.ts synthTable). */
const SECTOR_CUTS: i32 = 0;
const TRADABLE_BY_SECTOR: i32 = 4;
const TECH_LOW_CUT: i32 = 9;
const TECH_MEDIUM_CUT: i32 = 14;

@inline
function clamp(x: f64, lo: f64, hi: f64): f64 {
  return x < lo ? lo : below(x, hi);
}

@inline
function entry(t: usize, k: i32): f64 {
  return load<f64>(t + (<usize>k << 3));
}

@inline
function half(h: i32): f64 {
  return <f64>(h & 0xffff) * HALF;
}

@inline
function high(h: i32): f64 {
  return <f64>(<u32>h >>> 16) * HALF;
}

@inline
function b(x: bool): u8 {
  return x ? 1 : 0;
}

/** Refills the flagged slots of [start, end). */
export function birthsInRange(d: usize, start: i32, end: i32, year: i32, expMid: i32): void {
  const born = L.at(d, L.BORN);
  for (let i = start; i < end; i++) {
    if (load<u8>(born + <usize>i) != 0) birthAt(d, i, year, expMid);
  }
}

/** Refills slot i with a newborn: a firm founded this year, a new id, its static index and demand. */
export function birthAt(d: usize, i: i32, year: i32, expMid: i32): void {
  const ui = <usize>i;
  const mult = (i + 1) * SLOT_MULT;
  const restart = unit(mix32s(<i32>L.at(d, L.KEY_RESTART) ^ mult)) < L.constant(d, L.C_FOUNDER_RESTART_PROB);
  const carried =
    <i32>(load<u8>(L.at(d, L.EVER_EXPORTED) + ui) == 1) |
    <i32>(load<u8>(L.at(d, L.FOUNDER_EXPORT_EXPERIENCE) + ui) == 1);
  newborn(d, i, L.at(d, L.SYNTH_KEYS), mult, year, restart, carried, expMid);
  const i4 = ui << 2;
  const generation = L.at(d, L.GENERATION);
  const g = load<i32>(generation + i4) + 1;
  store<i32>(generation + i4, g);
  store<f64>(L.at(d, L.FIRM_ID) + (ui << 3), <f64>i + <f64>g * L.constant(d, L.C_CAPACITY));
  staticIndexAt(d, i);
  newbornDemand(d, i);
}

@inline
function key(keys: usize, k: i32): i32 {
  return load<i32>(keys + (<usize>k << 2));
}

function newborn(
  d: usize,
  i: i32,
  keys: usize,
  mult: i32,
  year: i32,
  restart: bool,
  carried: i32,
  expMid: i32,
): void {
  const ui = <usize>i;
  const i4 = ui << 2;
  const i8 = ui << 3;
  const t = L.at(d, L.T_SYNTH);
  const NQ = L.at(d, L.T_NORMAL);
  const inv = half(mix32s(key(keys, S_INV) ^ mult)) < L.constant(d, L.C_INV_SHARE);

  const h0 = mix32s(key(keys, S_SECTOR_TRADABLE) ^ mult);
  const us = half(h0);
  // The cascades of synthesize.ts written as counts of the cut points passed: the cuts are
  // cumulative shares (non-decreasing), so the count is the cascade's answer. Comparisons
  // turned into integers and integer selects leave no branch on a random draw.
  const sector: i32 = select<i32>(
    select<i32>(0, 2, us < 0.6),
    <i32>(us >= entry(t, SECTOR_CUTS)) +
      <i32>(us >= entry(t, SECTOR_CUTS + 1)) +
      <i32>(us >= entry(t, SECTOR_CUTS + 2)) +
      <i32>(us >= entry(t, SECTOR_CUTS + 3)),
    inv,
  );
  store<u8>(L.at(d, L.SECTOR) + ui, <u8>sector);
  store<u8>(
    L.at(d, L.TRADABLE) + ui,
    <u8>(<i32>inv | <i32>(high(h0) < entry(t, TRADABLE_BY_SECTOR + sector))),
  );

  const h1 = mix32s(key(keys, S_SIZE_TECH) ^ mult);
  const z = entry(NQ, <i32>(<u32>h1 >>> 20));
  const logSize = clamp(L.constant(d, L.C_LOG_NEWBORN) + 0.5 * z, 0, L.constant(d, L.C_LOG_MAX_EMPLOYEES));
  const ey = logSize * EXP_STEPS;
  const ek = Math.floor(ey);
  const er = (ey - ek) * (1 / EXP_STEPS);
  const employees = <f32>(
    entry(L.at(d, L.T_EXP_GRID), <i32>ek + expMid) *
    (1 + er * (1 + er * (0.5 + er * (1.0 / 6 + er * (1.0 / 24)))))
  );
  store<f32>(L.at(d, L.EMPLOYEES) + i4, employees);
  store<f32>(L.at(d, L.LOG_EMPLOYEES) + i4, <f32>logSize);
  store<i32>(L.at(d, L.FOUNDED) + i4, year);
  const ut = half(h1);
  store<u8>(
    L.at(d, L.TECH_INTENSITY) + ui,
    <u8>select<i32>(
      2,
      <i32>(ut >= entry(t, TECH_LOW_CUT + sector)) +
        <i32>(ut >= entry(t, TECH_MEDIUM_CUT + sector)),
      inv,
    ),
  );

  const h2 = mix32s(key(keys, S_ENTREPRENEUR) ^ mult);
  const ue = half(h2);
  const type: i32 = select<i32>(
    1,
    select<i32>(2, 0, ue < L.constant(d, L.C_PORTFOLIO_CUT)),
    <i32>restart | <i32>(ue < L.constant(d, L.C_SERIAL_CUT)),
  );
  store<u8>(L.at(d, L.ENTREPRENEUR_TYPE) + ui, <u8>type);
  const uf = high(h2);
  const founderExp: i32 =
    <i32>inv |
    (<i32>restart & carried) |
    select<i32>(
      <i32>(uf < L.constant(d, L.C_FOUNDER_EXP_NOVICE)),
      <i32>(uf < L.constant(d, L.C_FOUNDER_EXP_HABITUAL)),
      type == 0,
    );
  store<u8>(L.at(d, L.FOUNDER_EXPORT_EXPERIENCE) + ui, <u8>founderExp);

  const h3 = mix32s(key(keys, S_INDUSTRY_LINKS) ^ mult);
  store<u8>(
    L.at(d, L.FOUNDER_SAME_INDUSTRY) + ui,
    b(half(h3) < L.constant(d, L.C_SAME_INDUSTRY)),
  );
  const ul = high(h3);
  const linked: i32 = select<i32>(
    <i32>(ul < L.constant(d, L.C_LINK_MANUFACTURING)),
    <i32>(ul < L.constant(d, L.C_LINK_OTHER)),
    sector <= 1,
  );
  store<u8>(L.at(d, L.LARGE_FIRM_LINKS) + ui, <u8>linked);
  const h4 = mix32s(key(keys, S_DEPENDENCE_CONTROL) ^ mult);
  store<u8>(
    L.at(d, L.PARTNER_DEPENDENCE) + ui,
    <u8>(linked & <i32>(half(h4) < L.constant(d, L.C_DEPENDENCE))),
  );
  store<u8>(L.at(d, L.PREFERS_CONTROL) + ui, b(high(h4) < L.constant(d, L.C_CONTROL)));
  store<u8>(L.at(d, L.CLIENT_PULL) + ui, 0);
  const h5 = mix32s(key(keys, S_CLUSTER_INCUBATOR) ^ mult);
  store<u8>(L.at(d, L.CLUSTER) + ui, b(half(h5) < L.constant(d, L.C_CLUSTER)));
  const uc = high(h5);
  store<u8>(
    L.at(d, L.INCUBATOR) + ui,
    <u8>select<i32>(
      <i32>(uc < L.constant(d, L.C_INCUBATOR_KNOWLEDGE)),
      <i32>(uc < L.constant(d, L.C_INCUBATOR_OTHER)),
      <i32>(sector == 0) | <i32>inv,
    ),
  );
  const h6 = mix32s(key(keys, S_LOCATION_HOME) ^ mult);
  store<u8>(L.at(d, L.LOCATION) + ui, b(half(h6) < L.constant(d, L.C_RURAL)));
  store<u8>(L.at(d, L.HOME_ECONOMY) + ui, high(h6) < L.constant(d, L.C_SMALL_OPEN) ? 0 : 1);

  const h7 = mix32s(key(keys, S_BARRIER_COMMON) ^ mult);
  const h8 = mix32s(key(keys, S_BARRIER01) ^ mult);
  const h9 = mix32s(key(keys, S_BARRIER23) ^ mult);
  const sd = L.constant(d, L.C_BARRIER_SD);
  const m = L.constant(d, L.C_BARRIER_MEAN);
  const invShift: f64 = inv ? -1 : 0;
  const shared = 0.7 * entry(NQ, <i32>(<u32>h7 >>> 20));
  const fam0 = m + sd * (shared + 0.71 * entry(NQ, <i32>(<u32>h8 >>> 20)));
  const fam1 = m + sd * (shared + 0.71 * entry(NQ, <i32>((<u32>h8 >>> 8) & 0xfff)));
  const fam2 = m + sd * (shared + 0.71 * entry(NQ, <i32>(<u32>h9 >>> 20)));
  const fam3 = m + sd * (shared + 0.71 * entry(NQ, <i32>((<u32>h9 >>> 8) & 0xfff)));
  store<f32>(L.at(d, L.BARRIER_ATTITUDINAL) + i4, <f32>clamp(clamp(fam0, 1, 5) + invShift, 1, 5));
  store<f32>(L.at(d, L.BARRIER_RESOURCE) + i4, <f32>clamp(fam1, 1, 5));
  store<f32>(L.at(d, L.BARRIER_OPERATIONAL) + i4, <f32>clamp(fam2, 1, 5));
  store<f32>(L.at(d, L.BARRIER_STRATEGIC) + i4, <f32>clamp(clamp(fam3, 1, 5) + invShift, 1, 5));
  store<f32>(L.at(d, L.SUNK_COST_CONCERN) + i4, <f32>(1 + Math.floor(half(h7) * 5)));

  // resetDynamics: a firm that never exported, with the founder's knowledge.
  store<u8>(L.at(d, L.ALIVE) + ui, 1);
  store<u8>(L.at(d, L.EXPORTING) + ui, 0);
  store<i32>(L.at(d, L.EXPORT_HISTORY) + i4, 0);
  store<i32>(L.at(d, L.YEARS_EXPORTED) + i4, 0);
  store<i32>(L.at(d, L.SPELL_YEARS) + i4, 0);
  store<i32>(L.at(d, L.YEARS_SINCE_EXIT) + i4, -1);
  store<u8>(L.at(d, L.EVER_EXPORTED) + ui, 0);
  store<i32>(L.at(d, L.FIRST_EXPORT_YEAR) + i4, -1);
  store<i32>(L.at(d, L.LAST_EXPORT_YEAR) + i4, -1);
  store<u8>(L.at(d, L.REENTERED) + ui, 0);
  store<u8>(L.at(d, L.PLANS_TO_EXPORT) + ui, 0);
  store<u8>(L.at(d, L.SUSPENDED) + ui, 0);
  store<f32>(L.at(d, L.EXPORT_SHARE) + i4, 0);
  store<u16>(L.at(d, L.MARKETS) + (ui << 1), 0);
  store<u8>(L.at(d, L.STATE) + ui, 0);
  store<u8>(L.at(d, L.POSITION) + ui, 0);
  store<f32>(
    L.at(d, L.KNOWLEDGE) + i4,
    founderExp != 0 ? <f32>L.constant(d, L.C_FOUNDER_KNOWLEDGE) : 0,
  );
  store<f32>(L.at(d, L.DOMESTIC_DEMAND) + i4, 0);
  store<f32>(L.at(d, L.SALES_GROWTH) + i4, 0);
  store<f64>(L.at(d, L.SALES) + i8, <f64>employees * L.constant(d, L.C_SALES_PER_EMPLOYEE));
}
