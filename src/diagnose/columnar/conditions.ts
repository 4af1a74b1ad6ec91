import { type ProfileColumns, UNKNOWN_CODE } from "../../firm/index.ts";
import { type ConditionId, HOME_ECONOMIES, POSITIONS, SECTORS } from "../../framework/index.ts";
import type { DiagnoseParams } from "../params.ts";
import {
  type DiagnosisColumns,
  LEVEL_HIGH,
  LEVEL_LOW,
  LEVEL_MEDIUM,
  LEVEL_UNKNOWN,
  UNDETERMINED,
} from "./outputs.ts";

const Y = 0;
const N = 1;
const U = 2;

/** Numeric ids of the Table 1 conditions, so the row kernel switches on small integers. */
export const CONDITION_CODE = {
  transaction_costs: 0,
  commitment_cost: 1,
  motivation_and_client_relationships: 2,
  internal_or_external_resources: 3,
  sunk_costs: 4,
  repeat_business: 5,
  scarce_expert_resources: 6,
  learning_outcome: 7,
  resources_depleted: 8,
  export_experience: 9,
  control_motivation: 10,
  resource_access_required: 11,
  geographic_fungibility: 12,
  client_relationships: 13,
  small_home_market: 14,
} as const satisfies Record<ConditionId, number>;

const BUSINESS_SERVICES = SECTORS.indexOf("business_services");
const SMALL_OPEN = HOME_ECONOMIES.indexOf("small_open");
const EXPERIENCED = POSITIONS.indexOf("experienced_exporter");
const INV = POSITIONS.indexOf("international_new_venture");

/**
 * Whether Table 1 condition `id` (a CONDITION_CODE) holds for row i, as a tri code:
 * `conditionValue` re-expressed over column codes, case for case. Reads the barrier levels,
 * position and export history already written to `out`.
 */
export function conditionCode(
  id: number,
  cols: ProfileColumns,
  params: DiagnoseParams,
  out: DiagnosisColumns,
  i: number,
): number {
  const resource = out.barrier_level[i * 4 + 1];
  switch (id) {
    case 0: {
      // A larger partner or a pulling client carries the transaction for the firm.
      if (cols.large_firm_links[i] === Y || cols.client_pull[i] === Y) return N;
      const operational = out.barrier_level[i * 4 + 2];
      if (operational === LEVEL_HIGH) return Y;
      if (operational === LEVEL_LOW) return N;
      return cols.export_markets[i] >= params.experienced_min_markets ? N : U;
    }
    case 1:
      if (resource === LEVEL_HIGH) return Y;
      if (cols.sunk_cost_concern[i] >= params.sunk_cost_high) return Y;
      return resource === LEVEL_LOW ? N : U;
    case 2: {
      const plans = cols.plans_to_export[i];
      const pull = cols.client_pull[i];
      if (plans === Y || pull === Y || cols.exports_now[i] === Y) return Y;
      return plans === N && pull === N ? N : U;
    }
    case 3: {
      if (resource === LEVEL_LOW) return Y;
      const links = cols.large_firm_links[i];
      const cluster = cols.cluster[i];
      const incubator = cols.incubator[i];
      const pull = cols.client_pull[i];
      if (links === Y || cluster === Y || incubator === Y || pull === Y) return Y;
      return resource === LEVEL_HIGH &&
        links === N &&
        cluster === N &&
        incubator === N &&
        pull === N
        ? N
        : U;
    }
    case 4: {
      const sunk = cols.sunk_cost_concern[i];
      return Number.isNaN(sunk) ? U : sunk >= params.sunk_cost_high ? Y : N;
    }
    case 5: {
      const between = cols.between_projects[i];
      const pull = cols.client_pull[i];
      if (between === Y || pull === Y) return Y;
      if (cols.export_markets[i] >= params.experienced_min_markets) return Y;
      if (cols.plans_to_export[i] === N) return N;
      return between === N && pull === N ? N : U;
    }
    case 6: {
      const sector = cols.sector[i];
      if (sector === UNKNOWN_CODE) return U;
      if (sector !== BUSINESS_SERVICES) return N;
      return resource === LEVEL_HIGH ? Y : resource === LEVEL_LOW ? N : U;
    }
    case 7:
      if (cols.exports_now[i] === Y) return Y;
      if (out.exported_ever[i] === Y) return cols.plans_to_export[i];
      return cols.founder_export_experience[i] === Y ? Y : U;
    case 8:
      if (resource === LEVEL_LOW || resource === LEVEL_MEDIUM) return N;
      if (resource === LEVEL_UNKNOWN) return U;
      return out.exported_ever[i] === Y ? Y : U;
    case 9: {
      const position = out.position[i];
      if (position === UNDETERMINED) return U;
      return position === EXPERIENCED || position === INV ? Y : N;
    }
    case 10:
      return cols.prefers_control[i];
    case 11: {
      const fungible = cols.resources_fungible[i];
      return fungible === N ? Y : fungible === Y ? N : U;
    }
    case 12:
      return cols.resources_fungible[i];
    case 13: {
      const pull = cols.client_pull[i];
      const links = cols.large_firm_links[i];
      if (pull === Y || links === Y) return Y;
      return pull === N && links === N ? N : U;
    }
    case 14: {
      const home = cols.home_economy[i];
      return home === UNKNOWN_CODE ? U : home === SMALL_OPEN ? Y : N;
    }
    default:
      throw new Error(`unknown condition code ${id}`);
  }
}
