/**
 * The static part of a slot's export index (src/simulate/kernel/static-index.ts), summed in the
 * same order.
 */
import * as L from "./layout";

@inline
function entry(t: usize, k: i32): f64 {
  return load<f64>(t + (<usize>k << 3));
}

/** Writes the static index of slot `i` of the scenario described at `d`. */
export function staticIndexAt(d: usize, i: i32): void {
  const ui = <usize>i;
  store<f64>(
    L.at(d, L.STATIC_INDEX) + (ui << 3),
    L.constant(d, L.C_INTERCEPT) +
      entry(L.at(d, L.T_SECTOR_EFFECT), <i32>load<u8>(L.at(d, L.SECTOR) + ui)) +
      entry(L.at(d, L.T_TECH_EFFECT), <i32>load<u8>(L.at(d, L.TECH_INTENSITY) + ui)) +
      entry(L.at(d, L.T_ENTREPRENEUR_EFFECT), <i32>load<u8>(L.at(d, L.ENTREPRENEUR_TYPE) + ui)) +
      L.constant(d, L.C_EFFECT_FOUNDER_EXPORT_EXPERIENCE) *
        <f64>load<u8>(L.at(d, L.FOUNDER_EXPORT_EXPERIENCE) + ui) +
      L.constant(d, L.C_EFFECT_SAME_INDUSTRY) * <f64>load<u8>(L.at(d, L.FOUNDER_SAME_INDUSTRY) + ui) +
      L.constant(d, L.C_EFFECT_CLUSTER) * <f64>load<u8>(L.at(d, L.CLUSTER) + ui) +
      L.constant(d, L.C_EFFECT_INCUBATOR) * <f64>load<u8>(L.at(d, L.INCUBATOR) + ui) +
      L.constant(d, L.C_EFFECT_SMALL_OPEN) * (1 - <f64>load<u8>(L.at(d, L.HOME_ECONOMY) + ui)) +
      L.constant(d, L.C_EFFECT_RURAL) * <f64>load<u8>(L.at(d, L.LOCATION) + ui),
  );
}
