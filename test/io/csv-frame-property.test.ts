import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCsvFrameStream } from "../../src/io/index.ts";

// Numbers as people and tools write them; each must read exactly as Number() reads it.
const numberText = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x.toFixed(6)),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x.toPrecision(15)),
  fc.constantFrom("", "NA", "0", "-0", ".5", "5.", "1e5", "123456789012345678901"),
);
const text = fc.string({ maxLength: 8 }).map((s) => s.replace(/\r/g, ""));

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

describe("CSV reader against the obvious reading", () => {
  it("reads numbers and quoted text exactly, whatever the chunking", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(numberText, text), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }),
        fc.boolean(),
        async (rows, cuts, crlf) => {
          const eol = crlf ? "\r\n" : "\n";
          const csv = `num,txt${eol}${rows.map(([n, t]) => `${n},${quote(t)}`).join(eol)}${eol}`;
          const bytes = Buffer.from(csv);
          const chunks: Buffer[] = [];
          for (let at = 0, k = 0; at < bytes.length; k++) {
            const size = cuts[k % cuts.length];
            chunks.push(bytes.subarray(at, at + size));
            at += size;
          }
          const { frame } = await readCsvFrameStream(Readable.from(chunks), "prop", {
            types: { num: "numeric", txt: "categorical" },
          });
          const num = frame.columns.get("num")!;
          const txt = frame.columns.get("txt")!;
          if (num.kind !== "numeric" || txt.kind !== "categorical") throw new Error("kinds");
          expect(frame.nrows).toBe(rows.length);
          rows.forEach(([n, t], i) => {
            const want = n === "" || n === "NA" ? Number.NaN : Number(n);
            expect(num.values[i]).toBe(want);
            expect(txt.codes[i] < 0 ? "" : txt.levels[txt.codes[i]]).toBe(t);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
