// The built-in catalog as the server reads it. In dist/Code.js the build swaps this file for a reader of
// dist/Catalog.html (gzipped JSON, decoded on first use; scripts/build.mjs): Code.js, loaded on every call, stays
// small, and only setup, which needs the catalog, reads it.
import type { Sop } from "../domain/sop";
import { CATALOG } from "./index";

export function builtInCatalog(): Sop[] {
  return CATALOG;
}
