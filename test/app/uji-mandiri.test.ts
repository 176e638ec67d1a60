// Uji mandiri on a set-up office: every step passes against the fakes' own answers, the office's record is untouched,
// what it made is trashed, non-admins are refused, and a fake that answers otherwise makes exactly its probe "differ".
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ADMIN, P, setupAlur } from "../../emulator/alur-world";
import { FakeSheet } from "../../emulator/fakes/sheet";
import { FakeTextFinder } from "../../emulator/fakes/text-finder";
import { DIST } from "../../emulator/paths";
import { runUjiMandiri, ujiCall } from "../../emulator/uji-driver";

const STEPS = ["siapkan", "setup", "kasus", "dokumen", "kasus-lanjut", "email", "laporan", "rantai", "tanggal", "textfinder", "findnext", "rumus", "kutip", "rentang", "kunci", "cache", "sesi", "drive2", "bersihkan"];

function officeState(alur: ReturnType<typeof setupAlur>) {
  const props = alur.world.globals.PropertiesService.getScriptProperties().getProperties();
  return {
    sheets: alur.world.spreadsheet.getSheets().map((s) => [s.getName(), s.getLastRow(), s.getLastColumn()]),
    riwayat: alur.world.read("Riwayat"),
    pejabat: alur.world.read("Pejabat"),
    props,
    triggers: alur.world.globals.ScriptApp.getProjectTriggers().length,
  };
}

describe("Uji mandiri on the fakes", () => {
  const alur = setupAlur({ admins: [ADMIN] });
  const before = officeState(alur);
  const spreadsheetsBefore = new Set(alur.world.spreadsheets.keys());
  const docsBefore = new Set(alur.world.documents.keys());
  const mailBefore = alur.world.outbox.length;
  const rows = runUjiMandiri(alur, { colleague: P("jfu") });

  test("every step, end to end and each probe, is 'passed' against the expectations generated from the fakes", () => {
    expect(rows.map((r) => r.id)).toEqual(STEPS);
    expect(rows.filter((r) => r.status !== "passed").map((r) => `${r.id}: ${r.status} ${r.error ?? ""} ${JSON.stringify(r.observed)} vs ${JSON.stringify(r.expected)}`)).toEqual([]);
    const table = JSON.parse(readFileSync(join(DIST, "UjiExpected.html"), "utf8")) as Record<string, unknown>;
    for (const r of rows) expect(r.expected).toEqual(table[r.id]);
    // The case went its whole way through the web app's action path, and the scratch copy's chain holds.
    expect(rows.find((r) => r.id === "kasus-lanjut")?.observed).toEqual({ steps: ["return:Dikembalikan:2", "complete:Berjalan:3", "approve:Berjalan:4", "complete:Selesai:-"] });
    expect(rows.find((r) => r.id === "rantai")?.observed).toEqual({ entries: 8, problems: [] });
    expect(rows.find((r) => r.id === "drive2")?.observed).toEqual({ reached: false });
  });

  test("one email, to the admin; the office's sheets, Riwayat, Pejabat, properties and triggers are as they were", () => {
    const sent = alur.world.outbox.slice(mailBefore);
    expect(sent.map((m) => [m.to, m.subject])).toEqual([[[ADMIN], "[Alur] Uji mandiri"]]);
    expect(officeState(alur)).toEqual(before);
  });

  test("the scratch spreadsheet and every folder it made are in the trash; the email links' case ran in the scratch copy", () => {
    const made = [...alur.world.spreadsheets.keys()].filter((id) => !spreadsheetsBefore.has(id));
    expect(made).toHaveLength(1);
    const docs = alur.world.documents;
    // Trashing a folder trashes what it holds (Drive: the descendants the user owns go with it).
    const gone = (id: string): boolean => {
      const d = docs.get(id);
      return !!d && (d.trashed || d.parents.some(gone));
    };
    expect(gone(made[0])).toBe(true);
    const afterRun = [...docs.values()].filter((d) => !docsBefore.has(d.id));
    expect(afterRun.length).toBeGreaterThan(5);
    expect(afterRun.filter((d) => !gone(d.id)).map((d) => d.name)).toEqual([]);
    // The office's own Alur folder (made by setupAlur) and its letters are untouched.
    expect([...docsBefore].filter((id) => gone(id))).toEqual([]);
    expect(alur.world.read("Riwayat").some((r) => String(r[1]).startsWith("KGB-"))).toBe(false);
  });

  test("a non-admin is refused in Bahasa Indonesia, from the menu and from the dialog's call, and nothing is made", () => {
    const docs = alur.world.documents.size;
    const r = ujiCall(alur, "run", { step: "siapkan" }, P("jfu"));
    expect(r).toEqual({ ok: false, error: "Uji mandiri hanya untuk admin Alur (Pengaturan › Email admin). Tidak ada yang dibuat atau diubah." });
    const shown = alur.world.ui.shown.length;
    alur.world.within({ user: P("jfu"), effectiveUser: P("jfu") }, () => alur.ctx.menuUjiMandiri());
    expect(alur.world.ui.shown.slice(shown).map((s) => [s.type, s.content])).toEqual([["alert", "Uji mandiri hanya untuk admin Alur (Pengaturan › Email admin). Tidak ada yang dibuat atau diubah."]]);
    expect(alur.world.documents.size).toBe(docs);
    // The admin gets the dialog.
    alur.world.within({ user: ADMIN, effectiveUser: ADMIN }, () => alur.ctx.menuUjiMandiri());
    expect(alur.world.ui.shown.at(-1)).toMatchObject({ type: "modal", title: "Uji mandiri" });
  });

  test("a colleague with no Drive probe waiting is told so", () => {
    const shown = alur.world.ui.shown.length;
    alur.world.within({ user: P("sekretaris"), effectiveUser: P("sekretaris") }, () => alur.ctx.menuUjiDrive());
    expect(alur.world.ui.shown.slice(shown).map((s) => s.content)).toEqual([expect.stringMatching(/^Tidak ada uji akses Drive yang menunggu/)]);
  });
});

