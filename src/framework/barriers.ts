/** The four barrier families and the market failures that can justify intervening against them. */
import { type Citation, cite } from "./citations.ts";
import type { BarrierFamily, MarketFailure } from "./vocabulary.ts";

export interface BarrierInfo {
  id: BarrierFamily;
  label: string;
  definition: string;
  examples: readonly string[];
  citations: readonly Citation[];
}

export const BARRIER_INFO: Readonly<Record<BarrierFamily, BarrierInfo>> = {
  attitudinal: {
    id: "attitudinal",
    label: "Attitudinal",
    definition: "How the owner sees foreign markets, risk, cooperation and independence.",
    examples: [
      "Content with the home market",
      "Unwilling to put limited resources at risk abroad",
      "Fear of losing independence or ideas to a partner",
      "Sees exporting as a one-off rather than an ongoing activity",
    ],
    citations: cite("westhead_2002", "eim_2005", "acs_1997"),
  },
  resource: {
    id: "resource",
    label: "Resource",
    definition: "Too little money, skilled staff, time or knowledge to go or stay abroad.",
    examples: [
      "Small pool of finance",
      "Shortage of skilled personnel",
      "Little informal, tacit know-how of foreign markets",
      "Lacks the human and financial capital to find partners",
    ],
    citations: cite("oecd_2002", "dti_2004"),
  },
  operational: {
    id: "operational",
    label: "Operational",
    definition: "The practical work of reaching foreign customers and serving them.",
    examples: [
      "Finding information on foreign customers, suppliers and rules",
      "Setting up distribution and production for foreign markets",
      "High distribution cost to reach distant buyers",
      "Marketing the offer to the global economy",
    ],
    citations: cite("eim_2005", "westhead_2002"),
  },
  strategic: {
    id: "strategic",
    label: "Strategic",
    definition: "Choices about markets, entry modes, partners and the firm's long-term position.",
    examples: [
      "Picking markets and an entry mode",
      "Deciding whether to give up control in a partnership",
      "Lopsided dependence on a larger partner",
      "Risk that a larger firm takes over the innovation",
    ],
    citations: cite("acs_1997", "pfeffer_salancik_1978", "eim_2005"),
  },
};

export interface MarketFailureInfo {
  id: MarketFailure;
  label: string;
  definition: string;
  /** How the failure shows up in SME internationalization. */
  example: string;
  citations: readonly Citation[];
}

export const MARKET_FAILURE_INFO: Readonly<Record<MarketFailure, MarketFailureInfo>> = {
  imperfect_information: {
    id: "imperfect_information",
    label: "Imperfect information",
    definition:
      "Firms lack information they would need to decide well, or it costs too much to get.",
    example: "Owners do not know foreign demand, entry modes or the real scope of their offer.",
    citations: cite("dti_2004"),
  },
  asymmetric_information: {
    id: "asymmetric_information",
    label: "Asymmetric information",
    definition: "One side of a deal knows much more than the other.",
    example: "Foreign buyers, agents or larger partners know more than the small firm does.",
    citations: cite("dti_2004"),
  },
  externalities: {
    id: "externalities",
    label: "Externalities",
    definition: "Benefits or costs fall on others, so the firm does too little or too much.",
    example: "Know-how from one firm's export experience spreads to peers who did not pay for it.",
    citations: cite("dti_2004"),
  },
  incomplete_property_rights: {
    id: "incomplete_property_rights",
    label: "Incomplete property rights",
    definition: "Ownership of an asset, notably an idea, is poorly protected.",
    example: "A larger partner can take over the small firm's innovation.",
    citations: cite("dti_2004", "acs_1997"),
  },
  imperfect_market_structure: {
    id: "imperfect_market_structure",
    label: "Imperfect market structure",
    definition: "Market power is concentrated, so the field is not level.",
    example: "Dominant large firms set the terms for the small firms that supply them.",
    citations: cite("dti_2004", "pfeffer_salancik_1978"),
  },
  poor_regulation: {
    id: "poor_regulation",
    label: "Poor regulation",
    definition: "Rules add cost or uncertainty that outweighs their purpose.",
    example: "Regulatory complexity at home or abroad deters small firms from entering.",
    citations: cite("dti_2004"),
  },
};
