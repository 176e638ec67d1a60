// The one lock every state change takes (the script lock: the document lock is null in a web app).
import { recoverJournal, settleFlushed } from "./journal";

export const BUSY_MESSAGE = "Alur sedang memproses tindakan orang lain. Tidak ada yang berubah; coba lagi sebentar lagi.";

/** Replaced at build time: false in every real build (see scripts/build.mjs, used by the concurrency tests only). */
declare const ALUR_UNSAFE_NO_LOCK: boolean;

export function withLock<T>(fn: () => T, timeoutMs = 20000): T {
  if (ALUR_UNSAFE_NO_LOCK) {
    recoverJournal();
    const out = fn();
    SpreadsheetApp.flush();
    settleFlushed();
    return out;
  }
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(timeoutMs)) throw new Error(BUSY_MESSAGE);
  try {
    // Whatever an execution cut off before this one left unfinished is finished (or undone) first.
    recoverJournal();
    const out = fn();
    SpreadsheetApp.flush();
    // The journal's head is settled only once what it vouches for is flushed.
    settleFlushed();
    return out;
  } finally {
    lock.releaseLock();
  }
}

/**
 * The same script lock for what an edit writes back (onEdit, a simple trigger): no journal recovery — it may send
 * emails, which a simple trigger cannot — and a wait that fits its 30 seconds. False when the lock stayed busy.
 */
export function withEditLock(fn: () => void, timeoutMs = 10000): boolean {
  if (ALUR_UNSAFE_NO_LOCK) {
    fn();
    SpreadsheetApp.flush();
    return true;
  }
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(timeoutMs)) return false;
  try {
    fn();
    SpreadsheetApp.flush();
    return true;
  } finally {
    lock.releaseLock();
  }
}
