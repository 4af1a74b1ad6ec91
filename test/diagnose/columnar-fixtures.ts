import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { DEFAULT_PARAMS, type DiagnoseParams } from "../../src/diagnose/index.ts";
import type { Profile } from "../../src/firm/index.ts";
import { readFirmRecords } from "../../src/io/index.ts";

/** The firms of an examples/ file (firms.csv: the archetypes), every row accepted. */
export async function archetypes(file = "firms.csv"): Promise<Profile[]> {
  const path = fileURLToPath(new URL(`../../examples/${file}`, import.meta.url));
  const out: Profile[] = [];
  for await (const row of readFirmRecords(path)) {
    if (!row.result.ok) throw new Error(`examples/${file} row ${row.row} rejected`);
    out.push(row.result.value);
  }
  return out;
}

// Thresholds drawn where the arbitrary profiles' values lie, often on whole or half points,
// so that ties (a value exactly at a threshold) come up.
const share = fc.oneof(
  fc.constantFrom(0, 0.1, 0.25, 0.5, 1),
  fc.double({ min: 0, max: 1, noNaN: true }),
);
const score = fc.oneof(
  fc.constantFrom(1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5),
  fc.double({ min: 1, max: 5, noNaN: true }),
);

/** Valid non-default params (barrier_low below barrier_high, integers where the spec says). */
export const arbitraryParams: fc.Arbitrary<DiagnoseParams> = fc
  .record({
    inv_max_years_to_first_export: fc.integer({ min: 0, max: 12 }),
    inv_min_export_share: share,
    inv_min_markets: fc.integer({ min: 1, max: 12 }),
    experienced_min_years: fc.integer({ min: 1, max: 20 }),
    experienced_min_markets: fc.integer({ min: 1, max: 12 }),
    barrier_a: score,
    barrier_b: score,
    intensity_low_share: share,
    new_venture_max_age: fc.integer({ min: 0, max: 30 }),
    sunk_cost_high: score,
  })
  .filter((r) => r.barrier_a !== r.barrier_b)
  .map(({ barrier_a, barrier_b, ...rest }) => ({
    ...DEFAULT_PARAMS,
    ...rest,
    barrier_low: Math.min(barrier_a, barrier_b),
    barrier_high: Math.max(barrier_a, barrier_b),
  }));
