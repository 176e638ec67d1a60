// Uji mandiri's scratch scope: for one execution, Alur's script properties and caches become a prefixed part of the
// stores and its workbook a scratch spreadsheet, so Alur's own setup and actions run on a scratch copy and never touch
// the office's record. scripts/build.mjs injects PropertiesService and CacheService from here into every bundle
// (esbuild `inject`), so the rest of the code calls them as it always has.

type Props = GoogleAppsScript.Properties.Properties;
type Cache = GoogleAppsScript.Cache.Cache;

export interface Scratch {
  /** Every script property and cache key of the scratch copy starts with this. */
  prefix: string;
  spreadsheetId: string;
}

const KEY = "__alurScratch";
// Apps Script evaluates the project afresh for every execution, so what is set here lasts one execution; lazily
// loaded modules are bundles of their own and see the same global.
// (`globalThis` is not assumed on Apps Script: a sloppy function's `this` is the global object, as lazy.ts's code runs.)
let global: Record<string, unknown> | null = null;
const host = (): Record<string, unknown> => {
  global ??= Function("return this")() as Record<string, unknown>;
  return global;
};

export function scratchScope(): Scratch | null {
  return (host()[KEY] as Scratch | undefined) ?? null;
}

/** Runs `work` with the scratch copy's stores and workbook; the office's are back afterwards, even when it throws. */
export function inScratch<T>(s: Scratch, work: () => T): T {
  const before = host()[KEY];
  host()[KEY] = s;
  try {
    return work();
  } finally {
    host()[KEY] = before;
  }
}

/** The script's own services, not the injected ones (this file is the one place that reads them from the global). */
function realProps(): GoogleAppsScript.Properties.PropertiesService {
  return host().PropertiesService as GoogleAppsScript.Properties.PropertiesService;
}
function realCache(): GoogleAppsScript.Cache.CacheService {
  return host().CacheService as GoogleAppsScript.Cache.CacheService;
}

function prefixedProps(store: Props, p: string): Props {
  const mine = () => store.getKeys().filter((k) => k.startsWith(p));
  const view = {
    getProperty: (k: string) => store.getProperty(p + k),
    setProperty(k: string, v: string) {
      store.setProperty(p + k, v);
      return view;
    },
    deleteProperty(k: string) {
      store.deleteProperty(p + k);
      return view;
    },
    getKeys: () => mine().map((k) => k.slice(p.length)),
    getProperties() {
      const all = store.getProperties();
      const out: Record<string, string> = {};
      for (const k of Object.keys(all)) if (k.startsWith(p)) out[k.slice(p.length)] = all[k];
      return out;
    },
    setProperties(o: Record<string, string>, deleteAllOthers?: boolean) {
      if (deleteAllOthers) for (const k of mine()) if (!Object.prototype.hasOwnProperty.call(o, k.slice(p.length))) store.deleteProperty(k);
      const put: Record<string, string> = {};
      for (const k of Object.keys(o)) put[p + k] = o[k];
      store.setProperties(put);
      return view;
    },
    deleteAllProperties() {
      for (const k of mine()) store.deleteProperty(k);
      return view;
    },
  };
  return view as unknown as Props;
}

function prefixedCache(cache: Cache, p: string): Cache {
  const strip = (o: Record<string, string>) => {
    const out: Record<string, string> = {};
    for (const k of Object.keys(o)) out[k.slice(p.length)] = o[k];
    return out;
  };
  const add = (o: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o)) out[p + k] = o[k];
    return out;
  };
  return {
    get: (k: string) => cache.get(p + k),
    getAll: (ks: string[]) => strip(cache.getAll(ks.map((k) => p + k))),
    put: (k: string, v: string, t?: number) => (t === undefined ? cache.put(p + k, v) : cache.put(p + k, v, t)),
    putAll: (o: Record<string, string>, t?: number) => (t === undefined ? cache.putAll(add(o)) : cache.putAll(add(o), t)),
    remove: (k: string) => cache.remove(p + k),
    removeAll: (ks: string[]) => cache.removeAll(ks.map((k) => p + k)),
  } as unknown as Cache;
}

/** Injected for the global PropertiesService: script properties are the scratch copy's inside inScratch. */
const scopedProperties = {
  getScriptProperties(): Props {
    const s = scratchScope();
    const store = realProps().getScriptProperties();
    return s ? prefixedProps(store, s.prefix) : store;
  },
  getUserProperties: (): Props => realProps().getUserProperties(),
  getDocumentProperties: (): Props => realProps().getDocumentProperties(),
};

/** Injected for the global CacheService: script and user caches are the scratch copy's inside inScratch. */
const scopedCache = {
  getScriptCache(): Cache {
    const s = scratchScope();
    const c = realCache().getScriptCache();
    return s ? prefixedCache(c, s.prefix) : c;
  },
  getUserCache(): Cache {
    const s = scratchScope();
    const c = realCache().getUserCache();
    return s ? prefixedCache(c, s.prefix) : c;
  },
  getDocumentCache: (): Cache | null => realCache().getDocumentCache(),
};

export { scopedProperties as PropertiesService, scopedCache as CacheService };
