/**
 * The narrow recorder rules are evaluated through. Batch scoring uses the no-op tracer, so the
 * explanation costs nothing unless it is asked for.
 */
export interface Tracer {
  readonly enabled: boolean;
  start(rule: string): void;
  read(field: string, value: unknown): void;
  param(name: string, value: number): void;
  result(value: unknown): void;
  end(): void;
}

/** One rule's evaluation, flattened: the conclusion and exactly what produced it. */
export interface TraceEntry {
  rule: string;
  inputs: Record<string, unknown>;
  params: Record<string, number>;
  value: unknown;
}

class NoopTracer implements Tracer {
  readonly enabled = false;
  start(): void {}
  read(): void {}
  param(): void {}
  result(): void {}
  end(): void {}
}

export const NOOP_TRACER: Tracer = new NoopTracer();

/** Keeps every evaluation in order; nested starts are allowed (a rule may call another). */
export class RecordingTracer implements Tracer {
  readonly enabled = true;
  readonly entries: TraceEntry[] = [];
  private readonly open: TraceEntry[] = [];

  start(rule: string): void {
    this.open.push({ rule, inputs: {}, params: {}, value: undefined });
  }
  read(field: string, value: unknown): void {
    const top = this.open[this.open.length - 1];
    if (top) top.inputs[field] = value;
  }
  param(name: string, value: number): void {
    const top = this.open[this.open.length - 1];
    if (top) top.params[name] = value;
  }
  result(value: unknown): void {
    const top = this.open[this.open.length - 1];
    if (top) top.value = value;
  }
  end(): void {
    const done = this.open.pop();
    if (done) this.entries.push(done);
  }
}
