/**
 * Small-sample corrections, named after the package convention they reproduce, so a reader can
 * see why two packages' standard errors differ. n = observations, k = reported coefficients,
 * G = clusters, K = fixest's parameter count (absorbed effects nested in a cluster are not
 * counted, but the intercept they replace is).
 */
export const SSC_NAMES = ["plm-hc0", "plm-hc1", "plm-sss", "fixest"] as const;
export type SscName = (typeof SSC_NAMES)[number];

export interface SscInputs {
  readonly n: number;
  readonly k: number;
  readonly K: number;
  readonly G: number;
  readonly dfResid: number;
}

export interface SscApplied {
  readonly name: SscName;
  readonly factor: number;
  /** The formula with its numbers, e.g. "G/(G-1) * (n-1)/(n-K) = 140/139 * 1030/1027". */
  readonly formula: string;
  /** Degrees of freedom of the t distribution used for p-values and intervals. */
  readonly dfT: number;
}

export function clusterSsc(name: SscName, s: SscInputs): SscApplied {
  const { n, k, K, G, dfResid } = s;
  switch (name) {
    case "plm-hc0":
      return { name, factor: 1, formula: "1 (plain CR0 sandwich)", dfT: dfResid };
    case "plm-hc1":
      return { name, factor: n / (n - k), formula: `n/(n-k) = ${n}/${n - k}`, dfT: dfResid };
    case "plm-sss":
      return {
        name,
        factor: (G / (G - 1)) * ((n - 1) / (n - k)),
        formula: `G/(G-1) * (n-1)/(n-k) = ${G}/${G - 1} * ${n - 1}/${n - k}`,
        dfT: dfResid,
      };
    case "fixest":
      return {
        name,
        factor: (G / (G - 1)) * ((n - 1) / (n - K)),
        formula: `G/(G-1) * (n-1)/(n-K) = ${G}/${G - 1} * ${n - 1}/${n - K}`,
        dfT: G - 1,
      };
  }
}

/** Heteroskedasticity-robust: fixest multiplies HC0 by n/(n-K) (K with all absorbed effects). */
export function heteroSsc(name: SscName, s: SscInputs): SscApplied {
  const { n, k, K, dfResid } = s;
  switch (name) {
    case "plm-hc0":
      return { name, factor: 1, formula: "1 (plain HC0 sandwich)", dfT: dfResid };
    case "plm-hc1":
    case "plm-sss":
      return { name, factor: n / (n - k), formula: `n/(n-k) = ${n}/${n - k}`, dfT: dfResid };
    case "fixest":
      return { name, factor: n / (n - K), formula: `n/(n-K) = ${n}/${n - K}`, dfT: dfResid };
  }
}
