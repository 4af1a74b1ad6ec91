import { basename } from "node:path";
import type { Command } from "commander";
import { OutwardError } from "../../../framework/index.ts";
import type { ColumnKind } from "../../../io/index.ts";
import { CliError, EXIT } from "../../exit.ts";
import { createProgress } from "../../progress.ts";

interface DescribeFlags {
  id: string;
  time: string;
  json?: boolean;
  columns?: string;
  type: string[];
  na?: string;
  levels: string;
  onTypeConflict: string;
}

const HELP_AFTER = `
Input:
  A firm-year panel as .csv (header row, comma-separated, R-style quoting), .owc (Outward
  columnar) or .parquet. In CSV, empty fields and NA are missing; a quoted field is text.

Examples:
  $ outward panel describe reference/panel/data/empluk.csv --id firm --time year
  $ outward panel describe panel.owc --id firm --time year --columns y,x1 --json
  $ outward panel describe survey.csv --id firm --time year --type firm=categorical --na NA,.
  $ zcat panel.csv.gz | outward panel describe - --id firm --time year

Output:
  text (default)  rows, firms, periods, balance, gaps, then per column: type, missing,
                  mean/sd/min/max (numeric) or levels with counts (categorical)
  --json          one JSON object, documented in docs/panel-json.md ("describe")

Exit codes:
  ${EXIT.ok}  described
  ${EXIT.usage}  unreadable or malformed input (bad row, duplicate firm-year, missing column) or bad options`;

/** `outward panel describe FILE --id COL --time COL`: what a panel file holds. */
export function registerDescribe(panel: Command): void {
  panel
    .command("describe")
    .description("rows, firms, periods, balance, gaps and per-column statistics of a panel file")
    .argument("<file>", "panel as .csv, .owc or .parquet, or - for CSV on stdin")
    .requiredOption("--id <column>", "firm identifier column")
    .requiredOption("--time <column>", "time column (integer periods, e.g. years)")
    .option("--json", "write one JSON object (docs/panel-json.md)")
    .option("--columns <list>", "load only these columns besides --id and --time (comma-separated)")
    .option(
      "--type <column=kind>",
      "force a column's type: numeric or categorical (repeatable)",
      collect,
      [],
    )
    .option("--na <list>", "CSV tokens read as missing, comma-separated (default: NA)")
    .option("--levels <n>", "most frequent levels listed per categorical column", "10")
    .option(
      "--on-type-conflict <mode>",
      "CSV text in a numeric column: error or categorical",
      "error",
    )
    .addHelpText("after", HELP_AFTER)
    .action(async (file: string, flags: DescribeFlags) => {
      await describeAction(file, flags);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Parses the flags into reader options; pure, so bad options fail before any read. */
export function parseDescribeFlags(flags: DescribeFlags) {
  const types: Record<string, ColumnKind> = {};
  for (const spec of flags.type) {
    const [name, kind] = spec.split("=");
    if (!name || (kind !== "numeric" && kind !== "categorical")) {
      throw new CliError(
        `--type: got ${JSON.stringify(spec)}, expected column=numeric or column=categorical`,
      );
    }
    types[name] = kind;
  }
  const levels = Number(flags.levels);
  if (!Number.isInteger(levels) || levels < 0) {
    throw new CliError(
      `--levels: got ${JSON.stringify(flags.levels)}, expected a whole number >= 0`,
    );
  }
  if (flags.onTypeConflict !== "error" && flags.onTypeConflict !== "categorical") {
    throw new CliError(
      `--on-type-conflict: got ${JSON.stringify(flags.onTypeConflict)}, expected error or categorical`,
    );
  }
  const list = (s: string | undefined) =>
    s === undefined ? undefined : s.split(",").map((x) => x.trim());
  return {
    read: {
      id: flags.id,
      time: flags.time,
      columns: list(flags.columns)?.filter((c) => c !== ""),
      types,
      naValues: list(flags.na),
      onTypeConflict: flags.onTypeConflict as "error" | "categorical",
    },
    levels,
  };
}

async function describeAction(file: string, flags: DescribeFlags): Promise<void> {
  const { read, levels } = parseDescribeFlags(flags);
  const { readPanel } = await import("../../../io/index.ts");
  const { describeReport, renderDescribe } = await import("./describe-report.ts");
  const progress = createProgress({ label: `reading ${basename(file)}` });
  let report: ReturnType<typeof describeReport>;
  try {
    const loaded = await readPanel(file, {
      ...read,
      onProgress: (done, total) => progress.update(done, total),
    });
    report = describeReport(loaded, levels);
  } catch (err) {
    if (err instanceof OutwardError) throw new CliError(err.message, EXIT.usage);
    throw err;
  } finally {
    progress.finish();
  }
  process.stdout.write(
    flags.json ? `${JSON.stringify(report, null, 2)}\n` : renderDescribe(report),
  );
}
