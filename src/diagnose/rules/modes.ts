import type { Profile } from "../../firm/index.ts";
import { ENTRY_MODES, type EntryMode } from "../../framework/index.ts";
import type { Context, ContextField, ProfileField, Reference } from "../rule.ts";

export type ModeVerdict = "suits" | "possible" | "caution" | "not_suited";

/** One reason bearing on one or more entry modes, with the firm facts that triggered it. */
export interface ModeReason {
  id: string;
  effect: "for" | "against" | "caution";
  text: string;
  facts: Readonly<Record<string, unknown>>;
  reference: Reference;
}

export interface ModeAdvice {
  mode: EntryMode;
  verdict: ModeVerdict;
  reasons: readonly ModeReason[];
}

export interface ModeGuidance {
  modes: readonly ModeAdvice[];
  /** Advice that bears on how to choose rather than on one mode (e.g. business services). */
  notes: readonly ModeReason[];
  /** Share of the inputs these reasons consult that were known. */
  confidence: number;
}

interface ModeReasonRule {
  id: string;
  effect: ModeReason["effect"];
  modes: readonly EntryMode[];
  text: string;
  reads: readonly (ProfileField | ContextField)[];
  reference: Reference;
  when(p: Profile, ctx: Context): boolean;
}

const LOW_ACCESS: readonly EntryMode[] = ["indirect_export", "direct_export", "licensing"];
const HIGH_ACCESS: readonly EntryMode[] = [
  "alliance",
  "joint_venture",
  "acquisition",
  "greenfield_fdi",
];
const FDI: readonly EntryMode[] = ["joint_venture", "acquisition", "greenfield_fdi"];
const HIGH_CONTROL: readonly EntryMode[] = ["acquisition", "greenfield_fdi"];
const SHARED_CONTROL: readonly EntryMode[] = ["alliance", "joint_venture"];
const NOVICE_POSITIONS = new Set([
  "domestic_by_choice",
  "export_capable",
  "inexperienced_exporter",
]);
const knowledgeBased = (p: Profile) =>
  p.tech_intensity === "high" && (p.sector === "knowledge_manufacturing" || p.sector === null);

/** The reasons, as data; each names the modes it bears on and the facts it reads. */
export const MODE_REASONS: readonly ModeReasonRule[] = [
  {
    id: "not_tradable",
    effect: "against",
    modes: ENTRY_MODES,
    text: "The offer is not tradable abroad, so no entry mode applies yet",
    reads: ["position"],
    reference: { author: "Westhead et al.", year: 2002 },
    when: (_p, ctx) => ctx.position === "non_tradable",
  },
  {
    id: "fungible_resources_exploit",
    effect: "for",
    modes: LOW_ACCESS,
    text: "Resources usable abroad as they are can be exploited through low resource-access modes such as exporting",
    reads: ["resources_fungible"],
    reference: { author: "Westhead et al.", year: 2002 },
    when: (p) => p.resources_fungible === "yes",
  },
  {
    id: "location_specific_access",
    effect: "for",
    modes: HIGH_ACCESS,
    text: "Location-specific resources call for high resource-access modes with a presence abroad",
    reads: ["resources_fungible"],
    reference: { author: "Westhead et al.", year: 2002 },
    when: (p) => p.resources_fungible === "no",
  },
  {
    id: "piggy_back_on_larger_firm",
    effect: "for",
    modes: ["indirect_export"],
    text: "Links with a larger firm or a client going abroad allow entry on its back (piggy-back)",
    reads: ["large_firm_links", "client_pull"],
    reference: { author: "Acs et al.", year: 1997 },
    when: (p) => p.large_firm_links === "yes" || p.client_pull === "yes",
  },
  {
    id: "control_preference",
    effect: "caution",
    modes: SHARED_CONTROL,
    text: "Prefers to keep control, so shared-control modes will feel costly; yet it may not internationalize without giving some up, and these modes carry learning it may overlook",
    reads: ["prefers_control"],
    reference: { author: "EIM", year: 2005 },
    when: (p) => p.prefers_control === "yes",
  },
  {
    id: "ntbf_networks_joint_venture",
    effect: "for",
    modes: ["joint_venture"],
    text: "Technology-based firms with networks are more likely to enter through joint ventures",
    reads: ["tech_intensity", "large_firm_links"],
    reference: { author: "review", note: "theme 3, studies of new technology-based firms" },
    when: (p) => p.tech_intensity === "high" && p.large_firm_links === "yes",
  },
  {
    id: "high_control_learning",
    effect: "for",
    modes: HIGH_CONTROL,
    text: "For a knowledge-based firm, high-control modes speed and broaden technological learning",
    reads: ["tech_intensity", "sector"],
    reference: { author: "Zahra et al.", year: 2000 },
    when: (p) => knowledgeBased(p),
  },
  {
    id: "fdi_small_subset",
    effect: "against",
    modes: FDI,
    text: "Foreign direct investment is realistic only for a small knowledge- and technology-based subset of SMEs",
    reads: ["tech_intensity", "sector"],
    reference: { author: "EIM", year: 2005 },
    when: (p) => p.tech_intensity !== null && !knowledgeBased(p),
  },
  {
    id: "resource_barrier_commitment",
    effect: "against",
    modes: HIGH_CONTROL,
    text: "A high resource barrier makes heavy resource commitments abroad unrealistic for now",
    reads: ["barrier_levels"],
    reference: { author: "OECD", year: 2002 },
    when: (_p, ctx) => ctx.barrier_levels.resource === "high",
  },
  {
    id: "direct_export_first",
    effect: "for",
    modes: ["direct_export"],
    text: "Firms new to exporting mostly start by exporting directly, keeping control of their resources",
    reads: ["position"],
    reference: { author: "Westhead et al.", year: 2002 },
    when: (_p, ctx) => NOVICE_POSITIONS.has(ctx.position),
  },
];

/** Reasons that qualify the whole choice rather than one mode. */
export const MODE_NOTES: readonly ModeReasonRule[] = [
  {
    id: "business_services_transaction_costs",
    effect: "caution",
    modes: [],
    text: "For business services, transaction-cost reasoning fits mode choice poorly: choose by how best to collaborate with clients abroad",
    reads: ["sector"],
    reference: { author: "O'Farrell et al.", year: 1998 },
    when: (p) => p.sector === "business_services",
  },
  {
    id: "mode_trade_offs",
    effect: "caution",
    modes: [],
    text: "Weigh each mode's cost, risk, control and learning; double-layered modes (alliances, licensing, acquisitions) widen access to knowledge",
    reads: ["position"],
    reference: { author: "Zahra et al.", year: 2000 },
    when: (_p, ctx) => ctx.position !== "non_tradable",
  },
];

export const MODE_REASON_FIELDS: readonly (ProfileField | ContextField)[] = [
  ...new Set([...MODE_REASONS, ...MODE_NOTES].flatMap((r) => r.reads)),
];
