/**
 * The profile of a simulated firm: the one record an adviser would write down about it, read by
 * programme eligibility (one reused profile per slot, no allocation) and written to registers
 * (a fresh, rounded profile per firm). Both uses go through `profileView`, so a simulated firm
 * is targeted on exactly the answers its written profile shows; only presentation (rounding, the
 * id) is an option.
 *
 * Where the simulation holds no answer the profile says so rather than guess:
 *  - Entry modes are not simulated. A firm that never exported has used none (`[]`, a known
 *    fact); a firm that has exported used some mode the model does not name, so its modes stay
 *    unknown (`null`). Naming one (say, direct export) would invent an answer the review treats
 *    as a choice in its own right: indirect export through intermediaries or piggy-backing on a
 *    larger firm is as common a first step for small firms as exporting directly (Table 1's
 *    mode row; Acs et al. 1997 on larger firms as conduits).
 *  - Resource fungibility is not simulated and stays unknown.
 *
 * A firm exporting now plans to export: its `plans_to_export` is "yes". The simulation's
 * `plansToExport` column only records the intention of past exporters that stopped (Crick 2004
 * separates withdrawn firms by whether they mean to export again) and is cleared while a firm
 * exports; read raw it would make every exporter a firm with no plans to export, which Table 1's
 * motivation condition and the advice on raising intentions would then misread. A firm that has
 * never exported has no recorded intention at all (the model decides entry from costs, not from a
 * stated plan), so its answer is "unknown": the diagnostic then places an able firm as
 * export-capable ("able or willing") instead of reading a silent "no" as domestic by choice. The
 * rule column `plans_to_export` (columns.ts) answers the same way.
 */
import { emptyProfile, type Profile } from "../firm/index.ts";
import {
  ENTREPRENEUR_TYPES,
  type EntryMode,
  HOME_ECONOMIES,
  LOCATIONS,
  SECTORS,
  TECH_INTENSITIES,
  type Tri,
} from "../framework/index.ts";
import type { SimPopulation } from "./hook.ts";

/** How `profileView` presents the profile; the answers themselves never depend on it. */
export interface ProfileViewOptions {
  /**
   * Round as a register records values: employees to a whole headcount (the firm schema's unit),
   * export share to 4 decimals, barrier scores to 2. Default: false, the simulated values as
   * stored (employees may be fractional after growth), which is what eligibility rules compare.
   */
  round?: boolean;
  /**
   * Write the slot's firm id (`firmId`, as text) into `id`. Default: false, `id` is left as the
   * profile had it, so the eligibility path builds no string per firm.
   */
  id?: boolean;
}

const NO_ITEMS: Profile["barrier_items"] = Object.freeze({
  attitudinal: [],
  resource: [],
  operational: [],
  strategic: [],
});

/** Shared by every profile of a never-exporter; frozen so no caller can edit it in place. */
const NO_MODES = Object.freeze([]) as unknown as EntryMode[];

const EXACT: ProfileViewOptions = Object.freeze({});

/** A reusable profile to fill with `profileView`. */
export function scratchProfile(): Profile {
  return { ...emptyProfile(""), barrier_items: NO_ITEMS };
}

const yn = (v: number): Tri => (v === 1 ? "yes" : "no");
const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * Fills `into` with slot `i` of the population as the profile an adviser would record in
 * `assessed`, and returns it. Every field of the profile is written except `id` (see options),
 * `description` and `barrier_items`, which keep what `into` holds. Simulated firms know every
 * yes/no attribute they carry; a firm that never exported has an export share and market count
 * of 0 and no export years.
 */
export function profileView(
  pop: SimPopulation,
  i: number,
  assessed: number,
  into: Profile,
  options: ProfileViewOptions = EXACT,
): Profile {
  const p = into;
  const round = options.round === true;
  if (options.id === true) p.id = String(pop.firmId[i]);
  p.founded = pop.founded[i];
  p.assessed = assessed;
  p.sector = SECTORS[pop.sector[i]] ?? null;
  p.employees = stored(pop.employees[i], round ? 1 : 0);
  p.tradable = yn(pop.tradable[i]);
  p.tech_intensity = TECH_INTENSITIES[pop.techIntensity[i]] ?? null;
  const exporting = pop.exporting[i] === 1;
  const ever = pop.everExported[i] === 1;
  p.exports_now = exporting ? "yes" : "no";
  p.export_share = ever ? stored(pop.exportShare[i], round ? 1e4 : 0) : 0;
  p.export_markets = ever ? pop.markets[i] : 0;
  const first = pop.firstExportYear[i];
  const last = pop.lastExportYear[i];
  p.first_export_year = ever && first >= 0 ? first : null;
  p.last_export_year = ever && last >= 0 ? last : null;
  p.export_gap = yn(pop.reentered[i]);
  p.plans_to_export = exporting ? "yes" : ever ? yn(pop.plansToExport[i]) : "unknown";
  p.between_projects = yn(pop.suspended[i]);
  p.modes = ever ? null : NO_MODES;
  p.resources_fungible = "unknown";
  p.prefers_control = yn(pop.prefersControl[i]);
  p.large_firm_links = yn(pop.largeFirmLinks[i]);
  p.client_pull = yn(pop.clientPull[i]);
  p.partner_dependence = yn(pop.partnerDependence[i]);
  p.cluster = yn(pop.cluster[i]);
  p.incubator = yn(pop.incubator[i]);
  p.location = LOCATIONS[pop.location[i]] ?? null;
  p.home_economy = HOME_ECONOMIES[pop.homeEconomy[i]] ?? null;
  p.entrepreneur_type = ENTREPRENEUR_TYPES[pop.entrepreneurType[i]] ?? null;
  p.founder_export_experience = yn(pop.founderExportExperience[i]);
  p.founder_same_industry = yn(pop.founderSameIndustry[i]);
  const scale = round ? 100 : 0;
  p.barrier_attitudinal = stored(pop.barrierAttitudinal[i], scale);
  p.barrier_resource = stored(pop.barrierResource[i], scale);
  p.barrier_operational = stored(pop.barrierOperational[i], scale);
  p.barrier_strategic = stored(pop.barrierStrategic[i], scale);
  p.sunk_cost_concern = finite(pop.sunkCostConcern[i]);
  p.weight = pop.weight[i];
  return p;
}

/** A stored value (null when not finite), rounded to the nearest 1/scale when scale > 0. */
function stored(v: number, scale: number): number | null {
  if (!Number.isFinite(v)) return null;
  return scale > 0 ? Math.round(v * scale) / scale : v;
}
