import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import type {
  Diagnosis,
  DiagnosisColumns,
  Reliability,
  ReliabilityAccumulator,
} from "../../diagnose/index.ts";
import type { ProfileColumns } from "../../firm/index.ts";
import { formatIssue, OutwardError } from "../../framework/index.ts";
import { CliError, EXIT } from "../exit.ts";
import { type AssessFlags, collect, parseAssessOptions } from "./assess-options.ts";
import type { AssessEngine } from "./assess-run.ts";

const HELP_AFTER = `
Input:
  A CSV file with a header row, or JSON (one firm object or an array), or - for stdin.
  Columns are the profile fields (\`outward assess --fields\`), as in examples/firms.csv;
  nested JSON is accepted too (examples/firms.json);
  tri-state answers take yes/no/unknown (also true/false/1/0), an empty cell is unknown.
  Item-level barrier answers go in columns barrier_<family>_<k>; with them, the report
  ends with Cronbach's alpha per barrier family over the whole file.

Examples:
  $ outward assess examples/firms.csv
  $ outward assess examples/firms.json --json > diagnoses.json
  $ outward assess register.csv --csv --rejects rejected.csv > diagnoses.csv
  $ outward assess examples/firms.csv --params examples/params.json
  $ outward assess examples/firms.csv --param inv_max_years_to_first_export=2
  $ cat firms.csv | outward assess - --json

Output:
  text (default)  one report per firm: position, state, reasons, recommendations, next questions
  --json          one JSON array of diagnoses (rejected rows are listed on stderr only)
  --csv           one row per firm
  stderr          warnings, rejected rows, and the summary line "assessed N, rejected M"

Exit codes:
  ${EXIT.ok}  every row was assessed
  ${EXIT.rejected}  some rows were rejected (listed on stderr); all other rows were assessed
  ${EXIT.usage}  unreadable input (missing file, empty, no header, not CSV/JSON) or bad options`;

/** `outward assess FILE|-`: validate and diagnose firm profiles. */
export function registerAssess(program: Command): void {
  program
    .command("assess")
    .description("diagnose firms: spectrum position, state, barriers, entry modes, advice")
    .argument("[file]", "firm profiles as CSV or JSON, or - for stdin")
    .option("--fields", "list the profile fields (columns), their values and meaning, and exit")
    .option("--json", "write one JSON array of diagnoses")
    .option("--csv", "write one CSV row per firm")
    .option("--params <file>", "JSON or YAML file of threshold overrides (name: value)")
    .option("--param <name=value>", "override one threshold (repeatable)", collect, [])
    .option("--rejects <file>", "write rejected rows to a CSV file (row,id,field,value,...)")
    .option("--no-trace", "leave out the rule trace (faster; default for --csv)")
    .addHelpText("after", HELP_AFTER)
    .action(async (file: string | undefined, flags: AssessFlags & { fields?: boolean }) => {
      if (flags.fields) {
        process.stdout.write(await renderFieldList());
        return;
      }
      if (file === undefined) {
        throw new CliError(
          "missing FILE (a CSV or JSON file, or - for stdin); see --help",
          EXIT.usage,
        );
      }
      await assessAction(file, flags);
    });
}

async function assessAction(file: string, flags: AssessFlags): Promise<void> {
  let paramsText: string | undefined;
  if (flags.params !== undefined) {
    try {
      paramsText = await readFile(flags.params, "utf8");
    } catch (err) {
      throw new CliError(`--params: cannot read ${flags.params} (${errorText(err)})`, EXIT.usage);
    }
  }
  // commander sets trace=true unless --no-trace; only an explicit --no-trace overrides the default.
  const opts = parseAssessOptions(
    { ...flags, trace: flags.trace === false ? false : undefined },
    paramsText,
  );
  const engine = await loadEngine(opts.overrides, opts.overridesFrom);
  const { runAssess } = await import("./assess-run.ts");
  let summary: Awaited<ReturnType<typeof runAssess>>;
  try {
    summary = await runAssess(file, engine, {
      format: opts.format,
      trace: opts.trace,
      rejects: opts.rejects,
      stdout: process.stdout,
      stderr: process.stderr,
      width: process.stdout.isTTY ? Math.min(process.stdout.columns || 80, 120) : 80,
    });
  } catch (err) {
    if (err instanceof OutwardError) throw new CliError(err.message, EXIT.usage);
    throw err;
  }
  if (summary.rejected > 0) {
    throw new CliError(
      `${summary.rejected} row(s) rejected; the other ${summary.assessed} were assessed`,
      EXIT.rejected,
    );
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The diagnose module and its renderers, loaded only when a command needs them. */
export async function loadEngine(
  overrides: Record<string, unknown>,
  from: string,
): Promise<AssessEngine<Diagnosis>> {
  const diagnoseModule = await import("../../diagnose/index.ts");
  const render = await import("../render/diagnosis.ts");
  const parsed = diagnoseModule.parseParams(overrides, { file: from });
  if (!parsed.ok) throw new CliError(parsed.issues.map(formatIssue).join("\n"), EXIT.usage);
  const params = parsed.value;
  // One diagnosis batch, refilled for every batch of profiles.
  let diagnosed: DiagnosisColumns | undefined;
  return {
    diagnose: (profile, o) => diagnoseModule.diagnose(profile, { params, trace: o.trace }),
    renderText: (d, o) => render.renderDiagnosisText(d, o),
    csvHeader: render.DIAGNOSIS_CSV_HEADER,
    csvRow: (d) => render.diagnosisCsvRow(d),
    csvLine: (d) => render.diagnosisCsvLine(d),
    csvBytesOfColumns: (cols) => {
      diagnosed = diagnoseModule.diagnoseColumns(cols, params, diagnosed);
      return diagnoseModule.diagnosisColumnsCsvBytes(cols, diagnosed);
    },
    recycleCsvBytes: diagnoseModule.recycleCsvBytes,
    reliability: reliabilityReport(
      new diagnoseModule.ReliabilityAccumulator(),
      render.renderReliabilityText,
      diagnoseModule.addItemColumns,
    ),
  };
}

/** Alpha is reported only when at least two firms answered some family item by item. */
function reliabilityReport(
  acc: ReliabilityAccumulator,
  render: (r: Reliability) => string,
  addColumns: (acc: ReliabilityAccumulator, cols: ProfileColumns) => void,
): NonNullable<AssessEngine<Diagnosis>["reliability"]> {
  return {
    add: (profile) => acc.add(profile),
    addColumns: (cols) => addColumns(acc, cols),
    renderText: () => {
      const r = acc.value();
      return r.families.some((f) => f.n + f.excluded >= 2) ? render(r) : null;
    },
  };
}

/** The field catalogue as plain text: what each column takes and means. */
async function renderFieldList(): Promise<string> {
  const { PROFILE_FIELDS } = await import("../../firm/index.ts");
  const lines: string[] = [];
  for (const f of PROFILE_FIELDS) {
    const name = f.kind === "items" ? "barrier_<family>_<k>" : f.name;
    lines.push(`${name}${f.unit ? ` (${f.unit})` : ""}`);
    lines.push(`  takes: ${f.expected}`);
    lines.push(`  means: ${f.description}`);
  }
  return `${lines.join("\n")}\n`;
}
