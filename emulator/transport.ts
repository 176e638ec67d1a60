// What google.script.run does to the values crossing between a page and the server: the one transport every server
// call made from outside the bundle goes through (jest harness, bench, local workspace, concurrency runner).
//
// Documented (developers.google.com/apps-script/guides/html/reference/run#myFunction(...)): parameters may be
// primitives (Number, Boolean, String, null) and objects and arrays made of them; "Requests fail if you attempt to
// pass a Date, Function, DOM element besides a form, or other prohibited type, including prohibited types inside
// objects or arrays. Objects that create circular references will also fail, and undefined fields within arrays
// become null"; return values follow the same restrictions (a form excepted).
// Observed, not documented: the failure is thrown in the page as "Failed due to illegal value in property: KEY" (KEY
// the index or property name holding the value) or "Failed due to circular reference." — the wording in Google's
// client code and in public reports.
// Assumed (widely reported, not documented): a Date anywhere in a server function's result makes the success handler
// receive null for the whole result. Also assumed: an Apps Script object (a Range, an HtmlOutput) in a result does
// the same; a function in a result is left out as JSON would; prototypes are dropped (a class instance, a Map or a
// Set crosses as a plain object of its own enumerable properties); NaN and ±Infinity become null; undefined
// properties are left out; keys keep their order.

/** The failure the page sees for an argument google.script.run cannot send. */
export class ScriptRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Error";
  }
}

export const ILLEGAL_VALUE = (key: string | number) => `Failed due to illegal value in property: ${key}`;
export const CIRCULAR = "Failed due to circular reference.";

const tagOf = (v: object) => Object.prototype.toString.call(v).slice(8, -1);

/** A DOM element (a page's node): refused as a parameter; a form as the only parameter is the documented exception, not modelled here. */
function isDomNode(v: object): boolean {
  const n = v as { nodeType?: unknown; nodeName?: unknown };
  return typeof n.nodeType === "number" && typeof n.nodeName === "string";
}

/** Numbers as JSON carries them. */
const number = (n: number): number | null => (Number.isFinite(n) ? (Object.is(n, -0) ? 0 : n) : null);

type Outcome = { ok: true; value: unknown } | { ok: false; key: string | number; reason: "illegal" | "circular" | "date" };

/**
 * Copies a value as the transport carries it, or says why it cannot cross. `strict` (arguments): functions, Dates,
 * DOM nodes, symbols and bigints fail; otherwise (results): a Date or Apps Script object turns the whole result to
 * null and functions are left out.
 */
function copy(v: unknown, key: string | number, strict: boolean, seen: Set<object>): Outcome {
  if (v === null || v === undefined) return { ok: true, value: null };
  switch (typeof v) {
    case "string":
    case "boolean":
      return { ok: true, value: v };
    case "number":
      return { ok: true, value: number(v) };
    case "function":
      return strict ? { ok: false, key, reason: "illegal" } : { ok: true, value: undefined };
    case "symbol":
    case "bigint":
      return strict ? { ok: false, key, reason: "illegal" } : { ok: true, value: undefined };
  }
  const o = v as object;
  const tag = tagOf(o);
  if (tag === "Date" || (!strict && isAppsScriptObject(o, tag))) return strict ? { ok: false, key, reason: "illegal" } : { ok: false, key, reason: "date" };
  if (strict && (isDomNode(o) || isAppsScriptObject(o, tag))) return { ok: false, key, reason: "illegal" };
  if (seen.has(o)) return { ok: false, key, reason: "circular" };
  seen.add(o);
  try {
    if (Array.isArray(o)) {
      const out: unknown[] = new Array(o.length);
      for (let i = 0; i < o.length; i++) {
        const r = copy(o[i], i, strict, seen);
        if (!r.ok) return r;
        out[i] = r.value === undefined ? null : r.value;
      }
      return { ok: true, value: out };
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o)) {
      const x = (o as Record<string, unknown>)[k];
      if (x === undefined) continue;
      const r = copy(x, k, strict, seen);
      if (!r.ok) return r;
      if (r.value !== undefined) out[k] = r.value;
    }
    return { ok: true, value: out };
  } finally {
    seen.delete(o);
  }
}

/** Apps Script objects: the fakes' membrane proxies name their kind as their toStringTag. */
function isAppsScriptObject(o: object, tag: string): boolean {
  return tag !== "Object" && tag !== "Array" && typeof (o as { toString?: unknown }).toString === "function" && String(o) === tag && tag !== "Error";
}

/**
 * The arguments of `google.script.run.fn(...args)` as the server function receives them (plain, JSON-like copies).
 * Throws a ScriptRunError, as the page does, for a value that cannot be sent.
 */
export function sendArguments(args: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < args.length; i++) {
    const r = copy(args[i], i, true, new Set());
    if (!r.ok) throw new ScriptRunError(r.reason === "circular" ? CIRCULAR : ILLEGAL_VALUE(r.key));
    out.push(r.value);
  }
  return out;
}

/**
 * A server function's return value as the success handler receives it: null for a result holding a Date (assumed),
 * otherwise a plain JSON-like copy. A circular result fails the call (thrown, for the failure handler).
 */
export function receiveResult(value: unknown): unknown {
  if (value === undefined) return null;
  const r = copy(value, "", false, new Set());
  if (r.ok) return r.value === undefined ? null : r.value;
  if (r.reason === "circular") throw new ScriptRunError(CIRCULAR);
  return null;
}
