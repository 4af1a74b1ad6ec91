import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_HOOK_FACTORY } from "../../src/simulate/hooks-factory.ts";
import { workerBoot } from "../../src/simulate/worker-bundle.ts";

describe("worker bundle", () => {
  it("names the cached bundle by the sources when every linked module is under src/", () => {
    const a = workerBoot([DEFAULT_HOOK_FACTORY]);
    expect(a.key).toMatch(/^[0-9a-f]{16}$/);
    // Same sources and entry, same name: a later start loads the file without building it.
    expect(workerBoot([DEFAULT_HOOK_FACTORY]).key).toBe(a.key);
    // Another set of linked modules is another bundle.
    const other = pathToFileURL(
      new URL("../../src/policy/index.ts", import.meta.url).pathname,
    ).href;
    expect(workerBoot([DEFAULT_HOOK_FACTORY, other]).key).not.toBe(a.key);
  });

  it("builds and names by content a bundle that links a module outside src/", () => {
    const fixture = new URL("./fixtures/grant-hooks.ts", import.meta.url).href;
    const boot = workerBoot([fixture]);
    expect(boot.key).toBe("");
    expect(boot.entry).toContain("grant-hooks.ts");
  });
});
