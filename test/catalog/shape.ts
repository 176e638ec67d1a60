// Checks every catalog part test makes of each SOP's shape, and the step lookup they share.
import { roleById } from "../../src/catalog/roles";
import type { Sop, SopStep } from "../../src/domain/sop";

export function stepOf(sop: Sop, no: string): SopStep {
  const s = sop.steps.find((x) => x.no === no);
  if (!s) throw new Error(`${sop.id}: no step ${no}`);
  return s;
}

export const notesOf = (sop: Sop, no: string) => (stepOf(sop, no).notes ?? []).join(" ");

/** Every step is done by one of the SOP's lanes, and every lane maps to a known role. */
export function expectLanesAndRoles(sop: Sop): void {
  const headers = sop.lanes.map((l) => l.header);
  for (const s of sop.steps) expect(headers).toContain(s.role);
  for (const l of sop.lanes) expect(roleById(l.role)).toBeDefined();
}

/** Step numbers are unique; only decisions have targets: forward (or the end) on Ya, an earlier step on Tidak. */
export function expectDecisionsForwardAndBack(sop: Sop): void {
  const nos = sop.steps.map((s) => s.no);
  expect(new Set(nos).size).toBe(nos.length);
  sop.steps.forEach((s, i) => {
    if (s.kind !== "decision") {
      expect(s.yesTo).toBeUndefined();
      expect(s.noTo).toBeUndefined();
      return;
    }
    expect(s.yesTo === "selesai" || nos.indexOf(s.yesTo ?? "") > i).toBe(true);
    const back = nos.indexOf(s.noTo ?? "");
    expect(back).toBeGreaterThanOrEqual(0);
    expect(back).toBeLessThan(i);
  });
}
