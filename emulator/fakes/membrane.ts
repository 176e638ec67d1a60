// The boundary between a script and the fakes: counts every call, applies AuthMode, converts Dates and errors to the script's realm.
import { Fake } from "./fake";
import { DOCUMENTED_MEMBERS } from "./gas-members";
import type { World } from "./world";

/** Constructors of the realm (vm context) the script runs in, so `instanceof Date` holds inside the bundle. */
export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
  /** Runs code in the script's context (template scriptlets); absent: templates run in Node. */
  evaluate?: (code: string) => unknown;
}

/** Members Google documents per kind (generated from @types/google-apps-script). */
const DOCUMENTED = new Map(Object.entries(DOCUMENTED_MEMBERS).map(([kind, names]) => [kind, new Set(names)]));

/** Every proxy any membrane made, to its fake: a value handed from one script context to another is re-wrapped. */
const RAW_OF = new WeakMap<object, Fake>();

/** The fake behind a proxy of any membrane (undefined for anything else). */
export function fakeBehind(v: unknown): Fake | undefined {
  return typeof v === "object" && v !== null ? RAW_OF.get(v) : undefined;
}

/** The error a script gets for a member Google documents that the fakes do not implement. */
export function notImplementedError(kind: string, member: string): Error {
  const e = new Error(`Not implemented in the Alur fakes: ${kind}.${member} (Apps Script has it; the fakes do not).`);
  e.name = "Exception";
  return e;
}

interface Dynamic {
  getDynamic_(name: string): unknown;
  setDynamic_(name: string, value: unknown): void;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === null || proto.constructor?.name === "Object";
}

/**
 * One membrane per script context. Fakes must return fresh arrays and objects: outbound conversion works in place.
 */
export class Membrane {
  readonly realm: Realm = { Date, Error };
  private readonly proxies = new WeakMap<object, object>();
  private readonly raws = new WeakMap<object, object>();

  constructor(private readonly world: World) {}

  wrap<T extends Fake>(raw: T): T {
    const known = this.proxies.get(raw);
    if (known) return known as T;
    const proxy = new Proxy(raw, {
      get: (target, prop) => this.get(target, prop),
      set: (target, prop, value) => {
        // Template properties keep the script's own values: scriptlets run in the script's realm.
        if (typeof prop === "string" && "setDynamic_" in target) (target as unknown as Dynamic).setDynamic_(prop, value);
        return true;
      },
    });
    this.proxies.set(raw, proxy);
    this.raws.set(proxy, raw);
    RAW_OF.set(proxy, raw);
    return proxy;
  }

  /** The fake behind a proxy of this membrane (or the value itself). */
  rawOf<T>(v: T): T {
    return (typeof v === "object" && v !== null ? (this.raws.get(v) as T | undefined) : undefined) ?? v;
  }

  /**
   * A value built outside this script's context (a trigger's event object, a web request) as the script receives it:
   * proxies of other membranes become this membrane's, Dates this realm's; containers are copied.
   */
  adopt(v: unknown): unknown {
    if (v === null || typeof v !== "object") return v;
    const raw = RAW_OF.get(v);
    if (raw) return this.wrap(raw);
    if (Array.isArray(v)) return v.map((x) => this.adopt(x));
    if (Object.prototype.toString.call(v) === "[object Date]") return new this.realm.Date((v as Date).getTime());
    if (!isPlainObject(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = this.adopt(x);
    return out;
  }

  isProxy(v: unknown): boolean {
    return typeof v === "object" && v !== null && this.raws.has(v);
  }

  /**
   * What a script reads as `object.prop`. Apps Script objects have exactly the members Google documents: a method
   * the fakes implement is called through the membrane; a documented member they lack fails clearly when used; any
   * other name (a typo, a fake's own helper) reads as undefined, so calling it fails as in V8 ("… is not a function").
   */
  private get(target: Fake, prop: string | symbol): unknown {
    if (typeof prop === "symbol") return prop === Symbol.toStringTag ? target.kind : undefined;
    if (prop === "toString") return () => target.kind;
    const documented = DOCUMENTED.get(target.kind);
    const known = documented?.has(prop) ?? false;
    const value = (target as unknown as Record<string, unknown>)[prop];
    if (typeof value === "function" && !prop.endsWith("_") && prop !== "constructor" && known) {
      return (...args: unknown[]) => this.call(target, prop, value as (...a: unknown[]) => unknown, args);
    }
    if (/^[A-Z]/.test(prop) && known && value !== undefined) return value;
    // Template properties: what the script assigned to the template (t.name = …) for its scriptlets.
    if ("getDynamic_" in target && !known) return (target as unknown as Dynamic).getDynamic_(prop);
    if (!known) return undefined;
    if (/^[A-Z]/.test(prop)) throw this.realmError(notImplementedError(target.kind, prop));
    return () => this.call(target, prop, () => { throw notImplementedError(target.kind, prop); }, []);
  }

  /** Calls a fake's method as a script would: counted, checked against the execution's AuthMode. */
  call(target: Fake, method: string, fn: (...a: unknown[]) => unknown, args: unknown[]): unknown {
    this.world.counter.call(target.kind, method);
    const outer = this.world.callRealm;
    this.world.callRealm = this.realm;
    try {
      this.world.beforeCall_(target.kind, method);
      this.world.checkAccess_(target.kind, method);
      const out = this.outbound(fn.apply(target, this.inbound(args) as unknown[]));
      this.world.afterCall_();
      return out;
    } catch (e) {
      throw this.realmError(e);
    } finally {
      this.world.callRealm = outer;
    }
  }

  private realmError(e: unknown): unknown {
    if (!(e instanceof Error) || e.name !== "Exception" || this.realm.Error === Error) return e;
    const converted = new this.realm.Error(e.message);
    converted.name = e.name;
    return converted;
  }

  /** Script values into the fakes: proxies become their fakes (arrays and plain objects are copied only if needed). */
  inbound(v: unknown): unknown {
    if (v === null || typeof v !== "object") return v;
    const raw = this.raws.get(v);
    if (raw) return raw;
    if (Array.isArray(v)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (x === null || typeof x !== "object") continue;
        const y = this.inbound(x);
        if (y !== x) {
          out ??= v.slice();
          out[i] = y;
        }
      }
      return out ?? v;
    }
    if (!isPlainObject(v)) return v;
    let copy: Record<string, unknown> | undefined;
    for (const [k, x] of Object.entries(v)) {
      const y = this.inbound(x);
      if (y !== x) {
        copy ??= { ...(v as Record<string, unknown>) };
        copy[k] = y;
      }
    }
    return copy ?? v;
  }

  /** Fake results out to the script: fakes become proxies, Dates become the realm's Dates (in place). */
  outbound(v: unknown): unknown {
    if (v === null || typeof v !== "object") return v;
    if (v instanceof Fake) return this.wrap(v);
    if (v instanceof Date) return new this.realm.Date(v.getTime());
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (x !== null && typeof x === "object") v[i] = this.outbound(x);
      }
      return v;
    }
    if (isPlainObject(v)) {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) o[k] = this.outbound(o[k]);
    }
    return v;
  }
}
