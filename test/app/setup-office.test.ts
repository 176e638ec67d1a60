// Setup as an office runs it: several admins, a spreadsheet made in another time zone, Pejabat rows deleted by hand.
import { ADMIN, P, setupAlur } from "../../emulator/alur-world";

describe("setup for the whole office", () => {
  test("a second admin running Siapkan Alur installs no second set of triggers", () => {
    const alur = setupAlur();
    const handlers = () => alur.world.triggers.map((t) => t.handler).sort();
    const first = handlers();
    expect(first).toEqual(["dailyReport", "hourlyRefresh", "onSheetChange"]);
    alur.world.within({ user: "admin2@dinas.example" }, () => alur.ctx.menuSetup());
    expect(handlers()).toEqual(first);
    // Running it again as the first admin changes nothing either.
    alur.world.within({ user: ADMIN }, () => alur.ctx.menuSetup());
    expect(handlers()).toEqual(first);
  });

  test("a spreadsheet made in another time zone is set to Asia/Jakarta, and setup says so", () => {
    const alur = setupAlur();
    const ss = alur.world.spreadsheet;
    ss.setSpreadsheetTimeZone("America/New_York");
    alur.world.within({ user: ADMIN }, () => alur.ctx.menuSetup());
    expect(ss.getSpreadsheetTimeZone()).toBe("Asia/Jakarta");
    expect(alur.world.ui.shown.at(-1)?.content ?? "").toMatch(/Zona waktu spreadsheet diatur ke Asia\/Jakarta/);
  });

  test("a Pejabat row deleted by hand takes effect at once (the change trigger drops the cached configuration)", () => {
    const alur = setupAlur();
    expect(alur.ok(P("jfu"), "bootstrap", null).me.roles.length).toBeGreaterThan(0);
    const pejabat = alur.world.spreadsheet.getSheetByName("Pejabat")!;
    const row = alur.world.read("Pejabat").findIndex((r) => r.includes(P("jfu"))) + 1;
    pejabat.deleteRow(row);
    alur.world.within({ user: ADMIN }, () => alur.ctx.onSheetChange({ changeType: "REMOVE_ROW" }));
    expect(alur.ok(P("jfu"), "bootstrap", null).me.roles).toEqual([]);
  });

  test("a column inserted in front of Pejabat changes nobody's role", () => {
    const alur = setupAlur();
    const pejabat = alur.world.spreadsheet.getSheetByName("Pejabat")!;
    pejabat.insertColumnBefore(1);
    pejabat.getRange(1, 1).setValue("No.");
    alur.world.within({ user: ADMIN }, () => alur.ctx.onSheetChange({ changeType: "INSERT_COLUMN" }));
    const me = alur.ok(P("jfu"), "bootstrap", null);
    expect(me.me.roles).toEqual(["Jabatan Fungsional Umum (JFU)"]);
    expect(me.problems).toEqual([]);
  });

  test("a Pejabat header renamed by hand is named in the panel's problems", () => {
    const alur = setupAlur();
    const pejabat = alur.world.spreadsheet.getSheetByName("Pejabat")!;
    const col = (alur.world.read("Pejabat")[0] as string[]).indexOf("Email") + 1;
    pejabat.getRange(1, col).setValue("E-mail");
    alur.world.within({ user: ADMIN }, () => alur.ctx.onSheetChange({ changeType: "OTHER" }));
    expect(alur.ok(ADMIN, "bootstrap", null).problems[0]).toBe('Sheet Pejabat: kolom "Email" tidak ditemukan. Kembalikan judul kolomnya (kolom boleh dipindah, judulnya jangan diubah), atau jalankan Siapkan Alur.');
  });
});
