// Loads the built bundle (dist/Code.js) into a vm context on a World's fakes: what the bundle tests and the local workspace run.
import type vm from "node:vm";
import { DEFAULT_CODE_PATH, ensureBuilt } from "./ensure-built";
import type { World } from "./fakes/world";
import { loadCode, realmOf } from "./load-code";
import { installWorldDate } from "./world-date";

export interface LoadOptions {
  /** Default dist/Code.js, rebuilt first if src/ is newer. */
  codePath?: string;
}

/** The script's global object: its top-level functions (onOpen, doGet, ...), `Alur`, and the services. */
// biome-ignore lint/suspicious/noExplicitAny: the script is plain JavaScript; tests call whatever it defines.
export type BundleContext = vm.Context & Record<string, any>;

export function loadBundle(world: World, options: LoadOptions = {}): BundleContext {
  const codePath = options.codePath ?? DEFAULT_CODE_PATH;
  if (codePath === DEFAULT_CODE_PATH) ensureBuilt();
  const { globals, membrane } = world.createGlobals();
  const ctx = loadCode(codePath, globals);
  installWorldDate(ctx, () => world.now());
  // The bundle's top level touches no service, so the realm can be set after loading.
  Object.assign(membrane.realm, realmOf(ctx));
  return ctx;
}
