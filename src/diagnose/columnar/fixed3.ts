/**
 * `x.toFixed(3)`, the same string, without the engine's general decimal conversion for the
 * common case (the CSV writes five to thirty such numbers a row).
 *
 * toFixed picks the integer n nearest to 1000x exactly (ties upward). For 0 <= x < 1e6 the
 * product 1000x is computed with an error below 1.2e-7, so Math.round gives that n whenever
 * the fraction of 1000x is not within 1e-6 of one half; near a tie, and for negative, huge or
 * non-finite x, the engine's toFixed decides.
 */
export function fixed3(x: number): string {
  if (x >= 0 && x < 1e6) {
    const r = x * 1000;
    const fraction = r - Math.floor(r);
    if (fraction < 0.499999 || fraction > 0.500001) {
      const n = Math.round(r);
      const whole = Math.floor(n / 1000);
      const decimals = n - whole * 1000;
      return `${whole}.${decimals < 10 ? "00" : decimals < 100 ? "0" : ""}${decimals}`;
    }
  }
  return x.toFixed(3);
}
