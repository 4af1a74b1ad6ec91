/**
 * The benchmark's reform: the same export-readiness grant the simulation tests use (tradable
 * non-exporters with moderate attitudinal barriers, rationed within each block's budget share),
 * so the benchmark measures the programme the tests check.
 */
export { buildYearHooks } from "../../test/simulate/fixtures/grant-hooks.ts";
