import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OutwardError } from "../../src/framework/issue.ts";
import {
  categorical,
  decodeColumnar,
  encodeColumnar,
  type Frame,
  frameFromColumns,
  numeric,
  readColumnar,
  readFrame,
  writeColumnar,
} from "../../src/io/index.ts";

const dir = mkdtempSync(join(tmpdir(), "outward-owc-"));

function sample(): Frame {
  return frameFromColumns({
    firm: categorical(new Int32Array([0, 0, 1, -1, 2]), ["a", "b", "é"]),
    year: numeric(new Float64Array([2001, 2002, 2001, 2003, 2004])),
    y: numeric(new Float64Array([0.1, Number.NaN, -3.5e300, Number.POSITIVE_INFINITY, -0])),
  });
}

function expectSameFrame(a: Frame, b: Frame): void {
  expect(b.names).toEqual(a.names);
  expect(b.nrows).toBe(a.nrows);
  for (const name of a.names) expect(b.columns.get(name)).toEqual(a.columns.get(name));
}

function catching(fn: () => unknown): OutwardError {
  try {
    fn();
  } catch (err) {
    if (err instanceof OutwardError) return err;
    throw err;
  }
  throw new Error("expected an error");
}

describe("columnar round trip", () => {
  it("writes and reads back every column bit for bit, with missing values counted", async () => {
    const path = join(dir, "a.owc");
    await writeColumnar(path, sample());
    const back = await readColumnar(path);
    expectSameFrame(sample(), back.frame);
    expect(Object.is((back.frame.columns.get("y") as { values: Float64Array }).values[4], -0)).toBe(
      true,
    );
    expect(back.missing).toEqual({ firm: 1, year: 0, y: 1 });
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("reads through readFrame by extension and loads a column selection", async () => {
    const path = join(dir, "b.owc");
    await writeColumnar(path, sample());
    const { frame, format } = await readFrame(path, { columns: ["y", "firm"] });
    expect(format).toBe("owc");
    expect(frame.names).toEqual(["firm", "y"]);
    expect(frame.columns.get("firm")).toEqual(sample().columns.get("firm"));
  });

  it("places every block on an 8-byte boundary and views it without copying", () => {
    const buf = Buffer.from(encodeColumnar(sample()));
    const aligned = Buffer.from(new Uint8Array(new ArrayBuffer(buf.length)).fill(0));
    buf.copy(aligned);
    const col = decodeColumnar(aligned, "mem").frame.columns.get("year")!;
    expect(col.kind === "numeric" && col.values.buffer).toBe(aligned.buffer);
  });

  it("keeps an empty frame", () => {
    const empty = frameFromColumns({ x: numeric(new Float64Array(0)) });
    expectSameFrame(empty, decodeColumnar(encodeColumnar(empty), "mem").frame);
  });
});

describe("damaged files", () => {
  const bytes = encodeColumnar(sample());

  it("names a truncated file and the sizes", async () => {
    const path = join(dir, "cut.owc");
    writeFileSync(path, bytes.subarray(0, bytes.length - 9));
    await expect(readColumnar(path)).rejects.toThrow(/truncated: expected \d+ bytes, found \d+/);
    expect(catching(() => decodeColumnar(bytes.subarray(0, 20), "cut")).message).toMatch(
      /truncated header/,
    );
  });

  it("names a truncated file when only some columns are read", async () => {
    const path = join(dir, "cut2.owc");
    writeFileSync(path, bytes.subarray(0, bytes.length - 16));
    await expect(readColumnar(path, { columns: ["firm"] })).rejects.toThrow(
      /truncated: expected \d+ bytes/,
    );
  });

  it("replaces an existing file whole", async () => {
    const path = join(dir, "replace.owc");
    writeFileSync(path, "old contents");
    await writeColumnar(path, sample());
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it("detects a flipped byte through the column checksum", () => {
    const bad = Buffer.from(bytes);
    bad[bad.length - 3] ^= 0x40;
    const err = catching(() => decodeColumnar(bad, "bad.owc"));
    expect(err.code).toBe("corrupt_file");
    expect(err.message).toMatch(/column "y": checksum/);
  });

  it("rejects a file that is not columnar", () => {
    const path = join(dir, "x.owc");
    writeFileSync(path, "firm,year\n1,2\n");
    expect(catching(() => decodeColumnar(readFileSync(path), path)).message).toContain("OWC1");
  });
});
