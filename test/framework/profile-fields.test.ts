import { describe, expect, it } from "vitest";
import type { Profile } from "../../src/firm/index.ts";
import { CONDITIONS, type ProfileField, TRAITS } from "../../src/framework/index.ts";

// Compile-time: every field the framework names must be a key of the one Profile type.
type Missing = Exclude<ProfileField, keyof Profile>;
const noneMissing: [Missing] extends [never] ? true : false = true;

describe("profile fields named by the framework", () => {
  it("are keys of Profile (checked by the type-checker) and listed without duplicates", () => {
    expect(noneMissing).toBe(true);
    for (const info of [...Object.values(CONDITIONS), ...Object.values(TRAITS)])
      expect(new Set(info.resolvedBy).size).toBe(info.resolvedBy.length);
  });
});
