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

describe("numbers in an Indonesian spreadsheet", () => {
  test("decimal comma, grouping dot, whole percentages and working durations", () => {
    const { world } = freshWorkbook("in_ID");
    const sheet = world.spreadsheet.getSheetByName("Sheet1")!;
    const shown = (v: number, f: string) => {
      const r = sheet.getRange("A1");
      r.setValue(v);
      r.setNumberFormat(f);
      return r.getDisplayValue();
    };
    expect(shown(18.75, "0.0")).toBe("18,8");
    expect(shown(1234567, "#,##0")).toBe("1.234.567");
    expect(shown(82.4, '0"%"')).toBe("82%");
    expect(shown(200 / 1440, '[h] "j" m "mnt"')).toBe("3 j 20 mnt");
    expect(shown(1805 / 1440, '[h] "j" m "mnt"')).toBe("30 j 5 mnt");
    world.spreadsheet.setSpreadsheetLocale("en_US");
    expect(shown(18.75, "0.0")).toBe("18.8");
  });
});
