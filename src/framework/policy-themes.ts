/** The five cross-cutting policy themes of the review's discussion. */
import { type Citation, cite } from "./citations.ts";
import type { PolicyTheme } from "./vocabulary.ts";

export interface PolicyThemeInfo {
  id: PolicyTheme;
  label: string;
  paraphrase: string;
  citations: readonly Citation[];
}

export const POLICY_THEME_INFO: Readonly<Record<PolicyTheme, PolicyThemeInfo>> = {
  early_internationalization: {
    id: "early_internationalization",
    label: "Scope for early internationalization",
    paraphrase:
      "Not every SME can go abroad from the start; the propensity varies with the offer, experience, resources and home location. Support for early internationalization should favour tradable, innovative technology firms, while other owners are helped to see the true reach of their offer.",
    citations: cite("eim_2005", "autio_2000", "oviatt_mcdougall_2005"),
  },
  dynamic_activity: {
    id: "dynamic_activity",
    label: "Internationalization as a dynamic activity",
    paraphrase:
      "Firms pass through states over time. Support should cover withdrawal and return, the skills needed to sustain activity abroad, and barriers that look different to experienced and inexperienced exporters, not only first entry.",
    citations: cite("crick_2004", "bell_2003", "dti_2004", "eim_2005"),
  },
  entry_mode_options: {
    id: "entry_mode_options",
    label: "Entry-mode options",
    paraphrase:
      "Firms should know the costs and benefits of every entry mode, including shared-control and two-party modes that bring learning, and accept that some cannot go abroad without giving up a measure of control.",
    citations: cite("zahra_2000", "westhead_2002"),
  },
  domestic_international_resources: {
    id: "domestic_international_resources",
    label: "Domestic and international resources",
    paraphrase:
      "Help entrepreneurs tap resources at home and abroad through networks, informal cooperation, clusters, larger firms as conduits with fair terms, and well-resourced incubators where the region can support them.",
    citations: cite("acs_1997", "pfeffer_salancik_1978", "clarysse_2005", "eim_2005"),
  },
  entrepreneur_focus: {
    id: "entrepreneur_focus",
    label: "Attention to the entrepreneur",
    paraphrase:
      "The entrepreneur, not only the firm, is the key resource. Policy can target owners with more potential, such as portfolio entrepreneurs, tailor help to novices and habitual entrepreneurs, and encourage experienced exporters to partner novices.",
    citations: cite("westhead_2005", "westhead_2001", "jones_coviello_2005"),
  },
};
