import { describe, expect, it } from "vitest";
import { parseFrameworkOptions } from "../../src/cli/commands/framework-options.ts";
import { boxTable, wrap } from "../../src/cli/commands/framework-text.ts";
import { CliError } from "../../src/cli/exit.ts";

describe("framework options", () => {
  it("defaults to all of Table 1 at the given width", () => {
    const q = parseFrameworkOptions({}, 120);
    expect(q.view).toBe("table1");
    expect(q.propositions).toHaveLength(6);
    expect(q.perspectives).toHaveLength(5);
    expect(q.width).toBe(120);
  });

  it("accepts P3, 3 and theme names or numbers, in Table 1 order", () => {
    expect(parseFrameworkOptions({ proposition: "3" }, 100).propositions).toEqual(["P3"]);
    expect(parseFrameworkOptions({ proposition: "p5,P1" }, 100).propositions).toEqual(["P1", "P5"]);
    expect(parseFrameworkOptions({ theme: "mode" }, 100).propositions).toEqual(["P3"]);
    expect(parseFrameworkOptions({ theme: "6" }, 100).propositions).toEqual(["P6"]);
    expect(parseFrameworkOptions({ perspective: "resource-network" }, 100).perspectives).toEqual([
      "resource_network",
    ]);
  });

  it("rejects unknown values with exit code 2, naming the value and the valid ones", () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ perspective: "uppsala" }, /--perspective "uppsala".*stage, internalization/],
      [{ proposition: "P7" }, /--proposition "P7".*P1, P2/],
      [{ theme: "0" }, /--theme "0".*timing/],
      [{ width: "20" }, /--width "20"/],
      [{ perspective: "," }, /--perspective ","/],
    ];
    for (const [raw, message] of cases) {
      let err: unknown;
      try {
        parseFrameworkOptions(raw, 100);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(CliError);
      expect((err as CliError).exitCode).toBe(2);
      expect((err as CliError).message).toMatch(message);
    }
  });

  it("refuses Table 1 filters with the other listings", () => {
    expect(() => parseFrameworkOptions({ instruments: true, proposition: "1" }, 100)).toThrow(
      CliError,
    );
    expect(() => parseFrameworkOptions({ modes: true, instruments: true }, 100)).toThrow(CliError);
    expect(() => parseFrameworkOptions({ policyTheme: "dynamic_activity" }, 100)).toThrow(CliError);
  });
});

describe("text layout", () => {
  it("wraps within the width and keeps every word", () => {
    const text =
      "Internationalization is examined from several conceptual perspectives in the review";
    for (const w of [10, 17, 40]) {
      const lines = wrap(text, w);
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(w);
      expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
    }
  });

  it("draws boxes of exactly the computed width", () => {
    const out = boxTable([5, 12], [["a b c d e f", "one two three four"]], ["x", "y"]);
    const widths = new Set(out.split("\n").map((l) => [...l].length));
    expect([...widths]).toEqual([5 + 12 + 3 * 2 + 1]);
  });
});
