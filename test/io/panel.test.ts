import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OutwardError } from "../../src/framework/issue.ts";
import {
  checkPanelIndex,
  frameFromColumns,
  numeric,
  readPanel,
  writeColumnar,
} from "../../src/io/index.ts";

const DATA = "reference/panel/data";
const dir = mkdtempSync(join(tmpdir(), "outward-panel-"));
let seq = 0;
function csvFile(text: string): string {
  const path = join(dir, `p${seq++}.csv`);
  writeFileSync(path, text);
  return path;
}
async function failure(p: Promise<unknown>): Promise<OutwardError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof OutwardError) return err;
    throw err;
  }
  throw new Error("expected the read to fail");
}

describe("readPanel on the reference panels", () => {
  it("finds grunfeld balanced: 10 firms x 20 years", async () => {
    const { summary } = await readPanel(`${DATA}/grunfeld.csv`, { id: "firm", time: "year" });
    expect(summary).toMatchObject({
      rows: 200,
      firms: 10,
      periods: 20,
      firstPeriod: 1935,
      lastPeriod: 1954,
      balanced: true,
      ordered: true,
    });
    expect(summary.gaps).toEqual({ firms: 0, periods: 0 });
  });

  it("finds empluk unbalanced: 140 firms, 7 to 9 years in 1976-1984", async () => {
    const { summary, index } = await readPanel(`${DATA}/empluk.csv`, { id: "firm", time: "year" });
    expect(summary).toMatchObject({
      rows: 1031,
      firms: 140,
      periods: 9,
      firstPeriod: 1976,
      lastPeriod: 1984,
      balanced: false,
    });
    expect(summary.observationsPerFirm).toEqual({ min: 7, mean: 1031 / 140, max: 9 });
    expect(index.firm[0]).toBe(0);
    expect(index.period[0]).toBe(1977 - 1976);
  });

  it("accepts a categorical id (produc's quoted state names)", async () => {
    const { summary, frame } = await readPanel(`${DATA}/produc.csv`, {
      id: "state",
      time: "year",
      columns: ["gsp"],
    });
    expect(frame.names).toEqual(["state", "year", "gsp"]);
    expect(summary).toMatchObject({ firms: 48, periods: 17, balanced: true });
  });

  it("reads the same summary from a .owc copy", async () => {
    const csv = await readPanel(`${DATA}/empluk.csv`, { id: "firm", time: "year" });
    const path = join(dir, "empluk.owc");
    await writeColumnar(path, csv.frame);
    const owc = await readPanel(path, { id: "firm", time: "year" });
    expect(owc.summary).toEqual(csv.summary);
    expect(owc.format).toBe("owc");
  });
});

describe("panel index problems", () => {
  it("rejects a duplicate firm-year, naming both rows", async () => {
    const path = csvFile("firm,year,y\n1,2000,1\n1,2001,2\n2,2000,3\n1,2001,4\n");
    const err = await failure(readPanel(path, { id: "firm", time: "year" }));
    expect(err.code).toBe("duplicate_period");
    expect(err.issues[0]).toMatchObject({ row: 4, field: "year", value: 2001 });
    expect(err.message).toContain("firm 1 has year 2001 at rows 2 and 4");
  });

  it("rejects missing and non-integer times and missing ids, row by row", async () => {
    const path = csvFile("firm,year\n1,2000\n1,NA\n,2002\n2,2000.5\n");
    const err = await failure(readPanel(path, { id: "firm", time: "year" }));
    const found = err.issues.map((i) => [i.code, i.row]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["missing_time", 2],
        ["time_not_integer", 4],
        ["missing_id", 3],
      ]),
    );
  });

  it("names the absent index column and the columns present", async () => {
    const err = await failure(readPanel(`${DATA}/grunfeld.csv`, { id: "company", time: "year" }));
    expect(err.code).toBe("missing_column");
    expect(err.message).toContain("company");
    expect(err.message).toContain("firm, year, inv");
  });

  it("rejects a text time column", async () => {
    const err = await failure(readPanel(`${DATA}/produc.csv`, { id: "year", time: "state" }));
    expect(err.code).toBe("time_not_numeric");
  });
});

describe("panel summary", () => {
  it("counts gaps inside each firm's span and notices unordered rows", () => {
    const frame = frameFromColumns({
      firm: numeric(new Float64Array([7, 7, 7, 9, 9, 7])),
      year: numeric(new Float64Array([2000, 2003, 2004, 2001, 2002, 2006])),
    });
    const r = checkPanelIndex(frame, { id: "firm", time: "year" });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    // firm 7: 2000..2006 with 4 rows -> 3 missing years; firm 9: none
    expect(r.value.summary.gaps).toEqual({ firms: 1, periods: 3 });
    expect(r.value.summary.periods).toBe(6);
    expect(r.value.summary.ordered).toBe(false);
    expect(r.value.summary.balanced).toBe(false);
  });

  it("handles a very wide time range (sparse periods)", () => {
    const frame = frameFromColumns({
      firm: numeric(new Float64Array([1, 1, 2, 1])),
      year: numeric(new Float64Array([0, 5e8, 0, 5e8])),
    });
    const r = checkPanelIndex(frame, { id: "firm", time: "year" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "duplicate_period", row: 4 });
  });
});
