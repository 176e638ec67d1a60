// The randomized interleavings' figures for the bench: test/app/interleavings-{a,b}.test.ts write them (build/
// interleavings-*.json) from the runs npm test made; null with the reason when they have not run.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./paths";

export function interleavingFigures(): { interleavings: number | null; lostOrDoubled: number | null; missing?: string } {
  const parts = ["a", "b"].map((p) => join(ROOT, `build/interleavings-${p}.json`));
  const missing = parts.filter((p) => !existsSync(p));
  if (missing.length) return { interleavings: null, lostOrDoubled: null, missing: `${missing.map((p) => p.slice(ROOT.length + 1)).join(", ")} not found: run npm test first` };
  const figs = parts.map((p) => JSON.parse(readFileSync(p, "utf8")) as { interleavings: number; lostOrDoubled: number });
  return { interleavings: figs.reduce((a, f) => a + f.interleavings, 0), lostOrDoubled: figs.reduce((a, f) => a + f.lostOrDoubled, 0) };
}
