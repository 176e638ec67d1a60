// Secrets by purpose — the journal's chain, the mail queue's seal, the email links — each rotated on its own.
export type KeyPurpose = "chain" | "queue" | "link";

/** A purpose's keys: the one new entries are made with, and older ones kept so what they signed can still be checked. */
interface Ring {
  current: string;
  keys: Record<string, string>;
}

const PROP: Record<KeyPurpose, string> = { chain: "alur.key.chain", queue: "alur.key.queue", link: "alur.key.link" };
/** Email links were signed with this secret before keys had purposes; it becomes the link ring's first key. */
const OLD_LINK = "alur.linkSecret";

function secret(): string {
  return `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, "");
}

function parse(raw: string | null): Ring | null {
  if (!raw) return null;
  try {
    const r = JSON.parse(raw) as Ring;
    return r && typeof r.current === "string" && r.keys && typeof r.keys[r.current] === "string" ? r : null;
  } catch {
    return null;
  }
}

function newId(ring: Ring | null): string {
  let n = ring ? Object.keys(ring.keys).length + 1 : 1;
  while (ring && Object.prototype.hasOwnProperty.call(ring.keys, `k${n}`)) n++;
  return `k${n}`;
}

/** Makes the ring if it is missing; call it holding the lock (setup does), so two executions never make two. */
export function ensureKey(purpose: KeyPurpose): void {
  const props = PropertiesService.getScriptProperties();
  if (parse(props.getProperty(PROP[purpose]))) return;
  const old = purpose === "link" ? props.getProperty(OLD_LINK) : null;
  const ring: Ring = { current: "k1", keys: { k1: old || secret() } };
  props.setProperty(PROP[purpose], JSON.stringify(ring));
}

/**
 * The current key of a purpose, made the first time it is needed (setup makes them all; a workbook from an earlier
 * release gets them at its first action). Call it holding the lock: two executions must never make two keys.
 */
export function currentKey(purpose: KeyPurpose): { id: string; secret: string } {
  const props = PropertiesService.getScriptProperties();
  let ring = parse(props.getProperty(PROP[purpose]));
  if (!ring) {
    ensureKey(purpose);
    ring = parse(props.getProperty(PROP[purpose])) as Ring;
  }
  return { id: ring.current, secret: ring.keys[ring.current] };
}

/** Every key of a purpose by id (the chain and the queue keep old keys, so entries made with them still verify). */
export function keyRing(purpose: KeyPurpose): Map<string, string> {
  const ring = parse(PropertiesService.getScriptProperties().getProperty(PROP[purpose]));
  return new Map(ring ? Object.entries(ring.keys) : []);
}

/**
 * A new current key for one purpose; nothing else changes. Email links keep no old key: every link sent so far stops
 * working, which is what rotating that key is for. Call it holding the lock.
 */
export function rotateKey(purpose: KeyPurpose): string {
  const props = PropertiesService.getScriptProperties();
  const ring = parse(props.getProperty(PROP[purpose]));
  const id = newId(ring);
  const keys = purpose === "link" || !ring ? {} : ring.keys;
  props.setProperty(PROP[purpose], JSON.stringify({ current: id, keys: { ...keys, [id]: secret() } }));
  return id;
}
