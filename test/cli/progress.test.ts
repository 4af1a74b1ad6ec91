import { describe, expect, it } from "vitest";
import { createProgress, formatProgress } from "../../src/cli/progress.ts";

describe("formatProgress", () => {
  it("shows percent, amounts, elapsed and eta for a known total", () => {
    const s = formatProgress({
      label: "reading a.csv",
      done: 231e6,
      total: 550.3e6,
      elapsedMs: 3100,
      unit: "bytes",
    });
    expect(s).toBe("reading a.csv  41%  231.0/550.3 MB  3.1 s  eta 4.3 s");
  });

  it("shows only the amount and time when the total is unknown", () => {
    expect(formatProgress({ label: "x", done: 1_500_000, elapsedMs: 2500, unit: "rows" })).toBe(
      "x  1.5M rows  2.5 s",
    );
  });

  it("writes minutes for long runs and drops the eta once done", () => {
    const s = formatProgress({
      label: "x",
      done: 10,
      total: 10,
      elapsedMs: 125_000,
      unit: "items",
    });
    expect(s).toBe("x  100%  10/10 items  2 min 5 s");
  });
});

describe("createProgress", () => {
  function sink(isTTY: boolean) {
    const out: string[] = [];
    return { out, stream: { isTTY, write: (s: string) => out.push(s) > 0 } };
  }

  it("stays silent before the delay and on a non-terminal unless forced", () => {
    let t = 0;
    const a = sink(true);
    const p = createProgress({ label: "l", total: 100, stream: a.stream, now: () => t });
    t = 1000;
    p.update(10);
    expect(a.out).toEqual([]);
    t = 2500;
    p.update(50);
    expect(a.out).toHaveLength(1);
    expect(a.out[0]).toContain("50%");
    p.finish();
    expect(a.out[1]).toBe("\r\x1b[K");

    const b = sink(false);
    const q = createProgress({
      label: "l",
      total: 100,
      stream: b.stream,
      now: () => t,
      delayMs: 0,
    });
    q.update(60);
    expect(b.out).toEqual([]);
    const c = sink(false);
    const r = createProgress({
      label: "l",
      total: 100,
      stream: c.stream,
      now: () => t,
      delayMs: 0,
      force: true,
    });
    r.update(60);
    expect(c.out[0].endsWith("\n")).toBe(true);
  });

  it("throttles redraws", () => {
    let t = 3000;
    const a = sink(true);
    const p = createProgress({
      label: "l",
      stream: a.stream,
      now: () => t,
      delayMs: 0,
      intervalMs: 100,
    });
    p.update(1);
    t += 50;
    p.update(2);
    t += 60;
    p.update(3);
    expect(a.out).toHaveLength(2);
  });
});
