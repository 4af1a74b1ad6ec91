import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/outward.js");
const tmp = mkdtempSync(join(tmpdir(), "outward-assess-"));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function outward(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: "1" } },
      (err, stdout, stderr) => {
        const code = err && typeof err.code === "number" ? err.code : err ? -1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(input ?? "");
  });
}

const csvRows = (path: string): Record<string, string>[] =>
  parse(readFileSync(join(ROOT, path), "utf8"), { columns: true });

const FIRMS = csvRows("examples/firms.csv");

describe("outward assess (through the binary)", () => {
  it("assesses every example firm as text with exit 0", async () => {
    const r = await outward(["assess", "examples/firms.csv"]);
    expect(r.code, r.stderr).toBe(0);
    for (const firm of FIRMS) expect(r.stdout).toContain(firm.id);
    expect(r.stderr).toContain(`assessed ${FIRMS.length}, rejected 0`);
  });

  it("--json gives one diagnosis per firm with id, position, state, recommendations, trace, ask_next", async () => {
    const r = await outward(["assess", "examples/firms.csv", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const diagnoses = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(diagnoses.map((d) => d.id)).toEqual(FIRMS.map((f) => f.id));
    for (const d of diagnoses) {
      for (const key of ["id", "position", "state", "recommendations", "trace", "ask_next"]) {
        expect(d, `${d.id} lacks ${key}`).toHaveProperty(key);
      }
      expect(Array.isArray(d.trace) && d.trace.length > 0, String(d.id)).toBe(true);
    }
    // Archetypes defined by the review's own definitions land where the definitions put them.
    const read = (id: string) => {
      const d = diagnoses.find((x) => x.id === id) as {
        position: { value: string };
        state: { value: string };
      };
      return [d.position.value, d.state.value];
    };
    expect(read("hairdresser")).toEqual(["non_tradable", "never_exported"]);
    expect(read("domestic-choice")).toEqual(["domestic_by_choice", "never_exported"]);
    expect(read("export-capable")).toEqual(["export_capable", "never_exported"]);
    expect(read("first-steps")[0]).toBe("inexperienced_exporter");
    expect(read("inv-spinout")[0]).toBe("international_new_venture");
    expect(read("consultancy-suspended")[1]).toBe("suspended");
    expect(read("ex-disappointed")[1]).toBe("withdrawn_disappointed");
    expect(read("ex-disinterested")[1]).toBe("withdrawn_disinterested");
    expect(read("re-entrant")[1]).toBe("re_entered");
  });

  it("reads nested JSON and writes one CSV row per firm", async () => {
    const r = await outward(["assess", "examples/firms.json", "--csv"]);
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    const ids = (
      JSON.parse(readFileSync(join(ROOT, "examples/firms.json"), "utf8")) as { id: string }[]
    ).map((f) => f.id);
    expect(rows.map((row) => row.id)).toEqual(ids);
  });

  it("rejects bad rows with exit 1, lists them, assesses the rest and writes --rejects", async () => {
    const lines = readFileSync(join(ROOT, "examples/firms.csv"), "utf8").trimEnd().split("\n");
    const header = lines[0].split(",");
    const sector = header.indexOf("sector");
    const cells = parse(lines[4])[0] as string[];
    cells[sector] = "bakery";
    lines[4] = cells.map((c) => (c.includes(",") ? `"${c}"` : c)).join(",");
    lines.splice(7, 0, "short-row,too few cells");
    const input = join(tmp, "bad.csv");
    writeFileSync(input, `${lines.join("\n")}\n`);
    const rejects = join(tmp, "rejects.csv");
    const r = await outward(["assess", input, "--json", "--rejects", rejects]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${input}:row 4: sector: got "bakery"`);
    expect(r.stderr).toMatch(/row 7: got 2 cells/);
    expect(r.stderr).toContain(`assessed ${FIRMS.length - 1}, rejected 2`);
    const diagnoses = JSON.parse(r.stdout) as { id: string }[];
    expect(diagnoses).toHaveLength(FIRMS.length - 1);
    expect(diagnoses.map((d) => d.id)).not.toContain(cells[0]);
    const written = parse(readFileSync(rejects, "utf8"), { columns: true }) as Record<
      string,
      string
    >[];
    expect(written.map((w) => [w.row, w.id, w.field])).toEqual([
      ["4", cells[0], "sector"],
      ["7", "short-row", ""],
    ]);
    expect(written[0].expected).toContain("business_services");
  });

  it("reads stdin for -", async () => {
    const r = await outward(
      ["assess", "-", "--json"],
      readFileSync(join(ROOT, "examples/firms.csv"), "utf8"),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(FIRMS.length);
  });

  it("reports Cronbach's alpha for item-level barrier answers", async () => {
    const r = await outward(["assess", "examples/firms-with-items.csv"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Cronbach/);
    expect(r.stdout).toMatch(/attitudinal\s+alpha 0\.\d+/);
  });

  it.each([
    ["a missing file", "no-such-file.csv", null, /no-such-file\.csv: no such file/],
    ["an empty file", "empty.csv", "", /empty/],
    ["binary garbage", "garbage.bin", "\u0000\u0001\u00ff\u00fe".repeat(64), /binary/],
    ["JSON of the wrong shape", "shape.json", "42", /expected a JSON object/],
    ["malformed JSON", "broken.json", '[{"id": "a",', /not valid JSON/],
    ["a CSV without an id column", "noid.csv", "name,sector\na,other\n", /no "id" column/],
  ])("exits 2 with a clear message for %s", async (_, name, content, message) => {
    const path = content === null ? name : join(tmp, name);
    if (content !== null) writeFileSync(path, content, "latin1");
    const r = await outward(["assess", path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(name);
    expect(r.stderr).not.toMatch(/at .+\.ts:\d+/);
  });

  it("applies --params and rejects unknown --param names with exit 2", async () => {
    const ok = await outward([
      "assess",
      "examples/firms.csv",
      "--csv",
      "--params",
      "examples/params.json",
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    const bad = await outward(["assess", "examples/firms.csv", "--param", "no_such_threshold=3"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("no_such_threshold");
  });

  it("lists every profile column with --fields, and needs FILE otherwise", async () => {
    const r = await outward(["assess", "--fields"]);
    expect(r.code).toBe(0);
    for (const column of Object.keys(FIRMS[0]))
      expect(r.stdout).toMatch(new RegExp(`^${column}\\b`, "m"));
    expect(r.stdout).toContain("barrier_<family>_<k>");
    const none = await outward(["assess"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("missing FILE");
  });

  it("documents examples and exit codes in --help", async () => {
    const r = await outward(["assess", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Exit codes:");
    expect(r.stdout).toContain("outward assess examples/firms.csv");
    expect(r.stdout).toContain("--rejects");
  });
});
