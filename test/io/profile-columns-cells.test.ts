import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MODES_UNKNOWN,
  NOT_PLAIN,
  readModes,
  readNumber,
  readText,
  readTri,
} from "../../src/firm/index.ts";
import { ENTRY_MODES } from "../../src/framework/index.ts";

/** The cell followed by a comma and a line feed, as the bulk reader sees it. */
const bytes = (cell: string): Buffer => Buffer.from(`${cell},\n`);

describe("byte cell readers", () => {
  it("read plain decimals exactly as Number() reads the text", () => {
    const digits = fc.stringMatching(/^[0-9]{1,15}$/);
    const decimal = fc
      .tuple(fc.stringMatching(/^[0-9]{1,7}$/), fc.stringMatching(/^[0-9]{1,7}$/))
      .map(([a, b]) => `${a}.${b}`);
    fc.assert(
      fc.property(fc.oneof(digits, decimal), (text) => {
        const out = new Float64Array(1);
        const end = readNumber(bytes(text), 0, -Infinity, Infinity, false, false, out, 0);
        expect(end).toBe(text.length);
        expect(Object.is(out[0], Number(text)), text).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("leave every other number form to the validator", () => {
    const other = fc.oneof(
      fc.constantFrom("-1", "+2", "1e5", ".5", "5.", "1.2.3", "0x10", " 7", "1234567890123456"),
      fc
        .double({ noNaN: true })
        .map(String)
        .filter((s) => /[^0-9.]/.test(s)),
    );
    fc.assert(
      fc.property(other, (text) => {
        const buf = bytes(text);
        const end = readNumber(buf, 0, -Infinity, Infinity, false, false, new Float64Array(1), 0);
        // Either not read, or stopped before a byte that is not a delimiter.
        expect(end === NOT_PLAIN || buf[end] !== 44).toBe(true);
      }),
    );
  });

  it("check bounds and whole numbers as the field spec says", () => {
    const out = new Float64Array(1);
    const read = (text: string, lo: number, hi: number, open: boolean, whole: boolean) =>
      readNumber(bytes(text), 0, lo, hi, open, whole, out, 0);
    expect(read("0", 0, 1, true, false)).toBe(NOT_PLAIN);
    expect(read("0.5", 0, 1, true, false)).toBe(3);
    expect(read("2.5", 1, 5, false, true)).toBe(NOT_PLAIN);
    expect(read("2.0", 1, 5, false, true)).toBe(3);
    expect(out[0]).toBe(2);
    expect(read("6", 1, 5, false, true)).toBe(NOT_PLAIN);
    expect(read("", 1, 5, false, true)).toBe(0);
    expect(out[0]).toBeNaN();
  });

  it("read tri answers and entry modes in their exact spellings only", () => {
    const tri = new Uint8Array(1);
    expect([readTri(bytes("yes"), 0, tri, 0), tri[0]]).toEqual([3, 0]);
    expect([readTri(bytes("no"), 0, tri, 0), tri[0]]).toEqual([2, 1]);
    expect([readTri(bytes("unknown"), 0, tri, 0), tri[0]]).toEqual([7, 2]);
    expect([readTri(bytes(""), 0, tri, 0), tri[0]]).toEqual([0, 2]);
    expect(readTri(bytes("Yes"), 0, tri, 0)).toBe(NOT_PLAIN);
    const modes = new Uint16Array(1);
    expect([readModes(bytes("none"), 0, modes, 0), modes[0]]).toEqual([4, 0]);
    expect([readModes(bytes(""), 0, modes, 0), modes[0]]).toEqual([0, MODES_UNKNOWN]);
    const both = "licensing;direct_export";
    expect(readModes(bytes(both), 0, modes, 0)).toBe(both.length);
    expect(modes[0]).toBe((1 << ENTRY_MODES.indexOf("licensing")) | (1 << 1));
    expect(readModes(bytes("licensing;;direct_export"), 0, modes, 0)).toBe(NOT_PLAIN);
    expect(readModes(bytes("Licensing"), 0, modes, 0)).toBe(NOT_PLAIN);
  });

  it("read text trimmed as String.prototype.trim trims, quoted or not", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 12 }), (text) => {
        const out: (string | null)[] = [null];
        const quoted = `"${text.replace(/"/g, '""')}"`;
        const expected = text.trim() === "" ? null : text.trim();
        if (!/[\n]/.test(text)) {
          expect(readText(bytes(quoted), 0, out, 0, false)).toBe(Buffer.byteLength(quoted));
          expect(out[0]).toBe(expected);
        }
        if (!/[",\r\n]/.test(text)) {
          expect(readText(bytes(text), 0, out, 0, false)).toBe(Buffer.byteLength(text));
          expect(out[0]).toBe(expected);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
