import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIssue, type Issue, OutwardError } from "../../src/framework/index.ts";
import { csvLine, type RecordRow, RejectsWriter, readFirmRecords } from "../../src/io/index.ts";

const tmp = mkdtempSync(join(tmpdir(), "outward-records-"));

async function read(name: string, content: string) {
  const path = join(tmp, name);
  writeFileSync(path, content);
  const warnings: Issue[] = [];
  const rows: RecordRow[] = [];
  for await (const r of readFirmRecords(path, { onWarning: (w) => warnings.push(w) })) rows.push(r);
  return { path, rows, warnings };
}

describe("CSV firm records", () => {
  it("yields each row valid or rejected, with file and 1-based data row", async () => {
    const { path, rows, warnings } = await read(
      "a.csv",
      "id,sector,colour\na,other,red\nb,bakery,blue\n\nc,other\nd,,\n",
    );
    expect(rows.map((r) => [r.row, r.id, r.result.ok])).toEqual([
      [1, "a", true],
      [2, "b", false],
      [3, "c", false],
      [4, "d", true],
    ]);
    const bad = rows[1].result;
    expect(!bad.ok && formatIssue(bad.issues[0])).toMatch(
      new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:row 2: sector: got "bakery"`),
    );
    const short = rows[2].result;
    expect(!short.ok && short.issues[0]).toMatchObject({ code: "column_count", row: 3 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toContain("colour");
  });

  it("detects JSON by its first character when the extension says nothing", async () => {
    const { rows } = await read("firms.txt", ' [{"id": "x", "exports": {"now": "yes"}}, 3]');
    expect(rows.map((r) => r.result.ok)).toEqual([true, false]);
    expect(rows[0].result.ok && rows[0].result.value.exports_now).toBe("yes");
  });

  it("warns once per file about unknown JSON keys", async () => {
    const { warnings } = await read(
      "w.json",
      '[{"id": "a", "zz": 1}, {"id": "b", "zz": 2, "q": {"r": 1}}]',
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0].value).toEqual(["zz", "q.r"]);
  });

  it.each([
    ["empty.csv", "", /empty/],
    ["blank.csv", "  \n\n", /empty/],
    ["dup.csv", "id,sector,sector\n", /appears twice/],
    ["noid.csv", "name\nx\n", /no "id" column/],
    ["bad.json", "{", /not valid JSON/],
    ["str.json", '"firm"', /expected a JSON object/],
  ])("throws a file-level OutwardError for %s", async (name, content, message) => {
    await expect(read(name, content)).rejects.toThrow(message);
    await expect(read(name, content)).rejects.toBeInstanceOf(OutwardError);
  });

  it("streams stdin for -", async () => {
    const stdin = Readable.from(["id,exports_now\n", "a,ye", "s\nb,no\n"]);
    const rows: RecordRow[] = [];
    for await (const r of readFirmRecords("-", { stdin })) rows.push(r);
    expect(rows.map((r) => r.result.ok && r.result.value.exports_now)).toEqual(["yes", "no"]);
  });
});

describe("rejects", () => {
  it("writes one CSV line per issue: row, id, field, value, expected, message", async () => {
    const { rows } = await read("r.csv", 'id,sector,founded\na,"bak,ery",1700\nb,other,1990\n');
    const out = join(tmp, "rejects.csv");
    const w = new RejectsWriter(out);
    for (const r of rows) w.write(r);
    await w.close();
    const written = parse(readFileSync(out, "utf8"), { columns: true }) as Record<string, string>[];
    expect(written.map((x) => [x.row, x.id, x.field, x.value])).toEqual([
      ["1", "a", "founded", "1700"],
      ["1", "a", "sector", "bak,ery"],
    ]);
    expect(w.count).toBe(1);
  });

  it("csvLine round-trips any cells through a CSV parser", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 2, maxLength: 5 }), (cells) => {
        expect(parse(csvLine(cells))).toEqual([cells]);
      }),
    );
  });
});
