import fc from "fast-check";
import type { FieldSpec } from "../../src/firm/index.ts";

/** Spellings a field accepts, as CSV cells. */
export function validCell(spec: FieldSpec): fc.Arbitrary<string> {
  switch (spec.kind) {
    case "id":
      return fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    case "text":
      return fc.oneof(fc.constant(""), fc.string({ maxLength: 20 }));
    case "tri":
      return fc.constantFrom("yes", "no", "unknown", "", "YES", "True", "0", "1", "false");
    case "enum":
      return fc.oneof(fc.constant(""), fc.constantFrom(...(spec.values ?? [])));
    case "modes":
      return fc.oneof(
        fc.constantFrom("", "none", "NONE"),
        fc
          .uniqueArray(fc.constantFrom(...(spec.values ?? [])), { minLength: 1, maxLength: 3 })
          .map((m) => m.join(";")),
      );
    default: {
      const lo = spec.minExclusive ? (spec.min ?? 0) + 0.001 : (spec.min ?? 0);
      const hi = spec.max ?? 1000;
      const n = spec.integer
        ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }).map(String)
        : fc.double({ min: lo, max: hi, noNaN: true }).map((x) => String(x));
      return fc.oneof(fc.constant(""), n);
    }
  }
}

/** Cells a field must reject. */
export function invalidCell(spec: FieldSpec): fc.Arbitrary<string> {
  const word = fc.stringMatching(/^[a-z]{2,10}$/);
  switch (spec.kind) {
    case "id":
      return fc.constantFrom("", " ", "\t");
    case "tri":
      return word.filter((w) => !["yes", "no", "unknown", "true", "false"].includes(w));
    case "enum":
      return word.filter((w) => !(spec.values ?? []).includes(w));
    case "modes":
      return word
        .filter((w) => !(spec.values ?? []).includes(w) && w !== "none")
        .map((w) => `direct_export;${w}`);
    default: {
      const below = spec.min !== undefined ? [String(spec.min - (spec.minExclusive ? 0 : 1))] : [];
      const above = spec.max !== undefined ? [String(spec.max + 1)] : [];
      const frac = spec.integer ? [`${(spec.min ?? 0) + 1}.5`] : [];
      return fc.oneof(fc.constantFrom(...below, ...above, ...frac, "NaN", "1e999", "12abc"), word);
    }
  }
}

const cache = new Map<string, fc.Arbitrary<string>>();

/** Anything a cell might hold: accepted spellings and junk (built once per field: arbitraries are costly). */
export function anyCell(spec: FieldSpec): fc.Arbitrary<string> {
  const key = `${spec.name}:${spec.kind}`;
  let arb = cache.get(key);
  if (!arb) {
    arb = anyCellUncached(spec);
    cache.set(key, arb);
  }
  return arb;
}

function anyCellUncached(spec: FieldSpec): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: validCell(spec) },
    { weight: 1, arbitrary: invalidCell(spec) },
    { weight: 1, arbitrary: fc.constantFrom("", " ", "0", "-1", "2024", "yes", "none", "1.5") },
  );
}
