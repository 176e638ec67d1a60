// Rebuilds dist/ when src/ (or the build) is newer than dist/Code.js, once per process, under a cross-process lock.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DIST, ROOT } from "./paths";

export { ROOT };
export const DEFAULT_CODE_PATH = join(DIST, "Code.js");
// emulator/fakes: dist/UjiExpected.html holds what the fakes answer to Uji mandiri's probes (scripts/uji-expected.mjs).
const INPUTS = ["src", "sidebar", "templates", "scripts/build.mjs", "scripts/uji-expected.mjs", "appsscript.json", "emulator/fakes"];
let checked = false;

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

function stale(): boolean {
  if (!existsSync(DEFAULT_CODE_PATH)) return true;
  const built = statSync(DEFAULT_CODE_PATH).mtimeMs;
  return INPUTS.some((p) => newest(join(ROOT, p)) > built);
}

/** Sleeps without timers (tests may run under fake timers). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `build` when `stale()` says so, under a cross-process lock named `name` (Jest runs test files in parallel
 * processes: one builds, the others wait and then see it fresh). A lock older than two minutes is taken as abandoned.
 */
export function withBuildLock(name: string, isStale: () => boolean, build: () => void): void {
  if (!isStale()) return;
  const lock = join(ROOT, `build/.${name}-lock`);
  mkdirSync(join(ROOT, "build"), { recursive: true });
  const until = Date.now() + 120000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > until) rmdirSync(lock);
      else pause(100);
    }
  }
  try {
    if (isStale()) build();
  } finally {
    rmdirSync(lock);
  }
}

export function ensureBuilt(): void {
  if (checked) return;
  withBuildLock("build", stale, () => execFileSync(process.execPath, [join(ROOT, "scripts/build.mjs")], { cwd: ROOT, stdio: "pipe" }));
  checked = true;
}
