// Alur › Monitoring SOP through the bundle: the semester's form, prefilled from the measurements, and its PDF.
import { ADMIN, MONDAY_8, P, setupAlur } from "../../emulator/alur-world";
import type { JournalEntry } from "../../src/domain/journal";
import { appendRows, numbered, prng, resetRiwayat, simulate } from "./report-fixtures";

const NOW = Date.UTC(2026, 10, 30, 1, 0);
const HEADER = ["No", "Prosedur", "Penilaian terhadap penerapan", "Catatan hasil penilaian", "Tindakan yang harus diambil", "Paraf penilai"];

function office(latePercent?: string) {
  const alur = setupAlur({ admins: [ADMIN] });
  if (latePercent) {
    const rows = alur.world.read("Pengaturan");
    const i = rows.findIndex((r) => r[0] === "Monitoring: batas terlambat (%)");
    alur.world.spreadsheet.getSheetByName("Pengaturan")!.getRange(i + 1, 2).setValue(latePercent);
  }
  resetRiwayat(alur);
  // July to November: the second semester of 2026.
  const entries = numbered(
    simulate(prng(17), { cases: 50, from: Date.UTC(2026, 6, 1, 1, 0), span: 140 * 86_400_000 }).filter((e) => e.at < NOW - 3_600_000),
    1,
  );
  appendRows(alur, entries);
  alur.world.clock.advance(NOW - MONDAY_8);
  return { alur, entries };
}

/** The step's passes this semester, late (over the standard) and returned, worked out from the entries. */
function passes(entries: JournalEntry[], sopId: string, stepNo: string) {
  const list = entries.filter((e) => e.sopId === sopId && e.stepNo === stepNo && ["complete", "approve", "return"].includes(e.kind) && e.at >= Date.UTC(2026, 5, 30, 17, 0));
  return { n: list.length, late: list.filter((e) => e.minutes > (e.standard as number)).length, returned: list.filter((e) => e.kind === "return").length };
}

const pct = (a: number, b: number) => `${Math.round((a / b) * 100)}%`;

