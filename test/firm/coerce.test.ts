import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toNumber } from "../../src/firm/coerce.ts";

/** The obvious reading every fast path must match: trim, a decimal literal, Number(). */
function reference(v: string): unknown {
  const s = v.trim();
  if (s === "") return null;
  return /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s) ? Number(s) : v;
}

describe("toNumber", () => {
  it("matches the regex-and-Number reading on any numeric-looking text", () => {
    const text = fc.string({
      unit: fc.constantFrom("0", "1", "5", "9", ".", "-", "+", "e", " ", "x"),
      maxLength: 20,
    });
    fc.assert(
      fc.property(text, (s) => {
        expect(toNumber(s)).toEqual(reference(s));
      }),
      { numRuns: 5000 },
    );
  });
  it("reads long digit strings exactly as Number does", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), (n) => {
        expect(toNumber(String(n))).toBe(Number(String(n)));
      }),
    );
  });
});
