import { z } from "zod";
import { INSTRUMENTS } from "../../framework/index.ts";
import { EFFECT_KINDS } from "../programme.ts";
import { ruleField } from "../rule/fields.ts";
import { parseRule, type Rule } from "../rule/rule.ts";

/**
 * The scenario document as written (YAML or JSON), before instrument defaults are filled in.
 * Every object is strict, so a misspelt key is reported rather than ignored.
 */

const ID = /^[a-z][a-z0-9_-]*$/;
export const Id = z.string().regex(ID, {
  error: "expected an id: lower case letters, digits, _ or -, starting with a letter",
});

/** A value as a message shows it: JSON, cut to 60 characters. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const Year = z.int().min(1900).max(2200);

export const YearSpanDoc = z
  .strictObject({ from: Year.nullable().default(null), to: Year.nullable().default(null) })
  .refine((s) => s.from === null || s.to === null || s.from <= s.to, {
    error: "expected from <= to",
  });

function dated<T extends z.ZodType>(value: T) {
  const years = z
    .record(z.string().regex(/^\d{4}$/, { error: "expected a four-digit year as key" }), value)
    .refine((m) => Object.keys(m).length > 0, {
      error: "expected at least one year: an empty map would leave the value undefined",
    });
  return z.union([value, years], {
    error: "expected a value, or a map from year to the value in force from that year",
  });
}

const Money = z.number().min(0).refine(Number.isFinite, { error: "expected a finite amount" });

const RuleDoc = z.unknown().transform((value, ctx): Rule => {
  const { rule, problems } = parseRule(value);
  for (const p of problems) {
    ctx.addIssue({
      code: "custom",
      message: p.message,
      path: p.path,
      input: p.value,
      params: { expected: p.expected },
    });
  }
  return rule ?? z.NEVER;
});

const ScoreTermDoc = z
  .strictObject({ field: z.string(), weight: z.number() })
  .superRefine((t, ctx) => {
    const f = ruleField(t.field);
    if (!f || (f.kind === "code" && !f.ordered)) {
      ctx.addIssue({
        code: "custom",
        path: ["field"],
        input: t.field,
        message: `cannot rank by ${JSON.stringify(t.field)}`,
        params: {
          expected:
            "a numeric field (e.g. barrier_resource, employees) or position / tech_intensity",
        },
      });
    }
  });

/** Parses `value` with `schema`, re-reporting its issues under `prefix` of the current path. */
function delegate<T extends z.ZodType>(
  schema: T,
  value: unknown,
  prefix: PropertyKey[],
  ctx: z.RefinementCtx,
): z.output<T> | typeof z.NEVER {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    ctx.addIssue({ ...issue, path: [...prefix, ...issue.path] } as Parameters<
      typeof ctx.addIssue
    >[0]);
  }
  return z.NEVER;
}

const PriorityDoc = z.strictObject({ priority: z.array(ScoreTermDoc).min(1) });
export const RationingDoc = z.unknown().transform((value, ctx) => {
  if (value === "random" || value === "pro_rata") return value;
  if (typeof value === "object" && value !== null && "priority" in value) {
    return delegate(PriorityDoc, value, [], ctx);
  }
  ctx.addIssue({
    code: "custom",
    message: `unknown rationing rule ${JSON.stringify(value)}`,
    input: value,
    params: { expected: "random, pro_rata or {priority: [{field, weight}, ...]}" },
  });
  return z.NEVER;
});

/**
 * Sizes each kind's unit allows: chances are probabilities, and barrier points cannot move a
 * score past the 1..5 scale's width (a negative reduction would push scores above 5). Cost
 * offsets may be negative: a levy raises the cost.
 */
const SIZE_RANGE: Readonly<Record<(typeof EFFECT_KINDS)[number], readonly [number, number]>> = {
  sunk_cost_offset: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
  fixed_cost_offset: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
  barrier_reduction: [0, 4],
  learning_boost: [0, Number.POSITIVE_INFINITY],
  link_probability: [0, 1],
  mentoring_experience: [0, 1],
};

export const EffectDoc = z
  .strictObject({
    kind: z.enum(EFFECT_KINDS),
    size: z.number().refine(Number.isFinite, { error: "expected a finite size" }),
    duration: z.int().min(1).max(50).default(1),
  })
  .superRefine((e, ctx) => {
    const [lo, hi] = SIZE_RANGE[e.kind];
    if (e.size >= lo && e.size <= hi) return;
    const range = hi === Number.POSITIVE_INFINITY ? `${lo} or more` : `from ${lo} to ${hi}`;
    ctx.addIssue({
      code: "custom",
      path: ["size"],
      message: `size ${e.size} is outside what ${e.kind} allows`,
      input: e.size,
      params: { expected: `a size ${range}` },
    });
  });

export const InstrumentDoc = z.strictObject({
  id: Id.optional(),
  instrument: z.enum(INSTRUMENTS),
  eligibility: RuleDoc,
  take_up: z.number().min(0).max(1).optional(),
  cost_per_firm: dated(Money).optional(),
  budget_per_year: dated(Money.nullable()).nullable().default(null),
  rationing: RationingDoc.default("random"),
  years: YearSpanDoc.nullable().default(null),
  once_per_firm: z.boolean().default(true),
  effects: z.array(EffectDoc).optional(),
});
export type InstrumentDoc = z.output<typeof InstrumentDoc>;

