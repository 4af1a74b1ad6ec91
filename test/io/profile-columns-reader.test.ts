import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COLUMN_NAMES,
  columnsRowToProfile,
  type FieldSpec,
  PROFILE_FIELDS,
  type Profile,
  parseItemColumn,
} from "../../src/firm/index.ts";
import { ENTRY_MODES, type Issue } from "../../src/framework/index.ts";
import {
  type ReadRecordsOptions,
  readFirmBatches,
  readProfileColumnBatches,
} from "../../src/io/index.ts";
import { anyCell, validCell } from "../firm/arbitraries.ts";

const tmp = mkdtempSync(join(tmpdir(), "outward-columns-"));
const ITEMS = PROFILE_FIELDS.find((f) => f.kind === "items")!;
const ITEM_COLUMNS = ["attitudinal", "resource", "operational", "strategic"].flatMap((f) =>
  [1, 2, 3].map((k) => `barrier_${f}_${k}`),
);
const itemSpec: FieldSpec = { ...ITEMS, kind: "number", min: 1, max: 5, integer: true };
const specOf = (column: string): FieldSpec | null =>
  parseItemColumn(column) ? itemSpec : (PROFILE_FIELDS.find((f) => f.name === column) ?? null);

/** What a reader gave for one row, whichever reader it was. */
type Seen =
  | { row: number; ok: true; profile: Profile }
  | { row: number; ok: false; id: string | null; issues: Issue[] };

interface Reading {
  rows: Seen[];
  warnings: Issue[];
  error: string | null;
}

// Columns hold modes as a set: the profile's list is compared in vocabulary order, once each.
function asSet(p: Profile): Profile {
  if (p.modes === null) return p;
  return { ...p, modes: ENTRY_MODES.filter((m) => p.modes!.includes(m)) };
}

async function readOld(path: string, options: ReadRecordsOptions): Promise<Reading> {
  const out: Reading = { rows: [], warnings: [], error: null };
  try {
    const onWarning = (w: Issue) => out.warnings.push(w);
    for await (const batch of readFirmBatches(path, { ...options, onWarning })) {
      for (const r of batch) {
        out.rows.push(
          r.result.ok
            ? { row: r.row, ok: true, profile: asSet(r.result.value) }
            : { row: r.row, ok: false, id: r.id, issues: r.result.issues },
        );
      }
    }
  } catch (err) {
    out.error = (err as Error).message;
  }
  return out;
}

async function readNew(
  path: string,
  options: ReadRecordsOptions & { batchSize: number; chunkBytes: number },
): Promise<Reading> {
  const out: Reading = { rows: [], warnings: [], error: null };
  try {
    const onWarning = (w: Issue) => out.warnings.push(w);
    for await (const batch of readProfileColumnBatches(path, { ...options, onWarning })) {
      if (batch.kind !== "columns") throw new Error("CSV read as records");
      const rows: Seen[] = [];
      // Columns are refilled for the next batch: copy each row out now.
      for (let i = 0; i < batch.columns.length; i++) {
        rows.push({ row: batch.rows[i], ok: true, profile: columnsRowToProfile(batch.columns, i) });
      }
      for (const r of batch.rejected) {
        rows.push({ row: r.row, ok: false, id: r.id, issues: r.result.ok ? [] : r.result.issues });
      }
      out.rows.push(...rows.sort((a, b) => a.row - b.row));
    }
  } catch (err) {
    out.error = (err as Error).message;
  }
  return out;
}

/** A cell as written in the file: plain when it can be, sometimes quoted anyway. */
const written = (cell: string): fc.Arbitrary<string> =>
  fc.nat(9).map((k) => (k === 0 || /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell));

/** One cell spoiled the ways CsvScanner reports as malformed. */
const spoil = (cell: string, how: number): string =>
  how === 0 ? `${cell}"x` : how === 1 ? `"${cell.replace(/"/g, '""')}"x` : `"${cell}`;

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.constantFrom('Zürich, "Nord"', "東京", "\u00a0x\u00a0", "\uFEFFid", "a\nb", "", " "),
);

const CROSS_FIELD = [
  "id",
  "founded",
  "assessed",
  "first_export_year",
  "last_export_year",
  "exports_now",
  "tradable",
  "export_share",
  "export_markets",
  "modes",
  "between_projects",
  "export_gap",
];

const headerArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.shuffledSubarray([...COLUMN_NAMES, ...ITEM_COLUMNS], { minLength: 45 }),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.shuffledSubarray([...COLUMN_NAMES.filter((c) => c !== "id"), ...ITEM_COLUMNS], {
          maxLength: 12,
        }),
        fc.constantFrom([], ["notes"], ["barrier_other_1"]),
      )
      .map(([cols, extra]) => ["id", ...cols, ...extra]),
  },
  // The fields of the cross-field checks only, so that contradictions are frequent.
  { weight: 2, arbitrary: fc.shuffledSubarray(CROSS_FIELD, { minLength: CROSS_FIELD.length }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<string[]>(["sector", "employees"], ["id", "id"], [" id ", "x"]),
  },
);

