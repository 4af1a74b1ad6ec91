import type { Profile } from "../firm/index.ts";
import type { Position, State } from "../framework/index.ts";
import { askNext } from "./ask-next.ts";
import { type Conclusions, conclude } from "./core.ts";
import { DEFAULT_PARAMS, type DiagnoseParams, paramsHash } from "./params.ts";
import { type Reliability, ReliabilityAccumulator } from "./reliability.ts";
import { RULES_VERSION } from "./rule.ts";
import type { BarrierAssessment } from "./rules/barriers.ts";
import type { ModeGuidance } from "./rules/modes.ts";
import type { Classification } from "./rules/position.ts";
import type { Recommendation } from "./rules/recommend.ts";
import { contradictionsText, type PropositionReading, readTable1 } from "./rules/table1.ts";
import { NOOP_TRACER, RecordingTracer, type TraceEntry } from "./tracer.ts";
import type { Diagnosis, Move, Question } from "./types.ts";
import { whatWouldMove } from "./what-would-move.ts";

export interface DiagnoseOptions {
  /** Thresholds the rules use. Default: DEFAULT_PARAMS. Treated as immutable once passed. */
  params?: DiagnoseParams;
  /**
   * Record every rule evaluation (inputs, params, result) and compute table1, ask_next and
   * what_would_move at once. Default: false, the batch fast path, where those three are
   * computed on first access instead.
   */
  trace?: boolean;
}

const NO_TRACE: readonly TraceEntry[] = Object.freeze([]);

// One frozen stamp per params object, shared by every diagnosis made with it.
const stamps = new WeakMap<DiagnoseParams, Diagnosis["stamp"]>();
function stampFor(params: DiagnoseParams): Diagnosis["stamp"] {
  let stamp = stamps.get(params);
  if (stamp === undefined) {
    stamp = Object.freeze({ rules_version: RULES_VERSION, params_hash: paramsHash(params) });
    stamps.set(params, stamp);
  }
  return stamp;
}

/**
 * A diagnosis. Position, state, barriers, entry modes and recommendations are computed on
 * construction. Without tracing (the batch fast path), three parts are computed on first
 * access instead: `table1` (thirty cell readings), `ask_next` and `what_would_move` (which
 * re-run the rules many times). With tracing, all are computed at once and traced.
 * `toJSON()` returns a plain object with everything, for serialization or structured cloning.
 */
class DiagnosisRecord implements Diagnosis {
  readonly id: string;
  readonly position: Classification<Position>;
  readonly state: Classification<State>;
  readonly barriers: readonly BarrierAssessment[];
  readonly modes: ModeGuidance;
  readonly recommendations: readonly Recommendation[];
  readonly trace: readonly TraceEntry[];
  readonly stamp: { rules_version: string; params_hash: string };
  #profile: Profile;
  #params: DiagnoseParams;
  #conclusions: Conclusions;
  #table1: PropositionReading[] | null;
  #ask: Question[] | undefined;
  #move: Move[] | undefined;

  constructor(p: Profile, params: DiagnoseParams, c: Conclusions, trace: readonly TraceEntry[]) {
    this.id = p.id;
    this.position = c.position;
    this.state = c.state;
    this.#table1 = c.table1;
    this.barriers = c.barriers;
    this.modes = c.modes;
    this.recommendations = c.recommendations;
    this.trace = trace;
    this.stamp = stampFor(params);
    this.#profile = p;
    this.#params = params;
    this.#conclusions = c;
  }

  get table1(): readonly PropositionReading[] {
    this.#table1 ??= readTable1(this.#profile, this.#params, this.#conclusions.context);
    return this.#table1;
  }

  /** The contradicted perspectives as `proposition:perspective;...`, without a full reading. */
  contradictions(): string {
    if (this.#table1 !== null) return contradictionsOfReading(this.#table1);
    return contradictionsText(this.#profile, this.#params, this.#conclusions.context);
  }

  get ask_next(): readonly Question[] {
    this.#ask ??= askNext(this.#profile, this.#params, {
      ...this.#conclusions,
      table1: this.#table1 ?? (this.table1 as PropositionReading[]),
    });
    return this.#ask;
  }

  get what_would_move(): readonly Move[] {
    this.#move ??= whatWouldMove(this.#profile, this.#params);
    return this.#move;
  }

  toJSON(): Diagnosis {
    return {
      id: this.id,
      position: this.position,
      state: this.state,
      table1: this.table1,
      barriers: this.barriers,
      modes: this.modes,
      recommendations: this.recommendations,
      trace: this.trace,
      ask_next: this.ask_next,
      what_would_move: this.what_would_move,
      stamp: this.stamp,
    };
  }
}

function contradictionsOfReading(table1: readonly PropositionReading[]): string {
  return table1.flatMap((r) => r.contradicted.map((p) => `${r.proposition}:${p}`)).join(";");
}

/**
 * The perspectives whose Table 1 answer the firm's own record contradicts, as
 * `proposition:perspective` joined by ";" (the CSV column). For diagnoses made here it skips
 * the full Table 1 reading; for any other `Diagnosis` it reads `table1`.
 */
export function contradictedPerspectives(d: Diagnosis): string {
  return d instanceof DiagnosisRecord ? d.contradictions() : contradictionsOfReading(d.table1);
}

/**
 * Diagnoses one firm: spectrum position, state, Table 1 reading, barriers, entry modes and
 * ranked recommendations, each traceable to rules, inputs and parameters; plus the questions
 * to ask next and the smallest changes that would move the firm.
 */
export function diagnose(profile: Profile, options: DiagnoseOptions = {}): Diagnosis {
  const params = options.params ?? DEFAULT_PARAMS;
  if (!options.trace) {
    return new DiagnosisRecord(
      profile,
      params,
      conclude(profile, params, NOOP_TRACER, false),
      NO_TRACE,
    );
  }
  const tracer = new RecordingTracer();
  const c = conclude(profile, params, tracer);
  const d = new DiagnosisRecord(profile, params, c, tracer.entries);
  tracer.start("ask_next.decisiveness");
  tracer.result(d.ask_next.map((q) => ({ field: q.field, decisiveness: q.decisiveness })));
  tracer.end();
  tracer.start("what_would_move.search");
  tracer.result(d.what_would_move.map((m) => m.changes.map((ch) => ch.id)));
  tracer.end();
  return d;
}

/**
 * Diagnoses many firms and measures the barrier items' reliability over them in the same pass.
 * Tracing is off unless asked for.
 */
export function diagnoseBatch(
  profiles: Iterable<Profile>,
  options: DiagnoseOptions = {},
): { diagnoses: Diagnosis[]; reliability: Reliability } {
  const acc = new ReliabilityAccumulator();
  const diagnoses: Diagnosis[] = [];
  for (const p of profiles) {
    diagnoses.push(diagnose(p, options));
    acc.add(p);
  }
  return { diagnoses, reliability: acc.value() };
}
