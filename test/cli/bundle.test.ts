// The prebuilt CLI bundle runs only while it matches src/, and gives the same output as the
// TypeScript sources run through the loader.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { sourceFingerprint } from "../../bin/fingerprint.js";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");

describe("source fingerprint", () => {
  it("changes when a file under src/ is added, resized or touched", () => {
    const root = mkdtempSync(join(tmpdir(), "outward-fp-"));
    mkdirSync(join(root, "src", "a"), { recursive: true });
    writeFileSync(join(root, "src", "a", "x.ts"), "export const x = 1;\n");
    const f0 = sourceFingerprint(root);
    expect(sourceFingerprint(root)).toBe(f0);
    writeFileSync(join(root, "src", "a", "x.ts"), "export const x = 12;\n");
    const f1 = sourceFingerprint(root);
    expect(f1).not.toBe(f0);
    utimesSync(join(root, "src", "a", "x.ts"), new Date(0), new Date(1_000_000));
    const f2 = sourceFingerprint(root);
    expect(f2).not.toBe(f1);
    writeFileSync(join(root, "src", "y.ts"), "");
    expect(sourceFingerprint(root)).not.toBe(f2);
  });
});

describe("CLI bundle", () => {
  it("is rebuilt from the current sources and agrees with the loader byte for byte", async () => {
    await run("node", [join(ROOT, "scripts", "build-cli.mjs")], { cwd: ROOT });
    const built = readFileSync(join(ROOT, "dist", "outward.fingerprint"), "utf8").trim();
    expect(built).toBe(sourceFingerprint(ROOT));
    const args = [join(ROOT, "bin", "outward.js"), "assess", "examples/firms.csv", "--json"];
    const bundled = await run("node", args, { cwd: ROOT, maxBuffer: 1 << 26 });
    const loader = await run("node", args, {
      cwd: ROOT,
      maxBuffer: 1 << 26,
      env: { ...process.env, OUTWARD_NO_BUNDLE: "1" },
    });
    expect(bundled.stdout.length).toBeGreaterThan(1000);
    expect(bundled.stdout).toBe(loader.stdout);
    expect(bundled.stderr).toBe(loader.stderr);
  }, 120_000);
});
