/** The five theoretical perspectives of Table 1 and the two families they belong to. */
import { type Citation, cite } from "./citations.ts";
import type { Perspective, PerspectiveFamily } from "./vocabulary.ts";

export interface FamilyInfo {
  label: string;
  paraphrase: string;
}

export const FAMILY_INFO: Readonly<Record<PerspectiveFamily, FamilyInfo>> = {
  traditional: {
    label: "Traditional internationalization theories",
    paraphrase:
      "Explain what drives firms abroad, mostly from the experience of large firms; widely criticised for missing firms that go international from the start.",
  },
  international_entrepreneurship: {
    label: "International entrepreneurship theories",
    paraphrase:
      "Put the discovery and pursuit of opportunities beyond the home market at the centre, as a response to the traditional view; still short of one agreed theoretical direction.",
  },
};

export interface PerspectiveInfo {
  id: Perspective;
  label: string;
  family: PerspectiveFamily;
  /** Table 1 marks the learning perspective as tied in particular to international new ventures. */
  linkedToInv: boolean;
  paraphrase: string;
  citations: readonly Citation[];
}

export const PERSPECTIVE_INFO: Readonly<Record<Perspective, PerspectiveInfo>> = {
  stage: {
    id: "stage",
    label: "Stage theory",
    family: "traditional",
    linkedToInv: false,
    paraphrase:
      "Firms go abroad step by step: they build resources and experience at home, then enter foreign markets with growing commitment, moving from low-control to high-control modes along a single path. Critics point out that many small firms skip or reverse steps, which is why the review prefers to speak of states rather than stages.",
    citations: cite("johanson_vahlne_1977", "jones_coviello_2005", "bell_2004", "bell_2003"),
  },
  internalization: {
    id: "internalization",
    label: "Internalization / transaction cost theory",
    family: "traditional",
    linkedToInv: false,
    paraphrase:
      "Whether and how a firm operates abroad follows from the cost of transacting with outside parties compared with the cost of doing the activity itself; the transaction, alongside the firm, is the unit studied. It struggles with business-services firms, whose choices turn on how they collaborate with clients, and it cannot easily tell experienced from inexperienced service firms.",
    citations: cite("ofarrell_1998"),
  },
  strategic_choice: {
    id: "strategic_choice",
    label: "Strategic choice theory",
    family: "international_entrepreneurship",
    linkedToInv: false,
    paraphrase:
      "Internationalization reflects choices the entrepreneur makes: motives, past experience, relations with clients and the home region's demand and supply conditions shape whether the firm goes abroad, how it serves the market and whether it stays. A flexible approach that takes the owner's resources and decisions into account.",
    citations: cite("ofarrell_1998", "jones_coviello_2005"),
  },
  learning: {
    id: "learning",
    label: "Learning / knowledge theory",
    family: "international_entrepreneurship",
    linkedToInv: true,
    paraphrase:
      "Firms with distinctive knowledge can seek advantage in several countries from inception, and what they learn abroad drives further expansion; young firms have no domestic routines to unlearn. This is the international new venture view, and it mostly measures knowledge at the level of the firm.",
    citations: cite(
      "autio_2000",
      "oviatt_mcdougall_2005",
      "zahra_2005",
      "zahra_george_2002",
      "zahra_2000",
      "de_clerq_2005",
    ),
  },
  resource_network: {
    id: "resource_network",
    label: "Resource-based / network theory",
    family: "international_entrepreneurship",
    linkedToInv: false,
    paraphrase:
      "A firm's ability to go abroad rests on the resources it holds or can reach through others: clusters, clients and especially larger firms can act as conduits, and the right entry mode depends on whether the firm exploits resources usable anywhere or must access ones tied to a place. Such ties can also be lopsided, leaving the small firm dependent.",
    citations: cite("acs_1997", "pfeffer_salancik_1978", "obrecht_2004", "westhead_2002"),
  },
};
