import { join } from "node:path";

/** Where bench/panel/gen.ts writes (git-ignored). */
export const BENCH_OUT = "bench/out";

/** Rows are about 10 per firm: 1,000,000 firms -> "10m", 100,000 -> "1m", 10,000 -> "100k". */
export function sizeLabel(firms: number): string {
  const rows = firms * 10;
  if (rows >= 1e6 && rows % 1e6 === 0) return `${rows / 1e6}m`;
  if (rows >= 1e3 && rows % 1e3 === 0) return `${rows / 1e3}k`;
  return `${firms}f`;
}

/** e.g. panelFile(100_000, "csv") = "bench/out/panel-1m.csv" (the 1M-row subset size). */
export function panelFile(firms: number, ext: "csv" | "owc" | "parquet", dir = BENCH_OUT): string {
  return join(dir, `panel-${sizeLabel(firms)}.${ext}`);
}
