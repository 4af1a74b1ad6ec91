// Instruments of the first policy theme: the scope for early internationalization.
import { cite } from "../citations.ts";
import type { Instrument } from "../vocabulary.ts";
import { type InstrumentData, pos, st, trait } from "./fit.ts";

export const EARLY: Partial<Record<Instrument, InstrumentData>> = {
  market_scope_advice: {
    label: "Market-scope advice",
    policyTheme: "early_internationalization",
    summary:
      "Helps the owner think through how far the firm's offer could really travel before settling on a purely home-market product.",
    grounding: "explicit",
    basis:
      "Entrepreneurs should be pushed to frame their product or service against its full market scope, getting past attitudes and missing information.",
    marketFailures: ["imperfect_information"],
    barriers: ["attitudinal", "strategic"],
    perspectives: ["strategic_choice", "learning"],
    requires: [],
    suits: [
      pos(
        "domestic_by_choice",
        "The offer could sell abroad but the owner looks only at the home market; attitudes, not capability, hold the firm back.",
      ),
      pos(
        "non_tradable",
        "Some offers are seen as non-tradable only by habit; a fresh look at scope may reveal foreign demand.",
      ),
      pos("export_capable", "Able to export but has not yet sized the foreign opportunity."),
    ],
    doesNotSuit: [
      pos("experienced_exporter", "Already knows its foreign markets from practice."),
      pos("international_new_venture", "Was framed for several countries from the start."),
    ],
    pairsWith: ["alertness_training"],
    citations: cite("westhead_2002", "acs_1997", "eim_2005"),
  },
  inv_accelerator: {
    label: "International new venture accelerator",
    policyTheme: "early_internationalization",
    summary:
      "Intensive support for young firms with innovative, high-technology offers to sell in several countries from or near start-up.",
    grounding: "explicit",
    basis:
      "Support for internationalizing from inception works best when aimed at tradable, innovative high-technology products whose short life cycles reward serving many markets at once; most SMEs offer nothing of the kind.",
    marketFailures: ["imperfect_information", "externalities"],
    barriers: ["resource", "operational", "strategic"],
    perspectives: ["learning"],
    requires: ["tradable", "knowledge_intensive"],
    suits: [
      pos(
        "international_new_venture",
        "Already internationalizing from inception; support helps it reach several markets within a short product life.",
      ),
      pos(
        "export_capable",
        "A young knowledge-intensive firm with a tradable breakthrough offer can go abroad from the outset.",
      ),
      trait(
        "knowledge_intensive",
        "New-venture findings hold mainly for knowledge- and technology-based firms.",
      ),
    ],
    doesNotSuit: [
      pos("non_tradable", "Its offer cannot be sold abroad."),
      pos(
        "domestic_by_choice",
        "The obstacle is attitude, which an accelerator for eager ventures does not address.",
      ),
      trait(
        "business_services",
        "Unless knowledge-intensive, service firms tend to go abroad project by project rather than from inception.",
      ),
    ],
    caveats: [
      "Much of the new-venture evidence comes from small countries, where technology firms must go abroad to find enough customers; it may not carry over.",
    ],
    pairsWith: ["incubator_regional_support", "entry_mode_awareness"],
    citations: cite(
      "autio_2000",
      "oviatt_mcdougall_2005",
      "bell_2004",
      "luostarinen_gabrielsson_2004",
      "eim_2005",
    ),
  },
  inv_practice_dissemination: {
    label: "Sharing new-venture practice",
    policyTheme: "early_internationalization",
    summary:
      "Spreads what successful international new ventures did well to other firms that could follow the same route.",
    grounding: "explicit",
    basis:
      "The review suggests wider dissemination of the internationalization practices of successful new ventures to would-be ones.",
    marketFailures: ["imperfect_information", "externalities"],
    barriers: ["operational", "strategic"],
    perspectives: ["learning"],
    requires: ["tradable"],
    suits: [
      pos(
        "export_capable",
        "A would-be venture with a tradable offer learns from peers who went abroad early.",
      ),
      pos(
        "inexperienced_exporter",
        "Still building its routines abroad; peer practice shortens the learning.",
      ),
      trait("knowledge_intensive", "The practice was developed by knowledge-based ventures."),
    ],
    doesNotSuit: [
      pos("non_tradable", "Nothing to sell abroad."),
      pos("experienced_exporter", "Has its own proven practice."),
    ],
    citations: cite("autio_2000", "luostarinen_gabrielsson_2004", "bell_2004"),
  },
  information_advice: {
    label: "Foreign-market information and advice",
    policyTheme: "early_internationalization",
    summary:
      "Provides information on foreign customers, suppliers, regulation and distribution so that entry costs less to find out.",
    grounding: "implied",
    basis:
      "Information and attitudinal barriers need circumventing, and gathering information on overseas markets is one of the entry costs firms treat as sunk.",
    marketFailures: ["imperfect_information", "asymmetric_information"],
    barriers: ["operational", "strategic"],
    perspectives: ["internalization", "stage"],
    requires: ["tradable"],
    suits: [
      pos("export_capable", "Ready to export but lacks knowledge of where and how."),
      pos("inexperienced_exporter", "Still paying to learn each new market."),
      st(
        "withdrawn_disinterested",
        "Plans to export again; current information lowers the cost of coming back.",
      ),
      trait(
        "high_sunk_cost_concern",
        "Cheaper information reduces the unrecoverable cost the firm fears.",
      ),
    ],
    doesNotSuit: [
      pos("non_tradable", "Its offer cannot be sold abroad."),
      pos(
        "domestic_by_choice",
        "Information alone does not change an owner's choice to stay at home; attitudes come first.",
      ),
    ],
    citations: cite("eim_2005", "dti_2004", "westhead_2002"),
  },
};
