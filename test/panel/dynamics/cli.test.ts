import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import { expectClose, loadJson, REF_DIR } from "./helpers.ts";

const run = promisify(execFile);
const ROOT = new URL("../../../", import.meta.url).pathname;
const PANEL = "reference/panel/data/export_panel.csv";
const tmp = mkdtempSync(join(tmpdir(), "outward-dyn-"));

async function outward(
  ...args: string[]
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run("node", ["bin/outward.js", "panel", ...args], {
      cwd: ROOT,
    });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

const ref = loadJson<{
  transitions_3state: { counts: number[][]; row_probabilities: number[][] };
  km_all_spells: { surv: number[]; se_S_greenwood: number[]; lower95: number[]; median: number };
  logrank_by_size: { chisq: number; p_value: number };
}>("reference_export_dynamics.json");

function svgRoot(path: string) {
  const text = readFileSync(path, "utf8");
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = doc.documentElement;
  expect(root.tagName.toLowerCase()).toBe("svg");
  expect(root.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
  return { text, root };
}

// each run starts Node + tsx; on a loaded shared machine that alone can take several seconds
describe("outward panel transitions / survival / states through the binary", {
  timeout: 180_000,
}, () => {
  it("transitions --json carries the reference matrices", async () => {
    const r = await outward("transitions", PANEL, "--state", "export_state", "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.kind).toBe("panel_transitions");
    expect(doc.states).toEqual(["0", "1", "2"]);
    expect(doc.counts).toEqual(ref.transitions_3state.counts);
    expectClose(doc.probabilities.flat(), ref.transitions_3state.row_probabilities.flat());
    expect(doc.lower).toHaveLength(3);
    expect(doc.upper[0][0]).toBeGreaterThan(doc.probabilities[0][0]);
  });

  it("transitions --plot writes a heatmap SVG", async () => {
    const out = join(tmp, "t.svg");
    const r = await outward(
      "transitions",
      PANEL,
      "--state",
      "export_state",
      "--by",
      "size",
      "--plot",
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("size = small");
    const { root } = svgRoot(out);
    // 3 x 3 cells for each of: all, medium, small
    expect(root.querySelectorAll("rect").length).toBeGreaterThanOrEqual(27);
    expect(root.textContent).toContain("0.82");
  });

  it("survival --json with groups and the log-rank test, and a curve plot", async () => {
    const out = join(tmp, "s.svg");
    const r = await outward(
      "survival",
      PANEL,
      "--state",
      "exporter",
      "--by",
      "size",
      "--json",
      "--plot",
      out,
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.kind).toBe("panel_survival");
    expectClose(doc.overall.survival, ref.km_all_spells.surv);
    expectClose(doc.overall.std_err, ref.km_all_spells.se_S_greenwood);
    expectClose(doc.overall.lower, ref.km_all_spells.lower95);
    expect(doc.overall.median).toBe(ref.km_all_spells.median);
    expect(doc.groups.map((g: { group: string }) => g.group)).toEqual(["medium", "small"]);
    expectClose(
      [doc.logrank.chisq, doc.logrank.p_value],
      [ref.logrank_by_size.chisq, ref.logrank_by_size.p_value],
    );
    const { root } = svgRoot(out);
    expect(root.querySelectorAll("path").length).toBeGreaterThanOrEqual(2);
    expect(root.textContent).toContain("small");
  });

  it("survival text output and --gaps", async () => {
    const r = await outward("survival", PANEL, "--state", "exporter", "--gaps");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("All gaps until re-entry: 191 spells");
  });

  it("states --spells --csv reproduces the reference spell columns", async () => {
    const r = await outward("states", PANEL, "--export", "exporter", "--spells", "--csv");
    expect(r.code).toBe(0);
    const got = r.stdout
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    const want = readFileSync(`${REF_DIR}data/export_spells.csv`, "utf8")
      .trim()
      .split("\n")
      .map((l) => l.split(","));
    const pick = (rows: string[][], names: string[]) => {
      const idx = names.map((n) => rows[0].map((h) => h.replaceAll('"', "")).indexOf(n));
      return rows.slice(1).map((row) => idx.map((j) => row[j]));
    };
    const names = [
      "firm",
      "start_year",
      "end_year",
      "duration",
      "event",
      "left_censored",
      "panel_left_censored",
      "spell_no",
    ];
    expect(pick(got, names)).toEqual(pick(want, names));
  });

  it("states text and JSON", async () => {
    const t = await outward("states", PANEL, "--export", "exporter");
    expect(t.stdout).toContain("400 firms, 2821 firm-years, 2010-2021");
    const j = JSON.parse((await outward("states", PANEL, "--export", "exporter", "--json")).stdout);
    expect(j.summary.spells).toBe(389);
    expect(j.rows.state).toHaveLength(2821);
  });

  it("bad input: clear message naming file, row, field and value; exit code 2", async () => {
    const bad = join(tmp, "bad.csv");
    writeFileSync(bad, "firm,year,x\n1,2000,0\n1,2001,2\n2,2000,1\n");
    const a = await outward("states", bad, "--export", "x");
    expect(a.code).toBe(2);
    expect(a.stderr).toContain(`${bad}:row 2: x: got 2, expected 0 or 1`);
    const b = await outward("transitions", bad, "--state", "nope");
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('column "nope" not found');
    const dup = join(tmp, "dup.csv");
    writeFileSync(dup, "firm,year,x\n1,2000,0\n1,2000,1\n");
    const c = await outward("survival", dup, "--state", "x");
    expect(c.code).toBe(2);
    expect(c.stderr).toContain("row 2: year: duplicate firm-year: firm=1, year=2000");
  });
});
