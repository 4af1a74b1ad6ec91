import type { Readable, Writable } from "node:stream";
import type { Profile, ProfileColumns } from "../../firm/index.ts";
import { formatIssue } from "../../framework/index.ts";
import {
  csvLine,
  type FirmBatch,
  type RecordRow,
  RejectsWriter,
  readFirmBatches,
  readProfileColumnBatches,
} from "../../io/index.ts";
import type { AssessFormat } from "./assess-options.ts";

/** What the run needs from the diagnose module and its renderers (injected, so it can be swapped). */
export interface AssessEngine<D> {
  diagnose(profile: Profile, options: { trace: boolean }): D;
  renderText(d: D, options: { width: number }): string;
  csvHeader: readonly string[];
  csvRow(d: D): ReadonlyArray<string | number | null>;
  /** `csvLine(csvRow(d))` built directly, when the engine has a faster way to it. */
  csvLine?(d: D): string;
  /** Streaming reliability over the batch: fed every valid profile, rendered once at the end. */
  reliability?: {
    add(profile: Profile): void;
    /** Feeds every row of a batch of columns, as `add` on each row's profile would. */
    addColumns?(cols: ProfileColumns): void;
    renderText(): string | null;
  };
  /**
   * The bulk route for CSV output: every row of a batch diagnosed at once and written as the
   * CSV lines `csvLine` would write, joined, UTF-8 encoded, in an array the run owns. When set
   * (and the reliability takes columns), CSV input with CSV output is read as columns straight
   * from bytes.
   */
  csvBytesOfColumns?(cols: ProfileColumns): Uint8Array;
  /** Takes back an array `csvBytesOfColumns` returned once the output stream has written it. */
  recycleCsvBytes?(bytes: Uint8Array): void;
}

export interface AssessRun {
  format: AssessFormat;
  /** Record the rule trace in each diagnosis. */
  trace: boolean;
  /** Path for rejected rows as CSV, or null. */
  rejects: string | null;
  stdout: Writable;
  stderr: Writable;
  /** Stream for the input `-`. Default: process.stdin. */
  stdin?: Readable;
  /** Text report width. Default 80. */
  width?: number;
  /** Rejected rows listed in full on stderr before the rest are only counted. Default 20. */
  listLimit?: number;
}

export interface AssessSummary {
  assessed: number;
  rejected: number;
  /** Set when stdout closed early (e.g. piped into `head`): the run stopped reading. */
  truncated: boolean;
}

/** Buffers output and honours backpressure, so memory stays flat however many firms flow. */
class Out {
  private buf = "";
  /** Whole chunks waiting, in order, ahead of `buf`; `bytes` counts their bytes. */
  private parts: Array<string | Uint8Array> = [];
  private bytes = 0;
  closed = false;
  constructor(
    private readonly stream: Writable,
    /** Called with each array `writeBytes` took once the stream is done with it. */
    private readonly written?: (b: Uint8Array) => void,
  ) {
    stream.on("error", () => {
      this.closed = true;
    });
  }
  write(s: string): void {
    this.buf += s;
  }
  /**
   * Appends encoded text the caller hands over (it must not rewrite `b` afterwards; the CSV
   * byte builder returns a fresh array per batch): a large batch is queued as it is, a small
   * one joins the string buffer.
   */
  writeBytes(b: Uint8Array): void {
    if (b.length < 1 << 16) {
      this.buf += Buffer.from(b.buffer, b.byteOffset, b.length).toString("utf8");
      this.written?.(b);
      return;
    }
    if (this.buf.length > 0) this.parts.push(this.buf);
    this.buf = "";
    this.parts.push(b);
    this.bytes += b.length;
  }
  get size(): number {
    return this.buf.length + this.bytes;
  }
  async flush(force = false): Promise<void> {
    if (this.closed || (!force && this.size < 1 << 16) || this.size === 0) return;
    const parts = this.parts;
    if (this.buf.length > 0) parts.push(this.buf);
    this.buf = "";
    this.parts = [];
    this.bytes = 0;
    let ready = true;
    for (const chunk of parts) {
      const written = this.written;
      ready =
        typeof chunk === "string" || written === undefined
          ? this.stream.write(chunk)
          : this.stream.write(chunk, () => written(chunk));
    }
    if (!ready) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.stream.off("drain", done);
          this.stream.off("error", done);
          this.stream.off("close", done);
          resolve();
        };
        this.stream.on("drain", done);
        this.stream.on("error", done);
        this.stream.on("close", done);
      });
    }
  }
}

