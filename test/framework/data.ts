// Every piece of descriptive framework data, for tests that check all of it at once.
import {
  BARRIER_INFO,
  CONDITIONS,
  FAMILY_INFO,
  INSTRUMENT_INFO,
  MARKET_FAILURE_INFO,
  MODE_INFO,
  PATTERNS,
  PERSPECTIVE_INFO,
  POLICY_THEME_INFO,
  POSITION_INFO,
  PROPOSITION_INFO,
  STATE_INFO,
  TABLE1,
  THEME_INFO,
  TRAITS,
} from "../../src/framework/index.ts";

export const ALL_DATA = {
  BARRIER_INFO,
  CONDITIONS,
  FAMILY_INFO,
  INSTRUMENT_INFO,
  MARKET_FAILURE_INFO,
  MODE_INFO,
  PATTERNS,
  PERSPECTIVE_INFO,
  POLICY_THEME_INFO,
  POSITION_INFO,
  PROPOSITION_INFO,
  STATE_INFO,
  TABLE1,
  THEME_INFO,
  TRAITS,
} as const;

/** Every string reachable from `value`, with the path it was found at. */
export function strings(value: unknown, path = "$"): Array<{ path: string; text: string }> {
  if (typeof value === "string") return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

/** Items that make a claim and so must carry citations: objects holding a `citations` array. */
export function citedItems(
  value: unknown,
  path = "$",
): Array<{ path: string; item: { citations: unknown } }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => citedItems(v, `${path}[${i}]`));
  if (!value || typeof value !== "object") return [];
  const own = "citations" in value ? [{ path, item: value as { citations: unknown } }] : [];
  return [
    ...own,
    ...Object.entries(value)
      .filter(([k]) => k !== "citations")
      .flatMap(([k, v]) => citedItems(v, `${path}.${k}`)),
  ];
}
