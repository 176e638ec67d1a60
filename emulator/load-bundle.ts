// Runs the built bundle (dist/Code.js) on a World's fakes as Apps Script does: every execution (a server call, a menu
// item, a trigger, a web request) evaluates the bundle afresh in its own vm context, so globals and module-level
// variables never survive from one execution to the next; what persists is the World (spreadsheets, properties,
// cache, Drive, mail, triggers). The bundle is compiled once (vm.Script) and only run per execution.
import vm from "node:vm";
import { DEFAULT_CODE_PATH, ensureBuilt } from "./ensure-built";
import type { Membrane } from "./fakes/membrane";
import type { World } from "./fakes/world";
import { loadCode, realmOf } from "./load-code";
import { receiveResult, sendArguments } from "./transport";
import { installWorldDate } from "./world-date";

export interface LoadOptions {
  /** Default dist/Code.js, rebuilt first if src/ is newer. */
  codePath?: string;
}

/** The script's global object: its top-level functions (onOpen, doGet, ...), `Alur`, and the services. */
// biome-ignore lint/suspicious/noExplicitAny: the script is plain JavaScript; tests call whatever it defines.
export type BundleContext = vm.Context & Record<string, any>;

/** One execution's script: a fresh context on fresh service globals. */
export interface Loaded {
  ctx: BundleContext;
  membrane: Membrane;
}

function codePathOf(options: LoadOptions): string {
  const codePath = options.codePath ?? DEFAULT_CODE_PATH;
  if (codePath === DEFAULT_CODE_PATH) ensureBuilt();
  return codePath;
}

/** The bundle evaluated once in a new context: the realm of one execution. */
export function loadExecution(world: World, options: LoadOptions = {}): Loaded {
  const { globals, membrane } = world.createGlobals();
  const ctx = loadCode(codePathOf(options), globals) as BundleContext;
  installWorldDate(ctx, () => world.now());
  // The bundle's top level touches no service, so the realm can be set after loading.
  Object.assign(membrane.realm, realmOf(ctx));
  return { ctx, membrane };
}

/** The bundle evaluated once in a new context (one execution's globals). Prefer Bundle.run, which makes one per call. */
export function loadBundle(world: World, options: LoadOptions = {}): BundleContext {
  return loadExecution(world, options).ctx;
}

let executions = 0;

/**
 * The bundle as a deployed script: each run is one execution with a fresh evaluation of the bundle, its own id
 * (locks it still holds are released when it ends, as Apps Script does) and the World's current user and kind.
 */
export class Bundle {
  readonly codePath: string;
  /** `bundle.ctx.onOpen(e)`: calls a top-level function of the bundle in an execution of its own. */
  readonly ctx: BundleContext;

  constructor(
    readonly world: World,
    options: LoadOptions = {},
  ) {
    this.codePath = codePathOf(options);
    this.ctx = new Proxy({} as BundleContext, {
      get: (_t, name) => (typeof name === "string" && this.functions().has(name) ? (...args: unknown[]) => this.run(name, args) : undefined),
    });
  }

  private names: Set<string> | undefined;
  /** The script's top-level functions (its top level touches no service, so one evaluation tells). */
  private functions(): Set<string> {
    if (!this.names) {
      const { ctx } = loadExecution(this.world, { codePath: this.codePath });
      this.names = new Set(Object.keys(ctx).filter((k) => typeof ctx[k] === "function"));
    }
    return this.names;
  }

  /**
   * Runs top-level function `fn` in a new execution. Arguments built outside (event objects holding ranges) are
   * handed to the script's realm; `prepare` (e.g. the google.script.run transport) may rewrite them first.
   */
  run(fn: string, args: unknown[] = [], prepare?: (args: unknown[], loaded: Loaded) => unknown[]): unknown {
    const loaded = loadExecution(this.world, { codePath: this.codePath });
    const f = loaded.ctx[fn];
    if (typeof f !== "function") throw new Error(`Script function not found: ${fn}`);
    const id = `exec-${++executions}`;
    try {
      return this.world.within({ id }, () => f(...(prepare ? prepare(args, loaded) : (loaded.membrane.adopt(args) as unknown[]))));
    } finally {
      this.world.locks.releaseAll(id);
    }
  }

  /**
   * `google.script.run.fn(...args)` from a page (sidebar, dialog, web app): arguments that cannot be sent throw here
   * as in the page (ScriptRunError), the rest arrive as the script realm's own plain objects, and the value returned is
   * what the success handler receives (see transport.ts). An exception of the server function propagates.
   */
  scriptRun(fn: string, args: unknown[]): unknown {
    const sent = sendArguments(args);
    return receiveResult(this.run(fn, sent, (a, { ctx }) => (vm.runInContext("JSON.parse", ctx) as JSON["parse"])(JSON.stringify(a)) as unknown[]));
  }
}
