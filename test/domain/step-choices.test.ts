// The buttons an email offers for a step (src/domain/step-choices.ts): the same as the panel's.
import { stepChoices } from "../../src/domain/step-choices";
import type { Sop, SopStep } from "../../src/domain/sop";

const step = (no: string, extra: Partial<SopStep> = {}): SopStep => ({ no, text: `Langkah ${no}`, role: "JFU", roleInferred: false, kind: "process", kelengkapan: [], waktu: "", output: "", keterangan: "", ...extra });
const steps = [step("1"), step("2", { kind: "decision", yesTo: "3", noTo: "1" }), step("3", { kind: "decision", yesTo: "selesai", noTo: "2", yesLabel: "Lengkap", noLabel: "Belum lengkap" }), step("3a"), step("4")];
const sop = { steps } as unknown as Sop;

describe("stepChoices", () => {
  test("a decision offers Setujui and Kembalikan (the latter asks for a reason), with the seed's own words when it has them", () => {
    expect(stepChoices(sop, steps[1])).toEqual([
      { action: "approve", label: "Setujui", needsReason: false, toStep: "3" },
      { action: "return", label: "Kembalikan", needsReason: true, toStep: "1" },
    ]);
    expect(stepChoices(sop, steps[2])).toEqual([
      { action: "approve", label: "Setujui (Lengkap)", needsReason: false, toStep: "selesai" },
      { action: "return", label: "Kembalikan (Belum lengkap)", needsReason: true, toStep: "2" },
    ]);
  });

  test("a decision without exits names no step", () => {
    const bare = step("9", { kind: "decision" });
    expect(stepChoices({ steps: [bare] } as unknown as Sop, bare).map((c) => c.toStep)).toEqual(["", ""]);
  });

  test("a process step goes on to the next step in the SOP's order; the last one ends the case", () => {
    expect(stepChoices(sop, steps[0])).toEqual([{ action: "complete", label: "Selesai & teruskan", needsReason: false, toStep: "2" }]);
    expect(stepChoices(sop, steps[3])).toEqual([{ action: "complete", label: "Selesai & teruskan", needsReason: false, toStep: "4" }]);
    expect(stepChoices(sop, steps[4])).toEqual([{ action: "complete", label: "Selesai & teruskan", needsReason: false, toStep: "selesai" }]);
  });
});
