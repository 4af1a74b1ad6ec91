/** Table 1's six propositions and the six themes of the review they belong to. */
import { type Citation, cite } from "./citations.ts";
import type { Proposition, Theme } from "./vocabulary.ts";

export interface PropositionInfo {
  id: Proposition;
  /** 1..6, the row number in Table 1. */
  number: number;
  label: string;
  theme: Theme;
}

export const PROPOSITION_INFO: Readonly<Record<Proposition, PropositionInfo>> = {
  P1: { id: "P1", number: 1, label: "SMEs can internationalize from the outset", theme: "timing" },
  P2: {
    id: "P2",
    number: 2,
    label: "Once internationalized, SMEs keep on internationalizing",
    theme: "intensity_sustainability",
  },
  P3: { id: "P3", number: 3, label: "SMEs can enter through high-control modes", theme: "mode" },
  P4: {
    id: "P4",
    number: 4,
    label: "SMEs can leverage spillovers from their domestic environment",
    theme: "domestic_environment",
  },
  P5: {
    id: "P5",
    number: 5,
    label: "SMEs can leverage external resources",
    theme: "external_resources",
  },
  P6: {
    id: "P6",
    number: 6,
    label: "The firm, rather than the entrepreneur, is the focus",
    theme: "unit_of_analysis",
  },
};

export interface ThemeInfo {
  id: Theme;
  number: number;
  label: string;
  paraphrase: string;
  citations: readonly Citation[];
}

export const THEME_INFO: Readonly<Record<Theme, ThemeInfo>> = {
  timing: {
    id: "timing",
    number: 1,
    label: "Timing of internationalization",
    paraphrase:
      "Some new firms, mostly knowledge- and technology-based, sell abroad from their first years, and the time to a first export seems to be shrinking. Most SMEs never export, though: some offers are not tradable, many owners prefer the home market, findings from small countries may not travel, sector matters, and the support system around a venture shapes when it goes abroad.",
    citations: cite(
      "autio_2000",
      "luostarinen_gabrielsson_2004",
      "obrecht_2004",
      "westhead_2002",
      "westhead_2004a",
      "acs_1997",
      "eim_2005",
      "bell_2004",
      "clarysse_2005",
    ),
  },
  intensity_sustainability: {
    id: "intensity_sustainability",
    label: "Intensity and sustainability of internationalization",
    number: 2,
    paraphrase:
      "Learning is said to raise commitment abroad, yet firms often meet barriers only once they have started, export only while the home market is weak, pause between foreign projects, or stop and later return. Past exporters differ in whether they mean to return, firms move between states rather than up stages, and perceived sunk costs can keep a firm exporting whether or not it learns.",
    citations: cite(
      "zahra_2000",
      "de_clerq_2005",
      "autio_2000",
      "eim_2005",
      "crick_2004",
      "ofarrell_1998",
      "bell_2003",
    ),
  },
  mode: {
    id: "mode",
    number: 3,
    label: "Mode of internationalization",
    paraphrase:
      "Modes differ in risk, control and cost. High-control modes speed up technological learning, but most SME owners export directly, keep control and rarely form partnerships; foreign investment suits few of them. Which mode fits depends on whether the firm exploits resources usable anywhere or must reach resources tied to a place.",
    citations: cite("zahra_2000", "westhead_2002", "ofarrell_1998", "bell_2004", "eim_2005"),
  },
  domestic_environment: {
    id: "domestic_environment",
    number: 4,
    label: "Domestic environmental context",
    paraphrase:
      "Clusters and nearby large firms can lend resources and legitimacy, and home demand can build tradable skills, yet evidence that the home environment itself breeds internationalization is thin: urban and rural firms export alike. Its weight varies by sector and country; small open economies push ventures out, large ones let global demand pull them.",
    citations: cite(
      "westhead_2004b",
      "westhead_2004a",
      "dimitratos_2004",
      "ofarrell_1998",
      "luostarinen_gabrielsson_2004",
    ),
  },
  external_resources: {
    id: "external_resources",
    number: 5,
    label: "Leveraging external resources",
    paraphrase:
      "Networks, and larger firms above all, can carry small firms abroad, pulling them along with clients or pushing them to follow customers. The limits are real: inexperienced firms lack the means to find partners, owners fear losing control or ideas, dependence on the larger party can be lopsided, and receptive settings may have to be built.",
    citations: cite("acs_1997", "pfeffer_salancik_1978", "eim_2005"),
  },
  unit_of_analysis: {
    id: "unit_of_analysis",
    number: 6,
    label: "Unit of analysis",
    paraphrase:
      "Most theory studies the firm, yet in small firms the owner's experience, human and social capital and alertness drive foreign opportunity recognition; founders with export and same-industry experience are more likely to export. Policy should look at the entrepreneur and the team, not the firm alone.",
    citations: cite(
      "autio_2000",
      "zahra_2000",
      "jones_coviello_2005",
      "brush_2002",
      "westhead_2001",
    ),
  },
};
