import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { INSTRUMENT_DEFAULTS, parseScenario } from "../../src/policy/index.ts";

const DOC = readFileSync(resolve(import.meta.dirname, "../../docs/scenarios.md"), "utf8");

describe("docs/scenarios.md", () => {
  it("lists every instrument default exactly as the code has it", () => {
    for (const [id, d] of Object.entries(INSTRUMENT_DEFAULTS)) {
      const row = DOC.split("\n").find((line) => line.startsWith(`| \`${id}\` | ${d!.take_up} |`));
      expect(row, `no defaults row for ${id}`).toBeDefined();
      expect(row).toContain(`| ${d!.cost_per_firm.toLocaleString("en")} |`);
      for (const e of d!.effects) expect(row).toContain(`${e.kind} ${e.size} × ${e.duration}y`);
      for (const s of d!.sources.effects) {
        if (s.basis !== "assumption") expect(row).toContain(s.ref.split(" (")[0].split(";")[0]);
      }
    }
  });

  it("its full example parses", () => {
    const yaml = DOC.split("```yaml\n")[1].split("```")[0];
    const r = parseScenario(yaml, { file: "docs/scenarios.md" });
    expect(r.ok).toBe(true);
  });
});
