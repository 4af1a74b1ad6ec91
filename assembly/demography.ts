/**
 * Deaths and the domestic demand shock of one year over a range (the first loop of
 * src/simulate/kernel/births.ts, same draw and order). Newborns are synthesized afterwards by
 * the caller, slot by slot, from the `born` flags this writes.
 */
import { mix32s, SLOT_MULT } from "./hash";
import * as L from "./layout";

const LOW20: i32 = 0xfffff;
const UNIT20: f64 = 1.0 / 1048576.0;

/** Returns the number of deaths in [start, end); `born` gets 1 at the slots to refill. */
export function deathsAndDemand(d: usize, start: i32, end: i32, year: i32): i32 {
  const founded = L.at(d, L.FOUNDED);
  const domesticDemand = L.at(d, L.DOMESTIC_DEMAND);
  const salesGrowth = L.at(d, L.SALES_GROWTH);
  const born = L.at(d, L.BORN);
  const hazardByAge = L.at(d, L.T_HAZARD_BY_AGE);
  const LOGISTIC = L.at(d, L.T_LOGISTIC);
  const deathKey = <i32>L.at(d, L.KEY_DEATH);
  const lastAge = <i32>L.constant(d, L.C_HAZARD_LAST);
  const rho = L.constant(d, L.C_DEMAND_PERSISTENCE);
  const scale = L.constant(d, L.C_DEMAND_SHOCK_SCALE);
  const elasticity = L.constant(d, L.C_SALES_DEMAND_ELASTICITY);
  let deaths: i32 = 0;
  for (let i = start; i < end; i++) {
    const ui = <usize>i;
    const i4 = ui << 2;
    const h = mix32s(deathKey ^ ((i + 1) * SLOT_MULT));
    const age = year - load<i32>(founded + i4);
    const hazard = load<f64>(hazardByAge + ((<usize>(age < 0 ? 0 : min(age, lastAge))) << 3));
    const dies: i32 = <f64>(h & LOW20) * UNIT20 < hazard ? 1 : 0;
    store<u8>(born + ui, <u8>dies);
    deaths += dies;
    const before = <f64>load<f32>(domesticDemand + i4);
    const after = rho * before + scale * load<f64>(LOGISTIC + ((<usize>(<u32>h >>> 20)) << 3));
    store<f32>(domesticDemand + i4, <f32>after);
    store<f32>(salesGrowth + i4, <f32>(elasticity * (after - before)));
  }
  return deaths;
}

/** The demand shock of a newborn in slot i (its demand was reset by synthesis). */
export function newbornDemand(d: usize, i: i32): void {
  const ui = <usize>i;
  const i4 = ui << 2;
  const domesticDemand = L.at(d, L.DOMESTIC_DEMAND);
  const h = mix32s(<i32>L.at(d, L.KEY_DEATH) ^ ((i + 1) * SLOT_MULT));
  const before = <f64>load<f32>(domesticDemand + i4);
  const after =
    L.constant(d, L.C_DEMAND_PERSISTENCE) * before +
    L.constant(d, L.C_DEMAND_SHOCK_SCALE) *
      load<f64>(L.at(d, L.T_LOGISTIC) + ((<usize>(<u32>h >>> 20)) << 3));
  store<f32>(domesticDemand + i4, <f32>after);
  store<f32>(
    L.at(d, L.SALES_GROWTH) + i4,
    <f32>(L.constant(d, L.C_SALES_DEMAND_ELASTICITY) * (after - before)),
  );
}
