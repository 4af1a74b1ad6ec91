/** Where a firm sits on the internationalization spectrum, and the state of its foreign activity. */
import { type Citation, cite } from "./citations.ts";
import type { Position, State } from "./vocabulary.ts";

export interface PositionInfo {
  id: Position;
  /** 0 = least internationalized; follows POSITIONS. */
  rank: number;
  label: string;
  definition: string;
  citations: readonly Citation[];
}

export const POSITION_INFO: Readonly<Record<Position, PositionInfo>> = {
  non_tradable: {
    id: "non_tradable",
    rank: 0,
    label: "Non-tradable offer",
    definition:
      "What the firm sells cannot be sold abroad, for reasons such as local tastes, distribution cost or lack of any edge over foreign rivals.",
    citations: cite("westhead_2002", "acs_1997"),
  },
  domestic_by_choice: {
    id: "domestic_by_choice",
    rank: 1,
    label: "Domestic by choice",
    definition:
      "The offer could in principle sell abroad, but the owner concentrates on the home market or will not commit scarce resources to foreign entry.",
    citations: cite("westhead_2002", "acs_1997", "eim_2005"),
  },
  export_capable: {
    id: "export_capable",
    rank: 2,
    label: "Export-capable",
    definition:
      "Tradable offer and the ability or will to sell abroad, but no exports yet; one of the groups policy tries to turn into exporters.",
    citations: cite("dti_2004", "oecd_2002"),
  },
  inexperienced_exporter: {
    id: "inexperienced_exporter",
    rank: 3,
    label: "Inexperienced exporter",
    definition:
      "Has begun exporting recently or on a small scale and is still meeting the barriers of a newcomer.",
    citations: cite("westhead_2004a", "eim_2005"),
  },
  experienced_exporter: {
    id: "experienced_exporter",
    rank: 4,
    label: "Experienced exporter",
    definition:
      "Has sold abroad for some years; feels better able to handle barriers or faces different ones, and may struggle to raise its export share further.",
    citations: cite("westhead_2002", "westhead_2004a"),
  },
  international_new_venture: {
    id: "international_new_venture",
    rank: 5,
    label: "International new venture",
    definition:
      "Sells in several countries from or soon after start-up and looks for advantage in using resources and selling output across borders.",
    citations: cite("autio_2000", "oviatt_mcdougall_2005", "luostarinen_gabrielsson_2004"),
  },
};

export interface StateInfo {
  id: State;
  label: string;
  definition: string;
  citations: readonly Citation[];
}

/**
 * The two withdrawn states follow the review's wording of Crick (2004) exactly: "disappointed"
 * past exporters do NOT plan to export again; "disinterested" ones DO. The labels may read the
 * other way round in everyday English; the review's definitions win.
 */
export const STATE_INFO: Readonly<Record<State, StateInfo>> = {
  never_exported: {
    id: "never_exported",
    label: "Never exported",
    definition: "Has not sold abroad at any time.",
    citations: cite("westhead_2002", "acs_1997"),
  },
  exporting: {
    id: "exporting",
    label: "Exporting",
    definition: "Sells abroad now, without an earlier break in its foreign sales.",
    citations: cite("westhead_2004a"),
  },
  re_entered: {
    id: "re_entered",
    label: "Re-entered",
    definition: "Sells abroad again after a period without foreign sales.",
    citations: cite("eim_2005", "bell_2003"),
  },
  suspended: {
    id: "suspended",
    label: "Suspended",
    definition:
      "Between foreign projects: no foreign sales at the moment but further foreign work is expected, typical of business-services firms.",
    citations: cite("ofarrell_1998", "bell_2003"),
  },
  withdrawn_disappointed: {
    id: "withdrawn_disappointed",
    label: "Withdrawn (disappointed)",
    definition: "Exported in the past, does not export now and has no plan to export again.",
    citations: cite("crick_2004"),
  },
  withdrawn_disinterested: {
    id: "withdrawn_disinterested",
    label: "Withdrawn (disinterested)",
    definition: "Exported in the past, does not export now, but plans to export again.",
    citations: cite("crick_2004"),
  },
};
