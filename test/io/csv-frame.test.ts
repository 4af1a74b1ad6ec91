import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { OutwardError } from "../../src/framework/issue.ts";
import { type Frame, readCsvFrame, readCsvFrameStream, readFrame } from "../../src/io/index.ts";

const DATA = "reference/panel/data";
const dir = mkdtempSync(join(tmpdir(), "outward-csv-"));
let seq = 0;
function csvFile(text: string): string {
  const path = join(dir, `t${seq++}.csv`);
  writeFileSync(path, text);
  return path;
}
function num(frame: Frame, name: string): number[] {
  const col = frame.columns.get(name)!;
  if (col.kind !== "numeric") throw new Error(`${name} is ${col.kind}`);
  return Array.from(col.values);
}
function cat(frame: Frame, name: string): (string | null)[] {
  const col = frame.columns.get(name)!;
  if (col.kind !== "categorical") throw new Error(`${name} is ${col.kind}`);
  return Array.from(col.codes, (c) => (c < 0 ? null : col.levels[c]));
}
async function failure(p: Promise<unknown>): Promise<OutwardError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof OutwardError) return err;
    throw err;
  }
  throw new Error("expected the read to fail");
}

describe("reference panels", () => {
  it("reads grunfeld with numeric columns whose values match Number() of the text", async () => {
    const { frame, missing } = await readFrame(`${DATA}/grunfeld.csv`);
    expect(frame.nrows).toBe(200);
    expect(frame.names).toEqual(["firm", "year", "inv", "value", "capital"]);
    expect(num(frame, "inv").slice(0, 3)).toEqual([317.6, 391.8, 410.6]);
    expect(Object.values(missing).every((k) => k === 0)).toBe(true);
  });

  it("keeps R's quoted strings and quoted factor codes categorical in produc", async () => {
    const { frame } = await readFrame(`${DATA}/produc.csv`);
    expect(frame.nrows).toBe(816);
    expect(cat(frame, "state")[0]).toBe("ALABAMA");
    expect(new Set(cat(frame, "state")).size).toBe(48);
    expect(cat(frame, "region")[0]).toBe("6");
    expect(num(frame, "year")[16]).toBe(1986);
  });

  it("reads the unbalanced empluk panel", async () => {
    const { frame } = await readFrame(`${DATA}/empluk.csv`);
    expect(frame.nrows).toBe(1031);
    expect(num(frame, "emp")[0]).toBe(5.0409999);
    expect(new Set(num(frame, "firm")).size).toBe(140);
  });
});

describe("parsing", () => {
  it("parses every decimal form exactly as Number() does", async () => {
    const values = [
      "0",
      "-0.5",
      "+3",
      "1e3",
      "1.5E-7",
      "123456789012345678",
      "0.1",
      "1e-300",
      ".5",
      "5.",
      "-12.25e+2",
      "Inf",
      "-Inf",
    ];
    const { frame } = await readCsvFrame(csvFile(`x\n${values.join("\n")}\n`));
    const expected = values.map((v) =>
      v === "Inf" ? Infinity : v === "-Inf" ? -Infinity : Number(v),
    );
    expect(num(frame, "x")).toEqual(expected);
  });

  it("treats empty fields and NA as missing and counts them per column", async () => {
    const { frame, missing } = await readCsvFrame(csvFile('a,b,c\n1,"x",\nNA,,2\n3,NA,\n'));
    expect(num(frame, "a")).toEqual([1, Number.NaN, 3]);
    expect(cat(frame, "b")).toEqual(["x", null, null]);
    expect(missing).toEqual({ a: 1, b: 2, c: 2 });
  });

  it("handles quotes with escaped quotes, commas and newlines, CRLF and a BOM", async () => {
    const text = '\ufeff"id","note"\r\n1,"say ""hi"", then\r\nleave"\r\n2,plain\r\n';
    const { frame } = await readCsvFrame(csvFile(text));
    expect(frame.names).toEqual(["id", "note"]);
    expect(cat(frame, "note")).toEqual(['say "hi", then\r\nleave', "plain"]);
    expect(num(frame, "id")).toEqual([1, 2]);
  });

  it("decodes UTF-8 text in levels and names", async () => {
    const { frame } = await readCsvFrame(csvFile("région,v\nÎle-de-France,1\nZürich,2\n"));
    expect(cat(frame, "région")).toEqual(["Île-de-France", "Zürich"]);
  });

  it("gives the same frame whatever the chunk boundaries", async () => {
    const rows = ["id,x,s"];
    for (let i = 0; i < 500; i++) rows.push(`${i},${(i * 0.37).toFixed(3)},"s ${i % 7}"`);
    const bytes = Buffer.from(`${rows.join("\n")}\n`);
    const whole = await readCsvFrameStream(Readable.from([bytes]), "whole");
    for (const size of [1, 7, 64]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const split = await readCsvFrameStream(Readable.from(chunks), "split");
      expect(num(split.frame, "x")).toEqual(num(whole.frame, "x"));
      expect(cat(split.frame, "s")).toEqual(cat(whole.frame, "s"));
    }
    expect(num(whole.frame, "x")[499]).toBe(Number((499 * 0.37).toFixed(3)));
  });

  it("reads a file larger than its 4 MB read buffer the same as in one piece", async () => {
    const rows = ['"id","note","x"'];
    for (let i = 0; rows.length < 160_000; i++) {
      rows.push(`${i},"n ""${i % 13}"", a\nb ${i % 5}",${(i * 1.25).toFixed(2)}`);
    }
    const text = `${rows.join("\r\n")}\r\n`;
    expect(text.length).toBeGreaterThan(5 << 20);
    const path = csvFile(text);
    const file = await readCsvFrame(path);
    const whole = await readCsvFrameStream(Readable.from([Buffer.from(text)]), "whole");
    expect(file.frame.nrows).toBe(159_999);
    expect(num(file.frame, "x")).toEqual(num(whole.frame, "x"));
    expect(cat(file.frame, "note")).toEqual(cat(whole.frame, "note"));
    expect(cat(file.frame, "note")[14]).toBe('n "1", a\nb 4');
  });

  it("loads only the selected columns and rejects unknown ones", async () => {
    const path = `${DATA}/grunfeld.csv`;
    const { frame } = await readFrame(path, { columns: ["inv", "firm"] });
    expect(frame.names).toEqual(["firm", "inv"]);
    const err = await failure(readFrame(path, { columns: ["nope"] }));
    expect(err.code).toBe("missing_column");
    expect(err.message).toContain("nope");
  });
});

