/**
 * Text-to-number rules shared by the CSV reader's slow path (quoted fields, NA tokens, long
 * mantissas). The fast path in csv-frame-parser.ts only handles plain decimal literals whose
 * mantissa fits in 2^53 and whose power of ten is exact, where one multiply or divide is
 * correctly rounded (Clinger 1990); everything else comes here and goes through Number().
 */

/** Exact powers of ten: 10^0 .. 10^22 are representable as doubles. */
export const POW10 = new Float64Array(23).map((_, k) => 10 ** k);

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INFINITE = new Map<string, number>([
  ["Inf", Number.POSITIVE_INFINITY],
  ["+Inf", Number.POSITIVE_INFINITY],
  ["-Inf", Number.NEGATIVE_INFINITY],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["+Infinity", Number.POSITIVE_INFINITY],
  ["-Infinity", Number.NEGATIVE_INFINITY],
]);

/**
 * Parses one field's text as a number: NaN for a missing token, undefined when the text is not
 * a number. Surrounding spaces are ignored; hexadecimal and other JavaScript-only forms are not
 * numbers here (R and spreadsheets would not read them as such either).
 */
export function parseNumberText(text: string, naValues: ReadonlySet<string>): number | undefined {
  if (naValues.has(text)) return Number.NaN;
  const t = text.trim();
  if (t === "" || naValues.has(t)) return Number.NaN;
  if (DECIMAL.test(t)) return Number(t);
  return INFINITE.get(t);
}

/** Whether a sampled field reads as a number (missing tokens count as compatible). */
export function looksNumeric(text: string, naValues: ReadonlySet<string>): boolean {
  return parseNumberText(text, naValues) !== undefined;
}
