import { confidenceFor } from "../rule.ts";

// Tri codes as the profile columns hold them (TRI order).
export const Y = 0;
export const N = 1;
export const U = 2;

/** a >= b as a tri code, unknown when a is NaN. */
export const atLeast = (a: number, b: number): number => (Number.isNaN(a) ? U : a >= b ? Y : N);
/** a <= b as a tri code, unknown when a is NaN. */
export const atMost = (a: number, b: number): number => (Number.isNaN(a) ? U : a <= b ? Y : N);
/** Conjunction under unknowns: any no is no, else any unknown is unknown. */
export const and3 = (a: number, b: number, c: number): number =>
  a === N || b === N || c === N ? N : a === U || b === U || c === U ? U : Y;

/** confidenceFor(k) for k unknowns: the same doubles the single-firm rules produce. */
export const CONFIDENCE = Float64Array.from({ length: 40 }, (_, k) => confidenceFor(k));
