// Instruments of the fourth policy theme: domestic and international resources.
import { cite } from "../citations.ts";
import type { Instrument } from "../vocabulary.ts";
import { type InstrumentData, pos, st, trait } from "./fit.ts";

export const RESOURCES: Partial<Record<Instrument, InstrumentData>> = {
  export_readiness_grant: {
    label: "Export-readiness grant",
    policyTheme: "domestic_international_resources",
    summary:
      "Co-funds the first steps abroad (market research, adaptation, certification) for firms able and willing to export but short of resources.",
    grounding: "implied",
    basis:
      "Many SMEs lack the resources to meet international competition, and policy has a role in making such resources available (OECD 2002); encouraging export-capable and inexperienced firms is a stated strand of policy.",
    marketFailures: ["imperfect_information", "externalities"],
    barriers: ["resource"],
    perspectives: ["resource_network", "stage"],
    requires: ["tradable"],
    suits: [
      pos("export_capable", "Willing and able to export; money is the missing piece."),
      pos("inexperienced_exporter", "Early spending abroad is hard to fund from small sales."),
      trait("resource_poor", "Its own resource pool is too small for the entry costs."),
    ],
    doesNotSuit: [
      pos("non_tradable", "Funding cannot make the offer tradable."),
      pos(
        "domestic_by_choice",
        "The barrier is attitude; a grant would fund a step the owner does not want to take.",
      ),
      pos(
        "experienced_exporter",
        "Likely to export anyway, so the grant would be largely deadweight.",
      ),
    ],
    citations: cite("oecd_2002", "dti_2004"),
  },
  market_visit_support: {
    label: "Market-visit and trade-mission support",
    policyTheme: "domestic_international_resources",
    summary:
      "Helps owners travel to foreign markets to meet buyers and partners and start the networks that entry depends on.",
    grounding: "implied",
    basis:
      "Networks shape which foreign markets a firm picks and how it enters; inexperienced firms often lack the means to find partners on their own.",
    marketFailures: ["imperfect_information"],
    barriers: ["operational", "resource"],
    perspectives: ["resource_network", "stage"],
    requires: ["tradable"],
    suits: [
      pos("export_capable", "Needs first contacts abroad."),
      pos("inexperienced_exporter", "Has few foreign contacts yet."),
      st("suspended", "Between projects; meeting new foreign clients can end the pause."),
    ],
    doesNotSuit: [
      pos("non_tradable", "No buyers to meet abroad."),
      pos("domestic_by_choice", "Does not intend to export."),
    ],
    citations: cite("westhead_2002", "ofarrell_1998"),
  },
  large_firm_brokering: {
    label: "Brokering links with larger firms",
    policyTheme: "domestic_international_resources",
    summary:
      "Connects small firms with larger companies (as suppliers or partners) that can carry them into foreign markets and lend designs, technology, quality systems and brands.",
    grounding: "explicit",
    basis:
      "Existing multinationals can serve as conduits for expansion abroad, letting firms with small resource pools borrow size and resources (Acs et al. 1997).",
    marketFailures: ["imperfect_information", "imperfect_market_structure"],
    barriers: ["resource", "operational"],
    perspectives: ["resource_network"],
    requires: ["tradable"],
    suits: [
      trait(
        "resource_poor",
        "Lacks the resources to go abroad alone; a larger firm can supply them.",
      ),
      pos("export_capable", "Could export if a larger partner opened the route."),
      pos("inexperienced_exporter", "A larger partner's networks shorten the way in."),
    ],
    doesNotSuit: [
      trait(
        "partner_dependent",
        "Already depends on one larger partner; another such link deepens the asymmetry.",
      ),
      trait(
        "prefers_control",
        "Fears losing control or ideas to a large partner; informal cooperation is a gentler start.",
      ),
      pos("non_tradable", "No foreign market to be carried into."),
    ],
    caveats: [
      "Links with large firms may work only where the setting is receptive, and mechanisms for learning between partners may have to be put in place.",
      "The larger firm may take over the innovation; the small firm can end up dependent.",
    ],
    pairsWith: ["negotiation_support", "informal_cooperation_cluster"],
    citations: cite("acs_1997", "pfeffer_salancik_1978"),
  },
  piggyback_scheme: {
    label: "Piggy-back scheme",
    policyTheme: "domestic_international_resources",
    summary:
      "Lets a small firm enter foreign markets on the back of a larger partner's contracts and networks, typically following a client that goes abroad.",
    grounding: "explicit",
    basis:
      "Small firms can be pulled abroad by clients with foreign relationships, or pushed to follow major customers to keep their network position; this is the piggy-back route.",
    marketFailures: ["imperfect_information", "imperfect_market_structure"],
    barriers: ["resource", "operational"],
    perspectives: ["resource_network", "strategic_choice"],
    requires: ["tradable"],
    suits: [
      trait("client_pull", "A client going abroad offers a ready route."),
      trait("large_firm_links", "Already supplies a larger firm that could take it along."),
      trait("resource_poor", "Needs the larger partner's contract and networks to go abroad."),
    ],
    doesNotSuit: [
      trait(
        "partner_dependent",
        "Following the same partner abroad would widen its dependence on one customer.",
      ),
      pos("non_tradable", "Nothing to sell abroad."),
    ],
    pairsWith: ["negotiation_support"],
    citations: cite("acs_1997", "ofarrell_1998"),
  },
  negotiation_support: {
    label: "Negotiation support with larger partners",
    policyTheme: "domestic_international_resources",
    summary:
      "Helps small firms secure fair terms with larger trading partners, including protection of their ideas and intellectual property.",
    grounding: "explicit",
    basis:
      "Links between small and large firms may be lopsided: the small firm depends on resources the large one controls, and its innovation may be taken over.",
    marketFailures: [
      "imperfect_market_structure",
      "incomplete_property_rights",
      "asymmetric_information",
    ],
    barriers: ["strategic"],
    perspectives: ["resource_network"],
    requires: [],
    suits: [
      trait(
        "partner_dependent",
        "Most sales depend on one larger partner, so terms decide its future.",
      ),
      trait("large_firm_links", "Dealing with larger firms, where the bargaining power is uneven."),
      trait("client_pull", "Going abroad on a larger client's terms."),
    ],
    doesNotSuit: [
      pos("domestic_by_choice", "Has no prospective larger trading partner to negotiate with."),
    ],
    citations: cite("pfeffer_salancik_1978", "acs_1997", "eim_2005"),
  },
  informal_cooperation_cluster: {
    label: "Informal cooperation and clusters",
    policyTheme: "domestic_international_resources",
    summary:
      "Fosters informal cooperation and clusters of complementary firms, which feel less threatening than formal ties and share knowledge and reputation.",
    grounding: "explicit",
    basis:
      "Informal cooperation can reduce the sense that cooperating is a threat; clusters of complementary firms may ease lopsided dependence on large firms and let members draw on shared knowledge and standing.",
    marketFailures: ["externalities", "imperfect_market_structure"],
    barriers: ["attitudinal", "resource"],
    perspectives: ["resource_network"],
    requires: [],
    suits: [
      trait("prefers_control", "Wary of formal partnerships; informal ties keep its independence."),
      trait(
        "partner_dependent",
        "Clusters of peers spread the dependence now concentrated on one large firm.",
      ),
      trait("in_cluster", "Can draw on the cluster's shared knowledge and reputation."),
      pos("export_capable", "Peers can share the load of a first move abroad."),
    ],
    doesNotSuit: [pos("non_tradable", "Peers cannot make its offer tradable.")],
    citations: cite("eim_2005", "pfeffer_salancik_1978", "westhead_2004b"),
  },
  incubator_regional_support: {
    label: "Incubator and regional support",
    policyTheme: "domestic_international_resources",
    summary:
      "Long-term, well-resourced incubation built on strong science, with an international network to attract talent and ties to internationally active venture capital.",
    grounding: "explicit",
    basis:
      "Spin-outs with international potential need intensive, sustained incubation (Clarysse et al. 2005); incubators work best in regions with a high-technology centre.",
    marketFailures: ["externalities", "imperfect_market_structure"],
    barriers: ["resource", "strategic"],
    perspectives: ["resource_network", "learning"],
    requires: ["knowledge_intensive"],
    suits: [
      trait("in_incubator", "Already in an incubator, or a region able to sustain one."),
      pos(
        "international_new_venture",
        "A knowledge-based venture with international potential from the outset.",
      ),
      pos("export_capable", "A technology firm that could realize its potential abroad."),
    ],
    doesNotSuit: [
      trait(
        "business_services",
        "The incubator model described rests on science-based spin-outs, not service firms.",
      ),
      pos("non_tradable", "Has no foreign potential to incubate."),
      pos(
        "domestic_by_choice",
        "Incubation for internationalization assumes the will to go abroad.",
      ),
    ],
    caveats: [
      "Most feasible in regions with a high-technology centre; no profile field records that, so the adviser must judge the region.",
      "Needs sustained, heavy resourcing over a long period to pay off.",
    ],
    citations: cite("clarysse_2005"),
  },
};
