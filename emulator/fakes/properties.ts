// PropertiesService: script, user and document stores with the 9 KB value and 500 KB store limits.
import { gasError } from "./errors";
import { Fake, asGas } from "./fake";
import type { World } from "./world";

export const MAX_PROPERTY_VALUE_BYTES = 9 * 1024;
export const MAX_PROPERTY_STORE_BYTES = 500 * 1024;

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

/** One property store's contents (the World keeps them; Properties objects are views). */
export class PropertyStore {
  readonly map = new Map<string, string>();
  size(): number {
    let n = 0;
    for (const [k, v] of this.map) n += bytes(k) + bytes(v);
    return n;
  }
}

type GProps = GoogleAppsScript.Properties.Properties;
type Methods = "getProperty" | "setProperty" | "setProperties" | "getProperties" | "deleteProperty" | "deleteAllProperties" | "getKeys";

export class FakeProperties extends Fake implements Pick<GProps, Methods> {
  readonly kind = "Properties";
  constructor(
    world: World,
    readonly store: PropertyStore,
  ) {
    super(world);
  }
  private put_(entries: [string, string][], replaceAll: boolean): void {
    const next = new Map(replaceAll ? [] : this.store.map);
    for (const [k, v] of entries) {
      if (bytes(v) > MAX_PROPERTY_VALUE_BYTES) throw gasError("Argument too large: value");
      next.set(k, v);
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > MAX_PROPERTY_STORE_BYTES) throw gasError("You have exceeded the property storage quota. Please remove some properties and try again.");
    this.store.map.clear();
    for (const [k, v] of next) this.store.map.set(k, v);
  }
  getProperty(key: string): string | null {
    return this.store.map.get(String(key)) ?? null;
  }
  setProperty(key: string, value: string): GProps {
    this.put_([[String(key), String(value)]], false);
    return asGas(this);
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): GProps {
    this.put_(
      Object.entries(properties).map(([k, v]) => [k, String(v)]),
      deleteAllOthers === true,
    );
    return asGas(this);
  }
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.store.map);
  }
  getKeys(): string[] {
    return [...this.store.map.keys()];
  }
  deleteProperty(key: string): GProps {
    this.store.map.delete(String(key));
    return asGas(this);
  }
  deleteAllProperties(): GProps {
    this.store.map.clear();
    return asGas(this);
  }
}

type ServiceMethods = "getScriptProperties" | "getUserProperties" | "getDocumentProperties";

export class FakePropertiesService extends Fake implements Pick<GoogleAppsScript.Properties.PropertiesService, ServiceMethods> {
  readonly kind = "PropertiesService";
  getScriptProperties(): GProps {
    return asGas(new FakeProperties(this.world, this.world.stores.script));
  }
  getUserProperties(): GProps {
    return asGas(new FakeProperties(this.world, this.world.storeFor_(this.world.stores.user, this.world.exec.effectiveUser)));
  }
  /** null without a container document (web app, standalone). */
  getDocumentProperties(): GProps {
    if (!this.world.exec.bound) return null as unknown as GProps;
    return asGas(new FakeProperties(this.world, this.world.storeFor_(this.world.stores.document, this.world.spreadsheet.id)));
  }
}
