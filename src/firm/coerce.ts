import type { Issue } from "../framework/issue.ts";
import type { FieldSpec } from "./fields.ts";

/*
 * Raw cell -> canonical value, shared by the zod schema and the compiled CSV validator so both
 * accept exactly the same spellings. A value that cannot be read is returned unchanged, and the
 * schema then rejects it with the field's message.
 */

const NUMBER_LITERAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function toTri(v: unknown): unknown {
  if (v === null || v === undefined) return "unknown";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "number") return v === 1 ? "yes" : v === 0 ? "no" : v;
  if (typeof v !== "string") return v;
  switch (v.trim().toLowerCase()) {
    case "":
    case "unknown":
      return "unknown";
    case "yes":
    case "true":
    case "1":
      return "yes";
    case "no":
    case "false":
    case "0":
      return "no";
    default:
      return v;
  }
}

/**
 * Plain unsigned decimals ("12", "0.35"), the common case, read without a regex or a trim;
 * NaN for anything else. Whole numbers are summed digit by digit (exact below 2^53).
 */
function plainDecimal(s: string): number {
  const n = s.length;
  if (n === 0 || n > 15) return Number.NaN;
  let whole = 0;
  let dot = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (dot || i === 0 || i === n - 1) return Number.NaN;
      dot = true;
    } else if (c < 48 || c > 57) return Number.NaN;
    else if (!dot) whole = whole * 10 + (c - 48);
  }
  return dot ? Number(s) : whole;
}

export function toNumber(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== "string") return v;
  if (v === "") return null;
  const plain = plainDecimal(v);
  if (!Number.isNaN(plain)) return plain;
  const s = v.trim();
  if (s === "") return null;
  return NUMBER_LITERAL.test(s) ? Number(s) : v;
}

export function toEnum(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== "string") return v;
  const s = v.trim().toLowerCase();
  return s === "" ? null : s;
}

export function toModes(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) {
    if (!v.every((m) => typeof m === "string")) return v;
    const list = v.map((m: string) => m.trim().toLowerCase()).filter((m) => m !== "");
    return list.length === 1 && list[0] === "none" ? [] : list;
  }
  if (typeof v !== "string") return v;
  const s = v.trim().toLowerCase();
  if (s === "") return null;
  if (s === "none") return [];
  return s
    .split(";")
    .map((m) => m.trim())
    .filter((m) => m !== "");
}

export function toId(v: unknown): unknown {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return typeof v === "string" ? v.trim() : v;
}

export function toText(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== "string") return v;
  const s = v.trim();
  return s === "" ? null : s;
}

/** The canonicalizer for a field kind. */
export function coerceFor(spec: FieldSpec): (v: unknown) => unknown {
  switch (spec.kind) {
    case "tri":
      return toTri;
    case "enum":
      return toEnum;
    case "modes":
      return toModes;
    case "id":
      return toId;
    case "text":
      return toText;
    default:
      return toNumber;
  }
}

/** How a bad value is shown in a message: strings quoted, long values cut. */
export function showValue(v: unknown): string {
  if (v === undefined) return "nothing";
  let s: string;
  try {
    s = typeof v === "number" ? String(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(v);
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Stable code for a value the field rejects, decided from the raw value alone. */
export function codeFor(spec: FieldSpec, raw: unknown): string {
  switch (spec.kind) {
    case "number":
    case "items": {
      const n = toNumber(raw);
      return typeof n === "number" && Number.isFinite(n) ? "out_of_range" : "invalid_number";
    }
    case "id":
      return toId(raw) === "" || raw === undefined || raw === null
        ? "missing_value"
        : "invalid_type";
    case "text":
      return "invalid_type";
    default:
      return "invalid_enum";
  }
}

export interface Where {
  file?: string;
  row?: number;
}

/** The one issue shape for a field value: "got <value>, expected <what the field takes>". */
export function fieldIssue(
  spec: FieldSpec,
  raw: unknown,
  where: Where,
  field: string = spec.name,
): Issue {
  return {
    code: codeFor(spec, raw),
    message: `got ${showValue(raw)}, expected ${spec.expected}`,
    ...where,
    field,
    value: raw,
    expected: spec.expected,
  };
}
