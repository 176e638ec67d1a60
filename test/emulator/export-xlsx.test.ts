// `npm run export`: the workbook written as .xlsx and read back with exceljs keeps what a person relies on in Sheets —
// dropdown lists, checkboxes and date rules, conditional formats (custom formulas too), frozen rows and columns,
// hidden columns — and a sheet name .xlsx forbids is changed, with a printed line saying how.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { createWorld, type World } from "../../emulator/fakes";
import { FakeConditionalFormatRuleBuilder } from "../../emulator/fakes/conditional-format";
import { type FakeDataValidation, FakeDataValidationBuilder } from "../../emulator/fakes/data-validation";
import { snapshot, writeSnapshot } from "../../emulator/server/persist";

const ROOT = resolve(__dirname, "../..");
const IB = "IB · Tugas/Izin Belajar";
const LONG = "Rekapitulasi Permohonan Izin Belajar Pegawai 2026";
let dir: string;
let out: string;
let printed: string;
let book: ExcelJS.Workbook;

/** What exceljs reads back but its types leave out. */
type Read = ExcelJS.Worksheet & { dataValidations: { model: Record<string, ExcelJS.DataValidation> }; conditionalFormattings: { ref: string; rules: unknown[] }[] };
const sheetOf = (name: string) => book.getWorksheet(name) as Read;

function workbook(): World {
  const world = createWorld({ user: "admin@dinas.example", timeZone: "Asia/Jakarta", seed: 7, spreadsheetName: "Uji ekspor", sheets: ["Pejabat", IB, LONG, "Pilihan"] });
  const ss = world.spreadsheet;
  const rule = (f: (b: FakeDataValidationBuilder) => unknown) => f(new FakeDataValidationBuilder(world)) as FakeDataValidation as never;
  const pilihan = ss.sheetNamed_("Pilihan")!;
  world.fill("Pilihan", [["Biasa"], ["Segera"], ["Rahasia"]]);

  const ib = ss.sheetNamed_(IB)!;
  world.fill(IB, [
    ["ID", "Sifat", "Tanggal", "Aktif", "Tenggat", "Terlambat", "Data sistem", "Asal"],
    ["IB-2026-0001", "Segera", new Date(Date.UTC(2026, 10, 19, 17)), true, new Date(Date.UTC(2026, 11, 1, 2)), 35, "{}", "Bappeda"],
    ["IB-2026-0002", "Biasa", new Date(Date.UTC(2026, 10, 22, 17)), false, new Date(Date.UTC(2026, 11, 3, 2)), 0, "{}", "BPS"],
  ]);
  ib.frozenRows = 1;
  ib.frozenCols = 1;
  ib.hiddenCols.add(7);
  ib.range_(2, 2, 99, 1).setDataValidation(rule((b) => b.requireValueInList(["Biasa", "Segera", "Sangat Segera", "Rahasia"], true).setAllowInvalid(false).build()));
  ib.range_(2, 3, 99, 1).setDataValidation(rule((b) => b.requireDate().setAllowInvalid(false).setHelpText("Isi dengan tanggal").build()));
  ib.range_(2, 4, 99, 1).setDataValidation(rule((b) => b.requireCheckbox().build()));
  ib.range_(2, 8, 99, 1).setDataValidation(rule((b) => b.requireValueInRange(pilihan.range_(1, 1, 3, 1) as never, true).build()));
  ib.range_(2, 3, 99, 1).setNumberFormat("d mmm yyyy");
  const late = new FakeConditionalFormatRuleBuilder(world).whenNumberGreaterThan(0).setBackground("#f4c7c3").setFontColor("#a50e0e").setRanges([ib.range_(2, 6, 99, 1) as never]).build();
  const near = new FakeConditionalFormatRuleBuilder(world).whenFormulaSatisfied("=AND(ISNUMBER(E2),E2>NOW(),E2-NOW()<0.25)").setBackground("#fce8b2").setRanges([ib.range_(2, 5, 99, 1) as never]).build();
  ib.setConditionalFormatRules([late, near]);

  world.fill("Pejabat", [["Peran", "Nama", "Email"], ["Kepala Dinas", "Kadis", "kadis@dinas.example"]]);
  const roles = Array.from({ length: 30 }, (_, i) => `Jabatan dengan nama yang cukup panjang nomor ${i + 1}`);
  ss.sheetNamed_("Pejabat")!.range_(2, 1, 20, 1).setDataValidation(rule((b) => b.requireValueInList(roles, true).build()));
  // A formula pointing at a sheet that gets a new name follows it.
  world.fill(LONG, [["Jumlah"]]);
  ss.sheetNamed_(LONG)!.range_(2, 1, 1, 1).setFormula(`=COUNTA('${IB}'!A2:A100)`);
  return world;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "alur-export-"));
  writeSnapshot(dir, snapshot(workbook(), {}));
  out = join(dir, "ekspor.xlsx");
  printed = execFileSync(process.execPath, [join(ROOT, "scripts/export-xlsx.mjs"), out, "--data", dir], { cwd: ROOT, encoding: "utf8" });
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a sheet name .xlsx forbids is changed, and the export says how", () => {
  expect(printed).toContain(`Sheet "${IB}" disimpan sebagai "IB · Tugas-Izin Belajar" (tanda / tidak boleh ada di nama sheet .xlsx).`);
  expect(printed).toContain(`Sheet "${LONG}" disimpan sebagai "Rekapitulasi Permohonan Izin Be" (nama sheet .xlsx paling panjang 31 karakter).`);
  expect(book.worksheets.map((w) => w.name)).toEqual(["Pejabat", "IB · Tugas-Izin Belajar", "Rekapitulasi Permohonan Izin Be", "Pilihan", "Daftar pilihan"]);
  expect(book.getWorksheet("Rekapitulasi Permohonan Izin Be")!.getCell("A2").value).toMatchObject({ formula: "COUNTA('IB · Tugas-Izin Belajar'!A2:A100)" });
});

