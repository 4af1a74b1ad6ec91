import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  columnsRowToProfile,
  MODES_UNKNOWN,
  profilesToColumns,
  TRI_UNKNOWN,
  UNKNOWN_CODE,
} from "../../src/firm/index.ts";
import { ENTRY_MODES } from "../../src/framework/vocabulary.ts";
import { arbitraryProfile } from "../diagnose/fixtures/arbitrary.ts";

/** Item lists padded to the batch's widest, and modes in vocabulary order, as columns keep them. */
function normalised(p: ReturnType<typeof columnsRowToProfile>, widths: Record<string, number>) {
  const items = Object.fromEntries(
    Object.entries(p.barrier_items).map(([f, xs]) => [
      f,
      [...xs, ...Array(widths[f] - xs.length).fill(null)],
    ]),
  );
  const modes = p.modes === null ? null : ENTRY_MODES.filter((m) => p.modes?.includes(m));
  return { ...p, barrier_items: items, modes };
}

describe("profile columns", () => {
  it("round-trip every profile field, unknown kept unknown", () => {
    fc.assert(
      fc.property(fc.array(arbitraryProfile, { minLength: 1, maxLength: 20 }), (profiles) => {
        const cols = profilesToColumns(profiles);
        expect(cols.length).toBe(profiles.length);
        const widths = Object.fromEntries(
          Object.entries(cols.barrier_items).map(([f, c]) => [f, c.length]),
        );
        profiles.forEach((p, i) => {
          expect(columnsRowToProfile(cols, i)).toEqual(normalised(p, widths));
        });
      }),
      { numRuns: 200 },
    );
  });

  it("codes unknowns apart from no and from zero", () => {
    const [p] = fc.sample(arbitraryProfile, { numRuns: 1, seed: 7 });
    const cols = profilesToColumns([
      { ...p, tradable: "unknown", sector: null, modes: null, employees: null },
      { ...p, tradable: "no", sector: "other", modes: [], employees: 0 },
    ]);
    expect([cols.tradable[0], cols.sector[0], cols.modes[0]]).toEqual([
      TRI_UNKNOWN,
      UNKNOWN_CODE,
      MODES_UNKNOWN,
    ]);
    expect(Number.isNaN(cols.employees[0])).toBe(true);
    expect([cols.tradable[1], cols.modes[1], cols.employees[1]]).toEqual([1, 0, 0]);
  });
});
