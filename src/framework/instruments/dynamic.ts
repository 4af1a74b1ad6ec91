// Instruments of the second policy theme: internationalization as a dynamic activity.
import { cite } from "../citations.ts";
import type { Instrument } from "../vocabulary.ts";
import { type InstrumentData, pos, st, trait } from "./fit.ts";

export const DYNAMIC: Partial<Record<Instrument, InstrumentData>> = {
  exit_reentry_counselling: {
    label: "Exit and re-entry counselling",
    policyTheme: "dynamic_activity",
    summary:
      "Helps a firm judge whether to cut back or stop selling abroad for now, and shows that stopping need not rule out a later return.",
    grounding: "explicit",
    basis:
      "Policy has favoured entry only; pulling back to the home market is sometimes the better choice, but firms that see exporting as a sunk investment resist it, and exit is not necessarily final.",
    marketFailures: ["imperfect_information"],
    barriers: ["attitudinal", "strategic"],
    perspectives: ["internalization", "learning", "strategic_choice"],
    requires: [],
    suits: [
      st(
        "withdrawn_disinterested",
        "Stopped exporting but means to resume; planning the return keeps the option alive.",
      ),
      st(
        "withdrawn_disappointed",
        "Stopped and does not intend to return; counselling shows a later re-entry stays possible.",
      ),
      st(
        "suspended",
        "Between foreign projects; a pause is a normal state for project-based firms, not a failure.",
      ),
      trait(
        "high_sunk_cost_concern",
        "May be exporting only because the costs already spent feel irreversible.",
      ),
    ],
    doesNotSuit: [
      st("never_exported", "There is no foreign activity to leave or resume."),
      pos("non_tradable", "Never sold abroad and cannot."),
    ],
    caveats: [
      "Some firms export only while home demand is weak; for them stopping may be a sound choice rather than a failure.",
    ],
    pairsWith: ["learning_from_experience_review"],
    citations: cite("crick_2004", "eim_2005", "bell_2003", "ofarrell_1998"),
  },
  learning_from_experience_review: {
    label: "Learning-from-experience review",
    policyTheme: "dynamic_activity",
    summary:
      "A structured look back at the firm's time abroad to draw out what it learnt, whether the episode felt like a success or a failure.",
    grounding: "explicit",
    basis:
      "To offset the weight firms give to sunk costs, policy can stress that any international experience, good or bad, carries learning benefits.",
    marketFailures: ["imperfect_information"],
    barriers: ["attitudinal", "strategic"],
    perspectives: ["learning"],
    requires: [],
    suits: [
      st(
        "withdrawn_disappointed",
        "Judges its experience abroad a failure; the lessons learnt lower the cost of trying again.",
      ),
      st("re_entered", "Exporting again after a gap; the first spell holds lessons for this one."),
      st("withdrawn_disinterested", "Intends to return and can prepare with what it learnt."),
      pos("inexperienced_exporter", "Early experience is where learning compounds fastest."),
    ],
    doesNotSuit: [
      st("never_exported", "Has no experience abroad to review."),
      pos("non_tradable", "Has no experience abroad to review."),
    ],
    citations: cite("autio_2000", "zahra_2000", "de_clerq_2005", "crick_2004"),
  },
  skills_tacit_knowledge_support: {
    label: "Skills and tacit-knowledge support",
    policyTheme: "dynamic_activity",
    summary:
      "Helps exporting firms recruit skilled staff and build the informal, experience-based know-how that sustains and grows foreign sales.",
    grounding: "explicit",
    basis:
      "Shortage of skilled staff and of informal, tacit knowledge are major barriers to SME growth and plausibly to growth abroad (DTI 2004).",
    marketFailures: ["externalities", "imperfect_information"],
    barriers: ["resource", "operational"],
    perspectives: ["resource_network", "learning"],
    requires: [],
    suits: [
      pos(
        "inexperienced_exporter",
        "Must build the skills to keep exporting beyond the first orders.",
      ),
      pos("experienced_exporter", "Needs deeper skills to widen and sustain foreign activity."),
      st("exporting", "Currently active abroad; skills decide whether it lasts."),
      st("re_entered", "Back abroad; skills lost in the gap may need rebuilding."),
    ],
    doesNotSuit: [
      pos("non_tradable", "Export skills have nothing to act on."),
      pos(
        "domestic_by_choice",
        "The owner does not intend to export; skills support would not change that.",
      ),
    ],
    citations: cite("dti_2004"),
  },
  barrier_reduction_assistance: {
    label: "Barrier-reduction assistance",
    policyTheme: "dynamic_activity",
    summary:
      "Assistance for established firms on the attitudinal, resource, operational and strategic barriers to further internationalization, matched to how experienced the owner is.",
    grounding: "explicit",
    basis:
      "Owners of established SMEs could be helped with all four barrier families; how severe they seem, and which ones bite, changes with experience.",
    marketFailures: ["imperfect_information", "asymmetric_information"],
    barriers: ["attitudinal", "resource", "operational", "strategic"],
    perspectives: ["stage", "strategic_choice", "resource_network"],
    requires: ["tradable"],
    suits: [
      pos("export_capable", "Able to export; the barriers standing in the way are the target."),
      pos("inexperienced_exporter", "Faces the barriers of a newcomer abroad."),
      st(
        "withdrawn_disinterested",
        "Plans to export again; the barriers that stopped it can be worked on before it returns.",
      ),
    ],
    doesNotSuit: [
      pos("non_tradable", "No barrier removal makes a non-tradable offer exportable."),
      pos(
        "international_new_venture",
        "Already overcame the barriers at start-up; targeted growth help fits better.",
      ),
    ],
    caveats: [
      "Many barriers only show once a firm has started abroad, and experienced exporters may face different ones from newcomers.",
    ],
    citations: cite("eim_2005", "dti_2004", "westhead_2004a"),
  },
  intensity_growth_support: {
    label: "Export-intensity growth support",
    policyTheme: "dynamic_activity",
    summary:
      "Support for firms that already export but struggle to raise the share of sales they make abroad.",
    grounding: "explicit",
    basis:
      "Initiatives should reach firms with some international experience that find it hard to take further opportunities and raise their export share; most exporting SMEs export only a small part of their sales.",
    marketFailures: ["imperfect_information"],
    barriers: ["operational", "strategic", "resource"],
    perspectives: ["stage", "learning", "strategic_choice"],
    requires: [],
    suits: [
      pos("experienced_exporter", "Knows exporting, but its export share has stalled."),
      pos("inexperienced_exporter", "Exports a little and could export more."),
      st("exporting", "Active abroad now."),
      st("re_entered", "Back abroad and rebuilding its share."),
    ],
    doesNotSuit: [
      st("never_exported", "Has no export sales to grow yet."),
      pos("non_tradable", "Cannot sell abroad."),
      pos("domestic_by_choice", "Does not export and does not intend to."),
    ],
    citations: cite("westhead_2002", "westhead_2004a"),
  },
};