// The spellings real files mostly hold, with years in an order that usually agrees.
function commonCell(spec: FieldSpec): fc.Arbitrary<string> {
  const years: Record<string, [number, number]> = {
    founded: [1995, 2012],
    assessed: [2005, 2024],
    first_export_year: [2000, 2020],
    last_export_year: [2000, 2024],
  };
  const span = years[spec.name];
  if (span)
    return fc.oneof(fc.constant(""), fc.integer({ min: span[0], max: span[1] }).map(String));
  switch (spec.kind) {
    case "tri":
      return fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom("yes", "no", "unknown", "") },
        // Near misses of the spellings the record reader matches byte by byte.
        { weight: 1, arbitrary: fc.constantFrom("u", "unknow", "unknownx", "n", "nope", "ye") },
      );
    case "modes":
      return fc.oneof(
        {
          weight: 6,
          arbitrary: fc.constantFrom("", "none", "direct_export", "licensing;alliance"),
        },
        // Words sharing a first byte, a prefix or a separator the inline match must not take.
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            "acquisition",
            "alliance;acquisition",
            "none;licensing",
            "direct_export;",
            "allianc",
            "alliancex",
          ),
        },
      );
    case "number":
      if (spec.integer) {
        const hi = Math.min(spec.max ?? 3, 300);
        return fc.oneof(fc.constant(""), fc.integer({ min: spec.min ?? 0, max: hi }).map(String));
      }
      return fc.oneof(
        {
          weight: 6,
          arbitrary: fc.constantFrom("", "0", "0.35", "0.5", "1", "2.25", "4", "0.001", "12.5"),
        },
        // Bounds, a dot at either end, two dots, leading zeros and more than 15 characters.
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            "5",
            "5.0",
            "5.0000001",
            "0.9999999999999",
            "1.",
            ".5",
            "1.5.5",
            "00.5",
            "1234567890123.5",
            "12345678901234.5",
            "0.1234567890123456",
          ),
        },
      );
    default:
      return validCell(spec);
  }
}

function rowArb(header: string[]): fc.Arbitrary<string[]> {
  const cell = (mode: number) => (column: string) => {
    const spec = specOf(column);
    if (spec === null || spec.kind === "text") return text;
    return mode < 3 ? commonCell(spec) : mode === 3 ? validCell(spec) : anyCell(spec);
  };
  return fc
    .nat(4)
    .chain((mode) => fc.tuple(...header.map(cell(mode))))
    .chain((cells) => fc.tuple(...cells.map(written)))
    .chain((cells) =>
      fc
        .tuple(fc.nat(19), fc.nat(cells.length - 1), fc.nat(2))
        .map(([shape, at, how]) =>
          shape === 0
            ? cells.slice(0, -1)
            : shape === 1
              ? [...cells, "7"]
              : shape === 2
                ? cells.map((c, k) => (k === at ? spoil(c, how) : c))
                : cells,
        ),
    );
}

interface CsvFile {
  header: string[];
  rows: string[][];
  eols: string[];
  bom: boolean;
  trailing: boolean;
}

const fileArb: fc.Arbitrary<CsvFile> = headerArb.chain((header) =>
  fc.record({
    header: fc.constant(header),
    rows: fc.array(rowArb(header), { maxLength: 40, size: "large" }),
    eols: fc.array(fc.constantFrom("\n", "\r\n", "\n\n", "\r\n\r\n", "\n \n"), {
      minLength: 1,
      maxLength: 5,
    }),
    bom: fc.boolean(),
    trailing: fc.boolean(),
  }),
);

function render(f: CsvFile): Buffer {
  const lines = [f.header.join(","), ...f.rows.map((r) => r.join(","))];
  let csv = f.bom ? "\uFEFF" : "";
  lines.forEach((line, k) => {
    csv += line;
    if (k < lines.length - 1 || f.trailing) csv += f.eols[k % f.eols.length];
  });
  return Buffer.from(csv);
}

