import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { INSTRUMENT_DEFAULTS, parseScenario } from "../../src/policy/index.ts";

const DOC = readFileSync(resolve(import.meta.dirname, "../../docs/scenarios.md"), "utf8");

describe("docs/scenarios.md", () => {
  it("lists every instrument default exactly as the code has it", () => {
    // Table rows as trimmed cells, whatever the column padding.
    const rows = DOC.split("\n")
      .filter((line) => line.startsWith("|"))
      .map((line) =>
        line
          .split("|")
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    for (const [id, d] of Object.entries(INSTRUMENT_DEFAULTS)) {
      const row = rows.find((cells) => cells[0] === `\`${id}\`` && cells[1] === String(d!.take_up));
      expect(row, `no defaults row for ${id}`).toBeDefined();
      expect(row![2]).toBe(d!.cost_per_firm.toLocaleString("en"));
      for (const e of d!.effects) expect(row![3]).toContain(`${e.kind} ${e.size} × ${e.duration}y`);
      for (const s of d!.sources.effects) {
        if (s.basis !== "assumption") expect(row![4]).toContain(s.ref.split(" (")[0].split(";")[0]);
      }
    }
  });

  it("its full example parses", () => {
    const yaml = DOC.split("```yaml\n")[1].split("```")[0];
    const r = parseScenario(yaml, { file: "docs/scenarios.md" });
    expect(r.ok).toBe(true);
  });
});
