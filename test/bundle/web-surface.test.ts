// The web app's surface: a page it serves can call every top-level function of the script through google.script.run,
// running as the deployer. Each global is listed from the built bundle and called from a simulated web-app page by
// visitors who are not allowed to use it; only doGet (read-only pages) and emailAction (a signed, one-time link) are
// meant for such pages, and everything else refuses and changes nothing.
import { ADMIN, P } from "../../emulator/alur-world";
import { DEFAULT_CODE_PATH, ensureBuilt } from "../../emulator/ensure-built";
import { loadCode } from "../../emulator/load-code";
import { SM_FIELDS, officeWithWebApp, setSetting, snapshot } from "../app/email-fixtures";

/** Meant for web-app pages: the GET of a link, and the confirm page's button. */
const INTENDED = ["doGet", "emailAction"];

let globals: string[];
beforeAll(() => {
  ensureBuilt();
  const ctx = loadCode(DEFAULT_CODE_PATH, {});
  globals = Object.keys(ctx)
    .filter((k) => typeof ctx[k] === "function")
    .sort();
});

/** What a visitor's page might send: nothing, plain objects, made-up trigger events, the sidebar's calls. */
function argumentSets(fn: string, caseId: string): unknown[][] {
  const common: unknown[][] = [[], [{}], [{ triggerUid: "1234567890" }], [{ changeType: "OTHER", authMode: "FULL", triggerUid: "x" }], [{ range: { getSheet: "x" } }]];
  if (fn === "alurApi")
    return [
      ["bootstrap", null],
      ["act", { caseId, expectedVersion: 1, action: "complete" }],
      ["act", { caseId, expectedVersion: 1, action: "cancel", reason: "Dibatalkan lewat halaman web" }],
      ["startCase", { sopId: "surat-masuk", fields: SM_FIELDS }],
      ["setEmailPrefs", { digest: true }],
      ["rebuildReport", null],
    ];
  if (fn === "emailAction") return [[{ k: "bukan.token", aksi: "complete" }], [{ aksi: "complete" }], []];
  return common;
}

/** A call that changed nothing is refused when it threw, or answered with a refusal ({ ok: false }). */
function refused(r: { threw: string } | { value: unknown }): boolean {
  if ("threw" in r) return true;
  const v = r.value as { ok?: unknown } | null | undefined;
  return !!v && typeof v === "object" && v.ok === false;
}

describe("the web app's surface", () => {
  test("the bundle's globals are the entry points; none ends in _ (so each must guard itself)", () => {
    expect(globals).toEqual(expect.arrayContaining([...INTENDED, "alurApi", "hourlyRefresh", "dailyReport", "onSheetChange", "onEdit", "onOpen", "menuSetup", "menuRotateLinkKey"]));
    expect(globals.filter((g) => g.endsWith("_"))).toEqual([]);
  });

  test.each([
    ["a visitor the web app cannot identify (consumer Gmail)", ""],
    ["an official of the office signed in to the domain", P("jfu")],
    ["a second admin (not the deployer) signed in to the domain", "admin2@dinas.example"],
    ["someone outside the office signed in to the domain", "tamu@dinas.example"],
  ])("every global other than doGet and emailAction refuses %s from a web-app page, and changes nothing", (_who, visitor) => {
    const alur = officeWithWebApp();
    setSetting(alur, "Email admin", `${ADMIN}, admin2@dinas.example`);
    const v = alur.ok(P("petugas-adm-surat"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    alur.later(120);
    const before = snapshot(alur);
    const outcomes: string[] = [];
    for (const fn of globals) {
      for (const args of argumentSets(fn, v.id)) {
        let r: { threw: string } | { value: unknown };
        try {
          r = { value: alur.world.within({ ...alur.world.execution("webapp"), user: visitor }, () => alur.bundle.scriptRun(fn, args)) };
        } catch (err) {
          r = { threw: err instanceof Error ? err.message : String(err) };
        }
        alur.world.ended = false;
        if (!INTENDED.includes(fn) && !refused(r)) outcomes.push(`${fn}(${JSON.stringify(args)}) was not refused: ${JSON.stringify(r).slice(0, 200)}`);
        if (snapshot(alur) !== before) outcomes.push(`${fn}(${JSON.stringify(args)}) changed the workbook, the outbox or the script's properties`);
      }
    }
    expect(outcomes).toEqual([]);
    // The same workbook still works for the sidebar's user: the refusals were about the caller, not the state.
    expect(alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" }).version).toBe(v.version + 1);
  }, 120000);

  test("the sidebar's user, a menu and the installed triggers still run them", () => {
    const alur = officeWithWebApp();
    expect(alur.ok(P("jfu"), "bootstrap", null).me.email).toBe(P("jfu"));
    // The time-driven trigger, with its event, as Apps Script fires it (the trigger's owner is the one who ran setup).
    const hourly = alur.world.triggers.find((t) => t.handler === "hourlyRefresh")!;
    expect(() => alur.world.within({ ...alur.world.execution("time-trigger", hourly.owner), user: "" }, () => alur.ctx.hourlyRefresh({ triggerUid: hourly.id }))).not.toThrow();
    // The same call from a web-app page, naming no trigger of the project, is refused.
    expect(() => alur.world.within({ ...alur.world.execution("webapp"), user: "" }, () => alur.ctx.hourlyRefresh({ triggerUid: "1" }))).toThrow(/bukan dari halaman web/);
  });
});
