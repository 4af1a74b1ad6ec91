import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { PERSPECTIVE_INFO, PERSPECTIVES } from "../../src/framework/index.ts";

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, "../../bin/outward.js");

async function outward(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, NO_COLOR: "1" },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe("outward framework (real binary)", () => {
  it("prints Table 1 with all five perspectives and the two blank cells marked", async () => {
    const { code, stdout } = await outward("framework");
    expect(code).toBe(0);
    // The first column of each box holds the perspective labels, wrapped over several lines.
    const firstColumn = stdout
      .split("\n")
      .filter((l) => l.startsWith("│"))
      .map((l) => l.split("│")[1].trim())
      .join(" ");
    for (const p of PERSPECTIVES) expect(firstColumn).toContain(PERSPECTIVE_INFO[p].label);
    expect(stdout.match(/— \(not addressed\)/g)).toHaveLength(2);
    for (const line of stdout.split("\n")) expect([...line].length).toBeLessThanOrEqual(100);
  });

  it("gives the 30 cells with citations as JSON", async () => {
    const { code, stdout } = await outward("framework", "--json");
    expect(code).toBe(0);
    const data = JSON.parse(stdout) as {
      cells: Array<{ citations: unknown[]; prediction: { kind: string } }>;
    };
    expect(data.cells).toHaveLength(30);
    expect(
      data.cells.filter((c) => c.prediction.kind !== "empty").every((c) => c.citations.length > 0),
    ).toBe(true);
  });

  it("filters by proposition, theme and perspective", async () => {
    const one = JSON.parse((await outward("framework", "--json", "--proposition", "P2")).stdout);
    expect(one.cells.map((c: { proposition: string }) => c.proposition)).toEqual(
      Array(5).fill("P2"),
    );
    const both = JSON.parse(
      (await outward("framework", "--json", "--theme", "mode", "--perspective", "learning")).stdout,
    );
    expect(both.cells).toHaveLength(1);
    expect(both.cells[0]).toMatchObject({ proposition: "P3", perspective: "learning" });
    const text = (await outward("framework", "--proposition", "4", "--perspective", "stage"))
      .stdout;
    expect(text).toContain("P4.");
    expect(text).not.toContain("P1.");
  });

  it("exits 2 naming a bad filter value", async () => {
    const { code, stderr, stdout } = await outward("framework", "--perspective", "uppsala");
    expect(code).toBe(2);
    expect(stderr).toContain('"uppsala"');
    expect(stderr).toContain("resource_network");
    expect(stdout).toBe("");
  });

  it("lists instruments and modes", async () => {
    const inst = JSON.parse((await outward("framework", "--instruments", "--json")).stdout);
    expect(inst.instruments).toHaveLength(21);
    const modes = await outward("framework", "--modes");
    expect(modes.code).toBe(0);
    expect(modes.stdout).toContain("Greenfield investment");
    const filtered = JSON.parse(
      (
        await outward(
          "framework",
          "--instruments",
          "--json",
          "--policy-theme",
          "entry_mode_options",
        )
      ).stdout,
    );
    expect(filtered.instruments.map((i: { id: string }) => i.id)).toEqual([
      "entry_mode_awareness",
      "partnership_control_counselling",
    ]);
  });
});