test("a fake whose TextFinder skips hidden columns makes exactly the TextFinder probe 'differ', with both answers shown", () => {
  const alur = setupAlur({ admins: [ADMIN] });
  const proto = FakeTextFinder.prototype as unknown as { findAll: () => unknown[] };
  const findAll = proto.findAll;
  proto.findAll = function (this: FakeTextFinder) {
    return (findAll.call(this) as GoogleAppsScript.Spreadsheet.Range[]).filter((r) => !r.getSheet().isColumnHiddenByUser(r.getColumn()));
  };
  try {
    const rows = runUjiMandiri(alur, { colleague: P("jfu") });
    expect(rows.filter((r) => r.status !== "passed").map((r) => [r.id, r.status, r.observed, r.expected])).toEqual([["textfinder", "differs", { found: [] }, { found: ["B1"] }]]);
  } finally {
    proto.findAll = findAll;
  }
});

test("a fake that takes NaN or a fraction for getRange (its old leniency) makes exactly the 'rentang' probe differ", () => {
  const alur = setupAlur({ admins: [ADMIN] });
  const proto = FakeSheet.prototype as unknown as { getRange: (...a: unknown[]) => unknown };
  const getRange = proto.getRange;
  proto.getRange = function (this: FakeSheet, ...a: unknown[]) {
    if (a.length >= 2 && a.every((x) => typeof x === "number")) {
      const [row, col, rows, cols] = a as number[];
      return this.range_(row, col, rows ?? 1, cols ?? 1);
    }
    return getRange.apply(this, a);
  };
  try {
    const rows = runUjiMandiri(alur, { colleague: P("jfu") });
    const differs = rows.filter((r) => r.status !== "passed");
    expect(differs.map((r) => [r.id, r.status])).toEqual([["rentang", "differs"]]);
    const observed = differs[0].observed as Record<string, string>;
    expect(observed.nanColumn).toMatch(/^diterima: /);
    expect(observed.fractionRow).toBe("diterima: A1");
    expect(differs[0].expected).toEqual({
      nanColumn: "The parameters (number,number,number,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      fractionRow: "The parameters (number,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      zeroColumn: "The starting column of the range is too small.",
    });
  } finally {
    proto.getRange = getRange;
  }
});
