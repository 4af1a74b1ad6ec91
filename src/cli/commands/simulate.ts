import type { Command } from "commander";
// Loaded when the command runs: the simulation brings the policy and diagnose modules with it.
import type { SimulateFlags } from "./simulate-options.ts";

const HELP_AFTER = `
Without SCENARIO the default baseline runs alone. A SCENARIO file (YAML/JSON, see the policy
documentation) adds its systems as reforms; each is compared with the baseline (no programme),
or with the scenario --against names, under common random numbers, so an empty reform differs
by exactly zero.

Examples:
  $ outward simulate --firms 100000 --years 10 --replications 5
  $ outward simulate examples/scenarios/differentiated.yaml --threads 2 --json > result.json
  $ outward simulate examples/scenarios/differentiated.yaml --against policy_baseline
  $ outward simulate --firms 20000 --years 15 --replications 1 --panel panel.csv
  $ outward simulate examples/scenarios/differentiated.yaml --replications 1 --panel reform.csv --panel-scenario differentiated
  $ outward simulate examples/scenarios/differentiated.yaml --discount-rate 3.5% --csv report.csv --plot effects.svg
  $ outward simulate examples/scenarios/differentiated.yaml --against policy_baseline --plot-spend money.svg
  $ outward simulate examples/scenarios/differentiated.yaml --sweep sunkEntryCost=4,6,8
  $ outward simulate calibrate

Output: a text report (default) or --json (format outward.simulate/1, docs/simulate.md), and
with --csv a tidy table of the same numbers, with --plot a chart of the effects per year,
with --plot-spend a chart of spend by segment and what it added;
progress on stderr for long runs.`;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `outward simulate [SCENARIO]` and `outward simulate calibrate`. */
export function registerSimulate(program: Command): void {
  const cmd = program
    .command("simulate")
    .description("simulate a population of SMEs under the baseline and reforms (Monte Carlo)")
    .argument("[scenario]", "scenario file with programmes and reforms (YAML or JSON)")
    .option("--firms <n>", "firms in the synthetic population", "100000")
    .option("--years <n>", "policy years simulated", "10")
    .option("--replications <n>", "Monte Carlo replications", "5")
    .option("--seed <n>", "seed of the counter-based generator", "1")
    .option(
      "--threads <n>",
      "threads (default: the cores, at most 4, from 5 million firm-years; 1 with --panel)",
    )
    .option("--start-year <year>", "calendar year of the first policy year", "2025")
    .option("--burn-in <years>", "unreported years simulated first (default 15; 0 with --register)")
    .option(
      "--block-size <n>",
      "firms per allocation block, the unit of budget rationing (default: the whole population when a programme has a capped budget and it fits, else 16384)",
    )
    .option("--register <file>", "start from real firm profiles (CSV/JSON) instead of synthesis")
    .option("--panel <file>", "stream a firm-year panel of replication 1 to a CSV file")
    .option(
      "--panel-scenario <scenario>",
      "the scenario whose firms --panel writes (default baseline; policy_baseline or a reform id)",
    )
    .option("--param <name=value>", "override a simulation parameter (repeatable)", collect, [])
    .option(
      "--against <scenario>",
      "compare the others with this scenario (baseline, policy_baseline or a reform id)",
      "baseline",
    )
    .option(
      "--discount-rate <rate>",
      "discount later years' exporter-years and spend in the totals (e.g. 0.035 or 3.5%)",
    )
    .option("--plot <file.svg>", "chart each scenario's additional exporters per year (SVG)")
    .option(
      "--plot-spend <file.svg>",
      "chart where each scenario's money goes: spend by segment, with what it added (SVG)",
    )
    .option("--csv <file>", "also write every series, difference and total as one tidy CSV")
    .option(
      "--sweep <name=v1,v2,...>",
      "run the comparison once per value of one parameter; print each reform's totals side by side",
    )
    .option("--json", "print the JSON document instead of the text report")
    .addHelpText("after", HELP_AFTER)
    .action(async (scenario: string | undefined, flags: SimulateFlags) => {
      const { simulateAction } = await import("./simulate-run.ts");
      const { parseSimulateOptions } = await import("./simulate-options.ts");
      const { availableParallelism } = await import("node:os");
      await simulateAction(scenario ?? null, parseSimulateOptions(flags, availableParallelism()));
    });
  // Options after "calibrate" are calibrate's: without this, simulate's options of the same
  // names would take them and calibrate would run with its defaults.
  cmd.enablePositionalOptions();
  cmd
    .command("calibrate")
    .description("run the default baseline and compare it with published targets")
    .option("--firms <n>", "firms simulated", "100000")
    .option("--years <n>", "years observed", "10")
    .option("--seed <n>", "seed", "1")
    .option("--param <name=value>", "override a simulation parameter (repeatable)", collect, [])
    .option("--json", "print JSON")
    .action(async (flags: SimulateFlags) => {
      const { calibrateAction } = await import("./simulate-run.ts");
      const { parseSimulateOptions } = await import("./simulate-options.ts");
      await calibrateAction(parseSimulateOptions(flags));
    });
}
