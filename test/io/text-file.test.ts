import { execFileSync, spawn } from "node:child_process";
import {
  closeSync,
  constants,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeReportFile } from "../../src/cli/report-file.ts";
import { writeTextFile } from "../../src/io/index.ts";

describe("writeTextFile", () => {
  it("replaces a file whole and leaves no temporary file behind", () => {
    const dir = mkdtempSync(join(tmpdir(), "outward-text-"));
    const path = join(dir, "out.csv");
    writeFileSync(path, "old contents that are longer than the new ones\n");
    writeTextFile(path, "a,b\n1,2\n");
    expect(readFileSync(path, "utf8")).toBe("a,b\n1,2\n");
    expect(readdirSync(dir)).toEqual(["out.csv"]);
  });

  it("throws when it cannot write, and a command's error names the file and what it is", () => {
    const path = join(tmpdir(), "no-such-dir-outward", "out.csv");
    expect(() => writeTextFile(path, "x")).toThrow(/ENOENT/);
    expect(() => writeReportFile(path, "x", "CSV")).toThrow(
      new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: cannot write the CSV`),
    );
  });

  it("writes through a symbolic link: the file it points to gets the text and the link stays", () => {
    const dir = mkdtempSync(join(tmpdir(), "outward-text-"));
    mkdirSync(join(dir, "data"));
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "data", "real.csv"), "old\n");
    symlinkSync("../data/real.csv", join(dir, "out", "link.csv"));
    // A link to a link, and a dangling link: open() would follow both.
    symlinkSync("link.csv", join(dir, "out", "link2.csv"));
    symlinkSync("../data/new.csv", join(dir, "out", "dangling.csv"));

    writeTextFile(join(dir, "out", "link2.csv"), "a,b\n1,2\n");
    writeTextFile(join(dir, "out", "dangling.csv"), "c\n");

    expect(readFileSync(join(dir, "data", "real.csv"), "utf8")).toBe("a,b\n1,2\n");
    expect(readFileSync(join(dir, "data", "new.csv"), "utf8")).toBe("c\n");
    for (const name of ["link.csv", "link2.csv", "dangling.csv"]) {
      expect(lstatSync(join(dir, "out", name)).isSymbolicLink()).toBe(true);
    }
    expect(readlinkSync(join(dir, "out", "link.csv"))).toBe("../data/real.csv");
    // The temporary file went next to the target and is gone.
    expect(readdirSync(join(dir, "data")).sort()).toEqual(["new.csv", "real.csv"]);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["dangling.csv", "link.csv", "link2.csv"]);
  });

  it("writes to /dev/full directly: ENOSPC is an error and /dev/full stays a device", (ctx) => {
    const before = statSync("/dev/full", { throwIfNoEntry: false });
    if (!before?.isCharacterDevice()) ctx.skip("no /dev/full character device on this system");
    expect(() => writeTextFile("/dev/full", "x\n")).toThrow(/ENOSPC/);
    expect(() => writeReportFile("/dev/full", "x\n", "CSV")).toThrow(
      /\/dev\/full: cannot write the CSV/,
    );
    const after = lstatSync("/dev/full");
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.rdev).toBe(before!.rdev);
    expect(readdirSync("/dev").filter((f) => f.startsWith("full."))).toEqual([]);
  });

  it("writes into a FIFO that is being read, and leaves it a FIFO", (ctx) => {
    const dir = mkdtempSync(join(tmpdir(), "outward-text-"));
    const fifo = join(dir, "out.csv");
    try {
      execFileSync("mkfifo", [fifo], { stdio: "ignore" });
    } catch {
      ctx.skip("mkfifo is not available here");
    }
    // Open the read end first, non-blocking, so the writer's open does not wait; the text stays
    // under the pipe's 64 KiB buffer, so the synchronous write cannot wait for this reader.
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const text = "id,x\n1,2\n".repeat(100);
    try {
      writeTextFile(fifo, text);
      const buf = Buffer.alloc(text.length + 1);
      let got = 0;
      for (let n = 1; n > 0 && got < buf.length; got += n) {
        n = readSync(reader, buf, got, buf.length - got, null);
      }
      expect(buf.toString("utf8", 0, got)).toBe(text);
    } finally {
      closeSync(reader);
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(["out.csv"]);
  });

  it("writes /dev/fd/N through the descriptor, after what was written to it before", () => {
    const dir = mkdtempSync(join(tmpdir(), "outward-text-"));
    const path = join(dir, "stdout.txt");
    const fd = openSync(path, "w");
    try {
      writeSync(fd, "before\n");
      writeTextFile(`/dev/fd/${fd}`, "a,b\n1,2\n");
      writeSync(fd, "after\n");
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(path, "utf8")).toBe("before\na,b\n1,2\nafter\n");
    expect(readdirSync(dir)).toEqual(["stdout.txt"]);
  });

  it("writes a large text whole to a non-blocking descriptor whose reader is slow", async () => {
    // A Node child's stdin is a non-blocking socket: a write waits (EAGAIN) until the child reads.
    const child = spawn(
      process.execPath,
      [
        "-e",
        "setTimeout(() => { let n = 0; process.stdin.on('data', (d) => { n += d.length; })" +
          ".on('end', () => process.stdout.write(String(n))); }, 200);",
      ],
      { stdio: ["pipe", "pipe", "inherit"] },
    );
    const counted = new Promise<string>((done) => {
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
      });
      child.on("close", () => done(out));
    });
    const fd = (child.stdin as unknown as { _handle: { fd: number } })._handle.fd;
    const text = "x".repeat(4 << 20);
    writeTextFile(`/dev/fd/${fd}`, text);
    child.stdin.end();
    expect(await counted).toBe(String(text.length));
  });
});
