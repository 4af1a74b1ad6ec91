import type { LogRankTest, SurvivalCurve, TransitionMatrix } from "../../../panel/index.ts";

/** Right-aligned columns under a header, first column left-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) =>
    cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function num(v: number, digits = 4): string {
  if (Number.isNaN(v)) return "NA";
  if (!Number.isFinite(v)) return v > 0 ? "Inf" : "-Inf";
  return Number.isInteger(v) ? String(v) : v.toFixed(digits);
}

/** Counts, then probabilities with their interval, rows = state at t. */
export function transitionText(
  m: TransitionMatrix,
  heading: string,
  interval: string,
  level: number,
): string {
  const corner = "t \\ t+1";
  const counts = table(
    [corner, ...m.states, "total"],
    m.states.map((s, a) => [s, ...m.counts[a].map((v) => num(v, 2)), num(m.row_totals[a], 2)]),
  );
  const probs = table(
    [corner, ...m.states],
    m.states.map((s, a) => [
      s,
      ...m.probabilities[a].map((p, b) =>
        Number.isNaN(p)
          ? "-"
          : `${p.toFixed(3)} [${m.lower[a][b].toFixed(3)}, ${m.upper[a][b].toFixed(3)}]`,
      ),
    ]),
  );
  const pct = Math.round(level * 1000) / 10;
  return [
    `${heading}: ${num(m.n_transitions, 2)} transitions (${m.n_pairs} firm-year pairs)`,
    "",
    "Counts",
    counts,
    "",
    `Row probabilities [${pct}% ${interval} interval]`,
    probs,
  ].join("\n");
}

export function survivalText(c: SurvivalCurve, heading: string): string {
  const rows = c.time.map((t, i) => [
    num(t),
    num(c.n_risk[i], 2),
    num(c.n_event[i], 2),
    num(c.n_censor[i], 2),
    num(c.survival[i]),
    num(c.std_err[i]),
    num(c.lower[i]),
    num(c.upper[i]),
  ]);
  const pct = Math.round(c.level * 1000) / 10;
  const median = `median ${num(c.median)} (${pct}% CI ${num(c.median_lower)} to ${num(c.median_upper)})`;
  return [
    `${heading}: ${c.n} spells, ${num(
      c.n_event.reduce((a, b) => a + b, 0),
      2,
    )} events; ${median}; restricted mean ${num(c.rmean, 2)}; ${c.variance} SE`,
    table(
      [
        "time",
        "n_risk",
        "n_event",
        "n_censor",
        "survival",
        "std_err",
        `lower${pct}`,
        `upper${pct}`,
      ],
      rows,
    ),
  ].join("\n");
}

export function logRankText(lr: LogRankTest): string {
  const name = lr.rho === 0 ? "Log-rank test" : `Fleming-Harrington test (rho = ${lr.rho})`;
  const rows = lr.groups.map((g, j) => [
    g,
    num(lr.n[j], 2),
    num(lr.observed[j], 2),
    num(lr.expected[j], 2),
  ]);
  const p = lr.p_value < 1e-4 ? lr.p_value.toExponential(2) : lr.p_value.toFixed(4);
  return [
    `${name}: chi-square ${lr.chisq.toFixed(3)} on ${lr.df} df, p = ${p}`,
    table(["group", "n", "observed", "expected"], rows),
  ].join("\n");
}
