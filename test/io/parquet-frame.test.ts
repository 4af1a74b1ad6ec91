import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parquetWriteFile } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import {
  categorical,
  type Frame,
  frameFromColumns,
  numeric,
  readFrame,
  readParquetFrame,
  writeParquetFrame,
} from "../../src/io/index.ts";

const dir = mkdtempSync(join(tmpdir(), "outward-pq-"));

function sample(): Frame {
  return frameFromColumns({
    firm: categorical(new Int32Array([1, 1, 0, -1, 2]), ["b", "a", "ü"]),
    year: numeric(new Float64Array([2001, 2002, 2001, 2003, 2004])),
    y: numeric(new Float64Array([0.1, Number.NaN, -3.5e300, 7, 1 / 3])),
  });
}

describe("parquet round trip", () => {
  it("writes a frame and reads the same columns, levels in their original order, missing as null", async () => {
    const path = join(dir, "a.parquet");
    await writeParquetFrame(path, sample());
    const back = await readFrame(path);
    expect(back.format).toBe("parquet");
    expect(back.frame.names).toEqual(["firm", "year", "y"]);
    for (const name of sample().names)
      expect(back.frame.columns.get(name)).toEqual(sample().columns.get(name));
    expect(back.missing).toEqual({ firm: 1, year: 0, y: 1 });
  });

  it("loads a column selection", async () => {
    const path = join(dir, "b.parquet");
    await writeParquetFrame(path, sample());
    const { frame } = await readParquetFrame(path, { columns: ["y"] });
    expect(frame.names).toEqual(["y"]);
    await expect(readParquetFrame(path, { columns: ["nope"] })).rejects.toThrow(/no column "nope"/);
  });

  it("reads Parquet written by another tool: integers as numbers, strings as categorical", async () => {
    const path = join(dir, "c.parquet");
    parquetWriteFile({
      filename: path,
      columnData: [
        { name: "id", data: new Int32Array([3, 4, 5]), type: "INT32" },
        { name: "big", data: new BigInt64Array([1n, 2n, 9007199254740991n]), type: "INT64" },
        { name: "s", data: ["x", null, "x"], type: "STRING" },
      ],
    });
    const { frame } = await readParquetFrame(path);
    expect(frame.columns.get("id")).toEqual(numeric(new Float64Array([3, 4, 5])));
    expect(frame.columns.get("big")).toEqual(numeric(new Float64Array([1, 2, 9007199254740991])));
    expect(frame.columns.get("s")).toEqual(categorical(new Int32Array([0, -1, 0]), ["x"]));
  });

  it("names an unreadable file", async () => {
    await expect(readParquetFrame(join(dir, "missing.parquet"))).rejects.toThrow(
      /cannot read as Parquet/,
    );
  });
});
