// The one build without the script lock (build/test/nolock/): Code.js, its lazy modules and the letters module made
// with ALUR_UNSAFE_NO_LOCK, beside copies of dist/'s other files. Only the concurrency tests and the bench load it, to
// show that what they check fails without the lock (emulator/concurrency/nolock.ts builds it when dist/ is newer).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildLettersModule, buildServer } from "./build.mjs";
import { put } from "./put.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
export const NO_LOCK_DIR = join(root, "build/test/nolock");

export async function buildNoLock() {
  for (const f of readdirSync(dist)) if (!f.endsWith(".tmp")) put(join(NO_LOCK_DIR, f), readFileSync(join(dist, f)));
  await buildLettersModule({ outDir: NO_LOCK_DIR, unsafeNoLock: true });
  // Last: its time says the whole directory is built (emulator/concurrency/nolock.ts compares it with dist/Code.js).
  await buildServer({ outfile: join(NO_LOCK_DIR, "Code.js"), unsafeNoLock: true });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildNoLock();
