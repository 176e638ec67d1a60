// Base of every fake: knows its World and its Apps Script kind ("Range", "SpreadsheetApp", ...), used as the counter key.
import type { World } from "./world";

/**
 * Scripts only ever see fakes through a Membrane proxy, which exposes prototype methods whose names do not end
 * in "_" (internal helpers do) and PascalCase properties (enums). Fields stay hidden.
 */
export abstract class Fake {
  abstract readonly kind: string;
  constructor(readonly world: World) {}
}

/** Casts a fake to the Apps Script type it stands in for (return types of chained methods). */
export function asGas<T>(fake: Fake): T {
  return fake as unknown as T;
}

/** Casts an Apps Script-typed argument back to the fake the membrane handed out (it unwraps proxies). */
export function asFake<T extends Fake>(v: unknown): T {
  return v as T;
}
