/**
 * Deaths and the domestic demand shock of one year over a range (the first loop of
 * src/simulate/kernel/births.ts, same draw and order). Newborns are synthesized afterwards by
 * the caller, slot by slot, from the `born` flags this writes.
 */
import { mix32s, SLOT_MULT } from "./hash";
import * as L from "./layout";

const LOW20: i32 = 0xfffff;
const UNIT20: f64 = 1.0 / 1048576.0;

/**
 * One firm's death draw and demand shock (one hash: low 20 bits for death, top 12 for the
 * shock); flags the slot in `born` and returns whether the firm dies. Inlined where called.
 */
@inline
export function deathAt(
  i: i32,
  year: i32,
  deathKey: i32,
  founded: usize,
  domesticDemand: usize,
  salesGrowth: usize,
  born: usize,
  exporting: usize,
  hazardByAge: usize,
  lastAge: i32,
  LOGISTIC: usize,
  rho: f64,
  scale: f64,
  elasticity: f64,
): bool {
  const ui = <usize>i;
  const i4 = ui << 2;
  const h = mix32s(deathKey ^ ((i + 1) * SLOT_MULT));
  const age = year - load<i32>(founded + i4);
  const hazard = load<f64>(hazardByAge + (<usize>(age < 0 ? 0 : min(age, lastAge)) << 3));
  const dies = <f64>(h & LOW20) * UNIT20 < hazard;
  // 2: the firm that closed exported last year (an exit the survivors' exit rate does not see).
  store<u8>(born + ui, dies ? (load<u8>(exporting + ui) != 0 ? 2 : 1) : 0);
  const before = <f64>load<f32>(domesticDemand + i4);
  const after = rho * before + scale * load<f64>(LOGISTIC + (<usize>(<u32>h >>> 20) << 3));
  store<f32>(domesticDemand + i4, <f32>after);
  store<f32>(salesGrowth + i4, <f32>(elasticity * (after - before)));
  return dies;
}

/**
 * Returns the number of deaths in [start, end); `born` gets 1 at the slots to refill, 2 where
 * the firm that closed was exporting.
 */
export function deathsAndDemand(d: usize, start: i32, end: i32, year: i32): i32 {
  const founded = L.at(d, L.FOUNDED);
  const domesticDemand = L.at(d, L.DOMESTIC_DEMAND);
  const salesGrowth = L.at(d, L.SALES_GROWTH);
  const born = L.at(d, L.BORN);
  const exporting = L.at(d, L.EXPORTING);
  const hazardByAge = L.at(d, L.T_HAZARD_BY_AGE);
  const LOGISTIC = L.at(d, L.T_LOGISTIC);
  const deathKey = <i32>L.at(d, L.KEY_DEATH);
  const lastAge = <i32>L.constant(d, L.C_HAZARD_LAST);
  const rho = L.constant(d, L.C_DEMAND_PERSISTENCE);
  const scale = L.constant(d, L.C_DEMAND_SHOCK_SCALE);
  const elasticity = L.constant(d, L.C_SALES_DEMAND_ELASTICITY);
  let deaths: i32 = 0;
  for (let i = start; i < end; i++) {
    const dies = deathAt(
      i,
      year,
      deathKey,
      founded,
      domesticDemand,
      salesGrowth,
      born,
      exporting,
      hazardByAge,
      lastAge,
      LOGISTIC,
      rho,
      scale,
      elasticity,
    );
    deaths += dies ? 1 : 0;
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
