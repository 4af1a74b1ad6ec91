import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseDescribeFlags } from "../../src/cli/commands/panel/describe.ts";

const run = promisify(execFile);
const EMPLUK = "reference/panel/data/empluk.csv";

async function outward(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("node", ["bin/outward.js", ...args], {
      env: { ...process.env, OUTWARD_PROGRESS: "0" },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The obvious slow way: split lines and commas (empluk has no quoted data fields). */
function naive(path: string) {
  const [head, ...lines] = readFileSync(path, "utf8").trim().split("\n");
  const names = head.split(",").map((h) => h.replace(/"/g, ""));
  const rows = lines.map((l) => l.split(",").map(Number));
  const col = (name: string) => rows.map((r) => r[names.indexOf(name)]);
  return { names, rows, col };
}

describe("outward panel describe (real binary)", () => {
  it("prints the documented JSON for the unbalanced EmplUK panel", async () => {
    const { code, stdout } = await outward(
      "panel",
      "describe",
      EMPLUK,
      "--id",
      "firm",
      "--time",
      "year",
      "--json",
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const ref = naive(EMPLUK);
    const firms = new Set(ref.col("firm"));
    const years = new Set(ref.col("year"));
    expect(report.version).toBe(1);
    expect(report.format).toBe("csv");
    expect(report.panel).toMatchObject({
      id: "firm",
      time: "year",
      rows: ref.rows.length,
      firms: firms.size,
      periods: years.size,
      balanced: false,
    });
    expect(report.panel.firstPeriod).toBe(Math.min(...years));
    expect(report.columns.map((c: { name: string }) => c.name)).toEqual(ref.names);
    const emp = ref.col("emp");
    const mean = emp.reduce((a, b) => a + b, 0) / emp.length;
    const sd = Math.sqrt(emp.reduce((a, b) => a + (b - mean) ** 2, 0) / (emp.length - 1));
    const got = report.columns.find((c: { name: string }) => c.name === "emp");
    expect(got.type).toBe("numeric");
    expect(got.missing).toBe(0);
    expect(got.mean).toBeCloseTo(mean, 10);
    expect(got.sd).toBeCloseTo(sd, 10);
    expect(got.min).toBe(Math.min(...emp));
    expect(got.max).toBe(Math.max(...emp));
  });

  it("reports categorical levels and missing counts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "outward-describe-"));
    const path = join(dir, "p.csv");
    writeFileSync(
      path,
      'firm,year,size,v\n"a",2000,"small",1\n"a",2001,"large",NA\n"b",2000,"small",\n"b",2002,NA,4\n',
    );
    const { code, stdout } = await outward(
      "panel",
      "describe",
      path,
      "--id",
      "firm",
      "--time",
      "year",
      "--json",
    );
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.panel).toMatchObject({ firms: 2, periods: 3, gaps: { firms: 1, periods: 1 } });
    expect(r.columns[2]).toEqual({
      name: "size",
      type: "categorical",
      count: 3,
      missing: 1,
      levels: 2,
      top: [
        { level: "small", count: 2 },
        { level: "large", count: 1 },
      ],
    });
    expect(r.columns[3]).toMatchObject({ name: "v", missing: 2, mean: 2.5, min: 1, max: 4 });
  });

  it("prints a readable text summary", async () => {
    const { code, stdout } = await outward(
      "panel",
      "describe",
      EMPLUK,
      "--id",
      "firm",
      "--time",
      "year",
    );
    expect(code).toBe(0);
    expect(stdout).toContain("1031 rows, 140 firms (firm), 9 periods 1976-1984 (year)");
    expect(stdout).toContain("unbalanced: 7 to 9 observations per firm");
  });

  it("reads CSV from stdin with -", () => {
    const r = spawnSync(
      "node",
      ["bin/outward.js", "panel", "describe", "-", "--id", "firm", "--time", "year", "--json"],
      {
        input: readFileSync("reference/panel/data/grunfeld.csv"),
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.file).toBe("stdin");
    expect(report.panel).toMatchObject({ rows: 200, firms: 10, periods: 20, balanced: true });
  });

  it("exits 2 naming the rows of a duplicate firm-year", async () => {
    const dir = mkdtempSync(join(tmpdir(), "outward-describe-"));
    const path = join(dir, "dup.csv");
    writeFileSync(path, "firm,year\n1,2000\n1,2000\n");
    const { code, stderr } = await outward(
      "panel",
      "describe",
      path,
      "--id",
      "firm",
      "--time",
      "year",
    );
    expect(code).toBe(2);
    expect(stderr).toContain("firm 1 has year 2000 at rows 1 and 2");
  });

  it("exits 2 on a missing --time column", async () => {
    const { code, stderr } = await outward(
      "panel",
      "describe",
      EMPLUK,
      "--id",
      "firm",
      "--time",
      "t",
    );
    expect(code).toBe(2);
    expect(stderr).toContain('no column "t"');
  });
});

describe("describe flags", () => {
  const base = { id: "firm", time: "year", type: [], levels: "10", onTypeConflict: "error" };

  it("parses type overrides, NA tokens and a column list", () => {
    const { read } = parseDescribeFlags({
      ...base,
      type: ["firm=categorical"],
      na: "NA,.",
      columns: "y, x1",
    });
    expect(read.types).toEqual({ firm: "categorical" });
    expect(read.naValues).toEqual(["NA", "."]);
    expect(read.columns).toEqual(["y", "x1"]);
  });

  it("rejects a bad type or level count", () => {
    expect(() => parseDescribeFlags({ ...base, type: ["firm=text"] })).toThrow(/--type/);
    expect(() => parseDescribeFlags({ ...base, levels: "-1" })).toThrow(/--levels/);
  });
});
