import type { Profile } from "../../src/firm/index.ts";
import { ENTRY_MODES, SECTORS, type Tri } from "../../src/framework/index.ts";

/** mulberry32: a small seeded generator; the bench owns its RNG, no global state. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = [
  "non_tradable",
  "domestic",
  "capable",
  "novice_exporter",
  "experienced",
  "inv",
  "withdrawn",
] as const;
const KIND_WEIGHTS = [0.2, 0.3, 0.1, 0.15, 0.15, 0.03, 0.07];

/**
 * A firm profile drawn around a spectrum archetype, with each answer left unknown with
 * probability `unknownRate`, so every rule branch (including undetermined) is exercised.
 */
export function generateProfile(r: () => number, i: number, unknownRate = 0.1): Profile {
  let u = r();
  let kind = 0;
  while (kind < KINDS.length - 1 && u >= KIND_WEIGHTS[kind]) u -= KIND_WEIGHTS[kind++];
  const k = KINDS[kind];
  const blank = () => r() < unknownRate;
  const tri = (pYes: number): Tri => (blank() ? "unknown" : r() < pYes ? "yes" : "no");
  const num = (lo: number, hi: number): number | null => (blank() ? null : lo + r() * (hi - lo));
  const int = (lo: number, hi: number): number | null => {
    const v = num(lo, hi + 1);
    return v === null ? null : Math.floor(v);
  };
  const assessed = 2024;
  const founded = k === "inv" ? assessed - Math.floor(r() * 6) : 1960 + Math.floor(r() * 60);
  const exporter =
    k === "novice_exporter" || k === "experienced" || k === "inv" || k === "withdrawn";
  const first =
    k === "inv"
      ? founded + Math.floor(r() * 3)
      : k === "novice_exporter"
        ? assessed - Math.floor(r() * 3)
        : exporter
          ? Math.max(founded, assessed - 5 - Math.floor(r() * 25))
          : null;
  const active = exporter && k !== "withdrawn";
  const items = (): (number | null)[] => {
    const base = 1 + r() * 4;
    return [0, 1, 2].map(() =>
      blank() ? null : Math.max(1, Math.min(5, Math.round(base + r() * 2 - 1))),
    );
  };
  const withItems = r() < 0.3;
  return {
    id: `g${i}`,
    description: null,
    founded: blank() ? null : founded,
    assessed,
    sector: blank() ? null : SECTORS[Math.floor(r() * SECTORS.length)],
    employees: int(1, 249),
    tradable: k === "non_tradable" ? (blank() ? "unknown" : "no") : tri(0.95),
    tech_intensity: blank()
      ? null
      : k === "inv"
        ? "high"
        : r() < 0.6
          ? "low"
          : r() < 0.7
            ? "medium"
            : "high",
    exports_now: blank() ? "unknown" : active ? "yes" : "no",
    export_share: exporter ? num(0.01, k === "inv" ? 0.9 : 0.5) : blank() ? null : 0,
    export_markets: exporter ? int(1, k === "inv" ? 20 : 10) : blank() ? null : 0,
    first_export_year: first === null || blank() ? null : first,
    last_export_year:
      !exporter || blank() ? null : active ? assessed : assessed - 1 - Math.floor(r() * 5),
    export_gap: tri(0.1),
    plans_to_export: k === "domestic" ? tri(0.05) : tri(0.6),
    between_projects: k === "withdrawn" ? tri(0.3) : tri(0.02),
    modes: blank() ? null : exporter ? [ENTRY_MODES[Math.floor(r() * ENTRY_MODES.length)]] : [],
    resources_fungible: tri(0.6),
    prefers_control: tri(0.6),
    large_firm_links: tri(0.2),
    client_pull: tri(0.1),
    partner_dependence: tri(0.1),
    cluster: tri(0.15),
    incubator: tri(k === "inv" ? 0.5 : 0.03),
    location: blank() ? null : r() < 0.7 ? "urban" : "rural",
    home_economy: blank() ? null : r() < 0.5 ? "small_open" : "large",
    entrepreneur_type: blank() ? null : r() < 0.6 ? "novice" : r() < 0.5 ? "serial" : "portfolio",
    founder_export_experience: tri(0.3),
    founder_same_industry: tri(0.6),
    barrier_attitudinal: num(1, 5),
    barrier_resource: num(1, 5),
    barrier_operational: num(1, 5),
    barrier_strategic: num(1, 5),
    barrier_items: withItems
      ? { attitudinal: items(), resource: items(), operational: items(), strategic: items() }
      : { attitudinal: [], resource: [], operational: [], strategic: [] },
    sunk_cost_concern: int(1, 5),
    weight: null,
  };
}
