/**
 * Offsets of the tallied metrics in a (segment, state) cell, as src/simulate/metrics.ts lists
 * them (a test holds the two together).
 */

export const M_FIRMS: i32 = 0;
export const M_EXPORTERS: i32 = 1;
export const M_ENTRIES: i32 = 2;
export const M_EXITS: i32 = 3;
export const M_RE_ENTRIES: i32 = 4;
export const M_SUSPENSIONS: i32 = 5;
export const M_INTENSITY_SUM: i32 = 6;
export const M_MARKETS_SUM: i32 = 7;
export const M_WEIGHT_SUM: i32 = 8;
export const M_WEIGHTED_EXPORTERS: i32 = 9;
export const M_RECIPIENTS: i32 = 10;
export const M_RECIPIENTS_EXPORTING: i32 = 11;
export const M_DEADWEIGHT: i32 = 12;
export const M_SALES_GROWTH_SUM: i32 = 13;
export const M_HYSTERESIS_SUM: i32 = 14;
export const M_HYSTERESIS_N: i32 = 15;
export const M_EXPORTED_LAST_YEAR: i32 = 16;
export const M_SPELL_AGE_0: i32 = 17;
export const M_SPELL_AGE_1: i32 = 18;
export const M_SPELL_AGE_2: i32 = 19;
export const M_SPELL_AGE_3: i32 = 20;
export const M_SPELL_AGE_4: i32 = 21;
export const M_GAP1_AT_RISK: i32 = 22;
export const M_GAP1_REENTRIES: i32 = 23;
export const M_GAP3PLUS_AT_RISK: i32 = 24;
export const M_GAP3PLUS_REENTRIES: i32 = 25;
export const M_ONE_MARKET_EXPORTERS: i32 = 26;
export const M_ONE_MARKET_EXITS: i32 = 27;
export const M_THREE_PLUS_MARKET_EXPORTERS: i32 = 28;
export const M_THREE_PLUS_MARKET_EXITS: i32 = 29;
export const M_FOUNDER_EXPERIENCE_FIRMS: i32 = 30;
export const M_FOUNDER_EXPERIENCE_EXPORTERS: i32 = 31;
export const M_BIRTHS: i32 = 32;
export const M_TRADABLE: i32 = 33;
export const M_SPEND: i32 = 34;
export const M_ADDED_RECIPIENTS: i32 = 35;
export const M_ADDED_DEADWEIGHT: i32 = 36;
export const M_WEIGHTED_RECIPIENTS: i32 = 37;
export const M_WEIGHTED_DEADWEIGHT: i32 = 38;
export const M_WEIGHTED_ADDED_RECIPIENTS: i32 = 39;
export const M_WEIGHTED_ADDED_DEADWEIGHT: i32 = 40;
export const M_EXPORTER_DEATHS: i32 = 41;
export const N_METRICS: i32 = 42;
export const N_STATES: i32 = 6;
