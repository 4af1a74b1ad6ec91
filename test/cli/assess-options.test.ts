import { describe, expect, it } from "vitest";
import { parseAssessOptions, parseParamsText } from "../../src/cli/commands/assess-options.ts";
import { CliError } from "../../src/cli/exit.ts";

describe("parseAssessOptions", () => {
  it("defaults to text with trace, csv without", () => {
    expect(parseAssessOptions({})).toMatchObject({ format: "text", trace: true, rejects: null });
    expect(parseAssessOptions({ csv: true })).toMatchObject({ format: "csv", trace: false });
    expect(parseAssessOptions({ json: true, trace: false })).toMatchObject({
      format: "json",
      trace: false,
    });
  });
  it("merges --params then --param, later wins, numbers parsed", () => {
    const o = parseAssessOptions(
      { params: "p.yaml", param: ["barrier_high=4", "label=x"] },
      "barrier_high: 3\nbarrier_low: 2\n",
    );
    expect(o.overrides).toEqual({ barrier_high: 4, barrier_low: 2, label: "x" });
    expect(o.overridesFrom).toBe("p.yaml and --param");
  });
  it("refuses --json with --csv, a --param without =, and a params file that is not a mapping", () => {
    expect(() => parseAssessOptions({ json: true, csv: true })).toThrow(CliError);
    expect(() => parseAssessOptions({ param: ["barrier_high"] })).toThrow(/name=value/);
    expect(() => parseParamsText("[1, 2]", "p.json")).toThrow(/p\.json: expected a mapping/);
    expect(() => parseParamsText("{oops", "p.json")).toThrow(/p\.json: not valid JSON or YAML/);
  });
});
