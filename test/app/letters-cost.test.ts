// Letters cost a constant number of Spreadsheet calls and cells read, whatever the size of Agenda Surat and the registers.
import { ADMIN, type Alur, P, setupAlur } from "../../emulator/alur-world";
import { fillFinished, measure } from "../../emulator/cost";
import { CATALOG } from "../../src/catalog/index";
import { fullFields, walkTo } from "./letters-helpers";

const SK = CATALOG.find((s) => s.id === "surat-keluar")!;
const CT = CATALOG.find((s) => s.id === "cuti")!;

function fillAgenda(alur: Alur, rows: number): void {
  const filler: unknown[][] = [];
  for (let i = 1; i <= rows; i++) filler.push([`K/2025/${i}`, "Keluar", "2025", i, `000/${i}/Kominfo/2025`, "000", "Terbit", "", "", `Surat lama ${i}`, P("jfu"), new Date(Date.UTC(2025, 5, 1)), "", ""]);
  alur.world.fill("Agenda Surat", filler, { row: 2 });
}

function run(size: number) {
  const alur = setupAlur({ admins: [ADMIN] });
  fillAgenda(alur, size);
  fillFinished(alur, "SK · Surat Keluar", size);
  fillFinished(alur, "CT · Cuti Pegawai", size);
  alur.ok(P("jfu"), "reserveNumber", { klasifikasi: "000", perihal: "Pemanasan" });
  const reserve = measure(alur, () => alur.ok(P("jfu"), "reserveNumber", { klasifikasi: "000.8.3.3", perihal: "Nomor tanpa kasus" }));
  const v = walkTo(alur, SK, alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields: { ...fullFields(SK), perihal: "Permohonan data" } }), "9");
  const numbered = measure(alur, () => alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" }));
  const ct = alur.ok(P("jfu"), "startCase", { sopId: "cuti", fields: { ...fullFields(CT), perihal: "Cuti" } });
  const panel = measure(alur, () => alur.ok(P("jfu"), "leavePanel", { caseId: ct.id }));
  const w = walkTo(alur, CT, ct, "6");
  const decision = measure(alur, () => alur.ok(P("kepala-dinas"), "decideLeave", { caseId: w.id, expectedVersion: w.version, level: "pejabat", choice: "Disetujui", reason: "" }));
  return { reserve, numbered, panel, decision };
}

test("reserving a number, the numbering step, the leave panel and a decision cost the same on 20 and 3,000 rows", () => {
  const small = run(20);
  const large = run(3000);
  for (const k of ["reserve", "numbered", "panel", "decision"] as const) {
    expect({ k, calls: large[k].spreadsheetCalls, cells: large[k].cellsRead }).toEqual({ k, calls: small[k].spreadsheetCalls, cells: small[k].cellsRead });
  }
  expect(large.reserve.spreadsheetCalls).toBeLessThanOrEqual(12);
  expect(large.numbered.spreadsheetCalls).toBeLessThanOrEqual(22);
}, 120000);
