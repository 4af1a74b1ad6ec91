import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WORK_KEYS, WORKS } from "../../src/framework/index.ts";
import { ALL_DATA, strings } from "./data.ts";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const reviewPath = path.resolve(repoRoot, "../shared/domain/review.txt");
const RUN = 12;

/** Lower-case word tokens; typographic quotes and punctuation are dropped so they cannot hide a copy. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, "")
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

function runs(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + RUN <= tokens.length; i++) out.push(tokens.slice(i, i + RUN).join(" "));
  return out;
}

describe("framework text is paraphrased, not copied", () => {
  it("finds strings to check", () => {
    expect(strings(ALL_DATA).length).toBeGreaterThan(300);
  });

  it.skipIf(!existsSync(reviewPath))(
    `shares no ${RUN}-word run with the review (needs ../shared/domain/review.txt beside the repo)`,
    () => {
      const review = new Set(runs(words(readFileSync(reviewPath, "utf8"))));
      expect(review.size).toBeGreaterThan(1000);
      const copies = strings(ALL_DATA).flatMap(({ path: at, text }) =>
        runs(words(text))
          .filter((r) => review.has(r))
          .map((r) => `${at}: "${r}"`),
      );
      expect(copies).toEqual([]);
      // The detector itself must catch a copied sentence, quotes and punctuation notwithstanding.
      const planted = readFileSync(reviewPath, "utf8")
        .split("\n")
        .find((l) => words(l).length > 40)!;
      expect(runs(words(planted)).some((r) => review.has(r))).toBe(true);
    },
  );

  it.skipIf(!existsSync(reviewPath))(
    "registers only works whose authors and years appear in the review (needs ../shared/domain/review.txt)",
    () => {
      const text = readFileSync(reviewPath, "utf8").replace(/[\u2018\u2019]/g, "'");
      for (const k of WORK_KEYS) {
        const w = WORKS[k];
        const name = w.author.replace(/ et al\.$/, "").replace(" & ", " and ");
        const year = `${w.year}${w.suffix ?? ""}`;
        const near = new RegExp(
          `${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[\\s\\S]{0,40}?${year}`,
        );
        expect(near.test(text), `${w.author} ${year}`).toBe(true);
      }
    },
  );
});
