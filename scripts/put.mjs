// Build outputs written only when they change, through a temporary file renamed into place (scripts/build.mjs).
import { existsSync, mkdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** The files this build wrote (or found already right), so stale ones can be removed from dist/ afterwards. */
export const made = new Set();

/**
 * Writes a build output only when its content changed, through a temporary file renamed into place: a build run while
 * tests or the workspace read dist/ and build/ (CI runs the browser tests beside the others) never shows them a
 * missing or half-written file, and an unchanged build rewrites nothing (it only marks the file's time).
 */
export function put(path, content) {
  made.add(path);
  const data = typeof content === "string" ? Buffer.from(content) : content;
  if (existsSync(path) && readFileSync(path).equals(data)) {
    // Unchanged, but built from the current sources: its time says so (stale-build checks compare times).
    const now = new Date();
    utimesSync(path, now, now);
    return;
  }
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}
