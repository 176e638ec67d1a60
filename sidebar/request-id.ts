// One id per new-case submission, so that pressing "Mulai kasus" again after a lost reply returns the same case, not a second one.

/** 32 hex characters from the browser's random source (server accepts 16–64 of [A-Za-z0-9-_]). */
export function newRequestId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The id for the form of one SOP: made on first use, kept through failed attempts, and given up only when the
 * case was started (forget) so the next form gets a fresh one.
 */
export function requestIdFor(ids: Record<string, string>, sopId: string, make: () => string = newRequestId): string {
  let id = ids[sopId];
  if (!id) {
    id = make();
    ids[sopId] = id;
  }
  return id;
}
