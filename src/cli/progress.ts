/**
 * A progress line on stderr for long reads and runs. It stays silent for the first ~2 s (short
 * jobs print nothing) and unless stderr is a terminal, so piped and logged output stays clean;
 * `force` (or OUTWARD_PROGRESS=1) shows it anyway as plain lines, OUTWARD_PROGRESS=0 hides it.
 */

export type ProgressUnit = "bytes" | "rows" | "items";

export interface ProgressState {
  label: string;
  done: number;
  /** Total units, when known. */
  total?: number;
  elapsedMs: number;
  unit: ProgressUnit;
}

export interface ProgressOptions {
  label: string;
  /** Total units when known up front; `update` may also pass it. Default: unknown. */
  total?: number;
  /** What `done` counts. Default: "bytes". */
  unit?: ProgressUnit;
  /** Where to draw. Default: process.stderr. */
  stream?: Pick<NodeJS.WriteStream, "write"> & { isTTY?: boolean };
  /** Milliseconds before the first draw. Default: 2000. */
  delayMs?: number;
  /** Draw even when the stream is not a terminal. Default: false (OUTWARD_PROGRESS=1 sets it). */
  force?: boolean;
  /** Minimum milliseconds between redraws. Default: 100 on a terminal, 1000 otherwise. */
  intervalMs?: number;
  /** Clock, for tests. Default: performance.now. */
  now?: () => number;
}

export interface Progress {
  update(done: number, total?: number): void;
  /** Clears the line (terminal) or prints the final state (forced, not a terminal). */
  finish(): void;
}

/** "reading panel.csv  42%  231.0/550.3 MB  3.1 s  eta 4.3 s" — pure, for tests and logs. */
export function formatProgress(s: ProgressState): string {
  const parts = [s.label];
  const known = s.total !== undefined && s.total > 0;
  if (known) parts.push(`${Math.min(100, Math.floor((100 * s.done) / s.total!))}%`);
  parts.push(
    known
      ? `${amount(s.done, s.unit, s.total!, false)}/${amount(s.total!, s.unit, s.total!, true)}`
      : amount(s.done, s.unit, s.done, true),
  );
  parts.push(seconds(s.elapsedMs));
  if (known && s.done > 0 && s.done < s.total!) {
    parts.push(`eta ${seconds((s.elapsedMs * (s.total! - s.done)) / s.done)}`);
  }
  return parts.join("  ");
}

/** A value scaled like `scaleBy` (so "231.0/550.3 MB" share one unit), with the unit if asked. */
function amount(v: number, unit: ProgressUnit, scaleBy: number, withUnit: boolean): string {
  if (unit === "bytes") {
    const [div, name] = scaleBy >= 1e9 ? [1e9, "GB"] : scaleBy >= 1e6 ? [1e6, "MB"] : [1e3, "kB"];
    return `${(v / div).toFixed(1)}${withUnit ? ` ${name}` : ""}`;
  }
  const [div, suffix] = scaleBy >= 1e6 ? [1e6, "M"] : scaleBy >= 1e3 ? [1e3, "k"] : [1, ""];
  const text = div === 1 ? String(Math.round(v)) : `${(v / div).toFixed(1)}${suffix}`;
  return withUnit ? `${text} ${unit}` : text;
}

function seconds(ms: number): string {
  return ms < 60_000
    ? `${(ms / 1000).toFixed(1)} s`
    : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const env = process.env.OUTWARD_PROGRESS;
  const tty = stream.isTTY === true;
  const enabled = env === "0" ? false : tty || options.force === true || env === "1";
  const now = options.now ?? (() => performance.now());
  const delay = options.delayMs ?? 2000;
  const interval = options.intervalMs ?? (tty ? 100 : 1000);
  const start = now();
  let total = options.total;
  let done = 0;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let shown = false;
  const line = () =>
    formatProgress({
      label: options.label,
      done,
      total,
      elapsedMs: now() - start,
      unit: options.unit ?? "bytes",
    });
  return {
    update(value, newTotal) {
      done = value;
      if (newTotal !== undefined) total = newTotal;
      if (!enabled) return;
      const t = now();
      if (t - start < delay || t - lastDraw < interval) return;
      lastDraw = t;
      shown = true;
      stream.write(tty ? `\r${line()}\x1b[K` : `${line()}\n`);
    },
    finish() {
      if (!shown) return;
      stream.write(tty ? "\r\x1b[K" : `${line()}\n`);
      shown = false;
    },
  };
}
