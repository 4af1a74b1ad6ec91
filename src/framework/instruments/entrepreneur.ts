// Instruments of the fifth policy theme: attention to the entrepreneur.
import { cite } from "../citations.ts";
import type { Instrument } from "../vocabulary.ts";
import { type InstrumentData, pos, trait } from "./fit.ts";

export const ENTREPRENEUR: Partial<Record<Instrument, InstrumentData>> = {
  novice_mentoring: {
    label: "Mentoring of novices by experienced exporters",
    policyTheme: "entrepreneur_focus",
    summary:
      "Pairs inexperienced entrepreneurs with habitual entrepreneurs who have exported, with incentives for the experienced side to take part.",
    grounding: "explicit",
    basis:
      "Internationally experienced entrepreneurs could mentor inexperienced ones within a broad network-building policy, and habitual entrepreneurs with export experience could be given incentives to partner novices.",
    marketFailures: ["imperfect_information", "externalities"],
    barriers: ["attitudinal", "operational", "strategic"],
    perspectives: ["learning", "resource_network"],
    requires: [],
    suits: [
      trait(
        "novice_entrepreneur",
        "A first-time owner lacks the episodic knowledge that experience brings.",
      ),
      pos(
        "export_capable",
        "About to make the first move abroad; a mentor's experience lowers the risk.",
      ),
      pos("inexperienced_exporter", "Still learning the ropes abroad."),
    ],
    doesNotSuit: [
      trait(
        "founder_export_experience",
        "The founder has sold abroad before and is better placed as a mentor than as a mentee.",
      ),
      pos("non_tradable", "Export mentoring has nothing to act on."),
    ],
    pairsWith: ["habitual_entrepreneur_targeting"],
    citations: cite("westhead_2005", "westhead_2001", "jones_coviello_2005"),
  },
  habitual_entrepreneur_targeting: {
    label: "Targeting habitual and portfolio entrepreneurs",
    policyTheme: "entrepreneur_focus",
    summary:
      "Directs assistance to entrepreneurs with the most internationalization potential, notably those who own several businesses at once.",
    grounding: "explicit",
    basis:
      "Returns on policy may be higher when groups of entrepreneurs with greater potential are targeted; portfolio owners command more resources and spot more opportunities (Westhead et al. 2005).",
    marketFailures: ["imperfect_information"],
    barriers: ["resource", "strategic"],
    perspectives: ["resource_network", "learning"],
    requires: [],
    suits: [
      trait(
        "portfolio_entrepreneur",
        "Owns several businesses, with more resources and opportunities.",
      ),
      trait("habitual_entrepreneur", "Brings knowledge from earlier ventures at home and abroad."),
      trait(
        "founder_export_experience",
        "Has sold abroad before, a strong predictor of exporting.",
      ),
    ],
    doesNotSuit: [
      trait(
        "novice_entrepreneur",
        "Lacks the track record this targeting looks for; mentoring fits better.",
      ),
      pos("non_tradable", "No foreign market to aim at."),
    ],
    citations: cite("westhead_2005", "westhead_2001", "brush_2002"),
  },
  alertness_training: {
    label: "Opportunity-alertness training",
    policyTheme: "entrepreneur_focus",
    summary:
      "Sharpens entrepreneurs' ability to spot and assess foreign opportunities, including for offers usually seen as impossible to sell abroad.",
    grounding: "explicit",
    basis:
      "Some entrepreneurs see international opportunities for products and services thought of as non-tradable; alertness can be honed to find them.",
    marketFailures: ["imperfect_information"],
    barriers: ["attitudinal", "strategic"],
    perspectives: ["strategic_choice", "learning"],
    requires: [],
    suits: [
      pos(
        "non_tradable",
        "Whether the offer is truly non-tradable is worth testing; a sector's label is not proof.",
      ),
      pos("domestic_by_choice", "Looks only at home; alertness opens the view abroad."),
      trait("novice_entrepreneur", "Has had less occasion to hone opportunity recognition."),
    ],
    doesNotSuit: [
      pos("international_new_venture", "Its founders already showed the alertness."),
      pos("experienced_exporter", "Already identifies and serves foreign opportunities."),
    ],
    citations: cite("obrecht_2004", "jones_coviello_2005", "westhead_2001"),
  },
};
