/**
 * Writes the synthetic benchmark panel (design of reference/panel/bench/gen_panel.R).
 *
 *   node --import tsx bench/panel/gen.ts [--firms 1000000] [--seed 20240601]
 *        [--format csv,owc,parquet] [--out bench/out]
 *
 * Files: bench/out/panel-10m.{csv,owc,parquet} for 1,000,000 firms, panel-1m.* for 100,000.
 * CSV alone streams block by block (flat memory); .owc and .parquet hold the columns in memory.
 */

import { once } from "node:events";
import { createWriteStream, mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { frameFromColumns, numeric, writeColumnar, writeParquetFrame } from "../../src/io/index.ts";
import { formatBlock, MAX_ROW_BYTES } from "./gen-csv.ts";
import { drawSpells, PANEL_COLUMNS, type PanelDesign, panelBlocks } from "./gen-panel.ts";
import { BENCH_OUT, panelFile } from "./gen-paths.ts";

const { values } = parseArgs({
  options: {
    firms: { type: "string", default: "1000000" },
    seed: { type: "string", default: "20240601" },
    format: { type: "string", default: "csv,owc" },
    out: { type: "string", default: BENCH_OUT },
  },
});
const design: PanelDesign = { firms: Number(values.firms), seed: Number(values.seed) };
const formats = new Set(values.format.split(","));
mkdirSync(values.out, { recursive: true });

const t0 = performance.now();
const nrows = drawSpells(design).nrows;
const keep = formats.has("owc") || formats.has("parquet");
const cols = keep ? PANEL_COLUMNS.map(() => new Float64Array(nrows)) : [];
const csvPath = panelFile(design.firms, "csv", values.out);
const csv = formats.has("csv") ? createWriteStream(csvPath) : undefined;
if (csv) csv.write(`${PANEL_COLUMNS.map((c) => `"${c}"`).join(",")}\n`);
let at = 0;
for (const b of panelBlocks(design)) {
  if (keep) {
    const src = [b.firm, b.year, b.y, b.x1, b.x2, b.x3];
    for (let j = 0; j < src.length; j++) cols[j].set(src[j].subarray(0, b.n), at);
  }
  at += b.n;
  if (csv) {
    const out = Buffer.allocUnsafe(b.n * MAX_ROW_BYTES);
    const len = formatBlock(b, out);
    if (!csv.write(out.subarray(0, len))) await once(csv, "drain");
  }
}
if (csv) {
  csv.end();
  await once(csv, "finish");
}
const written: string[] = csv ? [csvPath] : [];
if (keep) {
  const frame = frameFromColumns(
    Object.fromEntries(PANEL_COLUMNS.map((c, j) => [c, numeric(cols[j])])),
  );
  if (formats.has("owc")) {
    await writeColumnar(panelFile(design.firms, "owc", values.out), frame);
    written.push(panelFile(design.firms, "owc", values.out));
  }
  if (formats.has("parquet")) {
    await writeParquetFrame(panelFile(design.firms, "parquet", values.out), frame);
    written.push(panelFile(design.firms, "parquet", values.out));
  }
}
const secs = ((performance.now() - t0) / 1000).toFixed(1);
process.stdout.write(
  `rows=${nrows} firms=${design.firms} seed=${design.seed} gen_s=${secs} files=${written.join(",")}\n`,
);
