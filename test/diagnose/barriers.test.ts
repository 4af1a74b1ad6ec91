import { describe, expect, it } from "vitest";
import { DEFAULT_PARAMS, diagnose } from "../../src/diagnose/index.ts";
import { known } from "./fixtures/profiles.ts";

describe("barrier families", () => {
  it("items override the family score: mean of the answered items", () => {
    const d = diagnose(
      known({
        barrier_resource: 1,
        barrier_items: { attitudinal: [], resource: [4, null, 5], operational: [], strategic: [] },
      }),
    );
    const r = d.barriers.find((b) => b.family === "resource")!;
    expect(r.score).toBeCloseTo(4.5, 12);
    expect(r.source).toBe("items");
    expect(r.items_answered).toBe(2);
    expect(r.confidence).toBeCloseTo(2 / 3, 12);
    expect(r.level).toBe("high");
  });

  it("levels follow barrier_low and barrier_high", () => {
    const cases: [number | null, string][] = [
      [1, "low"],
      [2.5, "low"],
      [3, "medium"],
      [3.5, "high"],
      [null, "unknown"],
    ];
    for (const [score, level] of cases) {
      const d = diagnose(known({ barrier_operational: score }));
      expect(d.barriers.find((b) => b.family === "operational")!.level, String(score)).toBe(level);
    }
    const d = diagnose(known({ barrier_operational: 3.5 }), {
      params: { ...DEFAULT_PARAMS, barrier_high: 4 },
    });
    expect(d.barriers.find((b) => b.family === "operational")!.level).toBe("medium");
  });

  it("says what it was computed from", () => {
    const d = diagnose(known({ barrier_strategic: null }));
    const s = d.barriers.find((b) => b.family === "strategic")!;
    expect(s.source).toBe("unknown");
    expect(s.confidence).toBe(0);
    expect(d.barriers.find((b) => b.family === "attitudinal")!.source).toBe("family_score");
  });
});
