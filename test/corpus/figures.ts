// The corpus's figures for npm run bench: each group's result as its jest test wrote it (build/corpus/<group>.json),
// or, when a group's file is missing or was written for another bundle, the group run here by the same runner.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_CODE_PATH } from "../../emulator/ensure-built";
import { ROOT } from "../../emulator/paths";
import { GROUPS, type CorpusResult, runGroup, summarize } from "./corpus";
import type { GroupResult } from "./runner";

export const CORPUS_DIR = join(ROOT, "build/corpus");
const fileOf = (group: string) => join(CORPUS_DIR, `${group.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.json`);

/** The bundle the figures are about, by content (the build touches dist/ on every run, so times say nothing). */
const bundleHash = () => (existsSync(DEFAULT_CODE_PATH) ? createHash("sha1").update(readFileSync(DEFAULT_CODE_PATH)).digest("hex") : "");

export function writeGroup(r: GroupResult): void {
  mkdirSync(CORPUS_DIR, { recursive: true });
  writeFileSync(fileOf(r.group), `${JSON.stringify({ ...r, failures: r.failures.slice(0, 100), failureCount: r.failures.length, bundle: bundleHash(), at: new Date().toISOString() }, null, 1)}\n`);
}

function readGroup(group: string): GroupResult | null {
  const f = fileOf(group);
  if (!existsSync(f)) return null;
  const r = JSON.parse(readFileSync(f, "utf8")) as GroupResult & { failureCount: number; bundle?: string };
  if (r.bundle !== bundleHash()) return null;
  return { group: r.group, pairs: r.pairs, cpuMs: r.cpuMs, failures: Array.from({ length: r.failureCount }, (_, i) => r.failures[i] ?? { group, entry: "", input: "", problem: "(not kept)" }) };
}

/** Every group's figures: from the tests' runs when fresh, else run now. `ran` names the groups run here. */
export function corpusFigures(): CorpusResult & { ran: string[] } {
  const ran: string[] = [];
  const groups = GROUPS.map((g) => {
    const kept = readGroup(g.name);
    if (kept) return kept;
    ran.push(g.name);
    const r = runGroup(g.name);
    writeGroup(r);
    return r;
  });
  return { ...summarize(groups), ran };
}
