// One test per operation: the sweep over every call of it; a failure lists each broken point.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../emulator/paths";
import { scenario } from "./scenarios";
import { summary, sweep } from "./sweep";

export function sweepTests(names: string[]): void {
  for (const name of names) writeFileSync(join(ROOT, "build/faults", `${name}.planned`), "");
  test.each(names)("%s: every call fails, ends before or ends after, then the retry and the hourly trigger leave the record whole", (name) => {
    const r = sweep(scenario(name));
    if (r.failures.length) throw new Error(summary(r, 60));
    expect(r.points).toBeGreaterThan(0);
  });
}
