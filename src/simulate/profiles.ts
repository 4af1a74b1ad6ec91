/**
 * A simulated firm is a Profile and a Profile can seed a simulated firm: the same record an
 * adviser fills in or a register holds. Unknown fields of a loaded profile are imputed from the
 * synthesis distributions (the slot is synthesized first, then known fields overwrite it); each
 * imputed field is counted in the notes, never hidden.
 */

import { emptyProfile, type Profile } from "../firm/index.ts";
import type { Issue } from "../framework/issue.ts";
import {
  ENTREPRENEUR_TYPES,
  HOME_ECONOMIES,
  LOCATIONS,
  SECTORS,
  TECH_INTENSITIES,
  type Tri,
} from "../framework/vocabulary.ts";
import { type ProfileViewOptions, profileView } from "../policy/index.ts";
import type { SimParams } from "./params.ts";
import { allocatePopulation, type Population } from "./population.ts";
import { counterRng } from "./rng.ts";
import { synthesizeRange } from "./synthesize.ts";

const FOR_REGISTER: ProfileViewOptions = Object.freeze({ round: true, id: true });

/**
 * The profile of slot i as assessed in `year` (the simulation's "now"): the same answers
 * programme eligibility reads (src/policy `profileView`), rounded as a register records them and
 * identified by the firm id.
 */
export function toProfile(pop: Population, i: number, year: number): Profile {
  return profileView(pop, i, year, emptyProfile(""), FOR_REGISTER);
}

export interface LoadedPopulation {
  population: Population;
  /** One note per field with imputed values: code "imputed", field, and how many firms. */
  notes: Issue[];
}

/**
 * Builds a population from profiles observed in `year` (a profile's `assessed` overrides it).
 * Unknown values are imputed with draws from the synthesis distributions under `seed`.
 */
export function fromProfiles(
  profiles: readonly Profile[],
  params: SimParams,
  year: number,
  seed = 1,
): LoadedPopulation {
  const n = profiles.length;
  const pop = allocatePopulation(n);
  synthesizeRange(pop, 0, n, year, params, counterRng(seed, 0));
  const imputed = new Map<string, number>();
  const miss = (field: string) => imputed.set(field, (imputed.get(field) ?? 0) + 1);
  const setTri = (col: Uint8Array, i: number, v: Tri, field: string) => {
    if (v === "unknown") miss(field);
    else col[i] = v === "yes" ? 1 : 0;
  };
  const setCode = <T extends string>(
    col: Uint8Array,
    i: number,
    v: T | null,
    set: readonly T[],
    field: string,
  ) => {
    if (v === null) miss(field);
    else col[i] = set.indexOf(v);
  };
  const setNum = (col: Float32Array | Float64Array, i: number, v: number | null, field: string) => {
    if (v === null) miss(field);
    else col[i] = v;
  };
  // Values the model cannot hold as given, changed and counted for a note.
  let noEmployees = 0;
  let manyMarkets = 0;
  for (let i = 0; i < n; i++) {
    const f = profiles[i];
    const now = f.assessed ?? year;
    pop.firmId[i] = i;
    setCode(pop.sector, i, f.sector, SECTORS, "sector");
    // Size enters the model as log employees: a firm without employees counts as one person.
    if (f.employees === 0) noEmployees++;
    setNum(pop.employees, i, f.employees === null ? null : Math.max(1, f.employees), "employees");
    if (f.export_markets !== null && f.export_markets > params.maxMarkets) manyMarkets++;
    if (f.founded === null) miss("founded");
    else pop.founded[i] = f.founded;
    setTri(pop.tradable, i, f.tradable, "tradable");
    setCode(pop.techIntensity, i, f.tech_intensity, TECH_INTENSITIES, "tech_intensity");
    setCode(pop.entrepreneurType, i, f.entrepreneur_type, ENTREPRENEUR_TYPES, "entrepreneur_type");
    setTri(
      pop.founderExportExperience,
      i,
      f.founder_export_experience,
      "founder_export_experience",
    );
    setTri(pop.founderSameIndustry, i, f.founder_same_industry, "founder_same_industry");
    setTri(pop.largeFirmLinks, i, f.large_firm_links, "large_firm_links");
    setTri(pop.clientPull, i, f.client_pull, "client_pull");
    setTri(pop.partnerDependence, i, f.partner_dependence, "partner_dependence");
    setTri(pop.prefersControl, i, f.prefers_control, "prefers_control");
    setTri(pop.cluster, i, f.cluster, "cluster");
    setTri(pop.incubator, i, f.incubator, "incubator");
    setCode(pop.location, i, f.location, LOCATIONS, "location");
    setCode(pop.homeEconomy, i, f.home_economy, HOME_ECONOMIES, "home_economy");
    setNum(pop.barrierAttitudinal, i, f.barrier_attitudinal, "barrier_attitudinal");
    setNum(pop.barrierResource, i, f.barrier_resource, "barrier_resource");
    setNum(pop.barrierOperational, i, f.barrier_operational, "barrier_operational");
    setNum(pop.barrierStrategic, i, f.barrier_strategic, "barrier_strategic");
    setNum(pop.sunkCostConcern, i, f.sunk_cost_concern, "sunk_cost_concern");
    pop.weight[i] = f.weight ?? 1;
    pop.logEmployees[i] = Math.log(pop.employees[i]);
    loadHistory(pop, i, f, now, params, miss);
    pop.sales[i] = pop.employees[i] * params.salesPerEmployee;
  }
  const notes: Issue[] = [...imputed].map(([field, count]) => ({
    code: "imputed",
    field,
    value: count,
    message: `${count} of ${n} firms had no ${field}; imputed from the synthesis distributions (docs/simulate.md)`,
  }));
  if (noEmployees > 0) {
    notes.push({
      code: "adjusted",
      field: "employees",
      value: noEmployees,
      message: `${noEmployees} of ${n} firms had 0 employees; simulated with 1 (size enters as log employees)`,
    });
  }
  if (manyMarkets > 0) {
    notes.push({
      code: "adjusted",
      field: "export_markets",
      value: manyMarkets,
      message: `${manyMarkets} of ${n} firms served more than maxMarkets (${params.maxMarkets}) markets; simulated with ${params.maxMarkets}`,
    });
  }
  return { population: pop, notes };
}

