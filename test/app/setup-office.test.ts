// Setup as an office runs it: several admins, a spreadsheet made in another time zone, Pejabat rows deleted by hand.
import { ADMIN, P, setupAlur } from "../../emulator/alur-world";

describe("setup for the whole office", () => {
  test("a second admin running Siapkan Alur installs no second set of triggers", () => {
    const alur = setupAlur();
    const handlers = () => alur.world.triggers.map((t) => t.handler).sort();
    const first = handlers();
    expect(first).toEqual(["dailyReport", "hourlyRefresh", "onSheetChange", "runDocumentQueue"]);
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

  test("a workbook that already holds Riwayat keeps its time zone, and setup warns instead of shifting recorded times", () => {
    const alur = setupAlur();
    alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { perihal: "x", asalSurat: "Setda", nomorSurat: "1", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Biasa" } });
    alur.world.spreadsheet.setSpreadsheetTimeZone("Asia/Makassar");
    alur.world.within({ user: ADMIN }, () => alur.ctx.menuSetup());
    expect(alur.world.spreadsheet.getSpreadsheetTimeZone()).toBe("Asia/Makassar");
    expect(alur.world.ui.shown.at(-1)?.content ?? "").toMatch(/zona waktu spreadsheet ini Asia\/Makassar, bukan Asia\/Jakarta/);
  });

  test("a renamed Pejabat sheet: an edit there still takes effect at once (sheets are known by id)", () => {
    const alur = setupAlur();
    alur.ok(P("jfu"), "bootstrap", null);
    const pejabat = alur.world.spreadsheet.getSheetByName("Pejabat")!;
    pejabat.setName("Daftar Pejabat");
    const row = alur.world.read("Daftar Pejabat").findIndex((r) => r.includes(P("jfu"))) + 1;
    const email = (alur.world.read("Daftar Pejabat")[0] as string[]).indexOf("Email") + 1;
    pejabat.getRange(row, email).setValue("jfu.baru@dinas.example");
    alur.world.within("simple-trigger", () => alur.ctx.onEdit({ range: pejabat.getRange(row, email) }));
    expect(alur.ok(P("jfu"), "bootstrap", null).me.roles).toEqual([]);
    expect(alur.ok("jfu.baru@dinas.example", "bootstrap", null).me.roles).toEqual(["Jabatan Fungsional Umum (JFU)"]);
  });
});
