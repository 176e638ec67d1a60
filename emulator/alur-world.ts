// A World with Alur set up from the built bundle, and server calls made as a given person: for tests and the benchmark.
// Every call is its own execution (a fresh evaluation of the bundle) and crosses google.script.run's transport.
import type { ApiResult, CaseView, ServerCalls } from "../src/api";
import { createWorld, type World } from "./fakes";
import { Bundle, type BundleContext } from "./load-bundle";

export const ADMIN = "admin@dinas.example";
export const P = (roleId: string) => `${roleId}@dinas.example`;
/** Monday 2 November 2026, 08:00 WIB. */
export const MONDAY_8 = Date.UTC(2026, 10, 2, 1, 0);

export interface Alur {
  world: World;
  bundle: Bundle;
  /** `alur.ctx.menuSetup()`, `alur.ctx.onEdit(e)`: each call runs the bundle's function in an execution of its own. */
  ctx: BundleContext;
  call<N extends keyof ServerCalls>(user: string, name: N, arg: ServerCalls[N]["arg"]): ApiResult<ServerCalls[N]["result"]>;
  ok<N extends keyof ServerCalls>(user: string, name: N, arg: ServerCalls[N]["arg"]): ServerCalls[N]["result"];
  /** Moves the world clock forward by working-day-ish amounts in minutes. */
  later(minutes: number): void;
}

export function setupAlur(options: { admins?: string[]; codePath?: string; htmlDir?: string } = {}): Alur {
  const world = createWorld({ seed: 11, user: ADMIN, now: () => MONDAY_8, ...(options.htmlDir ? { htmlDir: options.htmlDir } : {}) });
  const bundle = new Bundle(world, options.codePath ? { codePath: options.codePath } : {});
  const ctx = bundle.ctx;
  world.within({ user: ADMIN }, () => ctx.menuSetup());
  if (options.admins) {
    const rows = world.read("Pengaturan");
    const i = rows.findIndex((r) => r[0] === "Email admin");
    world.spreadsheet.getSheetByName("Pengaturan")!.getRange(i + 1, 2).setValue(options.admins.join(", "));
    // Setup dropped the cached configuration, so the next call reads this value.
  }
  world.counter.reset();
  // google.script.run.alurApi(name, arg) from the sidebar, which runs as its user (active and effective): what cannot
  // be sent throws here as in the page; the arguments arrive as the script's own objects, and the reply is what the
  // success handler would get.
  const call = <N extends keyof ServerCalls>(user: string, name: N, arg: ServerCalls[N]["arg"]) =>
    world.within({ user, effectiveUser: user }, () => bundle.scriptRun("alurApi", [name, arg])) as ApiResult<ServerCalls[N]["result"]>;
  return {
    world,
    bundle,
    ctx,
    call,
    ok(user, name, arg) {
      const r = call(user, name, arg);
      if (!r.ok) throw new Error(`${name} as ${user}: ${r.error}`);
      return r.data;
    },
    later(minutes) {
      world.clock.advance(minutes * 60_000);
    },
  };
}

/** Acts on the case as whoever holds its current step (the first holder in Pejabat). */
export function holderEmail(view: CaseView): string {
  const lane = view.current?.lane ?? "";
  return LANE_EMAIL[lane] ?? "";
}

const LANE_EMAIL: Record<string, string> = {
  JFU: P("jfu"),
  KASUBBAG: P("kasubbag-umum"),
  SEKRETARIS: P("sekretaris"),
  "KEPALA DINAS": P("kepala-dinas"),
  PEMOHON: P("jfu"),
};
