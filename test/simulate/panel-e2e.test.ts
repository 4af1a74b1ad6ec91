/**
 * End to end: simulate, stream the firm-year panel to CSV, read it back as a researcher would
 * and estimate hysteresis with the panel estimator (LPM of exporting on last year's status).
 * The estimates must recover the simulated mechanism, the model's own state dependence (the
 * average over tradable firm-years of P(export | exported last year) - P(export | not)), and
 * collapse when the sunk cost, the mechanism, is switched off.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PANEL_COLUMNS, PanelWriter, readCsvFrame } from "../../src/io/index.ts";
import { estimate } from "../../src/panel/index.ts";
import { at, lpmAccumulator, M, runSimulation } from "../../src/simulate/index.ts";
import { params } from "./helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "outward-sim-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function simulateToPanel(name: string, overrides: Record<string, number>) {
  const path = join(dir, `${name}.csv`);
  const writer = new PanelWriter(path);
  const lpm = lpmAccumulator();
  const run = await runSimulation({
    firms: 12_000,
    years: 8,
    seed: 21,
    params: params(overrides),
    observer: (s, y, pop, a, b) => {
      writer.observe(s, y, pop, a, b);
      lpm.observe(s, y, pop, a, b);
    },
  });
  writer.close();
  const agg = run.aggregates[0][0];
  let h = 0;
  let n = 0;
  for (let t = 0; t < 8; t++) {
    h += agg[at(t, 0, M.hysteresis_sum)];
    n += agg[at(t, 0, M.hysteresis_n)];
  }
  const { frame } = await readCsvFrame(path);
  const lag = (formula: string, model: "pooled" | "within") => {
    const fit = estimate(frame, formula, { id: "firm", time: "year", model, vcov: "cluster" });
    if (!fit.ok) throw new Error(JSON.stringify(fit.issues));
    return fit.value.summary.coefficients["l(exporter, 1)"];
  };
  const controls = "size + tradable + founder_export_experience + large_firm_links + client_pull";
  return {
    frame,
    run,
    truth: h / n,
    pooled: lag(`exporter ~ l(exporter, 1) + ${controls}`, "pooled"),
    within: lag(`exporter ~ l(exporter, 1) + size + client_pull | firm`, "within"),
    kernel: lpm.fit(),
  };
}

describe("simulate -> panel CSV -> hysteresis estimate", () => {
  it("writes one row per firm-year with the columns the panel commands read", async () => {
    const { frame } = await simulateToPanel("columns", {});
    expect(frame.nrows).toBe(12_000 * 8);
    expect(frame.names).toEqual([...PANEL_COLUMNS]);
  });

  it("recovers the simulated state dependence, and none without a sunk cost", async () => {
    const on = await simulateToPanel("on", {});
    // Pooled OLS with a lagged outcome overstates state dependence (persistent unobserved
    // heterogeneity) and within (firm effects, short T) understates it (Nickell 1981): the two
    // bracket the truth (Angrist & Pischke 2009, sec. 5.4).
    expect(on.within.estimate).toBeLessThan(on.truth);
    expect(on.pooled.estimate).toBeGreaterThan(on.truth);
    expect(on.pooled.estimate - on.truth).toBeLessThan(0.12);
    // With the controls the model really uses, the LPM comes within a few points of the truth.
    expect(Math.abs(on.kernel.coef[1] - on.truth)).toBeLessThan(0.05);
    const off = await simulateToPanel("off", { sunkEntryCost: 0, effectLogMarkets: 0 });
    // Only the plans of past exporters (Crick 2004) still separate the two, slightly.
    expect(Math.abs(off.truth)).toBeLessThan(0.03);
    expect(off.pooled.estimate).toBeLessThan(on.pooled.estimate - 0.3);
    expect(Math.abs(off.kernel.coef[1])).toBeLessThan(0.2);
  });
});
