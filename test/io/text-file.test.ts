import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeReportFile } from "../../src/cli/commands/report-file.ts";
import { writeTextFile } from "../../src/io/index.ts";

describe("writeTextFile", () => {
  it("replaces a file whole and leaves no temporary file behind", () => {
    const dir = mkdtempSync(join(tmpdir(), "outward-text-"));
    const path = join(dir, "out.csv");
    writeFileSync(path, "old contents that are longer than the new ones\n");
    writeTextFile(path, "a,b\n1,2\n");
    expect(readFileSync(path, "utf8")).toBe("a,b\n1,2\n");
    expect(readdirSync(dir)).toEqual(["out.csv"]);
  });

  it("throws when it cannot write, and a command's error names the file and what it is", () => {
    const path = join(tmpdir(), "no-such-dir-outward", "out.csv");
    expect(() => writeTextFile(path, "x")).toThrow(/ENOENT/);
    expect(() => writeReportFile(path, "x", "CSV")).toThrow(
      new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: cannot write the CSV`),
    );
  });
});