describe("types", () => {
  it("errors when a column sampled as numeric later holds text, naming file, row, field and value", async () => {
    const path = csvFile("id,x\n1,2\n2,3\n3,oops\n");
    const err = await failure(readCsvFrame(path, { sampleRows: 2 }));
    expect(err.code).toBe("not_a_number");
    expect(err.issues[0]).toMatchObject({ file: path, row: 3, field: "x", value: "oops" });
  });

  it("can instead turn such a column categorical", async () => {
    const path = csvFile("id,x\n1,2\n2,2.5\n3,oops\n4,\n");
    const { frame } = await readCsvFrame(path, { sampleRows: 2, onTypeConflict: "categorical" });
    expect(cat(frame, "x")).toEqual(["2", "2.5", "oops", null]);
  });

  it("applies per-column type overrides", async () => {
    const { frame } = await readCsvFrame(`${DATA}/grunfeld.csv`, {
      types: { firm: "categorical" },
    });
    expect(cat(frame, "firm").slice(0, 2)).toEqual(["1", "1"]);
    expect(new Set(cat(frame, "firm")).size).toBe(10);
  });

  it("reads quoted numbers as numbers when quotedAsText is false", async () => {
    const { frame } = await readCsvFrame(`${DATA}/produc.csv`, { quotedAsText: false });
    expect(num(frame, "region")[0]).toBe(6);
  });
});

describe("edges", () => {
  it("reads a header-only file as zero rows and refuses an empty file", async () => {
    const { frame } = await readCsvFrame(csvFile("a,b\n"));
    expect(frame.names).toEqual(["a", "b"]);
    expect(frame.nrows).toBe(0);
    expect((await failure(readCsvFrame(csvFile("")))).code).toBe("empty_file");
  });

  it("reads a last row without a line ending and skips blank lines", async () => {
    const { frame } = await readCsvFrame(csvFile("a,b\n1,2\n\n3,4"));
    expect(num(frame, "a")).toEqual([1, 3]);
    expect(num(frame, "b")).toEqual([2, 4]);
  });

  it("reports progress up to the file size", async () => {
    const path = `${DATA}/produc.csv`;
    const seen: [number, number | undefined][] = [];
    await readCsvFrame(path, { onProgress: (done, total) => seen.push([done, total]) });
    const size = (await import("node:fs")).statSync(path).size;
    expect(seen.at(-1)).toEqual([size, size]);
  });
});

describe("bad rows", () => {
  it("rejects a row with too few fields, with its row number", async () => {
    const path = csvFile("a,b,c\n1,2,3\n4,5\n6,7,8\n");
    const err = await failure(readCsvFrame(path));
    expect(err.code).toBe("too_few_fields");
    expect(err.issues[0]).toMatchObject({ file: path, row: 2 });
    expect(err.message).toContain("row 2");
  });

  it("rejects a row with too many fields", async () => {
    const err = await failure(readCsvFrame(csvFile("a,b\n1,2\n3,4,5\n")));
    expect(err.code).toBe("too_many_fields");
    expect(err.issues[0].row).toBe(2);
  });

  it("rejects an unterminated quote and a missing file", async () => {
    expect((await failure(readCsvFrame(csvFile('a,b\n1,"open\n')))).code).toBe(
      "unterminated_quote",
    );
    expect((await failure(readCsvFrame(join(dir, "absent.csv")))).code).toBe("unreadable_file");
  });
});
