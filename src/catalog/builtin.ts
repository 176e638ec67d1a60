// The built-in catalog as the server reads it. In dist/Code.js the build swaps this file for a gzipped copy
// decoded on first use (scripts/build.mjs), which keeps the bundle small: only setup needs it.
import type { Sop } from "../domain/sop";
import { CATALOG } from "./index";

export function builtInCatalog(): Sop[] {
  return CATALOG;
}
