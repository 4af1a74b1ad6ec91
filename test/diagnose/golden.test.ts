import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type Diagnosis, diagnose } from "../../src/diagnose/index.ts";
import type { Profile } from "../../src/firm/index.ts";
import { readFirmRecords } from "../../src/io/index.ts";

const EXAMPLES = fileURLToPath(new URL("../../examples/firms.csv", import.meta.url));
const GOLDEN = fileURLToPath(new URL("./golden/firms.json", import.meta.url));
const CHANGED = GOLDEN.replace(/\.json$/, "-changed.json");

const r3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

/** The reviewable part of a diagnosis, rounded so that float noise never fails the comparison. */
function summary(d: Diagnosis) {
  return {
    id: d.id,
    position: [d.position.value, r3(d.position.confidence), ...d.position.questions],
    state: [d.state.value, r3(d.state.confidence), ...d.state.questions],
    barriers: d.barriers.map((b) => `${b.family}:${b.level}:${r3(b.score)}`),
    modes: d.modes.modes.map((m) => `${m.mode}:${m.verdict}`),
    mode_notes: d.modes.notes.map((n) => n.id),
    recommendations: d.recommendations.map((r) => `${r.instrument}:${r3(r.score)}`),
    table1: d.table1.map(
      (row) =>
        `${row.proposition} obs=${row.observed} ${row.cells.map((c) => `${c.perspective}=${c.answer}`).join(" ")} contra=${row.contradicted.join(",")}`,
    ),
    ask_next: d.ask_next.map((q) => `${q.field}:${q.decisiveness}`),
    what_would_move: d.what_would_move.map(
      (m) => `${m.changes.map((c) => c.id).join("+")} -> ${m.position.to}/${m.state.to}`,
    ),
  };
}

async function archetypes(): Promise<Profile[]> {
  const out: Profile[] = [];
  for await (const row of readFirmRecords(EXAMPLES)) {
    if (!row.result.ok) throw new Error(`examples/firms.csv row ${row.row} rejected`);
    out.push(row.result.value);
  }
  return out;
}

describe("golden diagnoses of the archetype firms (examples/firms.csv)", () => {
  it("match test/diagnose/golden/firms.json (a mismatch writes firms-changed.json)", async () => {
    const actual = (await archetypes()).map((p) => summary(diagnose(p)));
    expect(actual.length).toBeGreaterThanOrEqual(20);
    const text = `${JSON.stringify(actual, null, 1)}\n`;
    if (!existsSync(GOLDEN) || process.env.UPDATE_GOLDEN === "1") {
      if (process.env.UPDATE_GOLDEN !== "1") {
        throw new Error(
          `no golden file: run UPDATE_GOLDEN=1 npx vitest run ${"test/diagnose/golden.test.ts"}`,
        );
      }
      writeFileSync(GOLDEN, text);
    }
    const expected = readFileSync(GOLDEN, "utf8");
    if (expected !== text) writeFileSync(CHANGED, text);
    else if (existsSync(CHANGED)) rmSync(CHANGED);
    expect(JSON.parse(text)).toEqual(JSON.parse(expected));
  });

  it("places the archetypes where their descriptions say", async () => {
    const byId = new Map((await archetypes()).map((p) => [p.id, diagnose(p)]));
    const expectations: [string, string, string][] = [
      ["inv-spinout", "international_new_venture", "exporting"],
      ["trad-incremental", "experienced_exporter", "exporting"],
      ["first-steps", "inexperienced_exporter", "exporting"],
      ["domestic-choice", "domestic_by_choice", "never_exported"],
      ["hairdresser", "non_tradable", "never_exported"],
      ["consultancy-suspended", "experienced_exporter", "suspended"],
      ["ex-disappointed", "experienced_exporter", "withdrawn_disappointed"],
      ["ex-disinterested", "experienced_exporter", "withdrawn_disinterested"],
      ["re-entrant", "experienced_exporter", "re_entered"],
    ];
    for (const [id, position, state] of expectations) {
      const d = byId.get(id)!;
      expect(d.position.value, id).toBe(position);
      expect(d.state.value, id).toBe(state);
    }
    const unknown = byId.get("mostly-unknown")!;
    expect(unknown.position.value).toBe("undetermined");
    expect(unknown.ask_next.length).toBeGreaterThan(0);
  });
});
