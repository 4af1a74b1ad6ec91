/**
 * Foreign-market entry modes with their control, commitment and resource character. Control and
 * learning follow the review's reading of Zahra et al. (2000): exporting and licensing are low
 * control, acquisitions and other investment high; joint ventures sit in the middle (Table 1, P5).
 */
import { type Citation, cite } from "./citations.ts";
import type { EntryMode } from "./vocabulary.ts";

export type ModeLevel = "low" | "medium" | "high";

export interface ModeInfo {
  id: EntryMode;
  label: string;
  control: ModeLevel;
  resourceCommitment: ModeLevel;
  /**
   * "exploit": uses resources the firm already has and that work anywhere (geographically
   * fungible); "access": reaches resources tied to the foreign location.
   */
  resourceCharacter: "exploit" | "access";
  /** Two or more parties share the operation, which widens the knowledge on offer. */
  doubleLayered: boolean;
  /** "named": the review lists the mode as double-layered; "inferred": by the same definition. */
  doubleLayeredBasis?: "named" | "inferred";
  /** The owner gives up some control to a partner. */
  sharesControl: boolean;
  learningPotential: ModeLevel;
  note: string;
  citations: readonly Citation[];
}

export const MODE_INFO: Readonly<Record<EntryMode, ModeInfo>> = {
  indirect_export: {
    id: "indirect_export",
    label: "Indirect export (intermediary, piggy-back)",
    control: "low",
    resourceCommitment: "low",
    resourceCharacter: "exploit",
    doubleLayered: false,
    sharesControl: false,
    learningPotential: "low",
    note: "Sells through an intermediary or on the back of a larger firm's foreign contracts; the route of many resource-poor and reactive exporters.",
    citations: cite("acs_1997"),
  },
  direct_export: {
    id: "direct_export",
    label: "Direct export",
    control: "low",
    resourceCommitment: "low",
    resourceCharacter: "exploit",
    doubleLayered: false,
    sharesControl: false,
    learningPotential: "low",
    note: "Selling abroad without a foreign base; the mode SME owners cite most, since it keeps them in charge of their own resources.",
    citations: cite("westhead_2002", "zahra_2000"),
  },
  licensing: {
    id: "licensing",
    label: "Licensing",
    control: "low",
    resourceCommitment: "low",
    resourceCharacter: "exploit",
    doubleLayered: true,
    doubleLayeredBasis: "named",
    sharesControl: false,
    learningPotential: "medium",
    note: "Low control and less technological learning than investment, though as a two-party mode it opens the partner's knowledge.",
    citations: cite("zahra_2000"),
  },
  franchising: {
    id: "franchising",
    label: "Franchising",
    control: "low",
    resourceCommitment: "low",
    resourceCharacter: "exploit",
    doubleLayered: true,
    doubleLayeredBasis: "inferred",
    sharesControl: false,
    learningPotential: "medium",
    note: "A contractual two-party mode like licensing; the review mentions it among outward modes without rating it.",
    citations: cite("zahra_2000"),
  },
  alliance: {
    id: "alliance",
    label: "Strategic alliance",
    control: "medium",
    resourceCommitment: "medium",
    resourceCharacter: "access",
    doubleLayered: true,
    doubleLayeredBasis: "named",
    sharesControl: true,
    learningPotential: "high",
    note: "Shares control with a partner, which independence-minded owners resist, but gives broad and deep access to the partner's knowledge.",
    citations: cite("zahra_2000", "westhead_2002", "eim_2005"),
  },
  joint_venture: {
    id: "joint_venture",
    label: "Joint venture",
    control: "medium",
    resourceCommitment: "medium",
    resourceCharacter: "access",
    doubleLayered: true,
    doubleLayeredBasis: "inferred",
    sharesControl: true,
    learningPotential: "high",
    note: "Middle-range control; technology-based firms with networks choose it more often, traditional firms rarely.",
    citations: cite("westhead_2002", "ofarrell_1998"),
  },
  acquisition: {
    id: "acquisition",
    label: "Foreign acquisition",
    control: "high",
    resourceCommitment: "high",
    resourceCharacter: "access",
    doubleLayered: true,
    doubleLayeredBasis: "named",
    sharesControl: false,
    learningPotential: "high",
    note: "High control; associated with wider and faster technological learning, but realistic only for a small group of knowledge-based SMEs.",
    citations: cite("zahra_2000", "eim_2005"),
  },
  greenfield_fdi: {
    id: "greenfield_fdi",
    label: "Greenfield investment",
    control: "high",
    resourceCommitment: "high",
    resourceCharacter: "access",
    doubleLayered: false,
    sharesControl: false,
    learningPotential: "high",
    note: "A new foreign base; needed when the resources to reach are tied to the location, and fitting only a few SMEs.",
    citations: cite("zahra_2000", "westhead_2002", "eim_2005"),
  },
};
