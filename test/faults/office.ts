// The fault sweep's offices: a small prepared workbook (only the registers a scenario uses), saved once and restored
// for every run, so a run costs a restore instead of a setup. Calls go through the real bundle as in the other tests.
import { ADMIN, type Alur, MONDAY_8, setupAlur } from "../../emulator/alur-world";
import { createWorld, type World } from "../../emulator/fakes";
import { Bundle } from "../../emulator/load-bundle";
import { restore, type Snapshot, snapshot } from "../../emulator/server/persist";
import type { ServerCalls } from "../../src/api";

export interface Office {
  world: World;
  bundle: Bundle;
  /** google.script.run.alurApi(name, arg) as `user`; whatever the execution throws (an ended one) is caught. */
  call<N extends keyof ServerCalls>(user: string, name: N, arg: ServerCalls[N]["arg"]): Reply;
  /** A top-level function of the bundle in an execution of the given kind. */
  run(kind: "time-trigger" | { user: string }, fn: string): Reply;
}

/** What the caller saw: a reply (ok or a message), or nothing (the execution ended, or threw). */
export interface Reply {
  ok: boolean;
  text: string;
  data?: unknown;
}

export function office(world: World, bundle = new Bundle(world)): Office {
  return {
    world,
    bundle,
    call(user, name, arg) {
      try {
        const r = world.within({ user }, () => bundle.scriptRun("alurApi", [name, arg])) as { ok: boolean; data?: unknown; error?: string };
        return r.ok ? { ok: true, text: "ok", data: r.data } : { ok: false, text: String(r.error) };
      } catch (e) {
        return { ok: false, text: `(no reply: ${(e as Error).message})` };
      }
    },
    run(kind, fn) {
      try {
        world.within(kind, () => bundle.run(fn, []));
        return { ok: true, text: "ok" };
      } catch (e) {
        return { ok: false, text: `(no reply: ${(e as Error).message})` };
      }
    },
  };
}

/** The registers the sweep's scenarios use; the other 26 are dropped from the prepared workbook to keep it small. */
export const KEEP = ["surat-masuk", "surat-keluar"];

/**
 * An office set up with the whole catalog cut down to the SOPs in `keep`: the others made inactive and their registers
 * removed (as an admin would by unticking Aktif), every sheet without most of its empty rows, and the configuration
 * cache emptied. Shared by the fault sweep and the bad-input corpus (test/corpus/office.ts).
 */
export function cutDown(alur: Alur, keep: string[]): void {
  const w = alur.world;
  const ss = w.spreadsheet;
  const ids = JSON.parse(w.stores.script.map.get("alur.sheets") as string) as { registers: Record<string, number> };
  for (const [sopId, sheetId] of Object.entries(ids.registers)) {
    if (keep.includes(sopId)) continue;
    const sheet = ss.sheets.find((s) => s.sheetId === sheetId);
    if (sheet) ss.deleteSheet(sheet as never);
    delete ids.registers[sopId];
  }
  w.stores.script.map.set("alur.sheets", JSON.stringify(ids));
  const identitas = ss.getSheetByName("SOP Identitas")!;
  const rows = w.read("SOP Identitas");
  const aktif = (rows[0] as string[]).indexOf("Aktif") + 1;
  rows.forEach((r, i) => {
    if (i > 0 && !keep.includes(String(r[0]))) identitas.getRange(i + 1, aktif).setValue(false);
  });
  // Sheets keep 30 empty rows below their content (a new sheet has 1,000, formatted): restoring is then cheap.
  for (const sheet of ss.sheets) {
    const spare = sheet.getMaxRows() - Math.max(sheet.getLastRow(), 1) - 30;
    if (spare > 0) sheet.deleteRows(sheet.getMaxRows() - spare + 1, spare);
  }
  w.caches.script.map.clear();
}

/** The sweep's office: the whole catalog set up, cut down to Surat Masuk and Surat Keluar, the configuration cache warm. */
export function baseOffice(): Office {
  const alur = setupAlur({ admins: [ADMIN] });
  cutDown(alur, KEEP);
  const w = alur.world;
  const o = office(w, alur.bundle);
  const boot = o.call(ADMIN, "bootstrap", null);
  if (!boot.ok) throw new Error(`base office: ${boot.text}`);
  w.counter.reset();
  return o;
}

/** An empty spreadsheet (setup's scenario): nothing to restore. */
export function emptyOffice(seed = 11): Office {
  return office(createWorld({ seed, user: ADMIN, now: () => MONDAY_8 }));
}

export function save(o: Office): Snapshot {
  return snapshot(o.world, null);
}

let seeds = 1000;

/**
 * A new World holding what `snap` held, at its time; ids made from here on never repeat the snapshot's. Two offices
 * restored with the same `seed` draw the same ids (to compare two runs from one snapshot).
 */
export function restoreOffice(snap: Snapshot, seed = ++seeds): Office {
  const world = createWorld({ seed, user: ADMIN, now: () => snap.now, spreadsheetId: snap.boundId });
  restore(world, snap);
  return office(world);
}
