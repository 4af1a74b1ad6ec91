/**
 * How long a simulation worker takes from spawn to ready (bundle found or built, code loaded,
 * kernel instantiated), for the default policy factory; each run is a fresh process, so run it
 * a few times: the first start after a source change also builds the bundle.
 *
 *   node --import tsx bench/simulate/worker-start.ts
 */
import { DEFAULT_HOOK_FACTORY } from "../../src/simulate/hooks-factory.ts";
import { workersLoaded } from "../../src/simulate/pool.ts";

const t0 = performance.now();
await workersLoaded(1, [DEFAULT_HOOK_FACTORY]);
console.log(`worker ready in ${(performance.now() - t0).toFixed(0)} ms`);
process.exit(0);
