/**
 * Published facts the default baseline should reproduce, each with its source and tolerance.
 * `measure` names a statistic computed by calibrate.ts from a baseline run.
 */
export interface CalibrationTarget {
  id: string;
  description: string;
  /** Acceptable range of the simulated statistic (inclusive). */
  lo: number;
  hi: number;
  source: string;
}

export const TARGETS: readonly CalibrationTarget[] = [
  {
    id: "sme_exporter_share",
    description: "Share of SMEs that export",
    lo: 0.18,
    hi: 0.25,
    source: "EIM 2005 (18% of EU SMEs, as cited in the review); EIM 2010 (25%)",
  },
  {
    id: "uk_sme_employer_exporter_share",
    description: "Share of UK SME employers that export (18-20%, +-2 points)",
    lo: 0.16,
    hi: 0.22,
    source: "Longitudinal Small Business Survey 2020-2023 (DBT)",
  },
  {
    id: "lpm_prior_export_effect",
    description:
      "LPM coefficient of last year's export status on exporting now (with firm controls)",
    lo: 0.5,
    hi: 0.7,
    source: "Roberts & Tybout 1997 (prior exporting raises the probability by about 60 points)",
  },
  {
    id: "new_spell_survival_2y",
    description: "Share of new export spells still running two years after they start",
    lo: 0.2,
    hi: 0.5,
    source: "Eaton, Eslava, Kugler & Tybout 2008 (most new exporters stop within a year or two)",
  },
  {
    id: "new_spell_survival_1y",
    description: "Share of new export spells still running one year after they start",
    lo: 0.3,
    hi: 0.7,
    source:
      "Eaton, Eslava, Kugler & Tybout 2008 (many entrants stop after their first year); range an assumption",
  },
  {
    id: "mean_export_intensity",
    description: "Mean share of sales exported, among exporters",
    lo: 0.1,
    hi: 0.3,
    source: "Westhead et al. 2002 (exporters sell only a small proportion abroad)",
  },
  {
    id: "reentry_recency_ratio",
    description: "Re-entry rate after one year out / re-entry rate after three or more years out",
    lo: 1.5,
    hi: 20,
    source: "Roberts & Tybout 1997 (re-entry soon after exit is cheaper)",
  },
  {
    id: "diversified_exit_ratio",
    description: "Exit rate of exporters in 3+ markets / exit rate of one-market exporters",
    lo: 0,
    hi: 0.7,
    source: "review theme 2; diversified exporters spread risk (assumption consistent with it)",
  },
  {
    id: "founder_experience_ratio",
    description: "Exporter share with a founder who sold abroad / exporter share overall",
    lo: 1.3,
    hi: 4,
    source:
      "Westhead et al. 2001 (founders with export experience: markedly more likely to export)",
  },
];
