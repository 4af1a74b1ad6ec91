import type { Profile } from "../../firm/index.ts";
import type { Instrument } from "../../framework/index.ts";
import { atMost, firmAge, NO, type TriCode, UNKNOWN, YES } from "../facts.ts";
import type { DiagnoseParams, ParamName } from "../params.ts";
import type { ProfileField, Reference } from "../rule.ts";

/**
 * Conditions the framework states in words ("young", "low share") that need a threshold before
 * they can gate an instrument for one firm. Each is a declared rule: a firm failing it does not
 * get the instrument; an unknown answer lowers the recommendation's confidence.
 */
export interface Refinement {
  id: string;
  instrument: Instrument;
  description: string;
  reads: readonly ProfileField[];
  params: readonly ParamName[];
  reference: Reference;
  test(p: Profile, params: DiagnoseParams): TriCode;
}

const youngFirm = (p: Profile, params: DiagnoseParams): TriCode =>
  atMost(firmAge(p), params.new_venture_max_age);

export const REFINEMENTS: readonly Refinement[] = [
  {
    id: "refine.inv_accelerator.young",
    instrument: "inv_accelerator",
    description:
      "Accelerating early internationalization is for new ventures, not established firms",
    reads: ["founded", "assessed"],
    params: ["new_venture_max_age"],
    reference: { author: "Autio et al.", year: 2000 },
    test: youngFirm,
  },
  {
    id: "refine.incubator_regional_support.young",
    instrument: "incubator_regional_support",
    description: "Incubation serves young technology firms such as university spin-outs",
    reads: ["founded", "assessed"],
    params: ["new_venture_max_age"],
    reference: { author: "Clarysse et al.", year: 2005 },
    test: youngFirm,
  },
  {
    id: "refine.intensity_growth_support.low_share",
    instrument: "intensity_growth_support",
    description: "Intensity support is for exporters whose share of sales exported is still low",
    reads: ["export_share"],
    params: ["intensity_low_share"],
    reference: { author: "Westhead et al.", year: 2002 },
    test: (p, params) =>
      p.export_share === null ? UNKNOWN : p.export_share < params.intensity_low_share ? YES : NO,
  },
];
