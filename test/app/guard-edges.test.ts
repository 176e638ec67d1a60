// Who may run a trigger's function (src/app/guard.ts), on a bare script with no office set up: the installed
// triggers, and people acting under their own authority (menu, sidebar, the editor), run hourlyRefresh; a page the web
// app serves (which runs as the deployer) is refused whatever event it makes up. With no office, an accepted call reads
// one script property and does nothing else, so each case costs one evaluation of the bundle.
import { ADMIN, MONDAY_8, P } from "../../emulator/alur-world";
import { createWorld, type World } from "../../emulator/fakes";
import { gasError } from "../../emulator/fakes/errors";
import { Bundle } from "../../emulator/load-bundle";

const REFUSED = "Fungsi ini dijalankan oleh pemicu Alur atau dari spreadsheet, bukan dari halaman web. Tidak ada yang diubah.";
const HOURLY = "1234567890123";
const DAILY = "2345678901234";

let world: World;
let bundle: Bundle;
beforeAll(() => {
  world = createWorld({ seed: 5, user: ADMIN, now: () => MONDAY_8 });
  bundle = new Bundle(world);
});

function installTriggers(): void {
  world.triggers.length = 0;
  for (const [id, handler] of [
    [DAILY, "dailyReport"],
    [HOURLY, "hourlyRefresh"],
  ])
    world.triggers.push({ id, handler, eventType: "CLOCK", source: "CLOCK", sourceId: null, owner: ADMIN, schedule: {} });
}

/** hourlyRefresh(...args) in the given execution: "ok", or the message it threw. */
function hourly(exec: Parameters<World["within"]>[0], args: unknown[], page = false): string {
  try {
    world.within(exec, () => (page ? bundle.scriptRun("hourlyRefresh", args) : bundle.run("hourlyRefresh", args)));
    return "ok";
  } catch (err) {
    return String((err as { message?: unknown })?.message ?? err);
  } finally {
    world.ended = false;
  }
}

/** A page of the web app ("execute as me"): the deployer's authority, the visitor's address or "" for an outsider. */
const page = (visitor: string) => ({ ...world.execution("webapp"), user: visitor });

describe("guard: who may run a trigger's function", () => {
  test("a person under their own authority runs it; the address is compared without case or surrounding blanks", () => {
    installTriggers();
    expect(hourly({ user: P("jfu") }, [])).toBe("ok");
    expect(hourly({ user: " JFU@Dinas.Example ", effectiveUser: "jfu@dinas.example" }, [])).toBe("ok");
    // Two different addresses stay different people, even where upper-casing would make them alike (ß → SS).
    expect(hourly({ user: "strasse@dinas.example", effectiveUser: "straße@dinas.example", ui: false, bound: false }, [])).toBe(REFUSED);
    // Nobody known under nobody's authority is not "their own".
    expect(hourly({ user: "", effectiveUser: "", ui: false, bound: false }, [{}])).toBe(REFUSED);
  });

  test("the installed trigger runs it with its event; its ID may arrive as text or as a number", () => {
    installTriggers();
    const trigger = { ...world.execution("time-trigger", ADMIN), user: "" };
    expect(hourly(trigger, [{ triggerUid: HOURLY, authMode: "FULL" }])).toBe("ok");
    expect(hourly(trigger, [{ triggerUid: Number(HOURLY) }])).toBe("ok");
    // The other trigger of the project names itself too (any trigger of the project, not only the first listed).
    expect(hourly(trigger, [{ triggerUid: DAILY }])).toBe("ok");
    // An ID no trigger of the project has.
    expect(hourly(trigger, [{ triggerUid: "999" }])).toBe(REFUSED);
    // When Apps Script cannot list the project's triggers (a server error), no event is taken on trust.
    world.onCall = (kind, method) => {
      if (kind === "ScriptApp" && method === "getProjectTriggers") throw gasError("We're sorry, a server error occurred. Please wait a bit and try again.");
    };
    try {
      expect(hourly(trigger, [{ triggerUid: HOURLY }])).toBe(REFUSED);
    } finally {
      world.onCall = null;
    }
  });

  test("a web-app page is refused, whoever visits and whatever event it makes up", () => {
    installTriggers();
    for (const visitor of ["", P("jfu"), "tamu@luar.example"]) {
      expect(hourly(page(visitor), [], true)).toBe(REFUSED);
      expect(hourly(page(visitor), [{ triggerUid: "999" }], true)).toBe(REFUSED);
    }
    const outsider = page("");
    expect(hourly(outsider, [null], true)).toBe(REFUSED);
    expect(hourly(outsider, ["x"], true)).toBe(REFUSED);
    expect(hourly(outsider, [{ triggerUid: "" }], true)).toBe(REFUSED);
    // The trigger's ID inside a list reads the same as text, but no event carries a list: refused.
    expect(hourly(outsider, [{ triggerUid: [HOURLY] }], true)).toBe(REFUSED);
    // A project without triggers lets no event through.
    world.triggers.length = 0;
    expect(hourly(outsider, [{ triggerUid: HOURLY }], true)).toBe(REFUSED);
    expect(hourly({ user: P("jfu") }, [])).toBe("ok");
  });
});
