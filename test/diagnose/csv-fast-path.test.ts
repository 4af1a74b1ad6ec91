import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diagnosisCsvLine, diagnosisCsvRow } from "../../src/cli/render/diagnosis.ts";
import { contradictedPerspectives, diagnose } from "../../src/diagnose/index.ts";
import { csvLine } from "../../src/io/index.ts";
import { arbitraryProfile } from "./fixtures/arbitrary.ts";

const RUNS = { numRuns: 300, seed: 20261129 };

// The batch CSV path skips the full Table 1 reading and builds each line by hand; both must
// agree with the plain route through `table1` and `csvLine`.
describe("the CSV fast path", () => {
  it("contradicted perspectives match the full Table 1 reading", () => {
    fc.assert(
      fc.property(arbitraryProfile, (p) => {
        const full = diagnose(p)
          .table1.flatMap((r) => r.contradicted.map((x) => `${r.proposition}:${x}`))
          .join(";");
        expect(contradictedPerspectives(diagnose(p))).toBe(full);
        expect(contradictedPerspectives(diagnose(p, { trace: true }))).toBe(full);
      }),
      RUNS,
    );
  });

  it("one hand-built line equals csvLine of the row, quoting included", () => {
    fc.assert(
      fc.property(arbitraryProfile, fc.constantFrom("", ",", '"', "a\nb"), (p, odd) => {
        const d = diagnose({ ...p, id: `${p.id}${odd}` });
        expect(diagnosisCsvLine(d)).toBe(csvLine(diagnosisCsvRow(d)));
      }),
      RUNS,
    );
  });
});
