import type { Command } from "commander";

export interface EstimateRawOptions {
  formula: string[];
  model: string[];
  effect?: string;
  randomMethod?: string;
  vcov?: string;
  cluster?: string;
  ssc?: string;
  weights?: string;
  id: string;
  time: string;
  singletons?: string;
  level: string;
  hausman?: boolean;
  json?: boolean;
  csv?: boolean;
  threads?: string;
}

const collect = (v: string, prev: string[]): string[] => [...prev, v];

const EXAMPLES = `
Examples:
  outward panel estimate panel.csv --formula "y ~ x1 + x2 | firm" --vcov cluster
  outward panel estimate panel.csv --formula "y ~ x1 + l(x1, 1:2)" --model within --model random --model fd
  outward panel estimate panel.csv --formula "y ~ x1 | firm" --formula "y ~ x1 | firm + year" --cluster firm
  outward panel estimate exports.csv --formula "exporter ~ l(exporter, 1) + i(size)" --model logit --model lpm --cluster firm

Several --formula and/or --model values are fitted side by side in one table (one formula with
several models, several formulas with one model, or pairs in order). l(x, k) / f(x, k) are lags
and leads by the time column: a missing year gives a missing value; i(x) adds indicators for
the levels of x but the first. --ssc names the
small-sample convention: fixest (default: G/(G-1)(n-1)/(n-K), t with G-1 df), plm-hc0, plm-hc1,
plm-sss. JSON shape: docs/panel-json.md ("estimate").`;

/** `outward panel estimate`: panel regressions (pooled, within, random, first differences, between, LPM, logit). */
export function registerEstimate(panel: Command): void {
  panel
    .command("estimate")
    .description(
      "Panel regressions with fixed/random effects, lags, weights and robust or clustered SEs",
    )
    .argument("<file>", "firm-year panel (.csv, .owc or .parquet)")
    .option(
      "--formula <f>",
      'model formula, e.g. "y ~ x1 + l(x2, 0:2) | firm + year" (repeatable)',
      collect,
      [],
    )
    .option(
      "--model <m>",
      "pooled|within|twoways|random|fd|fd0|between|lpm|logit (repeatable)",
      collect,
      [],
    )
    .option(
      "--effect <e>",
      "effects removed by within/random without a | part: individual|time|twoways",
      "individual",
    )
    .option(
      "--random-method <m>",
      "variance components for random: swar|amemiya|walhus|nerlove",
      "swar",
    )
    .option("--vcov <v>", "iid|hetero|cluster (default: cluster when --cluster is given, else iid)")
    .option(
      "--cluster <cols>",
      "cluster column(s), COL or COL1,COL2 (default with --vcov cluster: --id)",
    )
    .option("--ssc <s>", "small-sample convention: fixest|plm-hc0|plm-hc1|plm-sss", "fixest")
    .option("--weights <col>", "observation weights column")
    .option("--id <col>", "firm id column", "firm")
    .option("--time <col>", "year column", "year")
    .option("--singletons <rule>", "keep|drop rows alone in a fixed-effect level", "keep")
    .option("--level <p>", "confidence level of the intervals", "0.95")
    .option("--hausman", "also test fixed against random effects (classic and cluster-robust)")
    .option("--json", "print JSON (see docs/panel-json.md)")
    .option("--csv", "print one CSV row per model and coefficient")
    .option(
      "--threads <n>",
      "threads for the row passes of large panels (default: the cores, at most 4; 1 = no workers)",
    )
    .addHelpText("after", EXAMPLES)
    .action(async (file: string, raw: EstimateRawOptions) => {
      const { runEstimate } = await import("./estimate-run.ts");
      const out = await runEstimate(file, raw);
      process.stdout.write(out.text);
      if (out.exitCode !== 0) process.exitCode = out.exitCode;
    });
}
