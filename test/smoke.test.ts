import { describe, expect, it } from "vitest";
import { buildProgram } from "../src/cli/main.ts";
import { PERSPECTIVES, POSITIONS } from "../src/framework/vocabulary.ts";

describe("project skeleton", () => {
  it("registers the CLI commands", () => {
    const names = buildProgram().commands.map((c) => c.name());
    expect(names).toEqual(expect.arrayContaining(["framework", "assess", "panel", "simulate"]));
  });
  it("names five perspectives and six spectrum positions", () => {
    expect(PERSPECTIVES).toHaveLength(5);
    expect(POSITIONS).toHaveLength(6);
  });
});
