/**
 * Reads a register whose one data row holds a cell of N MiB, with the project's reader (or the
 * one at a module path given second, e.g. an older checkout's src/io/index.ts, to run the two
 * side by side). The scanner's work must grow with the line, not with its square.
 *
 *   node --import tsx bench/io/long-line.ts 30 [path/to/src/io/index.ts]
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const mib = Number(process.argv[2] ?? 15);
const from = process.argv[3] ?? join(import.meta.dirname, "../../src/io/index.ts");
const io = (await import(
  pathToFileURL(resolve(from)).href
)) as typeof import("../../src/io/index.ts");

const dir = mkdtempSync(join(tmpdir(), "outward-long-line-"));
const file = join(dir, "long.csv");
writeFileSync(
  file,
  `id,description,sector\nbig,${"x".repeat(mib * 2 ** 20)},business_services\nsmall,short,business_services\n`,
);
try {
  const t0 = process.hrtime.bigint();
  let rows = 0;
  for await (const _ of io.readFirmRecords(file)) rows++;
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${mib} MiB cell: ${rows} rows in ${s.toFixed(2)} s, peak RSS ${rss.toFixed(0)} MiB (${from})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
