// One test per operation: the sweep over every call of it; a failure lists each broken point.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../emulator/paths";
import { scenario } from "./scenarios";
import { partName, summary, sweep } from "./sweep";

/** `part` [i, n]: this file sweeps every n-th point from the i-th (one long sweep as n files, on n workers). */
export function sweepTests(names: string[], part?: [number, number]): void {
  for (const name of names) writeFileSync(join(ROOT, "build/faults", `${name}${partName(part)}.planned`), "");
  test.each(names)(`%s${partName(part)}: every call fails, ends before or ends after, then the retry and the hourly trigger leave the record whole`, (name) => {
    const r = sweep(scenario(name), undefined, part);
    if (r.failures.length) throw new Error(summary(r, 60));
    expect(r.points).toBeGreaterThan(0);
  });
}
