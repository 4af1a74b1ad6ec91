import { describe, expect, it } from "vitest";
import { parseFrameworkOptions } from "../../src/cli/commands/framework-options.ts";
import { frameworkOutput } from "../../src/cli/commands/framework-run.ts";
import { TABLE1 } from "../../src/framework/index.ts";

const views = [{}, { instruments: true }, { modes: true }] as const;

describe("framework text output", () => {
  it("never runs past the requested width, in any view", () => {
    for (const width of [60, 77, 100, 149, 150, 181, 240])
      for (const v of views) {
        const out = frameworkOutput(parseFrameworkOptions({ ...v, width: String(width) }, 100));
        const longest = Math.max(...out.split("\n").map((l) => [...l].length));
        expect(longest, `${JSON.stringify(v)} at ${width}`).toBeLessThanOrEqual(width);
      }
  });

  it("shows every cell's citations in both layouts", () => {
    for (const width of ["100", "200"]) {
      const out = frameworkOutput(parseFrameworkOptions({ width }, 100)).replace(/[│\s]+/g, " ");
      const surnames = new Set(
        TABLE1.flatMap((c) => c.citations.map((x) => x.author.split(" ")[0])),
      );
      for (const s of surnames) expect(out, `${s} at ${width}`).toContain(s);
    }
  });

  it("marks exactly the two blank cells as not addressed", () => {
    const out = frameworkOutput(parseFrameworkOptions({ width: "200" }, 100));
    expect(out.match(/not addressed/g)).toHaveLength(2);
  });
});
