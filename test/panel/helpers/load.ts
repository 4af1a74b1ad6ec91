// Loads the reference datasets through the shared frame reader (src/io).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type Column,
  type Frame,
  frameFromColumns,
  numeric,
  readCsvFrame,
} from "../../../src/io/index.ts";

export const REF_DIR = fileURLToPath(new URL("../../../reference/panel/", import.meta.url));

export async function loadCsv(path: string): Promise<Frame> {
  return (await readCsvFrame(path)).frame;
}

/** Adds log-transformed numeric columns (the references use natural logs). */
export function withLogs(frame: Frame, pairs: Record<string, string>): Frame {
  const cols: Record<string, Column> = {};
  for (const name of frame.names) cols[name] = frame.columns.get(name)!;
  for (const [out, src] of Object.entries(pairs)) {
    const c = frame.columns.get(src);
    if (c?.kind !== "numeric") throw new Error(`no numeric column ${src}`);
    cols[out] = numeric(c.values.map(Math.log));
  }
  return frameFromColumns(cols);
}

export function loadRef(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${REF_DIR}${name}`, "utf8"));
}
