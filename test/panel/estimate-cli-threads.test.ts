import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { EstimateRawOptions } from "../../src/cli/commands/panel/estimate.ts";
import { parseThreads } from "../../src/cli/commands/panel/estimate-options.ts";
import { runEstimate } from "../../src/cli/commands/panel/estimate-run.ts";
import { frameFromColumns, numeric, writeColumnar } from "../../src/io/index.ts";
import { poolStats } from "../../src/panel/index.ts";

const dir = mkdtempSync(join(tmpdir(), "outward-threads-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A panel just above the row count from which the CLI splits passes over threads. */
async function writePanel(path: string): Promise<void> {
  const firms = 110_000;
  const years = 10;
  const n = firms * years;
  const firm = new Float64Array(n);
  const year = new Float64Array(n);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let s = 12345;
  const u = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
  for (let f = 0, r = 0; f < firms; f++) {
    const alpha = u();
    for (let t = 0; t < years; t++, r++) {
      firm[r] = f + 1;
      year[r] = 2000 + t;
      x[r] = u() + alpha;
      y[r] = 0.5 * x[r] + alpha + u();
    }
  }
  await writeColumnar(
    path,
    frameFromColumns({ firm: numeric(firm), year: numeric(year), x: numeric(x), y: numeric(y) }),
  );
}

const raw = (threads: string): EstimateRawOptions => ({
  formula: ["y ~ x | firm", "y ~ x | firm + year"],
  model: [],
  id: "firm",
  time: "year",
  level: "0.95",
  cluster: "firm",
  json: true,
  threads,
});

describe("panel estimate --threads", () => {
  it("gives the same JSON on one thread and on two for a panel large enough to split", async () => {
    const file = join(dir, "p.owc");
    await writePanel(file);
    const one = await runEstimate(file, raw("1"));
    expect(poolStats().helpers).toBe(0);
    const two = await runEstimate(file, raw("2"));
    expect(poolStats().helpers).toBe(1);
    expect(two.text).toBe(one.text);
    const coef = JSON.parse(one.text).models[0].coefficients.x.estimate;
    expect(coef).toBeGreaterThan(0.45);
    expect(coef).toBeLessThan(0.55);
  }, 60_000);

  it("names the option and the range on a bad value", () => {
    expect(parseThreads(undefined)).toBeUndefined();
    expect(parseThreads("3")).toBe(3);
    expect(() => parseThreads("0")).toThrow(/--threads: got "0", expected a whole number 1..64/);
    expect(() => parseThreads("two")).toThrow(/--threads/);
  });
});