describe("bulk CSV reader", () => {
  it("yields exactly the rows, profiles, issues, warnings and errors of readFirmBatches", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fileArb,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 300 }),
        async (f, batchSize, chunkBytes) => {
          const path = join(tmp, `f${n++}.csv`);
          writeFileSync(path, render(f));
          const expected = await readOld(path, {});
          const got = await readNew(path, { batchSize, chunkBytes });
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 120 },
    );
  }, 240_000);

  it("reads stdin in arbitrary byte chunks the same way", async () => {
    await fc.assert(
      fc.asyncProperty(
        fileArb,
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }),
        async (f, cuts) => {
          const bytes = render(f);
          const chunks: Buffer[] = [];
          for (let at = 0, k = 0; at < bytes.length; k++) {
            chunks.push(bytes.subarray(at, at + cuts[k % cuts.length]));
            at += cuts[k % cuts.length];
          }
          const stdin = () => Readable.from(chunks, { objectMode: false });
          const expected = await readOld("-", { stdin: stdin(), format: "csv" });
          const got = await readNew("-", {
            stdin: stdin(),
            format: "csv",
            batchSize: 3,
            chunkBytes: 64,
          });
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  }, 240_000);

  it("decides each odd spelling in an otherwise plain row as the validator does", async () => {
    // One row per (column, spelling): the other cells are spellings the record reader takes
    // inline, so the changed cell alone decides whether the row stays on the byte path.
    const header = [...COLUMN_NAMES, ...ITEM_COLUMNS];
    const plain = header.map((column) => {
      const spec = specOf(column)!;
      if (column === "id") return "f1";
      if (column === "founded") return "2001";
      if (column === "assessed") return "2020";
      if (spec.kind === "tri") return "no";
      if (spec.kind === "enum") return spec.values![0];
      return "";
    });
    const near = (w: string) => [w, `${w}x`, w.slice(0, -1), w[0], ` ${w}`, `${w};`];
    const numbers = ["0", "1", "5", "5.0", "5.0000001", "0.9999999999999", "1.", ".5", "1.5.5"]
      .concat(["00.5", "1234567890123.5", "12345678901234.5", "0.1234567890123456", "-1", "+1"])
      .concat(["1234567890123456", "1e3", " 1", "1 ", "2.25", "0.001", "300", "1799", "2101"]);
    const odd = (column: string): string[] => {
      const spec = specOf(column)!;
      switch (spec.kind) {
        case "id":
          return ["a", "abcdefgh", "abcdefghi", " a", "a b", "é", '"q"', 'a"b', "x-1", ""];
        case "text":
          return ["", "x", '"a, b"', '"say ""hi"""', " é "];
        case "tri":
          return [...near("yes"), ...near("no"), ...near("unknown"), "", "YES", "true", "0"];
        case "enum":
          return [...spec.values!.flatMap(near), ""];
        case "modes":
          return [...spec.values!.flatMap(near), ...near("none"), "none;licensing", "NONE"].concat([
            "alliance;acquisition",
            "acquisition;acquisition",
            "",
          ]);
        default:
          return numbers;
      }
    };
    const rows = [plain];
    header.forEach((column, c) => {
      for (const cell of odd(column)) rows.push(plain.map((v, k) => (k === c ? cell : v)));
    });
    const path = join(tmp, "odd.csv");
    writeFileSync(path, `${[header, ...rows].map((r) => r.join(",")).join("\n")}\n`);
    const expected = await readOld(path, {});
    const got = await readNew(path, { batchSize: 8192, chunkBytes: 1 << 20 });
    expect(got).toEqual(expected);
    // The plain row is valid, and the odd spellings include accepted and rejected rows.
    expect(expected.rows[0].ok).toBe(true);
    expect(expected.rows.filter((r) => r.ok).length).toBeGreaterThan(rows.length / 4);
    expect(expected.rows.filter((r) => !r.ok).length).toBeGreaterThan(rows.length / 4);
  });

  it("keeps JSON input on the per-record route", async () => {
    const path = join(tmp, "firms.json");
    writeFileSync(
      path,
      JSON.stringify([
        { id: "a", sector: "other" },
        { id: "", sector: "x" },
      ]),
    );
    const old: unknown[] = [];
    for await (const b of readFirmBatches(path)) old.push(...b);
    const got: unknown[] = [];
    for await (const b of readProfileColumnBatches(path)) {
      expect(b.kind).toBe("records");
      if (b.kind === "records") got.push(...b.records);
    }
    expect(got).toEqual(old);
    expect(got).toHaveLength(2);
  });

  it("never drops a row: a million-row-shaped batch count adds up", async () => {
    const path = join(tmp, "count.csv");
    const lines = ["id,sector,exports_now,export_share"];
    for (let i = 1; i <= 1000; i++) {
      lines.push(`f${i},${i % 7 === 0 ? "bakery" : "other"},${i % 5 === 0 ? "yes" : "no"},0`);
    }
    writeFileSync(path, `${lines.join("\n")}\n`);
    let valid = 0;
    let rejected = 0;
    for await (const b of readProfileColumnBatches(path, { batchSize: 64, chunkBytes: 100 })) {
      if (b.kind !== "columns") continue;
      valid += b.columns.length;
      rejected += b.rejected.length;
    }
    // Rejected: bad sector (every 7th) or exports_now=yes with a zero share (every 5th).
    const bad = Array.from({ length: 1000 }, (_, k) => k + 1).filter(
      (i) => i % 7 === 0 || i % 5 === 0,
    ).length;
    expect(rejected).toBe(bad);
    expect(valid + rejected).toBe(1000);
  });
});
