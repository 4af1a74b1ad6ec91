import { type ProfileColumns, UNKNOWN_CODE } from "../../firm/index.ts";
import {
  ENTREPRENEUR_TYPES,
  FIRM_TRAITS,
  type FirmTrait,
  SECTORS,
  TECH_INTENSITIES,
} from "../../framework/index.ts";
import type { DiagnoseParams } from "../params.ts";
import { REFINE_LOW_SHARE, REFINE_YOUNG } from "./instruments.ts";
import { type DiagnosisColumns, LEVEL_HIGH, LEVEL_UNKNOWN } from "./outputs.ts";

const Y = 0;
const bit = (t: FirmTrait) => 1 << FIRM_TRAITS.indexOf(t);
const B_TRADABLE = bit("tradable");
const B_KNOWLEDGE = bit("knowledge_intensive");
const B_RESOURCE_POOR = bit("resource_poor");
const B_LINKS = bit("large_firm_links");
const B_PULL = bit("client_pull");
const B_DEPENDENT = bit("partner_dependent");
const B_CONTROL = bit("prefers_control");
const B_SUNK = bit("high_sunk_cost_concern");
const B_NOVICE = bit("novice_entrepreneur");
const B_HABITUAL = bit("habitual_entrepreneur");
const B_PORTFOLIO = bit("portfolio_entrepreneur");
const B_FOUNDER = bit("founder_export_experience");
const B_CLUSTER = bit("in_cluster");
const B_INCUBATOR = bit("in_incubator");
const B_SERVICES = bit("business_services");
const HIGH_TECH = TECH_INTENSITIES.indexOf("high");
const KNOWLEDGE_MANUFACTURING = SECTORS.indexOf("knowledge_manufacturing");
const BUSINESS_SERVICES = SECTORS.indexOf("business_services");
const NOVICE = ENTREPRENEUR_TYPES.indexOf("novice");
const PORTFOLIO = ENTREPRENEUR_TYPES.indexOf("portfolio");
/** By tri code (0 yes, 1 no, 2 unknown): -1 (all bits) when the code matches, else 0. */
const YES_MASK = Int32Array.of(-1, 0, 0);
const UNKNOWN_MASK = Int32Array.of(0, 0, -1);

/**
 * Firm traits of rows [start, end) as two bit sets over FIRM_TRAITS, `traitValue` re-expressed
 * over column codes: `yes_B[i - start]` holds the traits that hold, `unknown_B` those that are
 * unknown (the rest do not hold). `refine_B` gets the refinement tests as bits over REFINE_*:
 * failed ones in the low nibble, unknown ones in the next. Reads the export history and the
 * resource barrier level already written to `out`.
 */
export function traitKernel(
  cols: ProfileColumns,
  params: DiagnoseParams,
  out: DiagnosisColumns,
  start: number,
  end: number,
  yes_B: Int32Array,
  unknown_B: Int32Array,
  refine_B: Int32Array,
): void {
  const sunkHigh = params.sunk_cost_high;
  const maxAge = params.new_venture_max_age;
  const lowShare = params.intensity_low_share;
  const { tradable, tech_intensity, sector, large_firm_links, client_pull } = cols;
  const { partner_dependence, prefers_control, sunk_cost_concern, entrepreneur_type } = cols;
  const { founder_export_experience, cluster, incubator, founded, assessed, export_share } = cols;
  const { exported_ever, barrier_level } = out;
  for (let i = start; i < end; i++) {
    // Selling abroad proves tradability whatever the field says.
    const fromHistory = exported_ever[i] === Y ? Y : tradable[i];
    let yes = B_TRADABLE & YES_MASK[fromHistory];
    let unk = B_TRADABLE & UNKNOWN_MASK[fromHistory];
    const tech = tech_intensity[i];
    const sec = sector[i];
    if (tech === HIGH_TECH || sec === KNOWLEDGE_MANUFACTURING) yes |= B_KNOWLEDGE;
    else if (tech === UNKNOWN_CODE || sec === UNKNOWN_CODE) unk |= B_KNOWLEDGE;
    if (sec === UNKNOWN_CODE) unk |= B_SERVICES;
    else if (sec === BUSINESS_SERVICES) yes |= B_SERVICES;
    const resource = barrier_level[i * 4 + 1];
    if (resource === LEVEL_HIGH) yes |= B_RESOURCE_POOR;
    else if (resource === LEVEL_UNKNOWN) unk |= B_RESOURCE_POOR;
    let c = large_firm_links[i];
    yes |= B_LINKS & YES_MASK[c];
    unk |= B_LINKS & UNKNOWN_MASK[c];
    c = client_pull[i];
    yes |= B_PULL & YES_MASK[c];
    unk |= B_PULL & UNKNOWN_MASK[c];
    c = partner_dependence[i];
    yes |= B_DEPENDENT & YES_MASK[c];
    unk |= B_DEPENDENT & UNKNOWN_MASK[c];
    c = prefers_control[i];
    yes |= B_CONTROL & YES_MASK[c];
    unk |= B_CONTROL & UNKNOWN_MASK[c];
    const sunk = sunk_cost_concern[i];
    if (Number.isNaN(sunk)) unk |= B_SUNK;
    else if (sunk >= sunkHigh) yes |= B_SUNK;
    const ent = entrepreneur_type[i];
    if (ent === UNKNOWN_CODE) unk |= B_NOVICE | B_HABITUAL | B_PORTFOLIO;
    else {
      yes |= ent === NOVICE ? B_NOVICE : ent === PORTFOLIO ? B_HABITUAL | B_PORTFOLIO : B_HABITUAL;
    }
    c = founder_export_experience[i];
    yes |= B_FOUNDER & YES_MASK[c];
    unk |= B_FOUNDER & UNKNOWN_MASK[c];
    c = cluster[i];
    yes |= B_CLUSTER & YES_MASK[c];
    unk |= B_CLUSTER & UNKNOWN_MASK[c];
    c = incubator[i];
    yes |= B_INCUBATOR & YES_MASK[c];
    unk |= B_INCUBATOR & UNKNOWN_MASK[c];
    yes_B[i - start] = yes;
    unknown_B[i - start] = unk;

    // Refinements: firm age within new_venture_max_age, export share below intensity_low_share.
    let refine = 0;
    const age = assessed[i] - founded[i];
    if (Number.isNaN(age)) refine |= 16 << REFINE_YOUNG;
    else if (!(age <= maxAge)) refine |= 1 << REFINE_YOUNG;
    const share = export_share[i];
    if (Number.isNaN(share)) refine |= 16 << REFINE_LOW_SHARE;
    else if (!(share < lowShare)) refine |= 1 << REFINE_LOW_SHARE;
    refine_B[i - start] = refine;
  }
}
