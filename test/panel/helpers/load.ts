// Minimal CSV-to-Frame loader for the reference datasets (quoted headers, no embedded commas),
// until the shared panel reader is available.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type Column,
  categorical,
  type Frame,
  frameFromColumns,
  numeric,
} from "../../../src/io/index.ts";

export const REF_DIR = fileURLToPath(new URL("../../../reference/panel/", import.meta.url));

export function loadCsv(path: string): Frame {
  const lines = readFileSync(path, "utf8").trim().split(/\r?\n/);
  const unq = (s: string) => s.replace(/^"(.*)"$/, "$1");
  const header = lines[0].split(",").map(unq);
  const cells = lines.slice(1).map((l) => l.split(",").map(unq));
  const cols: Record<string, Column> = {};
  header.forEach((h, j) => {
    const raw = cells.map((r) => r[j]);
    const nums = raw.map((s) => (s === "NA" || s === "" ? Number.NaN : Number(s)));
    if (raw.every((s, i) => s === "NA" || s === "" || !Number.isNaN(nums[i]))) {
      cols[h] = numeric(Float64Array.from(nums));
    } else {
      const levels: string[] = [];
      const idx = new Map<string, number>();
      const codes = Int32Array.from(raw, (s) => {
        if (s === "NA" || s === "") return -1;
        let c = idx.get(s);
        if (c === undefined) {
          c = levels.length;
          levels.push(s);
          idx.set(s, c);
        }
        return c;
      });
      cols[h] = categorical(codes, levels);
    }
  });
  return frameFromColumns(cols);
}

/** Adds log-transformed numeric columns (the references use natural logs). */
export function withLogs(frame: Frame, pairs: Record<string, string>): Frame {
  const cols: Record<string, Column> = {};
  for (const name of frame.names) cols[name] = frame.columns.get(name)!;
  for (const [out, src] of Object.entries(pairs)) {
    const c = frame.columns.get(src);
    if (!c || c.kind !== "numeric") throw new Error(`no numeric column ${src}`);
    cols[out] = numeric(c.values.map(Math.log));
  }
  return frameFromColumns(cols);
}

export function loadRef(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${REF_DIR}${name}`, "utf8"));
}
