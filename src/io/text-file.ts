import { randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  fsyncSync,
  openSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { dirname, resolve } from "node:path";

/** As many links as Linux follows before ELOOP. */
const MAX_LINKS = 40;

const FD_PATH = /^\/(?:dev|proc\/self)\/fd\/(\d+)$/;

/**
 * Writes a whole text file under a temporary name, syncs it and renames it into place, as the
 * columnar and Parquet writers do: a reader never sees half a file, and a crash leaves the old
 * file or the new one. The temporary file is removed when the write fails.
 *
 * A symbolic link is written through: the file it points to is replaced (the temporary file
 * goes next to it) and the link stays. A path that exists but is not a regular file (a FIFO,
 * a terminal, `/dev/full`) is written to directly, without a temporary file: renaming over
 * it would replace the pipe or device with a file instead of writing to it. `/dev/stdout`,
 * `/dev/stderr` and `/dev/fd/N` are written through the process's own descriptor, so a
 * redirection to a file (`> out.csv`) gets the text after what was printed before it.
 */
export function writeTextFile(path: string, text: string): void {
  const data = Buffer.from(text, "utf8");
  const own = ownDescriptor(path);
  if (own !== null) {
    writeAll(own, data);
    return;
  }
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats !== undefined && !stats.isFile()) {
    // No O_CREAT: if the pipe or device is gone, fail rather than leave a stray file.
    const fd = openSync(path, constants.O_WRONLY | constants.O_TRUNC);
    try {
      writeAll(fd, data);
    } finally {
      closeSync(fd);
    }
    return;
  }
  const target = linkTarget(path);
  const tmp = `${target}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    const fd = openSync(tmp, "w");
    try {
      writeAll(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

// Followed as a link, /dev/stdout redirected to a file would replace that file, and the
// process's later output would go to the unlinked old one.
function ownDescriptor(path: string): number | null {
  if (path === "/dev/stdout") return 1;
  if (path === "/dev/stderr") return 2;
  const m = FD_PATH.exec(path);
  return m === null ? null : Number(m[1]);
}

/** Slept on between retries of a write that would block. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

// A pipe or a device may take fewer bytes than asked. A descriptor left non-blocking (the
// socket Node gives a child's stdout) refuses with EAGAIN while its reader lags: wait a little
// and retry, as a blocking write would.
function writeAll(fd: number, data: Buffer): void {
  for (let at = 0; at < data.length; ) {
    try {
      at += writeSync(fd, data, at, data.length - at);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EAGAIN") throw err;
      Atomics.wait(PAUSE, 0, 0, 5);
    }
  }
}

/**
 * Where a chain of symbolic links at `path` ends, as open() would create it: `path` itself when
 * it is not a link; the end of the chain may not exist yet (a dangling link).
 */
function linkTarget(path: string): string {
  let target = path;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    let link: string;
    try {
      link = readlinkSync(target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EINVAL" || code === "ENOENT") return target;
      throw err;
    }
    target = resolve(dirname(target), link);
  }
  const err: NodeJS.ErrnoException = new Error(`ELOOP: too many symbolic links, open '${path}'`);
  err.code = "ELOOP";
  throw err;
}
