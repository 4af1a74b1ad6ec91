import { z } from "zod";
import { BARRIER_FAMILIES, type BarrierFamily } from "../framework/vocabulary.ts";
import { coerceFor, toNumber } from "./coerce.ts";
import { findInconsistencies } from "./consistency.ts";
import { type FieldSpec, PROFILE_FIELDS } from "./fields.ts";
import type { Profile } from "./profile.ts";

function numberSchema(spec: FieldSpec): z.ZodType<number> {
  let n = z.number();
  if (spec.integer) n = n.int();
  if (spec.min !== undefined) n = spec.minExclusive ? n.gt(spec.min) : n.gte(spec.min);
  if (spec.max !== undefined) n = n.lte(spec.max);
  return n;
}

function valueSchema(spec: FieldSpec): z.ZodType {
  const values = (spec.values ?? []) as [string, ...string[]];
  switch (spec.kind) {
    case "id":
      return z.string().min(1);
    case "text":
      return z.string().nullable();
    case "tri":
      return z.enum(values);
    case "enum":
      return z.enum(values).nullable();
    case "modes":
      return z.array(z.enum(values)).nullable();
    case "number":
      return numberSchema(spec).nullable();
    default:
      throw new Error(`no value schema for ${spec.kind}`);
  }
}

const ITEM = z.preprocess(toNumber, z.number().int().gte(1).lte(5).nullable());

const itemsSchema = z.object(
  Object.fromEntries(BARRIER_FAMILIES.map((f) => [f, z.array(ITEM)])) as Record<
    BarrierFamily,
    z.ZodArray<typeof ITEM>
  >,
);

const shape: Record<string, z.ZodType> = {};
for (const spec of PROFILE_FIELDS) {
  shape[spec.name] =
    spec.kind === "items" ? itemsSchema : z.preprocess(coerceFor(spec), valueSchema(spec));
}

/**
 * The one firm-profile schema. Input is a flat record keyed by profile field names whose cells may
 * be CSV strings or JSON values, with `barrier_items` already grouped by family (see
 * `validateProfile`, which also accepts nested JSON and item columns). Output is a `Profile`.
 * Cross-field contradictions are reported as custom issues carrying `params.expected`.
 */
export const profileSchema = z.object(shape).superRefine((value, ctx) => {
  // Contradictions are judged only between individually valid fields (range failures in zod
  // do not abort, so without this an out-of-range year would also be reported as inconsistent).
  if (ctx.issues.length > 0) return;
  for (const inc of findInconsistencies(value as unknown as Profile)) {
    ctx.addIssue({
      code: "custom",
      path: [inc.field],
      message: inc.expected,
      params: { inconsistent: true, value: inc.value, expected: inc.expected },
    });
  }
}) as unknown as z.ZodType<Profile>;
