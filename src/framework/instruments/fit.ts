/**
 * Support instruments, each tied to the policy theme it belongs to, the market failure that would
 * justify it, the barrier families it works on, the perspectives behind it, and the firms it
 * suits and does not suit. Recommendations are built from this table, so every fit carries a
 * reason an adviser can repeat to the firm.
 */
import type { Citation } from "../citations.ts";
import type { FirmTrait } from "../traits.ts";
import type {
  BarrierFamily,
  Instrument,
  MarketFailure,
  Perspective,
  PolicyTheme,
  Position,
  State,
} from "../vocabulary.ts";

/** Who an instrument is (or is not) meant for. */
export type FitTarget =
  | { kind: "position"; id: Position }
  | { kind: "state"; id: State }
  | { kind: "trait"; id: FirmTrait };

export interface Fit {
  target: FitTarget;
  reason: string;
}

export interface InstrumentInfo {
  id: Instrument;
  label: string;
  policyTheme: PolicyTheme;
  /** What the instrument does, in a sentence. */
  summary: string;
  /**
   * "explicit": the review's policy discussion proposes it; "implied": a common instrument the
   * review's argument supports but does not name (the basis says which argument).
   */
  grounding: "explicit" | "implied";
  basis: string;
  marketFailures: readonly MarketFailure[];
  barriers: readonly BarrierFamily[];
  perspectives: readonly Perspective[];
  /** Traits that must all hold for the instrument to make sense at all. */
  requires: readonly FirmTrait[];
  suits: readonly Fit[];
  doesNotSuit: readonly Fit[];
  /** Limits an adviser should mention that no profile field captures. */
  caveats?: readonly string[];
  /** Instruments that cover this one's known risks or gaps, to offer alongside it. */
  pairsWith?: readonly Instrument[];
  citations: readonly Citation[];
}

export const pos = (id: Position, reason: string): Fit => ({
  target: { kind: "position", id },
  reason,
});
export const st = (id: State, reason: string): Fit => ({ target: { kind: "state", id }, reason });
export const trait = (id: FirmTrait, reason: string): Fit => ({
  target: { kind: "trait", id },
  reason,
});

export type InstrumentData = Omit<InstrumentInfo, "id">;
