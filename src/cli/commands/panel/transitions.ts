import type { Command } from "commander";

export interface TransitionsRawOptions {
  id: string;
  time: string;
  state?: string;
  export?: string;
  bands?: string;
  levels?: string;
  by?: string;
  weights?: string;
  interval: string;
  level: string;
  json?: boolean;
  plot?: string;
}

const EXAMPLES = `
Examples:
  outward panel transitions panel.csv --state export_state
  outward panel transitions panel.csv --state export_intensity --bands 0,0.1,0.5 --by size
  outward panel transitions panel.csv --state export_state --weights w --json
  outward panel transitions panel.csv --state export_state --plot transitions.svg
  outward panel transitions panel.csv --export exporter --by size

Only consecutive years of the same firm count as a transition; pairs across a missing year
are reported as "gaps" and left out. Weights are read at year t.`;

/** `outward panel transitions`: year-to-year transition matrices between states or bands. */
export function registerTransitions(panel: Command): void {
  panel
    .command("transitions")
    .description("Transition matrices between states (or intensity bands) from year t to t+1")
    .argument("<file>", "firm-year panel (.csv, .owc or .parquet)")
    .option("--state <col>", "state column (categories or codes), or the numeric column to band")
    .option(
      "--export <col>",
      "instead of --state: 0/1 export status; tabulates the derived states (never_exported, first_entry, continuing, exited, re_entered)",
    )
    .option("--id <col>", "firm id column", "firm")
    .option("--time <col>", "year column", "year")
    .option(
      "--bands <cuts>",
      "cut points for a numeric column, e.g. 0,0.1,0.5 -> <=0, (0,0.1], (0.1,0.5], >0.5",
    )
    .option("--levels <list>", "state order, also listing states absent from the data")
    .option("--by <col>", "also one matrix per group (group read at year t)")
    .option("--weights <col>", "observation weights read at year t")
    .option("--interval <method>", "wilson (per cell) or goodman (simultaneous per row)", "wilson")
    .option("--level <p>", "confidence level", "0.95")
    .option("--json", "print JSON (see docs/panel-json.md)")
    .option("--plot <file.svg>", "also write a heatmap of the probabilities")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string, raw: TransitionsRawOptions) => {
      const { runTransitions } = await import("./transitions-run.ts");
      process.stdout.write(await runTransitions(file, raw));
    });
}
