import { describe, expect, it } from "vitest";
import { diagnoseBatch, ReliabilityAccumulator } from "../../src/diagnose/index.ts";
import { known } from "./fixtures/profiles.ts";

const withItems = (resource: (number | null)[], id: string) =>
  known({ barrier_items: { attitudinal: [], resource, operational: [], strategic: [] } }, id);

// Hand computation for the 4 x 3 matrix below:
//   item variances (n - 1): 5/3, 9/4, 5/3 -> sum 67/12; totals 5, 7, 11, 14 -> variance 65/4;
//   alpha = 3/2 * (1 - (67/12) / (65/4)) = 3/2 * 128/195 = 64/65.
const MATRIX = [
  [1, 2, 2],
  [2, 2, 3],
  [3, 4, 4],
  [4, 5, 5],
];

describe("Cronbach's alpha", () => {
  it("matches the hand-computed value 64/65", () => {
    const acc = new ReliabilityAccumulator();
    MATRIX.forEach((row, i) => {
      acc.add(withItems(row, `f${i}`));
    });
    const resource = acc.value().families.find((f) => f.family === "resource")!;
    expect(resource.alpha).toBeCloseTo(64 / 65, 12);
    expect(resource.n).toBe(4);
    expect(resource.items).toBe(3);
  });

  it("excludes partly answered firms, counts them, and ignores firms without items", () => {
    const acc = new ReliabilityAccumulator();
    MATRIX.forEach((row, i) => {
      acc.add(withItems(row, `f${i}`));
    });
    acc.add(withItems([1, null, 3], "partial"));
    acc.add(withItems([1, 2], "short"));
    acc.add(withItems([], "none"));
    const resource = acc.value().families.find((f) => f.family === "resource")!;
    expect(resource.alpha).toBeCloseTo(64 / 65, 12);
    expect(resource.excluded).toBe(2);
    const attitudinal = acc.value().families.find((f) => f.family === "attitudinal")!;
    expect(attitudinal.alpha).toBeNull();
    expect(attitudinal.note).toMatch(/fewer than two items/);
  });

  it("is null with a note when the total does not vary", () => {
    const acc = new ReliabilityAccumulator();
    acc.add(withItems([3, 3], "a"));
    acc.add(withItems([3, 3], "b"));
    const r = acc.value().families.find((f) => f.family === "resource")!;
    expect(r.alpha).toBeNull();
    expect(r.note).toMatch(/does not vary/);
  });

  it("diagnoseBatch returns one diagnosis per profile and the same alpha", () => {
    const { diagnoses, reliability } = diagnoseBatch(
      MATRIX.map((row, i) => withItems(row, `f${i}`)),
    );
    expect(diagnoses.map((d) => d.id)).toEqual(["f0", "f1", "f2", "f3"]);
    expect(reliability.families.find((f) => f.family === "resource")!.alpha).toBeCloseTo(
      64 / 65,
      12,
    );
  });
});
