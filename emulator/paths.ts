// The repository root, found the same way from emulator/*.ts and from the Node-side bundle in build/ (both one level down).
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "..");
export const DIST = join(ROOT, "dist");
