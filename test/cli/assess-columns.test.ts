import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BENCH_HEADER, randomRow, rng } from "../../bench/assess/generate.ts";
import { loadEngine } from "../../src/cli/commands/assess.ts";
import { runAssess } from "../../src/cli/commands/assess-run.ts";
import { csvLine } from "../../src/io/index.ts";

const ROOT = join(import.meta.dirname, "../..");
const tmp = mkdtempSync(join(tmpdir(), "outward-assess-columns-"));

/** Keeps what is written; consumes each chunk later, as a slow pipe would, so chunks queue up. */
class Capture extends Writable {
  text = "";
  /** @param delayMs how long each chunk waits before it is read (default: until the next turn). */
  constructor(private readonly delayMs = 0) {
    super({ highWaterMark: 1 << 26 });
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    const consume = () => {
      this.text += chunk.toString();
      done();
    };
    if (this.delayMs > 0) setTimeout(consume, this.delayMs);
    else setImmediate(consume);
  }
}

interface Output {
  stdout: string;
  stderr: string;
  rejects: string;
  assessed: number;
  rejected: number;
}

/** `outward assess FILE --csv --rejects R` in-process, by the bulk route or per record. */
async function assessCsv(
  file: string,
  route: "columns" | "records",
  viaStdin = false,
  delayMs = 0,
): Promise<Output> {
  const engine = await loadEngine({}, "defaults");
  if (route === "records") delete engine.csvBytesOfColumns;
  else expect(engine.csvBytesOfColumns).toBeDefined();
  const stdout = new Capture(delayMs);
  const stderr = new Capture();
  const rejects = join(tmp, "rejects.csv");
  // Through stdin the input arrives in small pieces, and each piece's rows form a batch.
  const bytes = readFileSync(file);
  const pieces = Array.from({ length: Math.ceil(bytes.length / 4000) }, (_, k) =>
    bytes.subarray(k * 4000, (k + 1) * 4000),
  );
  const summary = await runAssess(viaStdin ? "-" : file, engine, {
    format: "csv",
    trace: false,
    rejects,
    stdout,
    stderr,
    listLimit: 5,
    stdin: viaStdin ? Readable.from(pieces, { objectMode: false }) : undefined,
  });
  await Promise.all([stdout, stderr].map((w) => new Promise((resolve) => w.end(resolve))));
  return {
    stdout: stdout.text,
    stderr: stderr.text,
    rejects: readFileSync(rejects, "utf8"),
    assessed: summary.assessed,
    rejected: summary.rejected,
  };
}

/** Generated firms, some rows spoiled: bad values, contradictions, ragged and malformed rows. */
function spoiledFile(
  name: string,
  n: number,
  seed: number,
  spoilers: Array<(cells: string[]) => string>,
): string {
  const r = rng(seed);
  let text = csvLine(BENCH_HEADER);
  for (let i = 1; i <= n; i++) {
    const cells = randomRow(r, i);
    text += r() < 0.1 ? spoilers[Math.floor(r() * spoilers.length)](cells) : csvLine(cells);
  }
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

const at = (name: string) => BENCH_HEADER.indexOf(name);
const SPOILERS: Array<(cells: string[]) => string> = [
  (c) => csvLine(c.map((x, k) => (k === at("sector") ? "bakery" : x))),
  (c) =>
    csvLine(c.map((x, k) => (k === at("exports_now") ? "yes" : k === at("modes") ? "none" : x))),
  (c) => csvLine(c.map((x, k) => (k === at("founded") ? "2100" : x))),
  (c) => csvLine(c.slice(1)),
  (c) => `${c.join(",")}\r\n`,
  (c) => `"${c[0]}"x,${c.slice(1).join(",")}\n`,
  (c) =>
    csvLine(c.map((x, k) => (k === at("tradable") ? " Yes " : k === at("weight") ? "1e0" : x))),
  (c) => csvLine(c.map((x, k) => (k === at("id") ? `  ${x}  ` : x))),
];

describe("outward assess --csv, bulk route", () => {
  it.each(["examples/firms.csv", "examples/firms-with-items.csv"])(
    "writes %s byte for byte as the per-record route",
    async (example) => {
      const file = join(ROOT, example);
      const bulk = await assessCsv(file, "columns");
      expect(bulk).toEqual(await assessCsv(file, "records"));
      expect(bulk.assessed).toBeGreaterThan(0);
    },
  );

  it("keeps output, stderr, rejects and counts identical on spoiled files", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1e9 }),
        fc.subarray(SPOILERS, { minLength: 1 }),
        async (seed, spoilers) => {
          const file = spoiledFile(`spoiled-${seed}.csv`, 400, seed, spoilers);
          const bulk = await assessCsv(file, "columns");
          const records = await assessCsv(file, "records");
          expect(bulk).toEqual(records);
          const piped = await assessCsv(file, "records", true);
          expect(await assessCsv(file, "columns", true)).toEqual(piped);
          expect(piped.stdout).toBe(records.stdout);
          expect(bulk.assessed + bulk.rejected).toBe(400);
          expect(bulk.stderr).toMatch(/Cronbach/);
        },
      ),
      { numRuns: 8 },
    );
  }, 240_000);

  it("keeps every batch's lines intact while a slow consumer still holds them", async () => {
    // More rows than one batch holds, so a batch's lines are queued while the next is built.
    const file = spoiledFile("two-batches.csv", 10_000, 3, [SPOILERS[0]]);
    const bulk = await assessCsv(file, "columns", false, 200);
    expect(bulk.stdout).toBe((await assessCsv(file, "records")).stdout);
    expect(bulk.assessed).toBeGreaterThan(8192);
  }, 120_000);

  it("through the binary: exit 1, rejected rows listed, same lines as the per-record route", async () => {
    const file = spoiledFile("binary.csv", 300, 7, [SPOILERS[0]]);
    const rejects = join(tmp, "binary-rejects.csv");
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [join(ROOT, "bin/outward.js"), "assess", file, "--csv", "--rejects", rejects],
        { cwd: ROOT, maxBuffer: 64 << 20 },
        (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
      );
    });
    const records = await assessCsv(file, "records");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(records.stdout);
    expect(readFileSync(rejects, "utf8")).toBe(records.rejects);
    expect(run.stderr).toContain(`sector: got "bakery"`);
    expect(run.stderr).toContain(`assessed ${records.assessed}, rejected ${records.rejected}`);
  }, 120_000);
});
