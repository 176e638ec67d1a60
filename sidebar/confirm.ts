// Warnings → confirm: a call refused with warnings (things offices legitimately differ on) changed nothing; the panel
// lists them with "Tetap lanjutkan", which sends the same call again with confirm: true.
import { clearAlert, showWarnings } from "./alert";
import { CallError } from "./api-client";
import { withBusy } from "./busy";

export interface Confirmable<T> {
  /** The button that sent the call (busy while it is in flight; busy again while the confirmation is). */
  btn: HTMLButtonElement;
  /** Makes the call; `confirm` true only for the second sending, after the person saw the warnings. */
  send: (confirm: boolean) => Promise<T>;
  done: (result: T) => void;
  /** Any other refusal or failure, of the first sending or of the confirmation. */
  failed: (err: unknown) => void;
}

/** Warnings worth confirming: a refusal with warnings and no field errors (those must be fixed first). */
export function confirmableWarnings(err: unknown): string[] {
  return err instanceof CallError && err.warnings.length && !Object.keys(err.fieldErrors).length ? err.warnings : [];
}

export async function sendConfirmable<T>(c: Confirmable<T>): Promise<void> {
  clearAlert();
  try {
    c.done(await withBusy(c.btn, () => c.send(false)));
  } catch (err) {
    const warnings = confirmableWarnings(err);
    if (!warnings.length) {
      c.failed(err);
      return;
    }
    showWarnings((err as CallError).message, warnings, async (confirmBtn) => {
      try {
        // The form's own button is busy too: nothing can be sent twice meanwhile.
        const result = await withBusy(confirmBtn, () => withBusy(c.btn, () => c.send(true)));
        clearAlert();
        c.done(result);
      } catch (again) {
        c.failed(again);
      }
    });
  }
}