/**
 * Reads, validates and diagnoses every firm of `input` as it streams, writing each diagnosis at
 * once (text report, one JSON array, or CSV rows) and listing rejected rows on stderr. Throws the
 * reader's `OutwardError` when the input is unreadable.
 */
export async function runAssess<D>(
  input: string,
  engine: AssessEngine<D>,
  run: AssessRun,
): Promise<AssessSummary> {
  const out = new Out(run.stdout, engine.recycleCsvBytes);
  const err = new Out(run.stderr);
  const rejects = run.rejects ? await RejectsWriter.open(run.rejects) : null;
  const listLimit = run.listLimit ?? 20;
  const width = run.width ?? 80;
  const options = { trace: run.trace };
  const reliability = engine.reliability;
  let assessed = 0;
  let rejected = 0;
  let started = false;
  let completed = false;
  const start = (): void => {
    started = true;
    if (run.format === "json") out.write("[");
    if (run.format === "csv") out.write(csvLine(engine.csvHeader));
  };
  const onWarning = (issue: Parameters<typeof formatIssue>[0]): void => {
    err.write(`warning: ${formatIssue(issue)}\n`);
  };
  const reject = (r: RecordRow): void => {
    rejected++;
    rejects?.write(r);
    if (r.result.ok) return;
    if (rejected <= listLimit) {
      for (const issue of r.result.issues) err.write(`rejected: ${formatIssue(issue)}\n`);
    }
  };
  const assess = (r: RecordRow): void => {
    if (!r.result.ok) {
      reject(r);
      return;
    }
    const d = engine.diagnose(r.result.value, options);
    reliability?.add(r.result.value);
    if (run.format === "json") out.write(`${assessed === 0 ? "\n" : ",\n"}${JSON.stringify(d)}`);
    else if (run.format === "csv")
      out.write(engine.csvLine ? engine.csvLine(d) : csvLine(engine.csvRow(d)));
    else out.write(`${assessed === 0 ? "" : "\n"}${engine.renderText(d, { width })}\n`);
    assessed++;
  };
  const bulk =
    run.format === "csv" &&
    engine.csvBytesOfColumns !== undefined &&
    (reliability === undefined || reliability.addColumns !== undefined);
  try {
    for await (const batch of bulk
      ? readProfileColumnBatches(input, { onWarning, stdin: run.stdin })
      : recordBatches(input, onWarning, run.stdin)) {
      if (!started) start();
      if (batch.kind === "records") {
        for (const r of batch.records) {
          assess(r);
          // Large diagnoses (JSON with traces) would otherwise pile up a whole input batch.
          if (out.size > 1 << 20) await out.flush();
        }
      } else {
        // Rejected rows are listed in input order; the valid ones keep theirs in the columns.
        for (const r of batch.rejected) reject(r);
        const cols = batch.columns;
        if (cols.length > 0) {
          out.writeBytes(engine.csvBytesOfColumns!(cols));
          reliability?.addColumns?.(cols);
          assessed += cols.length;
        }
      }
      await out.flush();
      await err.flush();
      if (out.closed) break;
    }
    if (!started) start();
    if (run.format === "json") out.write(assessed === 0 ? "]\n" : "\n]\n");
    // The reliability report never enters a JSON or CSV stream; it goes beside it on stderr.
    const report = reliability?.renderText() ?? null;
    if (report) (run.format === "text" ? out : err).write(`\n${report}\n`);
    completed = true;
  } finally {
    await out.flush(true);
    if (completed && rejected > listLimit) {
      err.write(
        `rejected: ... and ${rejected - listLimit} more row(s)${rejects ? ` (all in ${run.rejects})` : "; use --rejects FILE to keep them all"}\n`,
      );
    }
    if (completed) err.write(`assessed ${assessed}, rejected ${rejected}\n`);
    await err.flush(true);
    await rejects?.close();
  }
  return { assessed, rejected, truncated: out.closed };
}

/** The per-record route, as batches of the same shape as the bulk reader's. */
async function* recordBatches(
  input: string,
  onWarning: (issue: Parameters<typeof formatIssue>[0]) => void,
  stdin: Readable | undefined,
): AsyncGenerator<FirmBatch> {
  for await (const records of readFirmBatches(input, { onWarning, stdin })) {
    yield { kind: "records", records };
  }
}
