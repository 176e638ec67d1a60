// Setup's part for Laporan: the spreadsheet's locale (Indonesian numbers and durations) and Riwayat's grid trimmed to its columns.
import { createWorld } from "../../emulator/fakes";
import { ADMIN, MONDAY_8, setupAlur } from "../../emulator/alur-world";
import { loadBundle } from "../../emulator/load-bundle";

function freshWorkbook(locale: string) {
  const world = createWorld({ seed: 3, user: ADMIN, now: () => MONDAY_8 });
  world.spreadsheet.setSpreadsheetLocale(locale);
  const ctx = loadBundle(world);
  const setup = () => {
    world.within({ user: ADMIN }, () => ctx.menuSetup());
    return String(world.ui.shown.at(-1)?.content ?? "");
  };
  return { world, setup };
}

describe("setup and the locale", () => {
  test("first setup sets a new workbook's locale to Indonesia and says so; a second run writes nothing", () => {
    const { world, setup } = freshWorkbook("en_US");
    expect(setup()).toContain("Lokal spreadsheet diatur ke Indonesia: angka memakai koma desimal (18,8)");
    expect(world.spreadsheet.getSpreadsheetLocale()).toBe("in_ID");
    expect(setup()).toBe("Semua sudah lengkap; tidak ada yang diubah.");
  });

  test("a workbook in use whose office chose another locale is left as it is, the admin is told, and Laporan writes durations as text", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    alur.world.spreadsheet.setSpreadsheetLocale("en_GB");
    alur.world.within({ user: ADMIN }, () => alur.ctx.menuSetup());
    expect(alur.world.ui.shown.at(-1)?.content).toMatch(/Perhatian: lokal spreadsheet ini en_GB, bukan Indonesia\. Alur tidak mengubah pilihan kantor; durasi di Laporan ditulis sebagai teks\./);
    expect(alur.world.spreadsheet.getSpreadsheetLocale()).toBe("en_GB");
    alur.world.within({ user: ADMIN }, () => alur.ctx.menuSetup());
    expect(alur.world.ui.shown.at(-1)?.content).toBe("Semua sudah lengkap; tidak ada yang diubah.");
    expect(alur.world.spreadsheet.getSpreadsheetLocale()).toBe("en_GB");
  });

  test("Riwayat's grid is trimmed to the journal's columns, once", () => {
    const { world, setup } = freshWorkbook("in_ID");
    setup();
    const riwayat = world.spreadsheet.getSheetByName("Riwayat")!;
    expect(riwayat.getMaxColumns()).toBe(19);
    setup();
    expect(riwayat.getMaxColumns()).toBe(19);
  });
});
