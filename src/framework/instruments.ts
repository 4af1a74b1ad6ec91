/**
 * The instrument table, one entry per id in INSTRUMENTS, assembled from the five policy themes
 * under ./instruments/.
 */
import { DYNAMIC } from "./instruments/dynamic.ts";
import { EARLY } from "./instruments/early.ts";
import { ENTREPRENEUR } from "./instruments/entrepreneur.ts";
import { ENTRY_MODE_OPTIONS } from "./instruments/entry-modes.ts";
import type { InstrumentData, InstrumentInfo } from "./instruments/fit.ts";
import { RESOURCES } from "./instruments/resources.ts";
import { INSTRUMENTS, type Instrument, type PolicyTheme } from "./vocabulary.ts";

export type { Fit, FitTarget, InstrumentInfo } from "./instruments/fit.ts";

const ALL: Partial<Record<Instrument, InstrumentData>> = {
  ...EARLY,
  ...DYNAMIC,
  ...ENTRY_MODE_OPTIONS,
  ...RESOURCES,
  ...ENTREPRENEUR,
};

function build(): Record<Instrument, InstrumentInfo> {
  const out = {} as Record<Instrument, InstrumentInfo>;
  for (const id of INSTRUMENTS) {
    const data = ALL[id];
    // A missing entry is a programming error in this module, caught by its tests at once.
    if (!data) throw new Error(`instrument "${id}" has no data in src/framework/instruments/`);
    out[id] = { id, ...data };
  }
  return out;
}

export const INSTRUMENT_INFO: Readonly<Record<Instrument, InstrumentInfo>> = build();

/** The instruments of one policy theme, in INSTRUMENTS order. */
export function instrumentsOfTheme(theme: PolicyTheme): readonly InstrumentInfo[] {
  return INSTRUMENTS.map((id) => INSTRUMENT_INFO[id]).filter((i) => i.policyTheme === theme);
}
