import type { Command } from "commander";

export interface SurvivalRawOptions {
  id: string;
  time: string;
  state: string;
  by?: string;
  gaps?: boolean;
  weights?: string;
  excludeLeftCensored?: boolean;
  firstSpell?: boolean;
  variance?: string;
  clusterFirm?: boolean;
  rho: string;
  level: string;
  json?: boolean;
  plot?: string;
}

const EXAMPLES = `
Examples:
  outward panel survival panel.csv --state exporter
  outward panel survival panel.csv --state exporter --by size --plot spells.svg
  outward panel survival panel.csv --state exporter --gaps          time to re-entry after an exit
  outward panel survival panel.csv --state export_intensity --weights w --json

A spell is a run of consecutive export years (state > 0). It ends with an event when the firm
is observed not exporting the next year; it is censored when the firm leaves the data, at the
panel's last year, or at a missing year. Spells under way in a firm's first observed year are
left-censored (their true length is unknown); --exclude-left-censored drops them.`;

/** `outward panel survival`: Kaplan-Meier survival of export spells or of gaps until re-entry. */
export function registerSurvival(panel: Command): void {
  panel
    .command("survival")
    .description(
      "Kaplan-Meier survival of export spells (or time to re-entry), Nelson-Aalen, log-rank",
    )
    .argument("<file>", "firm-year panel (.csv, .owc or .parquet)")
    .requiredOption(
      "--state <col>",
      "export status or measure; a year with a value > 0 is an export year",
    )
    .option("--id <col>", "firm id column", "firm")
    .option("--time <col>", "year column", "year")
    .option("--by <col>", "curves per group (read at the spell's first year) and a log-rank test")
    .option("--gaps", "analyse non-exporting gaps after an exit (time to re-entry)")
    .option("--weights <col>", "case weights read at the spell's first year")
    .option("--exclude-left-censored", "drop spells under way in the firm's first observed year")
    .option("--first-spell", "keep only each firm's first spell")
    .option(
      "--variance <type>",
      "greenwood or robust (default: greenwood, robust for fractional weights)",
    )
    .option("--cluster-firm", "robust variance clustered by firm")
    .option("--rho <r>", "Fleming-Harrington rho of the group test (0 = log-rank)", "0")
    .option("--level <p>", "confidence level", "0.95")
    .option("--json", "print JSON (see docs/panel-json.md)")
    .option("--plot <file.svg>", "also write the survival curves")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string, raw: SurvivalRawOptions) => {
      const { runSurvival } = await import("./survival-run.ts");
      process.stdout.write(await runSurvival(file, raw));
    });
}
