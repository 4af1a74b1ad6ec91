// Instruments of the third policy theme: entry-mode options.
import { cite } from "../citations.ts";
import type { Instrument } from "../vocabulary.ts";
import { type InstrumentData, pos, trait } from "./fit.ts";

export const ENTRY_MODE_OPTIONS: Partial<Record<Instrument, InstrumentData>> = {
  entry_mode_awareness: {
    label: "Entry-mode awareness",
    policyTheme: "entry_mode_options",
    summary:
      "Sets out what each way of entering a foreign market costs and offers, including modes usually thought fit only for seasoned internationalizers.",
    grounding: "explicit",
    basis:
      "Firms should know the costs and benefits of every entry mode; some modes assumed to be for experienced firms may suit newcomers, and high-control or shared modes bring learning firms overlook.",
    marketFailures: ["imperfect_information"],
    barriers: ["strategic", "attitudinal"],
    perspectives: ["learning", "resource_network", "strategic_choice"],
    requires: ["tradable"],
    suits: [
      pos(
        "export_capable",
        "About to choose how to enter; knowing all the options widens the choice.",
      ),
      pos(
        "inexperienced_exporter",
        "Often limited to direct exporting by habit rather than by a weighed choice.",
      ),
      pos(
        "international_new_venture",
        "High-control entry from the start can speed up and widen learning.",
      ),
    ],
    doesNotSuit: [
      pos("non_tradable", "Has no foreign market to enter."),
      pos("domestic_by_choice", "Has no wish to enter any foreign market yet."),
    ],
    citations: cite("zahra_2000", "westhead_2002", "ofarrell_1998", "bell_2004"),
  },
  partnership_control_counselling: {
    label: "Partnership and control counselling",
    policyTheme: "entry_mode_options",
    summary:
      "Helps owners who prize independence weigh giving up some control in alliances, joint ventures or mergers against the knowledge and reach those modes bring.",
    grounding: "explicit",
    basis:
      "Many owners are driven by independence and resist the loss of control that shared modes involve; some firms cannot internationalize without it, and modes with two or more parties give access to broader, deeper knowledge.",
    marketFailures: ["imperfect_information"],
    barriers: ["attitudinal", "strategic"],
    perspectives: ["strategic_choice", "learning", "resource_network"],
    requires: ["tradable"],
    suits: [
      trait(
        "prefers_control",
        "The owner's wish for control is what keeps the firm out of partnerships.",
      ),
      trait(
        "knowledge_intensive",
        "In fast-moving sectors survival may depend on partial or full acquisition by a larger firm.",
      ),
      pos("inexperienced_exporter", "Has few networks of its own; partners can supply them."),
      pos("export_capable", "Choosing a first mode; shared modes are worth weighing."),
    ],
    doesNotSuit: [
      pos("non_tradable", "No foreign partnership to consider."),
      trait(
        "partner_dependent",
        "Already leans on one larger partner; help negotiating terms comes before new ties.",
      ),
    ],
    pairsWith: ["informal_cooperation_cluster", "negotiation_support"],
    citations: cite("eim_2005", "westhead_2002", "zahra_2000"),
  },
};
