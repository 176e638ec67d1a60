// Ends a call as Apps Script might: at the flush right after its journal entry was appended, so Riwayat holds the
// entry and the register row does not yet (the next lock holder must finish it).
import type { Alur } from "../../emulator/alur-world";
import { ExecutionEnded } from "../../emulator/fakes/world";

/** Runs `call` as an execution that ends at its first flush after a row is appended; expects it to end there. */
export function cutAfterEntry(alur: Alur, call: () => unknown): void {
  let appended = false;
  alur.world.onCall = (kind, method) => {
    if (kind === "Sheet" && method === "appendRow") appended = true;
    else if (appended && kind === "SpreadsheetApp" && method === "flush") {
      alur.world.onCall = null;
      alur.world.ended = true;
    }
  };
  expect(call).toThrow(ExecutionEnded);
  alur.world.ended = false;
}