test("frozen header and first column, hidden system column, dates as dates", () => {
  const ib = book.getWorksheet("IB · Tugas-Izin Belajar")!;
  expect(ib.views[0]).toMatchObject({ state: "frozen", ySplit: 1, xSplit: 1 });
  expect(ib.getColumn(7).hidden).toBe(true);
  expect(ib.getColumn(6).hidden).toBe(false);
  // Wall-clock dates in the workbook's zone (20 Nov 2026 00.00 WIB).
  expect(ib.getCell("C2").value).toEqual(new Date(Date.UTC(2026, 10, 20)));
  expect(ib.getCell("C2").numFmt).toBe("d mmm yyyy");
  expect(ib.getCell("D2").value).toBe(true);
});

test("dropdown lists, checkboxes, date rules and lists from a range stay, with Sheets' reject or warn", () => {
  const dv = sheetOf("IB · Tugas-Izin Belajar").dataValidations.model;
  expect(dv.B2).toMatchObject({ type: "list", formulae: ['"Biasa,Segera,Sangat Segera,Rahasia"'], errorStyle: "error", error: "Masukkan salah satu nilai berikut: Biasa, Segera, Sangat Segera, Rahasia" });
  expect(dv.B100).toEqual(dv.B2);
  expect(dv.B101).toBeUndefined();
  expect(dv.C2).toMatchObject({ type: "date", operator: "between", errorStyle: "error", error: "Isi dengan tanggal", prompt: "Isi dengan tanggal" });
  expect(dv.D50).toMatchObject({ type: "list", formulae: ['"TRUE,FALSE"'], errorStyle: "warning" });
  expect(dv.H2).toMatchObject({ type: "list", formulae: ["Pilihan!$A$1:$A$3"] });
  // A long list goes to a hidden sheet the rule points at.
  const pj = sheetOf("Pejabat").dataValidations.model;
  expect(pj.A2).toMatchObject({ type: "list", formulae: ["'Daftar pilihan'!$A$1:$A$30"], errorStyle: "warning" });
  const lists = book.getWorksheet("Daftar pilihan")!;
  expect(lists.state).toBe("hidden");
  expect(lists.getCell("A30").value).toBe("Jabatan dengan nama yang cukup panjang nomor 30");
});

test("conditional formats stay, the custom formula of near-due rows included", () => {
  const cf = sheetOf("IB · Tugas-Izin Belajar").conditionalFormattings;
  expect(cf).toHaveLength(2);
  expect(cf[0]).toMatchObject({ ref: "F2:F100", rules: [{ type: "cellIs", operator: "greaterThan", formulae: ["0"], style: { fill: { bgColor: { argb: "FFF4C7C3" } }, font: { color: { argb: "FFA50E0E" } } } }] });
  expect(cf[1]).toMatchObject({ ref: "E2:E100", rules: [{ type: "expression", formulae: ["AND(ISNUMBER(E2),E2>NOW(),E2-NOW()<0.25)"], style: { fill: { bgColor: { argb: "FFFCE8B2" } } } }] });
});
