/**
 * Numbers in the simulate text report: a difference that rounds to zero prints as 0, never
 * with a sign ("-0", "-0.0%"), while real negatives keep theirs.
 */
import { describe, expect, it } from "vitest";
import { int, pct } from "../../src/cli/commands/simulate-report.ts";

describe("simulate report numbers", () => {
  it("print a difference that rounds to zero without a sign", () => {
    expect(pct(-0.0004)).toBe("0.0%");
    expect(pct(-0)).toBe("0.0%");
    expect(int(-0.4)).toBe("0");
    expect(int(-0)).toBe("0");
  });

  it("keep the sign of real negatives and mark what is not a number", () => {
    expect(pct(-0.05)).toBe("-5.0%");
    expect(pct(0.1234)).toBe("12.3%");
    expect(int(-3.6)).toBe("-4");
    expect(int(12345.4)).toBe("12,345");
    expect(pct(Number.NaN)).toBe("-");
    expect(int(Number.POSITIVE_INFINITY)).toBe("-");
  });
});
