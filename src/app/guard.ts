// Who may run a global function: a page served by the web app can call any of them through google.script.run, as the
// deployer ("execute as me"). Functions that are not meant for such pages refuse those callers.

const lower = (s: string) => s.trim().toLowerCase();

/**
 * The code runs under its caller's own authority: the editor, the sidebar, a menu item, the owner's own run. A web
 * app executing as its deployer runs under the deployer's authority for a visitor who is someone else (or unknown):
 * Session.getEffectiveUser() is then the deployer while getActiveUser() is the visitor, or blank.
 */
export function ownSession(): boolean {
  const active = lower(Session.getActiveUser().getEmail());
  return !!active && active === lower(Session.getEffectiveUser().getEmail());
}

/** The event of an installable trigger of this project: it names the trigger, which the project lists. */
export function fromTrigger(e: unknown): boolean {
  const uid = e && typeof e === "object" ? (e as { triggerUid?: unknown }).triggerUid : undefined;
  if ((typeof uid !== "string" && typeof uid !== "number") || String(uid) === "") return false;
  try {
    return ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === String(uid));
  } catch {
    return false;
  }
}

export const NOT_FROM_HERE = "Fungsi ini dijalankan oleh pemicu Alur atau dari spreadsheet, bukan dari halaman web. Tidak ada yang diubah.";

/** Refuses a caller that is neither a trigger of this project nor someone acting under their own authority. */
export function requireTriggerOrOwn(e: unknown): void {
  if (ownSession() || fromTrigger(e)) return;
  throw new Error(NOT_FROM_HERE);
}
