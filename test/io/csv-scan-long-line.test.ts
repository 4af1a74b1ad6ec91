import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CsvRecord } from "../../src/io/index.ts";
import { scan } from "./scan-helper.ts";

function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let p = 0; p < text.length; p += size) out.push(text.slice(p, p + size));
  return out;
}

/*
 * Characters the string searches in `run` look at: indexOf counts up to its match (or the end),
 * charCodeAt one each. Unlike a timing, this does not depend on the machine, and re-reading the
 * buffered text on every chunk shows up as a count that grows with (length / chunk) x length.
 */
function examined(run: () => void): number {
  const { indexOf, charCodeAt } = String.prototype;
  let count = 0;
  String.prototype.indexOf = function (this: string, search: string, from = 0): number {
    const at = indexOf.call(this, search, from);
    count += (at < 0 ? this.length : at + 1) - Math.min(Math.max(from, 0), this.length);
    return at;
  };
  String.prototype.charCodeAt = function (this: string, index: number): number {
    count++;
    return charCodeAt.call(this, index);
  };
  try {
    run();
  } finally {
    String.prototype.indexOf = indexOf;
    String.prototype.charCodeAt = charCodeAt;
  }
  return count;
}

const MB = 1 << 20;

describe("CsvScanner on long lines", () => {
  it("looks at each character of a 4 MB line a few times, not once per chunk", () => {
    const text = `id,x\n1,${"x".repeat(4 * MB)}\n2,y\n`;
    const chunks = pieces(text, 64 * 1024);
    let got: CsvRecord[] = [];
    const count = examined(() => {
      got = scan(chunks);
    });
    expect(got.map((r) => [r.line, r.cells.length, r.cells[1].length])).toEqual([
      [1, 2, 1],
      [2, 2, 4 * MB],
      [3, 2, 1],
    ]);
    expect(count).toBeLessThan(6 * text.length);
  });

  it("reads a record with a multi-line quoted cell and 256 Ki cells after it in linear work", () => {
    const tail = "ab,".repeat(1 << 18);
    const text = `id,x\n"a\r\nb",${tail}"c""d"\r\n2,y\n`;
    const chunks = pieces(text, 16 * 1024);
    let got: CsvRecord[] = [];
    const count = examined(() => {
      got = scan(chunks);
    });
    expect(got).toHaveLength(3);
    expect(got[1].line).toBe(2);
    expect(got[1].cells[0]).toBe("a\r\nb");
    expect(got[1].cells).toHaveLength(2 + (1 << 18));
    expect(got[1].cells.at(-1)).toBe('c"d');
    expect(got[2]).toEqual({ cells: ["2", "y"], line: 4 });
    expect(count).toBeLessThan(6 * text.length);
  });

  it("gives the same records however a long quoted line is cut, with quotes and CRLF on the cuts", () => {
    const cell = `"${'x""y,\r\n'.repeat(2000)}"`;
    const text = `id,a,b\r\n1,${cell},${cell}\r\n2,"",z\r\n3,${cell}`;
    const reference = parse(text, { relax_column_count: true });
    expect(scan([text]).map((r) => r.cells)).toEqual(reference);
    // Cut right before and right after every quote, CR and LF.
    const cuts: number[] = [];
    for (let k = 0; k < text.length; k++) if (/["\r\n]/.test(text[k])) cuts.push(k, k + 1);
    const chunks = cuts.map((c, k) => text.slice(k === 0 ? 0 : cuts[k - 1], c));
    chunks.push(text.slice(cuts.at(-1)));
    expect(chunks.join("")).toBe(text);
    const got = scan(chunks);
    expect(got.map((r) => r.cells)).toEqual(reference);
    expect(got.map((r) => r.line)).toEqual([1, 2, 4003, 4004]);
  });

  it("gives the same records, errors and lines for any chunking, malformed input included", () => {
    const text = fc.string({
      unit: fc.constantFrom("a", ",", '"', '""', "\n", "\r", "\r\n", "x"),
      maxLength: 80,
    });
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 12 }), (t, cuts) => {
        const at = [...new Set(cuts.map((c) => c % (t.length + 1)))].sort((a, b) => a - b);
        const chunks = [...at, t.length].map((c, k) => t.slice(k === 0 ? 0 : at[k - 1], c));
        expect(scan(chunks)).toEqual(scan([t]));
        expect(scan([...t])).toEqual(scan([t]));
      }),
      { numRuns: 1000 },
    );
  });

  it("rejects a quote never closed in a record cut across chunks and resumes on its second line", () => {
    const text = 'id,x\n1,"open\n2,ok\n3,ok';
    const want = [
      { cells: ["id", "x"], line: 1 },
      { cells: [], line: 2, error: "a quote opened here is never closed" },
      { cells: ["2", "ok"], line: 3 },
      { cells: ["3", "ok"], line: 4 },
    ];
    expect(scan([text])).toEqual(want);
    expect(scan([...text])).toEqual(want);
  });
});
