import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { formatBlock, MAX_ROW_BYTES } from "../../bench/panel/gen-csv.ts";
import { drawSpells, type PanelBlock, panelBlocks } from "../../bench/panel/gen-panel.ts";
import { panelFile } from "../../bench/panel/gen-paths.ts";
import { readCsvFrameStream } from "../../src/io/index.ts";

function collect(firms: number, seed: number): Record<string, number[]> {
  const out: Record<string, number[]> = { firm: [], year: [], y: [], x1: [], x2: [], x3: [] };
  for (const b of panelBlocks({ firms, seed }, 1000)) {
    for (const k of Object.keys(out))
      out[k].push(...b[k as keyof Omit<PanelBlock, "n">].subarray(0, b.n));
  }
  return out;
}

describe("benchmark panel generator", () => {
  const d = collect(3000, 7);

  it("follows gen_panel.R's layout: T_i in 5..15, consecutive years within 2000..2024", () => {
    const spells = drawSpells({ firms: 3000, seed: 7 });
    expect(d.firm.length).toBe(spells.nrows);
    const count = new Map<number, number>();
    const bad: number[] = [];
    for (let i = 0; i < d.firm.length; i++) {
      count.set(d.firm[i], (count.get(d.firm[i]) ?? 0) + 1);
      const gap = i > 0 && d.firm[i] === d.firm[i - 1] && d.year[i] !== d.year[i - 1] + 1;
      if (d.year[i] < 2000 || d.year[i] > 2024 || gap) bad.push(i);
    }
    expect(bad).toEqual([]);
    const lengths = [...count.values()];
    expect(Math.min(...lengths)).toBe(5);
    expect(Math.max(...lengths)).toBe(15);
    expect(lengths.reduce((a, b) => a + b, 0) / lengths.length).toBeCloseTo(10, 0);
  });

  it("draws the regressors with the design's moments", () => {
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    const variance = (a: number[]) => {
      const m = mean(a);
      return mean(a.map((v) => (v - m) ** 2));
    };
    expect(Math.abs(mean(d.x3))).toBeLessThan(0.03);
    expect(variance(d.x3)).toBeCloseTo(1, 1);
    // x1 = 0.5 alpha + e: variance 0.25 + 1
    expect(variance(d.x1)).toBeCloseTo(1.25, 1);
    // y - (x1 - 0.5 x2 + 0.25 x3) = alpha + gamma + e: variance about 1 + 0.25 + 1
    const u = d.y.map((y, i) => y - d.x1[i] + 0.5 * d.x2[i] - 0.25 * d.x3[i]);
    expect(variance(u)).toBeGreaterThan(1.9);
    expect(variance(u)).toBeLessThan(2.6);
  });

  it("is reproducible from its seed and changes with it", () => {
    expect(collect(50, 7).y).toEqual(collect(50, 7).y);
    expect(collect(50, 8).y).not.toEqual(collect(50, 7).y);
  });

  it("writes CSV text that reads back to the same numbers", async () => {
    const chunks: Buffer[] = [Buffer.from('"firm","year","y","x1","x2","x3"\n')];
    for (const b of panelBlocks({ firms: 300, seed: 3 }, 500)) {
      const out = Buffer.alloc(b.n * MAX_ROW_BYTES);
      chunks.push(Buffer.from(out.subarray(0, formatBlock(b, out))));
    }
    const { frame } = await readCsvFrameStream(Readable.from(chunks), "gen");
    const ref = collect(300, 3);
    for (const name of ["firm", "year", "y", "x1", "x2", "x3"]) {
      const col = frame.columns.get(name)!;
      expect(col.kind === "numeric" && Array.from(col.values)).toEqual(ref[name]);
    }
  });

  it("names its outputs by size", () => {
    expect(panelFile(1_000_000, "csv")).toBe("bench/out/panel-10m.csv");
    expect(panelFile(100_000, "owc")).toBe("bench/out/panel-1m.owc");
  });
});
