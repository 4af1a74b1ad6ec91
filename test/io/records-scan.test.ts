import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OutwardError } from "../../src/framework/index.ts";
import { csvLine, readFirmRecords } from "../../src/io/index.ts";
import { scan } from "./scan-helper.ts";

const tricky = fc.string({
  unit: fc.constantFrom("a", "b", "1", " ", ",", '"', "\n", "\r", "é", ";"),
  maxLength: 8,
});
const records = fc
  .array(fc.array(tricky, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 })
  .map((rs) => rs.filter((r) => !(r.length === 1 && r[0] === "")));

/** Cuts text at random places, as a stream delivers it. */
function chunked(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let prev = 0;
  for (const c of at) {
    out.push(text.slice(prev, c));
    prev = c;
  }
  out.push(text.slice(prev));
  return out;
}

describe("CsvScanner", () => {
  it("reads back any well-formed CSV however it is chunked, as csv-parse does", () => {
    fc.assert(
      fc.property(records, fc.boolean(), fc.array(fc.nat(), { maxLength: 6 }), (rs, crlf, cuts) => {
        let text = rs.map((r) => csvLine(r)).join("");
        if (crlf) text = rs.map((r) => `${csvLine(r).slice(0, -1)}\r\n`).join("");
        const got = scan(chunked(text, cuts));
        expect(got.map((r) => r.error)).toEqual(rs.map(() => undefined));
        expect(got.map((r) => r.cells)).toEqual(rs);
        const reference = parse(text, { relax_column_count: true, skip_empty_lines: true });
        expect(got.map((r) => r.cells)).toEqual(reference);
      }),
      { numRuns: 500 },
    );
  });

  it("rejects a malformed record and resumes on the next line", () => {
    const got = scan(['id,a\n1,"x"y\n2,a"b\n3,"open\n4,ok\n']);
    expect(got.map((r) => [r.line, r.error ?? null, r.cells[0]])).toEqual([
      [1, null, "id"],
      [2, "text after a closing quote", "1"],
      [3, "a quote inside an unquoted field", "2"],
      [4, "a quote opened here is never closed", undefined],
      [5, null, "4"],
    ]);
  });
});

async function readAll(text: string | Buffer, cuts: number[] = []) {
  const stdin = Readable.from(typeof text === "string" ? chunked(text, cuts) : [text]);
  const rows = [];
  for await (const r of readFirmRecords("-", { stdin })) rows.push(r);
  return rows;
}

describe("readFirmRecords", () => {
  it("never throws on random bytes except a file-level OutwardError, and numbers rows 1..n", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        try {
          const rows = await readAll(Buffer.from(bytes));
          expect(rows.map((r) => r.row)).toEqual(rows.map((_, i) => i + 1));
        } catch (err) {
          expect(err).toBeInstanceOf(OutwardError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never drops a row of random CSV: every data line is valid or rejected", async () => {
    const line = fc.string({ unit: fc.constantFrom("a", "1", ",", " ", "yes"), maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        async (lines, cuts) => {
          const text = `id,tradable,employees\n${lines.join("\n")}\n`;
          const rows = await readAll(text, cuts);
          expect(rows).toHaveLength(lines.filter((l) => l !== "").length);
          for (const r of rows) {
            if (!r.result.ok) {
              for (const issue of r.result.issues) expect(issue.row).toBe(r.row);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throws on random text with quotes", async () => {
    const text = fc.string({
      unit: fc.constantFrom("id", ",", '"', "\n", "\r\n", "x", "yes"),
      maxLength: 60,
    });
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 4 }), async (t, cuts) => {
        try {
          const rows = await readAll(t, cuts);
          expect(rows.map((r) => r.row)).toEqual(rows.map((_, i) => i + 1));
        } catch (err) {
          expect(err).toBeInstanceOf(OutwardError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
