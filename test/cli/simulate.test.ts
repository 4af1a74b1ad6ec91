import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSimulateOptions } from "../../src/cli/commands/simulate-options.ts";
import { defaultParams, N_GROUPS, N_METRICS, PROGRAMME_METRICS } from "../../src/simulate/index.ts";

const ROOT = join(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/outward.js");
const tmp = mkdtempSync(join(tmpdir(), "outward-simulate-"));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function outward(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: ROOT,
        maxBuffer: 64 << 20,
        env: { ...process.env, NO_COLOR: "1", OUTWARD_PROGRESS: "0" },
      },
      (err, stdout, stderr) => {
        const code = err && typeof err.code === "number" ? err.code : err ? -1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const small = ["--firms", "3000", "--years", "3", "--replications", "2", "--burn-in", "5"];

describe("outward simulate (through the binary)", () => {
  it("runs the default baseline as a text report", async () => {
    const r = await outward(["simulate", ...small]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Simulated 3,000 firms, 3 years from 2025, 2 replication/);
    expect(r.stdout).toMatch(/Scenario baseline/);
    expect(r.stdout.match(/^ {2}202[567] +\d/gm)?.length).toBe(3);
    // The last year again, by position and by state.
    expect(r.stdout).toMatch(/^ {2}2027 by position \(baseline, year start\)/m);
    expect(r.stdout).toMatch(/^ {4}never_exported +\d/m);
  });

  it("prints the documented JSON document with per-year series", async () => {
    const r = await outward(["simulate", ...small, "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.format).toBe("outward.simulate/1");
    expect(doc.stamp.seed).toBe(1);
    expect(doc.stamp.params_hash).toMatch(/^[0-9a-f]{8}$/);
    const years = doc.scenarios[0].years;
    expect(years.map((y: { year: number }) => y.year)).toEqual([2025, 2026, 2027]);
    for (const y of years) {
      for (const k of ["exporter_share", "entries", "exits", "re_entries"])
        expect(typeof y[k]).toBe("number");
      expect(y.exporter_share).toBeGreaterThan(0.1);
      expect(y.exporter_share).toBeLessThan(0.35);
      expect(y.intervals.exporter_share[0]).toBeLessThanOrEqual(y.exporter_share);
    }
  });

  it("runs a scenario's systems under common random numbers: an empty reform equals its baseline", async () => {
    const r = await outward([
      "simulate",
      "examples/scenarios/empty-reform.yaml",
      ...small,
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    const ids = doc.scenarios.map((s: { id: string }) => s.id);
    expect(ids).toEqual(["baseline", "policy_baseline", "empty"]);
    const [, policy, empty] = doc.scenarios;
    expect(policy.programmes.length).toBeGreaterThan(0);
    expect(empty.years).toEqual(policy.years);
    expect(doc.differences[1].years).toEqual(doc.differences[0].years);
  });

  it("compares with the scenario --against names: a copy of it differs by exactly zero", async () => {
    const r = await outward([
      "simulate",
      "examples/scenarios/empty-reform.yaml",
      ...small,
      "--against",
      "policy_baseline",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.stamp.reference).toBe("policy_baseline");
    expect(doc.differences.map((d: { reform: string }) => d.reform)).toEqual(["baseline", "empty"]);
    const [withoutPolicy, empty] = doc.differences;
    for (const y of empty.years) {
      for (const [k, v] of Object.entries(y))
        if (k !== "year" && k !== "intervals") expect([0, null]).toContain(v);
    }
    expect(empty.totals.additional_exporter_years.mean).toBe(0);
    // A copy of the current policy supports the same firms: it adds no support.
    expect(empty.totals.recipients.mean).toBeGreaterThan(0);
    expect(empty.totals.additional_recipients.mean).toBe(0);
    expect(empty.totals.additional_deadweight_share.mean).toBeNull();
    expect(empty.totals.spend.mean).toBe(0);
    // The world without programmes spends the policy's whole budget less.
    expect(withoutPolicy.totals.spend.mean).toBeLessThan(0);
    const text = await outward([
      "simulate",
      "examples/scenarios/empty-reform.yaml",
      ...small,
      "--against",
      "policy_baseline",
    ]);
    expect(text.stdout).toContain("Difference: empty minus policy_baseline");
    expect(text.stdout).toContain("spend, difference:");
  });

  it("says when capped budgets were rationed block by block, and not when one national queue served them", async () => {
    const base = ["simulate", "examples/scenarios/differentiated.yaml", ...small, "--json"];
    const blocks = await outward([...base, "--block-size", "1000"]);
    expect(blocks.code, blocks.stderr).toBe(0);
    const doc = JSON.parse(blocks.stdout);
    expect(doc.stamp.block_size).toBe(1000);
    expect(doc.notes.join("\n")).toMatch(
      /capped budgets were rationed in blocks of 1,000 firms.*--block-size 3000/,
    );
    const national = await outward(base);
    expect(national.code, national.stderr).toBe(0);
    const one = JSON.parse(national.stdout);
    expect(one.stamp.block_size).toBe(16384);
    expect(one.notes.join("\n")).not.toMatch(/rationed in blocks/);
  });

  it("gives cost per additional exporter-year as a ratio of means, unbounded when the effect's interval reaches zero", async () => {
    const args = [
      "simulate",
      "examples/scenarios/differentiated.yaml",
      "--firms",
      "6000",
      "--years",
      "4",
      "--replications",
      "4",
      "--burn-in",
      "5",
      "--against",
      "policy_baseline",
      "--json",
    ];
    const r = await outward(args);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    let unbounded = 0;
    let bounded = 0;
    for (const d of doc.differences) {
      const {
        additional_exporter_years: added,
        spend,
        cost_per_additional_exporter_year: cost,
      } = d.totals;
      expect(typeof cost.bounded).toBe("boolean");
      if (!(added.mean > 0)) {
        expect(cost.mean).toBeNull();
        continue;
      }
      expect(cost.mean).toBeCloseTo(spend.mean / added.mean, 6);
      if (added.lo > 0) {
        bounded++;
        expect(cost.bounded).toBe(true);
        expect(cost.lo).toBeLessThanOrEqual(cost.mean);
        expect(cost.hi).toBeGreaterThanOrEqual(cost.mean);
      } else {
        unbounded++;
        expect(cost.bounded).toBe(false);
        expect(cost.hi).toBeNull();
      }
    }
    // Small populations leave some effects indistinguishable from zero, not all.
    expect(unbounded).toBeGreaterThan(0);
    expect(bounded).toBeGreaterThan(0);
    // The text report's segment tables mark each cost without an upper bound.
    const text = await outward(args.filter((a) => a !== "--json"));
    for (const d of doc.differences) {
      const block = text.stdout
        .split(`Difference: ${d.reform} minus`)[1]
        .split("\nDifference: ")[0];
      for (const seg of d.by_segment) {
        const c = seg.totals.cost_per_additional_exporter_year;
        const row = block.split("\n").find((l: string) => l.trim().startsWith(`${seg.segment} `));
        expect(row, `${d.reform} ${seg.segment}`).toBeDefined();
        expect(row!.endsWith(" *")).toBe(c.mean !== null && c.bounded === false);
      }
    }
  });

  it("names the scenarios when --against names none of them", async () => {
    const r = await outward([
      "simulate",
      "examples/scenarios/empty-reform.yaml",
      ...small,
      "--against",
      "current",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--against: got "current", expected one of the scenarios: baseline, policy_baseline, empty',
    );
  });

  it("streams the firm-year panel to CSV, with its stamp beside it", async () => {
    const panel = join(tmp, "panel.csv");
    const r = await outward([
      "simulate",
      ...small,
      "--replications",
      "1",
      "--param",
      "sunkEntryCost=3",
      "--panel",
      panel,
      "--json",
    ]);
    expect(r.code).toBe(0);
    const lines = readFileSync(panel, "utf8").trim().split("\n");
    expect(lines[0]).toMatch(/^firm,year,scenario,exporter,export_intensity,export_state,/);
    expect(lines.length).toBe(1 + 3000 * 3);
    // Model version, every parameter's value, scenario hashes and seed, as the report's stamp.
    const side = JSON.parse(readFileSync(`${panel}.stamp.json`, "utf8"));
    expect(side).toMatchObject({ panel: "panel.csv", scenario: "baseline", replication: 1 });
    expect(side.stamp).toEqual(JSON.parse(r.stdout).stamp);
    expect(side.stamp.params.sunkEntryCost).toBe(3);
    expect(Object.keys(side.stamp.params)).toEqual(Object.keys(defaultParams()));
  });

  it("discounts exporter-years and spend at --discount-rate, and says so", async () => {
    const args = ["simulate", "examples/scenarios/empty-reform.yaml", ...small];
    const r = await outward([...args, "--discount-rate", "3.5%", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).discount_rate).toBe(0.035);
    const text = await outward([...args, "--discount-rate", "0.035"]);
    expect(text.stdout).toContain("exporter-years and spend discounted at 3.5% a year to 2025");
    const bad = await outward([...args, "--discount-rate", "35"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--discount-rate: got "35", expected a rate from 0 up to 1/);
  });

  it("charts each scenario's additional exporters per year with --plot", async () => {
    const svg = join(tmp, "effects.svg");
    const r = await outward([
      "simulate",
      "examples/scenarios/differentiated.yaml",
      ...small,
      "--against",
      "policy_baseline",
      "--plot",
      svg,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`wrote the chart of additional exporters per year to ${svg}`);
    const text = readFileSync(svg, "utf8");
    expect(text).toMatch(/^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const id of ["baseline", "readiness-grants", "differentiated"]) {
      expect(text).toContain(`>${id}<`);
    }
    expect(text).toContain("each scenario minus policy_baseline");
    // Where the money goes: one panel per scenario, a bar per segment, what each bar bought.
    const spendSvg = join(tmp, "spend.svg");
    const spent = await outward([
      "simulate",
      "examples/scenarios/differentiated.yaml",
      ...small,
      "--plot-spend",
      spendSvg,
      "--json",
    ]);
    expect(spent.code, spent.stderr).toBe(0);
    const doc = JSON.parse(spent.stdout);
    expect(doc.notes).toContain(`wrote the chart of spend by segment to ${spendSvg}`);
    const chart = readFileSync(spendSvg, "utf8");
    expect(chart).toMatch(/^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(chart).toContain("Where the money goes: spend by segment, each scenario minus baseline");
    for (const d of doc.differences) expect(chart).toContain(`>${d.reform}<`);
    expect(chart).toContain(">export_capable<");
    // Each bar's note carries the segment's additional exporter-years from the report.
    const grants = doc.differences.find((d: { reform: string }) => d.reform === "readiness-grants");
    const capable = grants.by_segment.find(
      (x: { segment: string }) => x.segment === "export_capable",
    );
    const added = capable.totals.additional_exporter_years.mean;
    const shown =
      Math.abs(added) < 10
        ? (Math.round(added * 10) / 10 + 0).toFixed(1)
        : Math.round(added).toLocaleString("en-GB");
    expect(chart).toContain(`>${shown} add. exporter-years`);
    // Without reforms there is nothing to chart: the run says so and writes no file.
    const none = join(tmp, "none.svg");
    const plain = await outward(["simulate", ...small, "--plot", none]);
    expect(plain.stdout).toContain(`no chart written to ${none}`);
    expect(() => readFileSync(none)).toThrow();
  });

  it("writes every series, difference and total to one tidy CSV with --csv", async () => {
    const csv = join(tmp, "report.csv");
    const args = ["simulate", "examples/scenarios/differentiated.yaml", ...small, "--csv", csv];
    const r = await outward([...args, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    const [header, ...rows] = readFileSync(csv, "utf8").trim().split("\n");
    expect(header).toBe("table,scenario,reference,group,year,measure,mean,lo,hi");
    const cells = rows.map((l) => l.split(","));
    const series = Object.keys(doc.scenarios[0].years[0]).filter(
      (k) => k !== "year" && k !== "intervals",
    );
    const nScen = doc.scenarios.length;
    const nDiff = doc.differences.length;
    const segments = doc.differences[0].by_segment.length;
    const states = doc.scenarios[0].by_state.length;
    const totals = Object.keys(doc.differences[0].totals).length;
    const programmeYears = doc.scenarios.reduce(
      (s: number, sc: { programme_years: unknown[] }) => s + sc.programme_years.length * 3,
      0,
    );
    expect(rows.length).toBe(
      3 * series.length * (nScen * (1 + segments + states) + nDiff * (1 + segments)) +
        totals * nDiff * (1 + segments) +
        programmeYears * PROGRAMME_METRICS.length +
        doc.scenarios.reduce(
          (s: number, sc: { spell_survival: unknown[] }) => s + sc.spell_survival.length,
          0,
        ),
    );
    // Spell survival, as in the JSON.
    const survival = cells.find(
      (c) =>
        c[0] === "survival" &&
        c[1] === doc.scenarios[0].id &&
        c[5] === "spells_running_after_1_years",
    );
    expect(Number(survival?.[6])).toBeCloseTo(doc.scenarios[0].spell_survival[0].mean, 9);
    const last = doc.scenarios.at(-1);
    const prog = last.programme_years[0];
    const progRow = cells.find(
      (c) =>
        c[0] === "programme" &&
        c[1] === last.id &&
        c[3] === `programme:${prog.programme}` &&
        c[4] === "2026" &&
        c[5] === "rationed_out",
    );
    expect(Number(progRow![6])).toBe(prog.years[1].rationed_out);
    // The same numbers as the JSON document (null there, empty here).
    const find = (t: string, sc: string, seg: string, year: string, m: string) =>
      cells.find((c) => c[0] === t && c[1] === sc && c[3] === seg && c[4] === year && c[5] === m);
    const y = doc.scenarios[1].years[2];
    expect(
      Number(find("scenario", doc.scenarios[1].id, "all", String(y.year), "exporters")![6]),
    ).toBe(y.exporters);
    // A scenario's series by position and by state, as in the JSON.
    const pos = doc.scenarios[2].by_segment[3];
    const posRow = find(
      "scenario",
      doc.scenarios[2].id,
      `segment:${pos.segment}`,
      "2026",
      "entries",
    );
    expect(Number(posRow![6])).toBe(pos.years[1].entries);
    const st = doc.scenarios[2].by_state[1];
    const stRow = find("scenario", doc.scenarios[2].id, `state:${st.state}`, "2027", "take_up");
    expect(Number(stRow![6])).toBe(st.years[2].take_up);
    const d = doc.differences.at(-1);
    const cost = d.totals.cost_per_additional_exporter_year;
    const row = find("totals", d.reform, "all", "", "cost_per_additional_exporter_year")!;
    expect(row[6] === "" ? null : Number(row[6])).toBe(cost.mean);
    expect(row[8] === "" ? null : Number(row[8])).toBe(cost.hi);
  });

  it("sweeps one parameter: each value's totals are those of a run with --param at that value", async () => {
    const args = ["simulate", "examples/scenarios/differentiated.yaml", ...small];
    const r = await outward([...args, "--sweep", "sunkEntryCost=5,7", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ format: "outward.simulate-sweep/1", parameter: "sunkEntryCost" });
    expect(doc.runs.map((x: { value: number }) => x.value)).toEqual([5, 7]);
    const single = await outward([...args, "--param", "sunkEntryCost=7", "--json"]);
    const plain = JSON.parse(single.stdout);
    expect(doc.runs[1].stamp).toEqual(plain.stamp);
    expect(doc.runs[1].differences).toEqual(
      plain.differences.map((d: { reform: string; totals: unknown }) => ({
        reform: d.reform,
        totals: d.totals,
      })),
    );
    const csv = join(tmp, "sweep.csv");
    const svg = join(tmp, "sweep.svg");
    const text = await outward([
      ...args,
      "--sweep",
      "sunkEntryCost=5,7",
      "--csv",
      csv,
      "--plot",
      svg,
    ]);
    expect(text.stdout).toMatch(/^Sweep of sunkEntryCost over 2 values \(default 6\)/);
    expect(text.stdout).toContain("Difference: readiness-grants minus baseline");
    // The CSV holds every reform's totals at every value, as the JSON does.
    const [header, ...rows] = readFileSync(csv, "utf8").trim().split("\n");
    expect(header).toBe("parameter,value,scenario,reference,measure,mean,lo,hi");
    const totals = Object.keys(doc.runs[0].differences[0].totals);
    expect(rows.length).toBe(2 * doc.runs[0].differences.length * totals.length);
    const row = rows
      .map((l) => l.split(","))
      .find(
        (c) => c[1] === "7" && c[2] === "differentiated" && c[4] === "additional_exporter_years",
      )!;
    const json = doc.runs[1].differences.find(
      (d: { reform: string }) => d.reform === "differentiated",
    );
    expect(Number(row[5])).toBe(json.totals.additional_exporter_years.mean);
    const chart = readFileSync(svg, "utf8");
    expect(chart).toContain("against sunkEntryCost");
    expect(chart).toContain(">differentiated<");
  });

  it("refuses a sweep it cannot run, naming why", () => {
    const refuse = (flags: Record<string, unknown>, why: RegExp) =>
      expect(() => parseSimulateOptions(flags)).toThrow(why);
    refuse({ sweep: "sunkEntryCost=5" }, /2 to 20 values/);
    refuse({ sweep: "sunkEntryCost=5,x" }, /numbers after the =/);
    refuse({ sweep: "sunkEntryCost=5,5" }, /distinct values/);
    refuse({ sweep: "nonsense=1,2" }, /unknown parameter nonsense/);
    refuse({ sweep: "sunkEntryCost=5,6", param: ["sunkEntryCost=4"] }, /not also set with --param/);
    refuse({ sweep: "sunkEntryCost=5,6", panel: "p.csv" }, /does not take --panel/);
    refuse({ sweep: "sunkEntryCost=5,6", register: "firms.csv" }, /does not take --register/);
    expect(parseSimulateOptions({ sweep: "sunkEntryCost=5,6" }).sweep?.values).toEqual([5, 6]);
  });

  it("reports per programme and year who applied, who was served and who the budget turned away", async () => {
    const r = await outward([
      "simulate",
      "examples/scenarios/differentiated.yaml",
      ...small,
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    let turnedAway = 0;
    for (const sc of doc.scenarios) {
      for (const p of sc.programme_years) {
        for (const y of p.years) {
          // Each served firm had an application served; each turned-away application is another.
          expect(y.take_up + y.rationed_out).toBeLessThanOrEqual(y.applicants);
          // The example's budgets are written for 100,000 firms: 3,000 get 3% of each.
          expect(y.budget).toBeGreaterThan(0);
          expect(y.spend).toBeLessThanOrEqual(y.budget + 1e-6);
          turnedAway += y.rationed_out;
        }
      }
    }
    // The example's budgets bind at this size.
    expect(turnedAway).toBeGreaterThan(0);
    const text = await outward(["simulate", "examples/scenarios/differentiated.yaml", ...small]);
    expect(text.stdout).toMatch(
      /^ {2}2027 programmes +eligible +applied +served +turned away +spend +budget$/m,
    );
  });

  it("lists the parameters a run changed from their defaults", async () => {
    const r = await outward(["simulate", ...small, "--param", "sunkEntryCost=3"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^parameters changed from their defaults: sunkEntryCost=3$/m);
    const plain = await outward(["simulate", ...small]);
    expect(plain.stdout).not.toMatch(/changed from their defaults/);
  });

  it("streams the panel of the scenario --panel-scenario names, and refuses an unknown one", async () => {
    const args = ["simulate", "examples/scenarios/differentiated.yaml", ...small];
    const read = (file: string) => readFileSync(file, "utf8").trim().split("\n");
    const base = join(tmp, "panel-base.csv");
    const reform = join(tmp, "panel-reform.csv");
    const one = ["--replications", "1", "--threads", "1"];
    expect((await outward([...args, ...one, "--panel", base])).code).toBe(0);
    const r = await outward([
      ...args,
      ...one,
      "--panel",
      reform,
      "--panel-scenario",
      "differentiated",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const [head, ...rows] = read(reform);
    const column = head.split(",").indexOf("scenario");
    expect(rows.length).toBe(3000 * 3);
    expect(new Set(rows.map((row) => row.split(",")[column]))).toEqual(new Set(["differentiated"]));
    // Same firms and years as the baseline's panel, other outcomes where programmes acted.
    const baseRows = read(base).slice(1);
    const key = (row: string) => row.split(",").slice(0, 2).join(",");
    expect(rows.map(key)).toEqual(baseRows.map(key));
    const other = (row: string) =>
      row
        .split(",")
        .slice(column + 1)
        .join(",");
    expect(rows.filter((row, i) => other(row) !== other(baseRows[i])).length).toBeGreaterThan(0);
    const bad = await outward([...args, ...one, "--panel", reform, "--panel-scenario", "nope"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--panel-scenario: got "nope", expected one of the scenarios:');
  });

  it("starts from a register of real profiles and reports imputed answers", async () => {
    const panel = join(tmp, "register-panel.csv");
    const r = await outward([
      "simulate",
      "--register",
      "examples/firms.csv",
      "--years",
      "2",
      "--replications",
      "1",
      "--panel",
      panel,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Simulated 20 firms, 2 years/);
    expect(r.stdout).toMatch(/burn-in 0 years/);
    // The panel's stamp maps its firms back to the register's ids, in the register's order.
    const stamp = JSON.parse(readFileSync(`${panel}.stamp.json`, "utf8"));
    const ids = readFileSync(join(ROOT, "examples/firms.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(",")[0]);
    expect(stamp.register_ids).toEqual(ids);
    expect(r.stdout).toMatch(/note: 1 of 20 firms had no founded; imputed/);
  });

  it("refuses unreadable inputs and unwritable or clashing outputs with exit 2, naming the file", async () => {
    const tiny = ["--firms", "300", "--years", "1", "--replications", "1", "--burn-in", "1"];
    const cases: Array<[string[], RegExp]> = [
      [["--register", join(tmp, "nowhere.csv")], /nowhere\.csv: .*no such file/],
      [["--register", tmp], /cannot read the register|directory/],
      [["--panel", join(tmp, "no-dir", "p.csv")], /no-dir\/p\.csv: cannot write the panel/],
      [
        ["examples/scenarios/baseline.yaml", "--csv", "examples/scenarios/baseline.yaml"],
        /--csv would overwrite the scenario/,
      ],
      [
        ["--csv", join(tmp, "same.out"), "--plot", join(tmp, "same.out")],
        /--plot and --csv name the same file/,
      ],
      [
        ["--register", "examples/firms.csv", "--panel", "examples/firms.csv"],
        /--panel would overwrite --register/,
      ],
      [["--bogus"], /unknown option '--bogus'/],
      [
        ["--sweep", "sunkEntryCost=5,6"],
        /--sweep compares each reform's totals .*give a scenario file/,
      ],
      [
        [
          "examples/scenarios/differentiated.yaml",
          "--panel",
          "examples/scenarios/baseline.yaml",
          "--threads",
          "1",
        ],
        /--panel would overwrite the scenario's baseline\.yaml/,
      ],
      [["--seed", ""], /--seed: got "", expected a whole number/],
      [["--seed", "0x10"], /--seed: got "0x10"/],
      [["--param", "__proto__=1"], /unknown parameter __proto__/],
      [["--param", "exportPerformanceLag=1.5"], /expected a whole number in \[1, 31\]/],
      [["--param", "sunkEntryCost=0x10"], /expected name=number/],
    ];
    for (const [args, message] of cases) {
      const r = await outward(["simulate", ...tiny, ...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(message);
    }
    // The example files are untouched.
    expect(readFileSync(join(ROOT, "examples/scenarios/baseline.yaml"), "utf8")).toMatch(
      /^# Current policy/,
    );
    // A YAML alias bomb is refused as input, with the file named.
    const bomb = join(tmp, "bomb.yaml");
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let k = 1; k < 8; k++)
      levels.push(
        `${"b".repeat(k)}: &${"b".repeat(k)} [${Array(9)
          .fill(k === 1 ? "*a" : `*${"b".repeat(k - 1)}`)
          .join(", ")}]`,
      );
    writeFileSync(bomb, `${levels.join("\n")}\n`);
    const r = await outward(["simulate", bomb, ...tiny]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bomb}: not a usable YAML document`);
  });

  it("shows a weighted register's programmes and effects in the firms they stand for", async () => {
    const rows = Array.from(
      { length: 300 },
      (_, i) => `f${i},business_services,${5 + (i % 40)},${2000 + (i % 20)},yes,${1 + (i % 7)}`,
    );
    const file = join(tmp, "weighted.csv");
    writeFileSync(file, `id,sector,employees,founded,tradable,weight\n${rows.join("\n")}\n`);
    const svg = join(tmp, "weighted.svg");
    const r = await outward([
      "simulate",
      "examples/scenarios/untargeted-grant.yaml",
      "--register",
      file,
      "--years",
      "2",
      "--replications",
      "2",
      "--plot",
      svg,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /programmes +eligible +applied +served +turned away +spend +budget +served, weighted/,
    );
    expect(r.stdout).toContain("survey weights: the 300 firms stand for");
    expect(readFileSync(svg, "utf8")).toContain("Additional exporters (survey-weighted) per year");
  });

  it("rejects register rows a run cannot start from, and notes values it adjusts", async () => {
    const header =
      "id,sector,employees,founded,assessed,tradable,exports_now,export_markets,weight";
    const rows = [
      "ok1,business_services,0,2010,2024,yes,no,,1",
      "ok2,business_services,12,2012,2024,yes,yes,80,2",
      "future,business_services,5,2030,,yes,no,,1",
      "later,business_services,5,2010,2026,yes,no,,1",
      "ok1,business_services,5,2010,2024,yes,no,,1",
      "heavy,business_services,5,2010,2024,yes,no,,2e9",
    ];
    const file = join(tmp, "register.csv");
    writeFileSync(file, `${header}\n${rows.join("\n")}\n`);
    const r = await outward([
      "simulate",
      "--register",
      file,
      "--years",
      "1",
      "--replications",
      "1",
    ]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/Simulated 2 firms/);
    expect(r.stdout).toContain(`4 rows of ${file} were rejected`);
    expect(r.stderr).toMatch(/row 3: founded: got 2030, expected a year up to 2024/);
    expect(r.stderr).toMatch(/row 4: assessed: got 2026, expected a year up to 2024/);
    expect(r.stderr).toMatch(/row 5: id: got "ok1" again \(first on row 1\)/);
    expect(r.stderr).toMatch(
      /row 6: weight: got "2e9", expected a number > 0 and at most 1,000,000,000/,
    );
    expect(r.stdout).toContain("1 of 2 firms had 0 employees; simulated with 1");
    expect(r.stdout).toContain(
      "1 of 2 firms served more than maxMarkets (60) markets; simulated with 60",
    );
  });

  it("calibrate takes its own options: firms, years, seed, parameters and JSON", async () => {
    const r = await outward([
      "simulate",
      "calibrate",
      "--firms",
      "2000",
      "--years",
      "2",
      "--seed",
      "7",
      "--param",
      "sunkEntryCost=3",
      "--json",
    ]);
    expect(r.code === 0 || r.code === 3, r.stderr).toBe(true);
    const doc = JSON.parse(r.stdout);
    expect([doc.stamp.firms, doc.stamp.years, doc.stamp.seed]).toEqual([2000, 2, 7]);
    expect(doc.stamp.params.sunkEntryCost).toBe(3);
  });

  it("rejects bad options with exit 2 and a message naming the option", async () => {
    const r = await outward(["simulate", "--firms", "ten"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--firms: got "ten", expected a whole number/);
    const p = await outward(["simulate", "--param", "nonsense=1", ...small]);
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/unknown parameter nonsense/);
    // A population past what a run holds is refused up front, not by the memory allocator.
    const big = await outward(["simulate", "--firms", "3000000000"]);
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(
      /--firms: got "3000000000", expected a whole number from 1 to 300,000,000/,
    );
    const long = await outward(["simulate", "--firms", "100", "--years", "100000000"]);
    expect(long.code).toBe(2);
    // 10^8 years x 5 replications of every group and metric, 8 bytes each.
    const gib = ((1e8 * 5 * N_GROUPS * N_METRICS * 8) / 2 ** 30).toFixed(1);
    expect(long.stderr).toContain(
      `--years 100000000 with --replications 5 and 1 scenario would keep ${gib} GiB of yearly results`,
    );
    expect(parseSimulateOptions({ startYear: "1990" }).startYear).toBe(1990);
    expect(() => parseSimulateOptions({ startYear: "99999999999" })).toThrow(/from 1000 to 9999/);
    expect(() => parseSimulateOptions({ burnIn: "100000" })).toThrow(/from 0 to 1000/);
  });
});

describe("simulate option parsing", () => {
  it("applies the documented defaults", () => {
    const o = parseSimulateOptions({});
    expect([o.firms, o.years, o.replications, o.seed, o.threads, o.burnIn]).toEqual([
      100_000, 10, 5, 1, 1, 15,
    ]);
    expect(parseSimulateOptions({ register: "r.csv" }).burnIn).toBe(0);
  });

  it("uses the cores (at most 4) for large runs unless a thread count or a panel is given", () => {
    // 100,000 firms x 5 replications x 25 years = 12.5 million firm-years.
    expect(parseSimulateOptions({}, 8).threads).toBe(4);
    expect(parseSimulateOptions({}, 2).threads).toBe(2);
    expect(parseSimulateOptions({ threads: "1" }, 8).threads).toBe(1);
    expect(parseSimulateOptions({ panel: "p.csv" }, 8).threads).toBe(1);
    // 10,000 x 5 x 25 = 1.25 million: one thread.
    expect(parseSimulateOptions({ firms: "10000" }, 8).threads).toBe(1);
  });

  it("refuses a panel with several threads and malformed parameters", () => {
    expect(() => parseSimulateOptions({ panel: "p.csv", threads: "2" })).toThrow(/--threads 1/);
    expect(() => parseSimulateOptions({ panelScenario: "differentiated" })).toThrow(/--panel FILE/);
    expect(parseSimulateOptions({ panel: "p.csv" }).panelScenario).toBe("baseline");
    expect(() => parseSimulateOptions({ param: ["sunkEntryCost"] })).toThrow(/name=number/);
    expect(parseSimulateOptions({ param: ["sunkEntryCost=3"] }).params.sunkEntryCost).toBe(3);
  });
});