/** Export history from the profile's export fields (a continuous spell unless a gap is known). */
function loadHistory(
  pop: Population,
  i: number,
  f: Profile,
  now: number,
  p: SimParams,
  miss: (f: string) => void,
): void {
  if (f.exports_now === "unknown") miss("exports_now");
  const exporting = f.exports_now === "yes";
  const ever = exporting || f.first_export_year !== null || f.last_export_year !== null;
  pop.exporting[i] = exporting ? 1 : 0;
  pop.everExported[i] = ever ? 1 : 0;
  if (!ever) return;
  const first = f.first_export_year ?? now;
  const last = exporting ? now : (f.last_export_year ?? now - 1);
  pop.firstExportYear[i] = first;
  pop.lastExportYear[i] = last;
  const years = Math.max(1, last - first + 1);
  pop.yearsExported[i] = years;
  pop.spellYears[i] = exporting ? years : 0;
  pop.yearsSinceExit[i] = exporting ? 0 : Math.max(1, now - last);
  pop.reentered[i] = f.export_gap === "yes" ? 1 : 0;
  pop.plansToExport[i] = f.plans_to_export === "yes" ? 1 : 0;
  pop.suspended[i] = f.between_projects === "yes" && !exporting ? 1 : 0;
  pop.exportShare[i] = f.export_share ?? p.intensityStart;
  pop.markets[i] = Math.min(p.maxMarkets, Math.max(1, f.export_markets ?? 1));
  // Knowledge of `years` export years, each depreciating since.
  const keep = 1 - p.knowledgeDepreciation;
  let k = pop.founderExportExperience[i] ? p.founderKnowledge : 0;
  for (let y = first; y <= last; y++) k = keep * k + p.learningPerYear;
  pop.knowledge[i] = k * keep ** Math.max(0, now - last);
  let history = 0;
  for (let lag = 1; lag <= 31; lag++)
    if (now - lag >= first && now - lag <= last) history |= 1 << (lag - 1);
  pop.exportHistory[i] = history >>> 0;
}
