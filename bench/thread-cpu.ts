// The main thread's own CPU time (Linux /proc, clock ticks of 10 ms): process.cpuUsage also
// counts V8's helper threads (concurrent GC and compilers), so this is the one-core figure.
import { execSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const TICK_MS = 1000 / Number(execSync("getconf CLK_TCK").toString().trim() || 100);
const TASK_STAT = `/proc/self/task/${process.pid}/stat`;

/** CPU milliseconds (user + system) the main thread has used so far; NaN off Linux. */
export function mainThreadMs(): number {
  if (!existsSync(TASK_STAT)) return Number.NaN;
  const fields = readFileSync(TASK_STAT, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}
