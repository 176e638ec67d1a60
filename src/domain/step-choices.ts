// The choices a step offers a person acting on it from an email: the same buttons the panel shows for that step.
import type { Sop, SopStep } from "./sop";

export type StepChoice = "approve" | "return" | "complete";

export interface ChoiceView {
  action: StepChoice;
  label: string;
  /** Sends the case back: a reason must be typed first. */
  needsReason: boolean;
  /** The step number the case goes to, or "selesai" when it ends there. */
  toStep: string;
}

/**
 * The choices of a step. A decision offers Setujui (Ya) and Kembalikan (Tidak), a process step Selesai & teruskan.
 *
 * HOOK for steps with their own choices: the leave decision of the letters work (Disetujui / Perubahan / Ditangguhkan /
 * Tidak disetujui) is not in the SOP model yet. When a step carries its own choices, return them here, add their
 * action to `StepChoice` and to the `act` path (cases.ts: the same transition the panel uses), and the email, the
 * confirm page and its button follow without further change.
 */
export function stepChoices(sop: Sop, step: SopStep): ChoiceView[] {
  if (step.kind === "decision") {
    return [
      { action: "approve", label: step.yesLabel ? `Setujui (${step.yesLabel})` : "Setujui", needsReason: false, toStep: step.yesTo ?? "" },
      { action: "return", label: step.noLabel ? `Kembalikan (${step.noLabel})` : "Kembalikan", needsReason: true, toStep: step.noTo ?? "" },
    ];
  }
  const i = sop.steps.indexOf(step);
  return [{ action: "complete", label: "Selesai & teruskan", needsReason: false, toStep: i + 1 < sop.steps.length ? sop.steps[i + 1].no : "selesai" }];
}