/**
 * The fields an update sets, and only those: written out without the defaults of
 * InstrumentDoc, which would otherwise fill every unstated field and so reset the
 * instrument's budget, years and once-per-firm rule whenever one other field changed.
 */
const InstrumentPatchDoc = z
  .strictObject({
    eligibility: RuleDoc,
    take_up: z.number().min(0).max(1),
    cost_per_firm: dated(Money),
    budget_per_year: dated(Money.nullable()).nullable(),
    rationing: RationingDoc,
    years: YearSpanDoc.nullable(),
    once_per_firm: z.boolean(),
    effects: z.array(EffectDoc),
  })
  .partial();

export const ProgrammeDoc = z.strictObject({
  id: Id,
  title: z.string().min(1),
  description: z.string().default(""),
  years: YearSpanDoc.default({ from: null, to: null }),
  instruments: z.array(InstrumentDoc).min(1),
});
export type ProgrammeDoc = z.output<typeof ProgrammeDoc>;

const Ref = z.strictObject({ programme: Id, instrument: Id });

/** One step of a reform. Each is an object with exactly one key naming the operation. */
export const CHANGE_SCHEMAS = {
  add_programme: ProgrammeDoc,
  remove_programme: Id,
  replace_programme: ProgrammeDoc,
  update_programme: z.strictObject({
    programme: Id,
    set: z
      .strictObject({
        title: z.string().min(1),
        description: z.string(),
        years: YearSpanDoc,
      })
      .partial(),
  }),
  add_instrument: z.strictObject({ programme: Id, instrument: InstrumentDoc }),
  remove_instrument: Ref,
  update_instrument: Ref.extend({ set: InstrumentPatchDoc }),
  scale_budgets: z.strictObject({ factor: z.number().min(0), programme: Id.optional() }),
} as const;
export type ChangeKind = keyof typeof CHANGE_SCHEMAS;
export type ChangeDoc = {
  [K in ChangeKind]: { [P in K]: z.output<(typeof CHANGE_SCHEMAS)[K]> };
}[ChangeKind];

const CHANGE_KINDS = Object.keys(CHANGE_SCHEMAS) as ChangeKind[];

const ChangeDoc = z.unknown().transform((value, ctx): ChangeDoc => {
  const keys =
    typeof value === "object" && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
  const kind = keys[0] as ChangeKind;
  if (keys.length !== 1 || !CHANGE_KINDS.includes(kind)) {
    ctx.addIssue({
      code: "custom",
      message:
        keys.length === 0
          ? `unrecognised change ${shown(value)}`
          : keys.length > 1
            ? `a change has one key, got ${keys.join(", ")}`
            : `unrecognised change ${keys[0]}`,
      input: value,
      params: { expected: `an object with one key: ${CHANGE_KINDS.join(", ")}` },
    });
    return z.NEVER;
  }
  const inner = (value as Record<string, unknown>)[kind];
  const data = delegate(CHANGE_SCHEMAS[kind], inner, [kind], ctx);
  return { [kind]: data } as ChangeDoc;
});

export const ReformDoc = z.strictObject({
  id: Id,
  title: z.string().default(""),
  description: z.string().default(""),
  /** Reforms of this scenario applied first, in order (stacking). */
  extends: z.array(Id).default([]),
  changes: z.array(ChangeDoc).default([]),
});
export type ReformDoc = z.output<typeof ReformDoc>;

const InlineBaseline = z.strictObject({ programmes: z.array(ProgrammeDoc) });
/** Another scenario file's baseline, or the system one of its reforms produces. */
const BaselineRef = z.strictObject({ from: z.string().min(1), reform: Id.optional() });
export const BaselineDoc = z.unknown().transform((value, ctx) => {
  if (typeof value === "object" && value !== null && "programmes" in value) {
    return delegate(InlineBaseline, value, [], ctx);
  }
  if (typeof value === "object" && value !== null && "from" in value) {
    return delegate(BaselineRef, value, [], ctx);
  }
  ctx.addIssue({
    code: "custom",
    message: `baseline must list programmes or name another scenario, got ${shown(value)}`,
    input: value,
    params: { expected: "{programmes: [...]} or {from: <scenario file>, reform?: <reform id>}" },
  });
  return z.NEVER;
});

export const ScenarioDoc = z.strictObject({
  /** Format marker; optional. */
  outward: z.literal("scenario/1").optional(),
  id: Id,
  title: z.string().min(1),
  description: z.string().default(""),
  /** Omitted: inherited from a `from` baseline, else EUR. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: "expected a three-letter currency code" })
    .optional(),
  /**
   * The population the budgets are written for; a simulation of another size scales every
   * budget by simulated firms / this. Omitted: inherited from a `from` baseline, else budgets
   * apply to the simulated population as written.
   */
  budget_basis: z.strictObject({ firms: z.int().min(1) }).optional(),
  baseline: BaselineDoc,
  reforms: z.array(ReformDoc).default([]),
});
export type ScenarioDoc = z.output<typeof ScenarioDoc>;
