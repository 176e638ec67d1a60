// The bad-input corpus (test/corpus/payloads.ts, corpus.ts): every pair of an input and an entry point holds — a clear
// message in Bahasa Indonesia or a safe value, no internals, no formula created, no script run in a page, nothing
// changed by a refusal. Writes build/corpus.json, which npm run bench reports as robustness.badInputs/badInputFailures.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../emulator/paths";
import { GROUPS, runGroup, summarize } from "./corpus";
import type { GroupResult } from "./runner";

const results: GroupResult[] = [];

describe("the bad-input corpus", () => {
  test.each(GROUPS.map((g) => g.name))("%s: every input is refused with a clear message or kept safe", (name) => {
    const r = runGroup(name);
    results.push(r);
    expect(r.pairs).toBeGreaterThan(10);
    expect(r.failures.map((f) => `${f.entry} ← ${f.input}: ${f.problem}`)).toEqual([]);
  });

  afterAll(() => {
    const s = summarize(results);
    const out = { ...s, complete: results.length === GROUPS.length, groups: s.groups.map((g) => ({ group: g.group, pairs: g.pairs, failures: g.failures.length, cpuMs: Math.round(g.cpuMs) })), failures: s.groups.flatMap((g) => g.failures).slice(0, 100), at: new Date().toISOString() };
    mkdirSync(join(ROOT, "build"), { recursive: true });
    writeFileSync(join(ROOT, "build/corpus.json"), `${JSON.stringify(out, null, 1)}\n`);
    if (results.length === GROUPS.length) expect(s.badInputs).toBeGreaterThanOrEqual(200);
  });
});
