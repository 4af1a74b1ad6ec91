import { type CsvRecord, CsvScanner } from "../../src/io/index.ts";

/** The records a CsvScanner gives for `chunks` pushed one after another, then ended. */
export function scan(chunks: string[]): CsvRecord[] {
  const s = new CsvScanner();
  const out: CsvRecord[] = [];
  for (const c of chunks) s.push(c, out);
  s.end(out);
  return out;
}
