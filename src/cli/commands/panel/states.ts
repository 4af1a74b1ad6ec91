import type { Command } from "commander";

export interface StatesRawOptions {
  id: string;
  time: string;
  export?: string;
  intensity?: string;
  json?: boolean;
  csv?: boolean;
  spells?: boolean;
}

const EXAMPLES = `
Examples:
  outward panel states panel.csv --export exporter
  outward panel states panel.csv --export exporter --intensity export_intensity --csv > states.csv
  outward panel states panel.csv --export exporter --spells --csv > spells.csv

States: never_exported, first_entry, continuing, exited, re_entered (exporting again after a
non-exporting year). A year is compared with the firm's previous observed year; a missing year
censors the export spell (it is neither an exit nor a continuation).`;

/** `outward panel states`: each firm-year's internationalization state and export spells. */
export function registerStates(panel: Command): void {
  panel
    .command("states")
    .description("Internationalization state of each firm-year and its export spells")
    .argument("<file>", "firm-year panel (.csv, .owc or .parquet)")
    .option("--export <col>", "export status column (0/1)")
    .option("--intensity <col>", "export intensity (0..1); without --export, > 0 means exporting")
    .option("--id <col>", "firm id column", "firm")
    .option("--time <col>", "year column", "year")
    .option("--json", "print JSON (see docs/panel-json.md)")
    .option("--csv", "print one CSV row per firm-year (or per spell with --spells)")
    .option("--spells", "with --csv: the export spell table instead of firm-years")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string, raw: StatesRawOptions) => {
      const { runStates } = await import("./states-run.ts");
      process.stdout.write(await runStates(file, raw));
    });
}
