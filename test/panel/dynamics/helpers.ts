import { readFileSync } from "node:fs";
import { type Frame, readCsvFrameStream, readFrame } from "../../../src/io/index.ts";

export const REF_DIR = new URL("../../../reference/panel/", import.meta.url).pathname;

export async function loadCsv(relative: string): Promise<Frame> {
  return (await readFrame(REF_DIR + relative)).frame;
}

export function loadJson<T = Record<string, unknown>>(relative: string): T {
  return JSON.parse(readFileSync(REF_DIR + relative, "utf8")) as T;
}

/** Relative agreement |a - b| <= tol * max(|b|, tiny); NaN/null only match NaN/null. */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number | null>,
  tol = 1e-6,
): void {
  if (actual.length !== expected.length) {
    throw new Error(`length ${actual.length} != expected ${expected.length}`);
  }
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const b = expected[i];
    if (b === null || Number.isNaN(b)) {
      if (!Number.isNaN(a) && a !== null) throw new Error(`[${i}] got ${a}, expected NaN/null`);
      continue;
    }
    const scale = Math.max(Math.abs(b), 1e-12);
    if (!(Math.abs(a - b) <= tol * scale)) throw new Error(`[${i}] got ${a}, expected ${b}`);
  }
}

/** A frame from row objects (numbers become numeric columns, strings categorical). */
export async function frameFromRows(rows: Record<string, number | string>[]): Promise<Frame> {
  const names = Object.keys(rows[0]);
  const lines = [names.join(","), ...rows.map((r) => names.map((n) => String(r[n])).join(","))];
  const bytes = new Uint8Array(Buffer.from(`${lines.join("\n")}\n`));
  async function* source(): AsyncIterable<Uint8Array> {
    yield bytes;
  }
  return (await readCsvFrameStream(source(), "rows.csv")).frame;
}
