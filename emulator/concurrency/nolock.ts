// The shared build without the script lock (scripts/build-nolock.mjs): every concurrency test shows on it that what it
// checks fails without the lock. Rebuilt when dist/ is newer, once per process, under a cross-process lock.
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_CODE_PATH, ensureBuilt, withBuildLock } from "../ensure-built";
import { ROOT } from "../paths";

export const NO_LOCK_DIR = join(ROOT, "build/test/nolock");
export const NO_LOCK_CODE = join(NO_LOCK_DIR, "Code.js");
let checked = false;

const stale = () => !existsSync(NO_LOCK_CODE) || statSync(NO_LOCK_CODE).mtimeMs < statSync(DEFAULT_CODE_PATH).mtimeMs;

/** The no-lock build: its Code.js and the directory its HTML project files (lazy modules, letters) are read from. */
export function ensureNoLockBuild(): { codePath: string; htmlDir: string } {
  if (!checked) {
    ensureBuilt();
    withBuildLock("nolock", stale, () => execFileSync(process.execPath, [join(ROOT, "scripts/build-nolock.mjs")], { cwd: ROOT, stdio: "pipe" }));
    checked = true;
  }
  return { codePath: NO_LOCK_CODE, htmlDir: NO_LOCK_DIR };
}
