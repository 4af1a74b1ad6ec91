// Seeded generator of valid firm profiles as CSV, for the assess benchmark.
// Usage: node --import tsx bench/assess/generate.ts N OUT.csv [SEED]

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { COLUMN_NAMES } from "../../src/firm/index.ts";
import { ENTRY_MODES, SECTORS } from "../../src/framework/index.ts";
import { csvLine } from "../../src/io/index.ts";

const FAMILIES = ["attitudinal", "resource", "operational", "strategic"] as const;
const ITEMS = FAMILIES.flatMap((f) => [1, 2, 3].map((k) => `barrier_${f}_${k}`));
export const BENCH_HEADER = [...COLUMN_NAMES, ...ITEMS];

/** mulberry32: small, fast, seeded; the benchmark needs reproducible data, not crypto. */
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

/** One random profile that passes every field and cross-field check, as CSV cells. */
export function randomRow(r: () => number, i: number): string[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const maybe = (v: string, pUnknown = 0.08): string => (r() < pUnknown ? "" : v);
  const tri = (pYes: number): string => (r() < 0.08 ? "unknown" : r() < pYes ? "yes" : "no");
  const assessed = 2015 + Math.floor(r() * 10);
  const founded = assessed - Math.floor(r() * 60);
  const exports = r() < 0.45;
  const everExported = exports || r() < 0.3;
  const first = everExported ? founded + Math.floor(r() * (assessed - founded + 1)) : null;
  const last =
    first === null ? null : exports ? assessed : first + Math.floor(r() * (assessed - first + 1));
  const modes = exports
    ? [...new Set([pick(ENTRY_MODES), r() < 0.3 ? pick(ENTRY_MODES) : "direct_export"])].join(";")
    : everExported
      ? "direct_export"
      : "none";
  const v: Record<string, string> = {
    id: `f${i}`,
    description: r() < 0.05 ? `generated firm ${i}, "synthetic"` : "",
    founded: String(founded),
    assessed: String(assessed),
    sector: maybe(pick(SECTORS)),
    employees: maybe(String(1 + Math.floor(r() * 249))),
    tradable: exports ? (r() < 0.9 ? "yes" : "unknown") : tri(0.7),
    tech_intensity: maybe(pick(["low", "medium", "high"])),
    exports_now: exports ? "yes" : r() < 0.9 ? "no" : "unknown",
    export_share: everExported ? maybe((0.01 + r() * 0.9).toFixed(3)) : "",
    export_markets: everExported ? maybe(String(1 + Math.floor(r() * 20))) : exports ? "" : "0",
    first_export_year: first === null ? "" : String(first),
    last_export_year: last === null ? "" : String(last),
    export_gap: exports ? tri(0.1) : "no",
    plans_to_export: tri(0.5),
    between_projects: exports ? "no" : tri(0.1),
    modes: maybe(modes),
    resources_fungible: tri(0.6),
    prefers_control: tri(0.6),
    large_firm_links: tri(0.3),
    client_pull: tri(0.15),
    partner_dependence: tri(0.2),
    cluster: tri(0.2),
    incubator: tri(0.05),
    location: maybe(pick(["urban", "rural"])),
    home_economy: maybe(pick(["small_open", "large"])),
    entrepreneur_type: maybe(pick(["novice", "serial", "portfolio"])),
    founder_export_experience: tri(0.3),
    founder_same_industry: tri(0.6),
    sunk_cost_concern: maybe(String(1 + Math.floor(r() * 5))),
    weight: r() < 0.5 ? "" : (0.5 + r() * 3).toFixed(2),
  };
  for (const f of FAMILIES) {
    const latent = 1 + r() * 4;
    for (let k = 1; k <= 3; k++) {
      const x = Math.round(latent + (r() - 0.5) * 2);
      v[`barrier_${f}_${k}`] = r() < 0.03 ? "" : String(Math.min(5, Math.max(1, x)));
    }
    v[`barrier_${f}`] = "";
  }
  return BENCH_HEADER.map((c) => v[c] ?? "");
}

export async function writeProfilesCsv(n: number, path: string, seed = 1): Promise<void> {
  const out = createWriteStream(path);
  const r = rng(seed);
  let buf = csvLine(BENCH_HEADER);
  for (let i = 1; i <= n; i++) {
    buf += csvLine(randomRow(r, i));
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  out.end(buf);
  await once(out, "finish");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n, path, seed] = process.argv.slice(2);
  if (!n || !path) {
    process.stderr.write("usage: generate.ts N OUT.csv [SEED]\n");
    process.exitCode = 2;
  } else await writeProfilesCsv(Number(n), path, seed ? Number(seed) : 1);
}
