import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseItemColumn } from "../../src/firm/index.ts";
import { anyCell, invalidCell, validCell } from "./arbitraries.ts";
import { COLUMN_NAMES, compileValidator, PROFILE_FIELDS, validateProfile } from "./helpers.ts";

const ITEMS = PROFILE_FIELDS.find((f) => f.kind === "items")!;
const COLUMN_SPECS = PROFILE_FIELDS.filter((f) => f.kind !== "items" && f.kind !== "text");
const ITEM_COLUMNS = ["attitudinal", "resource", "operational", "strategic"].flatMap((f) =>
  [1, 2, 3].map((k) => `barrier_${f}_${k}`),
);
const itemAsNumber = { ...ITEMS, kind: "number" as const, min: 1, max: 5, integer: true };
const specOf = (column: string) =>
  parseItemColumn(column) ? itemAsNumber : PROFILE_FIELDS.find((f) => f.name === column)!;
const anyCellOf = (column: string) => anyCell(specOf(column));

describe("any invalid value in any field", () => {
  it("yields an issue naming that field and row (schema and compiled validator)", () => {
    const badCell = fc.oneof(
      ...[...COLUMN_SPECS.map((f) => f.name), ...ITEM_COLUMNS].map((column) =>
        fc.tuple(fc.constant(column), invalidCell(specOf(column))),
      ),
    );
    fc.assert(
      fc.property(badCell, fc.integer({ min: 1, max: 1_000_000 }), ([column, cell], row) => {
        const record: Record<string, string> = { id: "f1", [column]: cell };
        const where = { file: "p.csv", row };
        for (const r of [
          validateProfile(record, where),
          compileValidator(Object.keys(record)).validate(Object.values(record), where),
        ]) {
          expect(r.ok).toBe(false);
          if (r.ok) return;
          const issue = r.issues.find((i) => i.field === column);
          expect(issue, `${column}=${JSON.stringify(cell)}`).toBeDefined();
          expect(issue).toMatchObject({ row, file: "p.csv", value: cell });
          expect(issue!.message).toContain(JSON.stringify(cell));
        }
      }),
      { numRuns: 600 },
    );
  });
});

describe("compiled validator", () => {
  const headerArb = fc
    .tuple(
      fc.boolean(),
      fc.shuffledSubarray([...COLUMN_NAMES.filter((c) => c !== "id"), ...ITEM_COLUMNS], {
        minLength: 0,
        maxLength: 20,
      }),
      fc.constantFrom([], ["extra"], ["barrier_other_1", "notes"]),
    )
    .map(([withId, cols, extra]) => [...(withId ? ["id"] : []), ...cols, ...extra]);

  const extraCells = { extra: fc.string({ maxLength: 5 }), notes: fc.string({ maxLength: 5 }) };
  const cellsOf = (
    cell: (column: string) => fc.Arbitrary<string>,
  ): fc.Arbitrary<Record<string, string>> =>
    fc.record({
      ...Object.fromEntries([...COLUMN_NAMES, ...ITEM_COLUMNS].map((c) => [c, cell(c)])),
      ...extraCells,
      barrier_other_1: fc.string({ maxLength: 5 }),
    });

  it.each([
    ["any cells", cellsOf(anyCellOf)],
    [
      "accepted spellings only (valid rows and contradictions)",
      cellsOf((c) => validCell(specOf(c))),
    ],
  ])(
    "agrees with the zod schema on every row (%s): same profile, or same issues and messages",
    (_, cellsArb) => {
      fc.assert(
        fc.property(headerArb, cellsArb, fc.integer({ min: 1, max: 99 }), (header, all, row) => {
          const cells = header.map((c) => all[c]);
          const record: Record<string, string> = {};
          header.forEach((c, i) => {
            record[c] = cells[i];
          });
          const where = { file: "f.csv", row };
          const fast = compileValidator(header).validate(cells, where);
          expect(fast).toEqual(validateProfile(record, where));
        }),
        { numRuns: 1500 },
      );
    },
  );

  it("reports unknown columns", () => {
    expect(compileValidator(["id", "colour", "barrier_other_1"]).unknownColumns).toEqual([
      "colour",
      "barrier_other_1",
    ]);
  });
});
