/**
 * The part of the export index that depends only on what a firm is, not on what happens to it
 * each year: sector, technology, entrepreneur type and experience, cluster, incubator, home
 * economy and location (export-index.ts lists the sources). It changes only when a slot is
 * refilled by a newborn or a mentor gives the founder export experience, so the fused pass keeps
 * it per slot and reads one number instead of nine columns. The reference path computes the
 * same sum inline, in the same order, every year: the fused pass's oracle test therefore checks
 * that the kept values are never stale.
 */
import type { Population } from "../population.ts";
import type { YearConstants } from "./constants.ts";

/** Writes the static index of slots [start, end) into `static_N`. */
export function staticIndexRange(
  pop: Population,
  static_N: Float64Array,
  start: number,
  end: number,
  c: YearConstants,
): void {
  const { sectorEffect, techEffect, entrepreneurEffect } = c;
  const { sector, techIntensity, entrepreneurType, founderExportExperience } = pop;
  const { founderSameIndustry, cluster, incubator, homeEconomy, location } = pop;
  const intercept = c.intercept;
  const effectFounderExportExperience = c.effectFounderExportExperience;
  const effectSameIndustry = c.effectSameIndustry;
  const effectCluster = c.effectCluster;
  const effectIncubator = c.effectIncubator;
  const effectSmallOpen = c.effectSmallOpen;
  const effectRural = c.effectRural;
  for (let i = start; i < end; i++) {
    static_N[i] =
      intercept +
      sectorEffect[sector[i]] +
      techEffect[techIntensity[i]] +
      entrepreneurEffect[entrepreneurType[i]] +
      effectFounderExportExperience * founderExportExperience[i] +
      effectSameIndustry * founderSameIndustry[i] +
      effectCluster * cluster[i] +
      effectIncubator * incubator[i] +
      effectSmallOpen * (1 - homeEconomy[i]) +
      effectRural * location[i];
  }
}
