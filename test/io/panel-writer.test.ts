import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PANEL_COLUMNS, PanelWriter } from "../../src/io/index.ts";
import {
  allocatePopulation,
  counterRng,
  defaultParams,
  synthesizeRange,
} from "../../src/simulate/index.ts";

describe("PanelWriter", () => {
  it("writes a block larger than its chunks whole: every slot once, in slot order", () => {
    const n = 40_000;
    const pop = allocatePopulation(n);
    synthesizeRange(pop, 0, n, 2020, defaultParams(), counterRng(3, 0));
    const path = join(mkdtempSync(join(tmpdir(), "outward-panel-")), "panel.csv");
    const writer = new PanelWriter(path);
    writer.observe(0, 2025, pop, 0, n);
    writer.observe(1, 2025, pop, 0, n);
    writer.observe(0, 2026, pop, 100, 200);
    writer.close();
    expect(writer.rows).toBe(n + 100);
    const lines = readFileSync(path, "utf8").trimEnd().split("\n");
    expect(lines[0]).toBe(PANEL_COLUMNS.join(","));
    const firms = lines.slice(1).map((l) => Number(l.split(",")[0]));
    const expected = [
      ...Array.from({ length: n }, (_, i) => pop.firmId[i]),
      ...Array.from({ length: 100 }, (_, i) => pop.firmId[100 + i]),
    ];
    expect(firms).toEqual(expected);
    expect(lines.at(-1)!.split(",")[1]).toBe("2026");
  });
});
