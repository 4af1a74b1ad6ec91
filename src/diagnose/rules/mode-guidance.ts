import type { Profile } from "../../firm/index.ts";
import { ENTRY_MODES, type EntryMode } from "../../framework/index.ts";
import type { BarrierLevel, Context, Rule } from "../rule.ts";
import {
  MODE_NOTES,
  MODE_REASON_FIELDS,
  MODE_REASONS,
  type ModeAdvice,
  type ModeGuidance,
  type ModeReason,
  type ModeVerdict,
} from "./modes.ts";

// Mode guidance depends only on a handful of categorical facts, so it is computed once per
// combination and shared (frozen) between firms: the "precomputed rule table" of the fast path.
// The key packs those facts into one integer (54,432 combinations at most).
// Codes by comparison rather than keyed lookups: comparing interned strings is cheaper than a
// dictionary probe on this per-firm path.
const tri = (v: "yes" | "no" | "unknown") => (v === "yes" ? 0 : v === "no" ? 1 : 2);
const tech = (v: Profile["tech_intensity"]) =>
  v === "low" ? 0 : v === "medium" ? 1 : v === "high" ? 2 : 3;
const sector = (v: Profile["sector"]) =>
  v === "knowledge_manufacturing"
    ? 0
    : v === "traditional_manufacturing"
      ? 1
      : v === "business_services"
        ? 2
        : v === "consumer_services"
          ? 3
          : v === "other"
            ? 4
            : 5;
const position = (v: Context["position"]) =>
  v === "non_tradable"
    ? 0
    : v === "domestic_by_choice"
      ? 1
      : v === "export_capable"
        ? 2
        : v === "inexperienced_exporter"
          ? 3
          : v === "experienced_exporter"
            ? 4
            : v === "international_new_venture"
              ? 5
              : 6;
const level = (v: BarrierLevel) => (v === "low" ? 0 : v === "medium" ? 1 : v === "high" ? 2 : 3);
const table: (ModeGuidance | undefined)[] = new Array(3 * 3 * 3 * 3 * 4 * 6 * 7 * 4);

function keyOf(p: Profile, ctx: Context): number {
  let k = tri(p.resources_fungible);
  k = k * 3 + tri(p.prefers_control);
  k = k * 3 + tri(p.large_firm_links);
  k = k * 3 + tri(p.client_pull);
  k = k * 4 + tech(p.tech_intensity);
  k = k * 6 + sector(p.sector);
  k = k * 7 + position(ctx.position);
  return k * 4 + level(ctx.barrier_levels.resource);
}

function factsOf(p: Profile, ctx: Context, reads: readonly string[]): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const field of reads) {
    facts[field] =
      field === "barrier_levels"
        ? ctx.barrier_levels.resource
        : field in ctx
          ? ctx[field as keyof Context]
          : p[field as keyof Profile];
  }
  return Object.freeze(facts);
}

function verdictOf(reasons: readonly ModeReason[]): ModeVerdict {
  let forIt = false;
  let against = false;
  let caution = false;
  for (const r of reasons) {
    if (r.effect === "for") forIt = true;
    else if (r.effect === "against") against = true;
    else caution = true;
  }
  if (against) return forIt ? "caution" : "not_suited";
  if (caution) return "caution";
  return forIt ? "suits" : "possible";
}

function build(p: Profile, ctx: Context): ModeGuidance {
  const perMode = new Map<EntryMode, ModeReason[]>(ENTRY_MODES.map((m) => [m, []]));
  for (const rule of MODE_REASONS) {
    if (!rule.when(p, ctx)) continue;
    const reason: ModeReason = Object.freeze({
      id: rule.id,
      effect: rule.effect,
      text: rule.text,
      facts: factsOf(p, ctx, rule.reads),
      reference: rule.reference,
    });
    for (const mode of rule.modes) perMode.get(mode)!.push(reason);
  }
  const modes: ModeAdvice[] = ENTRY_MODES.map((mode) => {
    const reasons = Object.freeze(perMode.get(mode)!);
    return Object.freeze({ mode, verdict: verdictOf(reasons), reasons });
  });
  const notes = MODE_NOTES.filter((n) => n.when(p, ctx)).map((n) =>
    Object.freeze({
      id: n.id,
      effect: n.effect,
      text: n.text,
      facts: factsOf(p, ctx, n.reads),
      reference: n.reference,
    }),
  );
  const triFields = [
    "resources_fungible",
    "prefers_control",
    "large_firm_links",
    "client_pull",
  ] as const;
  let known = 0;
  for (const f of triFields) if (p[f] !== "unknown") known++;
  if (p.tech_intensity !== null) known++;
  if (p.sector !== null) known++;
  return Object.freeze({
    modes: Object.freeze(modes),
    notes: Object.freeze(notes),
    confidence: known / (triFields.length + 2),
  });
}

/**
 * Entry-mode guidance: for each mode whether it suits the firm, with the reasons (resource
 * fungibility, control preference, links with larger firms, sector, technology, experience).
 * The result is shared between firms with the same facts and must not be mutated.
 */
export function adviseModes(p: Profile, ctx: Context): ModeGuidance {
  const key = keyOf(p, ctx);
  let hit = table[key];
  if (hit === undefined) {
    hit = build(p, ctx);
    table[key] = hit;
  }
  return hit;
}

export const modeRule: Rule<ModeGuidance> = {
  id: "modes.guidance",
  description: "Which entry modes suit the firm and which do not, with reasons",
  reads: [
    "resources_fungible",
    "prefers_control",
    "large_firm_links",
    "client_pull",
    "tech_intensity",
    "sector",
  ],
  uses: ["position", "barrier_levels"],
  params: [],
  references: [
    { author: "Westhead et al.", year: 2002 },
    { author: "Acs et al.", year: 1997 },
    { author: "EIM", year: 2005 },
    { author: "Zahra et al.", year: 2000 },
    { author: "O'Farrell et al.", year: 1998 },
  ],
  run: (p, _params, ctx) => adviseModes(p, ctx),
};

export { MODE_REASON_FIELDS };
