// CacheService: script, user and document caches with expiry on the world clock and Apps Script's size limits.
import { gasError } from "./errors";
import { Fake } from "./fake";
import type { World } from "./world";

export const MAX_CACHE_KEY_CHARS = 250;
export const MAX_CACHE_VALUE_BYTES = 100 * 1024;
export const DEFAULT_TTL_SECONDS = 600;
export const MAX_TTL_SECONDS = 21600;

export class CacheStore {
  readonly map = new Map<string, { value: string; expires: number }>();
}

type GCache = GoogleAppsScript.Cache.Cache;
type Methods = "get" | "getAll" | "put" | "putAll" | "remove" | "removeAll";

export class FakeCache extends Fake implements Pick<GCache, Methods> {
  readonly kind = "Cache";
  constructor(
    world: World,
    readonly store: CacheStore,
  ) {
    super(world);
  }
  private checkKey_(key: string): string {
    const k = String(key);
    if (k.length > MAX_CACHE_KEY_CHARS) throw gasError("Argument too large: key");
    return k;
  }
  private set_(key: string, value: string, ttl?: number): void {
    const v = String(value);
    if (Buffer.byteLength(v, "utf8") > MAX_CACHE_VALUE_BYTES) throw gasError("Argument too large: value");
    const seconds = Math.min(Math.max(ttl ?? DEFAULT_TTL_SECONDS, 1), MAX_TTL_SECONDS);
    this.store.map.set(key, { value: v, expires: this.world.now() + seconds * 1000 });
  }
  get(key: string): string | null {
    const k = this.checkKey_(key);
    const e = this.store.map.get(k);
    if (!e) return null;
    if (e.expires <= this.world.now()) {
      this.store.map.delete(k);
      return null;
    }
    return e.value;
  }
  getAll(keys: string[]): { [key: string]: string } {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    this.set_(this.checkKey_(key), value, expirationInSeconds);
  }
  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    const entries = Object.entries(values).map(([k, v]) => [this.checkKey_(k), v] as const);
    for (const [k, v] of entries) this.set_(k, v, expirationInSeconds);
  }
  remove(key: string): void {
    this.store.map.delete(this.checkKey_(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this.remove(k);
  }
}

type ServiceMethods = "getScriptCache" | "getUserCache" | "getDocumentCache";

export class FakeCacheService extends Fake implements Pick<GoogleAppsScript.Cache.CacheService, ServiceMethods> {
  readonly kind = "CacheService";
  getScriptCache(): GCache {
    return new FakeCache(this.world, this.world.caches.script) as unknown as GCache;
  }
  getUserCache(): GCache {
    return new FakeCache(this.world, this.world.cacheFor_(this.world.caches.user, this.world.exec.effectiveUser)) as unknown as GCache;
  }
  getDocumentCache(): GCache | null {
    if (!this.world.exec.bound) return null;
    return new FakeCache(this.world, this.world.cacheFor_(this.world.caches.document, this.world.spreadsheet.id)) as unknown as GCache;
  }
}
