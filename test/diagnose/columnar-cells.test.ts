import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteWriter, cellAt, fixed3At, Snippets } from "../../src/diagnose/columnar/byte-writer.ts";
import { CellCache, CellIndex } from "../../src/diagnose/columnar/cell-tables.ts";

const RUNS = { numRuns: 200, seed: 20261129 };
const text = (b: Uint8Array) => Buffer.from(b).toString("utf8");
const written = (w: ByteWriter) => w.bytes.toString("utf8", 0, w.length);

describe("Snippets and ByteWriter.snippet", () => {
  it("write back every stored cell byte for byte, ASCII or not, in any order", () => {
    const cells = fc.array(fc.string({ unit: "binary", maxLength: 90 }), {
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(cells, fc.array(fc.nat(), { maxLength: 40 }), (texts, picks) => {
        const table = new Snippets();
        const codes = texts.map((t) => table.add(Buffer.from(t, "utf8")));
        // Cells holding a byte of 0x7f or above are kept as bytes (negative codes).
        texts.forEach((t, k) => {
          expect(codes[k] < 0).toBe([...Buffer.from(t, "utf8")].some((b) => b >= 0x7f));
          expect(table.length(codes[k])).toBe(Buffer.byteLength(t, "utf8"));
        });
        const w = new ByteWriter(8);
        let expected = "";
        for (const pick of picks) {
          const k = pick % texts.length;
          w.reserve(Buffer.byteLength(texts[k], "utf8"));
          w.snippet(table, codes[k]);
          expected += texts[k];
        }
        expect(written(w)).toBe(expected);
        expect(w.toString()).toBe(expected);
      }),
      RUNS,
    );
  });

  it("cellAt writes the cell at `at`, leaves the bytes before it alone and returns its end", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), fc.nat(40), (t, at) => {
        const ascii = t.replace(/[^\x20-\x7e]/g, "x");
        const table = new Snippets();
        const code = table.add(Buffer.from(ascii, "latin1"));
        const out = Buffer.alloc(at + ascii.length + 8, 0x2a);
        const end = cellAt(new DataView(out.buffer, out.byteOffset), at, table.words, code);
        expect(end).toBe(at + ascii.length);
        expect(out.toString("latin1", 0, at)).toBe("*".repeat(at));
        expect(out.toString("latin1", at, end)).toBe(ascii);
      }),
      RUNS,
    );
  });
});

describe("fixed3At", () => {
  it("writes x.toFixed(3), or nothing (-1) outside [0, 10) and near a rounding tie", () => {
    const near = fc
      .tuple(fc.integer({ min: 0, max: 12_000 }), fc.integer({ min: -3, max: 3 }))
      .map(([n, ulps]) => {
        let x = n / 1000 + 0.0005;
        for (let k = 0; k < Math.abs(ulps); k++) x += Math.sign(ulps) * Number.EPSILON * x;
        return x;
      });
    const out = Buffer.alloc(16);
    const view = new DataView(out.buffer, out.byteOffset);
    fc.assert(
      fc.property(fc.oneof(fc.double(), near, fc.double({ min: 0, max: 10 })), (x) => {
        const end = fixed3At(view, 2, x);
        if (end < 0) {
          const r = x * 1000;
          const tie = Math.abs(r - Math.floor(r) - 0.5) <= 0.000001;
          expect(!(x >= 0 && r < 9999.5) || tie).toBe(true);
        } else {
          expect(end).toBe(7);
          expect(out.toString("latin1", 2, end)).toBe(x.toFixed(3));
        }
      }),
      { numRuns: 20_000, seed: 4 },
    );
  });
});

describe("CellIndex", () => {
  it("gives each key its own cell and starts over when full, still right", () => {
    const built: number[] = [];
    // 4 KB cells: about 1,000 fill the table; 1,500 keys make it start over.
    const index = new CellIndex(1500, (key) => {
      built.push(key);
      return `${key}:`.padEnd(4000, String.fromCharCode(97 + (key % 26)));
    });
    const w = new ByteWriter(1 << 13);
    for (const key of [0, 1, 2, ...Array.from({ length: 1500 }, (_, k) => k), 0, 1, 2]) {
      const code = index.get(key);
      w.reset();
      w.reserve(4000);
      w.snippet(index.cells, code);
      expect(written(w)).toBe(`${key}:`.padEnd(4000, String.fromCharCode(97 + (key % 26))));
    }
    // Keys 0..2 were built at first, remembered once, and built again after the table restarted.
    expect(built.filter((k) => k === 1)).toHaveLength(2);
  });

  it("refuses a cell that is not ASCII", () => {
    const index = new CellIndex(4, () => "é");
    expect(() => index.get(1)).toThrow(/non-ASCII/);
  });
});

describe("CellCache", () => {
  it("finds each key's cell across evictions and rebuilds with a new builder after clear", () => {
    let calls = 0;
    const cache = new CellCache((key) => {
      calls++;
      return `a${key}`;
    });
    const w = new ByteWriter(64);
    const read = (key: number) => {
      w.reset();
      w.reserve(16);
      w.snippet(cache.cells, cache.get(key));
      return written(w);
    };
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: 50 }), (keys) => {
        for (const key of keys) expect(read(key)).toBe(`a${key}`);
      }),
      RUNS,
    );
    // More keys than the cache holds (8,192): it empties itself and keeps answering right.
    for (let key = 0; key < 20_000; key++) expect(read(key * 7919)).toBe(`a${key * 7919}`);
    const before = calls;
    expect(read(19_999 * 7919)).toBe(`a${19_999 * 7919}`);
    expect(calls).toBe(before);
    cache.clear((key) => `b${key}`);
    expect(read(5)).toBe("b5");
  });
});

describe("ByteWriter.take and recycle", () => {
  it("refills a recycled buffer once, and never one of another capacity", () => {
    const w = new ByteWriter(1 << 16);
    w.text("first");
    const first = w.take();
    w.recycle(first);
    w.recycle(first);
    const small = new Uint8Array(100);
    w.recycle(small);
    w.text("second");
    const second = w.take();
    w.text("third");
    const third = w.take();
    w.text("fourth");
    const fourth = w.take();
    // "second" went to the buffer that replaced the first; "third" to the recycled one; the
    // second recycle of `first` and the small array were ignored, so "fourth" got a new buffer.
    expect(third.buffer).toBe(first.buffer);
    expect(new Set([first.buffer, second.buffer, fourth.buffer, small.buffer]).size).toBe(4);
    expect([second, third, fourth].map(text)).toEqual(["second", "third", "fourth"]);
  });
});