describe("Monitoring SOP", () => {
  test("the semester's sheet: the official columns, one row per active SOP, the steps over the thresholds named with their figures, the checklist beside", () => {
    const { alur, entries } = office();
    alur.world.within({ user: ADMIN }, () => alur.ctx.menuMonitoring());
    expect(alur.world.ui.shown.at(-1)?.content).toMatch(/^Sheet "Monitoring SOP 2026-II" dibuat/);
    const rows = alur.world.read("Monitoring SOP 2026-II");
    expect(rows[0][0]).toBe("MONITORING PELAKSANAAN SOP ADMINISTRASI PEMERINTAHAN");
    expect(rows[2][0]).toMatch(/^Semester II \(Juli–Desember\) 2026\./);
    expect(rows[4].slice(0, 6)).toEqual(HEADER);
    const body = rows.slice(5).filter((r) => typeof r[0] === "number");
    expect(body).toHaveLength(28);
    expect(body.map((r) => r[0])).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));

    const sm = body.find((r) => r[1] === "SOP Penanganan Surat Masuk") as unknown[];
    expect(String(sm[3])).toMatch(/Perlu perhatian: langkah \d/);
    // The steps late in 30% or more of their passes, worst first: three named with their figures, the rest counted.
    const over = ["1", "2", "3", "4", "5", "6", "7"]
      .map((no) => ({ no, ...passes(entries, "surat-masuk", no) }))
      .filter((p) => p.n > 0 && p.late / p.n >= 0.3)
      .sort((a, b) => b.late / b.n - a.late / a.n);
    expect(over.length).toBeGreaterThan(0);
    const worst = over[0];
    expect(String(sm[3])).toContain(`langkah ${worst.no} (`);
    expect(String(sm[3])).toContain(`terlambat ${worst.late} dari ${worst.n} kali (${pct(worst.late, worst.n)})`);
    const named = (String(sm[3]).match(/langkah \d+ \(/g) ?? []).length;
    expect(named).toBe(Math.min(3, over.length));
    if (over.length > 3) expect(String(sm[3])).toContain(`dan ${over.length - 3} langkah lain di atas batas`);
    for (let no = 1; no <= 7; no++) {
      if (!over.some((p) => p.no === String(no))) expect(String(sm[3])).not.toContain(`langkah ${no} (`);
    }
    const sk = body.find((r) => r[1] === "SOP Penanganan Surat Keluar") as unknown[];
    // Every step named for Surat Keluar carries its own figures (late, and returns at its decisions).
    const namedSk = String(sk[3]).split("; ").filter((part) => /langkah \d+ \(/.test(part));
    expect(namedSk.length).toBeGreaterThan(0);
    for (const part of namedSk) {
      const no = /langkah (\d+) \(/.exec(part)?.[1] as string;
      const p = passes(entries, "surat-keluar", no);
      const late = /terlambat (\d+) dari (\d+) kali \((\d+)%\)/.exec(part);
      const back = /mengembalikan (\d+) dari (\d+) kali \((\d+)%\)/.exec(part);
      expect(late || back).toBeTruthy();
      if (late) expect(late.slice(1)).toEqual([String(p.late), String(p.n), pct(p.late, p.n).replace("%", "")]);
      if (back) expect(back.slice(1)).toEqual([String(p.returned), String(p.n), pct(p.returned, p.n).replace("%", "")]);
    }
    const quiet = body.find((r) => r[1] === "SOP Penyusunan Rencana Kerja Anggaran (RKA)") as unknown[];
    expect(quiet[3]).toBe("Data Alur: belum ada langkah SOP ini yang dikerjakan lewat Alur pada semester ini.");

    // The evaluation checklist beside the form, for the evaluator.
    const sheet = alur.world.spreadsheet.getSheetByName("Monitoring SOP 2026-II")!;
    expect(rows[4].slice(7, 10)).toEqual(["No", "Kriteria evaluasi", "Ya / Tidak"]);
    expect(rows.slice(5, 12).map((r) => r[8])).toEqual([
      "Mampu mendorong peningkatan kinerja",
      "Mudah dipahami",
      "Mudah dilaksanakan",
      "Semua orang dapat menjalankan perannya masing-masing",
      "Mampu mengatasi permasalahan yang berkaitan dengan proses",
      "Mampu menjawab kebutuhan peningkatan kinerja organisasi",
      "Sistem berjalan dengan baik, bersinergi satu dengan lainnya",
    ]);
    expect(sheet.getRange(6, 3).getDataValidation()?.getCriteriaValues()[0]).toEqual(["Berjalan dengan baik", "Tidak berjalan dengan baik"]);
    expect(sheet.getRange(6, 10).getDataValidation()?.getCriteriaValues()[0]).toEqual(["Ya", "Tidak"]);
  });

  test("the thresholds come from Pengaturan", () => {
    const strict = office("1");
    strict.alur.world.within({ user: ADMIN }, () => strict.alur.ctx.menuMonitoring());
    const sm = strict.alur.world.read("Monitoring SOP 2026-II").find((r) => r[1] === "SOP Penanganan Surat Masuk") as unknown[];
    const late = ["1", "2", "3", "4", "5", "6", "7"].filter((no) => passes(strict.entries, "surat-masuk", no).late > 0).length;
    const named = (String(sm[3]).match(/langkah \d+ \(/g) ?? []).length;
    expect(named + Number(/dan (\d+) langkah lain/.exec(String(sm[3]))?.[1] ?? 0)).toBe(late);
  });

  test("a second run refreshes Alur's notes and keeps the evaluator's; the PDF carries what the evaluator wrote", () => {
    const { alur } = office();
    alur.world.within({ user: ADMIN }, () => alur.ctx.menuMonitoring());
    const sheet = alur.world.spreadsheet.getSheetByName("Monitoring SOP 2026-II")!;
    sheet.getRange(6, 3).setValue("Berjalan dengan baik");
    sheet.getRange(7, 4).setValue("Sudah dibahas dalam rapat staf.");
    sheet.getRange(7, 5).setValue("Tinjau standar waktu langkah 5");
    alur.world.within({ user: ADMIN }, () => alur.ctx.menuMonitoring());
    expect(alur.world.ui.shown.at(-1)?.content).toMatch(/sudah ada: 27 catatan Alur diperbarui, 1 catatan penilai dibiarkan/);
    expect(sheet.getRange(7, 4).getValue()).toBe("Sudah dibahas dalam rapat staf.");
    expect(sheet.getRange(6, 3).getValue()).toBe("Berjalan dengan baik");

    alur.world.within({ user: ADMIN }, () => alur.ctx.menuMonitoringPdf());
    expect(alur.world.ui.shown.at(-1)?.content).toMatch(/^PDF "Monitoring SOP 2026-II \(30 Nov 2026\)" dibuat di Google Drive Anda/);
    const docs = [...alur.world.documents.values()];
    const pdf = docs.find((d) => d.name === "Monitoring SOP 2026-II (30 Nov 2026).pdf");
    expect(pdf?.mimeType).toBe("application/pdf");
    const doc = docs.find((d) => d.name === "Monitoring SOP 2026-II (30 Nov 2026)" && d.isDoc);
    const text = alur.world.globals.DocumentApp.openById(doc!.id).getBody().getText();
    expect(text).toContain("Tinjau standar waktu langkah 5");
    expect(text).toContain("Berjalan dengan baik");
    expect(text).toContain("Mudah dipahami");
  });

  test("only admins; the PDF asks for the sheet first", () => {
    const { alur } = office();
    alur.world.within({ user: P("jfu") }, () => alur.ctx.menuMonitoring());
    expect(alur.world.ui.shown.at(-1)?.content).toMatch(/hanya untuk admin/);
    alur.world.within({ user: ADMIN }, () => alur.ctx.menuMonitoringPdf());
    expect(alur.world.ui.shown.at(-1)?.content).toMatch(/Sheet "Monitoring SOP 2026-II" belum ada/);
  });
});
