import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diagnosisCsvLine } from "../../src/cli/render/diagnosis.ts";
import { ByteWriter } from "../../src/diagnose/columnar/byte-writer.ts";
import {
  addItemColumns,
  DEFAULT_PARAMS,
  type DiagnoseParams,
  diagnose,
  diagnoseColumns,
  diagnosisColumnsCsvBytes,
  diagnosisColumnsCsvLines,
  ReliabilityAccumulator,
} from "../../src/diagnose/index.ts";
import { columnsRowToProfile, type Profile, profilesToColumns } from "../../src/firm/index.ts";
import { arbitraryParams, archetypes } from "./columnar-fixtures.ts";
import { arbitraryProfile } from "./fixtures/arbitrary.ts";

const RUNS = { numRuns: 150, seed: 20261130 };
const odd = fc.constantFrom("", ",", '"', "a\nb", "\r", "é");
const batch = fc.array(
  fc.tuple(arbitraryProfile, odd, fc.nat(999)).map(([p, o, k]) => ({ ...p, id: `f${k}${o}` })),
  { minLength: 1, maxLength: 30 },
);

/** The CSV of the kernel against the single-firm line, for all rows and for a sub-range. */
function expectSameCsv(profiles: Profile[], params: DiagnoseParams): void {
  const cols = profilesToColumns(profiles);
  const out = diagnoseColumns(cols, params);
  const expected = profiles.map((_, i) =>
    diagnosisCsvLine(diagnose(columnsRowToProfile(cols, i), { params })),
  );
  expect(diagnosisColumnsCsvLines(cols, out)).toBe(expected.join(""));
  const bytes = diagnosisColumnsCsvBytes(cols, out);
  expect(Buffer.from(bytes).equals(Buffer.from(expected.join(""), "utf8"))).toBe(true);
  const from = Math.floor(profiles.length / 3);
  const to = Math.ceil((2 * profiles.length) / 3);
  expect(diagnosisColumnsCsvLines(cols, out, from, to)).toBe(expected.slice(from, to).join(""));
}

describe("diagnosisColumnsCsvLines", () => {
  it("writes the same bytes as diagnosisCsvLine(diagnose(p)), default params", () => {
    fc.assert(
      fc.property(batch, (profiles) => expectSameCsv(profiles, DEFAULT_PARAMS)),
      RUNS,
    );
  });

  it("writes the same bytes under arbitrary params", () => {
    fc.assert(
      fc.property(batch, arbitraryParams, (profiles, params) => expectSameCsv(profiles, params)),
      RUNS,
    );
  });

  it("writes the same bytes for the example files", async () => {
    expectSameCsv(await archetypes(), DEFAULT_PARAMS);
    expectSameCsv(await archetypes("firms-with-items.csv"), DEFAULT_PARAMS);
  });
});

/** `x.toFixed(3)` as the byte writer writes it. */
function fixed3(x: number): string {
  const w = new ByteWriter(4);
  w.fixed3(x);
  return w.toString();
}

describe("ByteWriter.fixed3", () => {
  it("equals toFixed(3) for any double, ties and edges included", () => {
    const near = fc
      .tuple(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: -4, max: 4 }))
      .map(([n, ulps]) => {
        // Around the decimal ties n/1000 + 0.0005, a few ulps either way.
        let x = n / 1000 + 0.0005;
        for (let k = 0; k < Math.abs(ulps); k++) {
          x = ulps > 0 ? x + Number.EPSILON * x : x - Number.EPSILON * x;
        }
        return x;
      });
    fc.assert(
      fc.property(fc.oneof(fc.double(), near, fc.double({ min: 0, max: 5 })), (x) => {
        expect(fixed3(x)).toBe(x.toFixed(3));
      }),
      { numRuns: 20_000, seed: 3 },
    );
  });
});

describe("addItemColumns", () => {
  it("gives the reliability of adding each row's profile", () => {
    fc.assert(
      fc.property(batch, fc.nat(40), (profiles, cut) => {
        const cols = profilesToColumns(profiles);
        const byRow = new ReliabilityAccumulator();
        for (let i = 0; i < cols.length; i++) byRow.add(columnsRowToProfile(cols, i));
        const byColumns = new ReliabilityAccumulator();
        // Two batches, as the CSV path adds them.
        const mid = Math.min(cut, cols.length);
        addItemColumns(byColumns, cols, 0, mid);
        addItemColumns(byColumns, cols, mid, cols.length);
        expect(byColumns.value()).toEqual(byRow.value());
      }),
      RUNS,
    );
  });
});

describe("diagnosisColumnsCsvBytes", () => {
  it("hands back bytes that a later batch does not rewrite", async () => {
    const firms = await archetypes();
    const first = profilesToColumns(firms.slice(0, 5));
    const bytes = diagnosisColumnsCsvBytes(first, diagnoseColumns(first, DEFAULT_PARAMS));
    const kept = Buffer.from(bytes).toString("utf8");
    const second = profilesToColumns(firms.slice(5, 10));
    diagnosisColumnsCsvBytes(second, diagnoseColumns(second, DEFAULT_PARAMS));
    expect(Buffer.from(bytes).toString("utf8")).toBe(kept);
  });
});
