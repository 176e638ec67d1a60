// Jest tests of some of the corpus's groups (the groups are spread over a few files so both workers share them).
import { runGroup } from "./corpus";
import { writeGroup } from "./figures";

export function corpusTests(groups: string[]): void {
  describe("the bad-input corpus", () => {
    test.each(groups)("%s: every input is refused with a clear message in Bahasa Indonesia or kept safe", (name) => {
      const r = runGroup(name);
      writeGroup(r);
      expect(r.pairs).toBeGreaterThan(10);
      expect(r.failures.map((f) => `${f.entry} ← ${f.input}: ${f.problem}`)).toEqual([]);
    });
  });
}
