import { createHash } from "node:crypto";

/**
 * JSON with object keys sorted at every level, no whitespace, `undefined` members dropped: two
 * documents that differ only in key order or layout give the same text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) return "null";
    return JSON.stringify(value) ?? "null";
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}

/** Hex sha256 of the canonical JSON: stamps results with exactly what was simulated. */
export function scenarioHash(scenario: unknown): string {
  return createHash("sha256").update(canonicalJson(scenario)).digest("hex");
}
