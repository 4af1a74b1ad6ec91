/**
 * This year's state and spectrum position of every firm, from its attributes and history. The
 * rules follow the review's definitions (states: Bell et al. 2003, Crick 2004, O'Farrell et al.
 * 1998; positions: the spectrum from non-tradable to international new venture) with the
 * thresholds of params.ts. It is a whole-column twin of src/diagnose for simulated firms, whose
 * attributes are always known.
 */
import type { Population } from "../population.ts";
import { checkRange, type StepContext } from "./context.ts";

/** Indices into STATES. */
export const STATE_CODE = {
  never_exported: 0,
  exporting: 1,
  re_entered: 2,
  suspended: 3,
  withdrawn_disappointed: 4,
  withdrawn_disinterested: 5,
} as const;

/** Indices into POSITIONS. */
export const POSITION_CODE = {
  non_tradable: 0,
  domestic_by_choice: 1,
  export_capable: 2,
  inexperienced_exporter: 3,
  experienced_exporter: 4,
  international_new_venture: 5,
} as const;

export function classify(pop: Population, ctx: StepContext): void {
  checkRange(ctx, pop.capacity);
  classifyKernel(pop, ctx);
}

export function classifyKernel(pop: Population, ctx: StepContext): void {
  const { start, end, params: p } = ctx;
  const {
    exporting,
    reentered,
    everExported,
    suspended,
    plansToExport,
    tradable,
    state,
    position,
    firstExportYear,
    founded,
    exportShare,
    yearsExported,
    barrierAttitudinal,
    barrierResource,
    barrierOperational,
    barrierStrategic,
  } = pop;
  // Thresholds as locals (a property read per firm otherwise).
  const invInceptionYears = p.invInceptionYears;
  const invMinShare = p.invMinShare;
  const experiencedYears = p.experiencedYears;
  const capableMaxBarrier = p.capableMaxBarrier;
  for (let i = start; i < end; i++) {
    const active = exporting[i] === 1;
    state[i] = active
      ? reentered[i]
        ? STATE_CODE.re_entered
        : STATE_CODE.exporting
      : everExported[i] === 0
        ? STATE_CODE.never_exported
        : suspended[i]
          ? STATE_CODE.suspended
          : plansToExport[i]
            ? STATE_CODE.withdrawn_disinterested
            : STATE_CODE.withdrawn_disappointed;
    if (tradable[i] === 0) {
      position[i] = POSITION_CODE.non_tradable;
    } else if (active || suspended[i]) {
      const fromInception = firstExportYear[i] - founded[i] <= invInceptionYears;
      position[i] =
        fromInception && exportShare[i] >= invMinShare
          ? POSITION_CODE.international_new_venture
          : yearsExported[i] >= experiencedYears
            ? POSITION_CODE.experienced_exporter
            : POSITION_CODE.inexperienced_exporter;
    } else {
      const meanBarrier =
        0.25 *
        (barrierAttitudinal[i] + barrierResource[i] + barrierOperational[i] + barrierStrategic[i]);
      position[i] =
        plansToExport[i] || meanBarrier <= capableMaxBarrier
          ? POSITION_CODE.export_capable
          : POSITION_CODE.domestic_by_choice;
    }
  }
}
