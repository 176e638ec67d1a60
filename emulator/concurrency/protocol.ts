// Messages between the main thread (which holds the World) and an execution's worker; values cross as structured clones.

/** A fake on the main side, named by handle; `k` is its kind, `e` its enums (PascalCase properties). */
export interface HandleRef {
  $h: number;
  k?: string;
  e?: Record<string, unknown>;
}
export interface DateRef {
  $d: number;
}

export type Request = { type: "call"; h: number; m: string; args: unknown[] } | { type: "set"; h: number; name: string; value: unknown };
export type Done = { type: "done"; ok: true; value: unknown } | { type: "done"; ok: false; error: { name: string; message: string } };
/** A reply carries the world clock's time when the call was answered: the execution's Date reads it (emulator/world-date.ts). */
export type Reply = ({ ok: true; value: unknown } | { ok: false; error: { name: string; message: string } }) & { now: number };

export interface WorkerInit {
  codePath: string;
  /** Int32Array[1]: the main thread sets 1 when a reply (or the next job) is on the port. */
  flag: SharedArrayBuffer;
}

/** One execution for a worker thread: the function to call, and the services as handles 0..n-1, in this order. */
export interface Job {
  type: "job";
  fn: string;
  args: unknown[];
  services: HandleRef[];
  serviceNames: string[];
  /** The bundle to load (a pooled thread serves runs of different builds). */
  codePath?: string;
  /** The world clock's time as the execution starts. */
  now: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === null || proto.constructor?.name === "Object";
}

/** Deep-maps arrays and plain objects; `leaf` may replace any object (return undefined to recurse). */
export function mapDeep(v: unknown, leaf: (x: object) => unknown): unknown {
  if (!isObject(v)) return typeof v === "function" ? null : v;
  const replaced = leaf(v);
  if (replaced !== undefined) return replaced;
  if (Array.isArray(v)) {
    // An array of primitives only (a row of cells, the bytes of a blob) has nothing to map: it crosses as it is.
    let flat = true;
    for (let i = 0; i < v.length && flat; i++) {
      const x = v[i];
      flat = (typeof x !== "object" || x === null) && typeof x !== "function";
    }
    return flat ? v : v.map((x) => mapDeep(x, leaf));
  }
  if (!isPlain(v)) return null;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = mapDeep(x, leaf);
  return out;
}

export function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

export function isHandleRef(v: unknown): v is HandleRef {
  return isObject(v) && typeof v.$h === "number";
}

export function isDateRef(v: unknown): v is DateRef {
  return isObject(v) && typeof v.$d === "number" && Object.keys(v).length === 1;
}
