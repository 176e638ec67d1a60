// What staff do to register sheets by hand: sorting, hiding, inserting and moving columns, deleting rows,
// typing rows, renaming headers, editing system cells. Rows are found by ID and columns by header name.
import type { CaseView } from "../../src/api";
import { type Alur, P, setupAlur } from "../../emulator/alur-world";

const SM = "SM · Surat Masuk";
const fields = (perihal: string) => ({ perihal, asalSurat: "Setda", nomorSurat: "005/1", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Biasa" });

function withCases(n: number): { alur: Alur; cases: CaseView[] } {
  const alur = setupAlur();
  const cases = Array.from({ length: n }, (_, i) => alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: fields(`Surat ${String.fromCharCode(65 + i)}`) }));
  return { alur, cases };
}

const sheet = (alur: Alur) => alur.world.spreadsheet.getSheetByName(SM)!;
const headerOf = (alur: Alur) => alur.world.read(SM)[0] as string[];
const col = (alur: Alur, h: string) => headerOf(alur).indexOf(h) + 1;
const complete = (alur: Alur, v: CaseView) => alur.call(P("jfu"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });

describe("register sheets edited by hand", () => {
  test("sorted descending and with rows hidden by a filter, the right rows still move", () => {
    const { alur, cases } = withCases(3);
    sheet(alur).getRange(2, 1, 3, sheet(alur).getLastColumn()).sort({ column: col(alur, "Perihal"), ascending: false });
    sheet(alur).hideRows(2, 2);
    expect(alur.world.read(SM)[1][0]).toBe(cases[2].id);
    expect(complete(alur, cases[0])).toMatchObject({ ok: true, data: { id: cases[0].id, version: 2 } });
    const row = alur.world.read(SM).find((r) => r[0] === cases[0].id)!;
    expect(row[col(alur, "Versi") - 1]).toBe(2);
    expect(alur.world.read(SM).find((r) => r[0] === cases[1].id)![col(alur, "Versi") - 1]).toBe(1);
  });

  test("a column inserted by staff keeps what they typed; a moved column is found by its header", () => {
    const { alur, cases } = withCases(2);
    const s = sheet(alur);
    const statusCol = col(alur, "Status");
    s.insertColumnBefore(statusCol);
    s.getRange(1, statusCol).setValue("Catatan staf");
    s.getRange(2, statusCol).setValue("hubungi pengirim");
    // Move "Perihal" to the far right: cut and paste as a person would.
    const perihalCol = col(alur, "Perihal");
    const values = s.getRange(1, perihalCol, 3, 1).getValues();
    s.deleteColumn(perihalCol);
    s.insertColumnAfter(s.getLastColumn());
    s.getRange(1, s.getLastColumn() + 1, 3, 1).setValues(values);
    const r = complete(alur, cases[0]);
    expect(r).toMatchObject({ ok: true, data: { perihal: "Surat A", version: 2 } });
    const row = alur.world.read(SM).find((x) => x[0] === cases[0].id)!;
    expect(row[col(alur, "Catatan staf") - 1]).toBe("hubungi pengirim");
    expect(row[col(alur, "Perihal") - 1]).toBe("Surat A");
  });

  test("a deleted row: that case is reported missing, every other case keeps working", () => {
    const { alur, cases } = withCases(3);
    const rowOfB = alur.world.read(SM).findIndex((r) => r[0] === cases[1].id) + 1;
    sheet(alur).deleteRow(rowOfB);
    expect(complete(alur, cases[1])).toEqual({ ok: false, error: `Kasus ${cases[1].id} tidak ditemukan di register Surat Masuk. Mungkin barisnya dihapus; lihat Riwayat.` });
    expect(complete(alur, cases[2])).toMatchObject({ ok: true });
  });

  test("a row typed by hand is reported with its location and does not disturb the others", () => {
    const { alur, cases } = withCases(1);
    const s = sheet(alur);
    s.getRange(3, 1, 1, 2).setValues([["SM-2026-0099", "diketik manual"]]);
    const r = alur.call(P("jfu"), "getCase", { caseId: "SM-2026-0099" });
    expect(r).toEqual({ ok: false, error: `Sheet ${SM} baris 3: baris SM-2026-0099 tidak dibuat lewat Alur (kolom "Data sistem" kosong). Buat kasus lewat panel Alur › Kasus baru.` });
    expect(complete(alur, cases[0])).toMatchObject({ ok: true });
  });

  test("a renamed system header is named in the message; renaming it back makes the case work again", () => {
    const { alur, cases } = withCases(1);
    const statusCol = col(alur, "Status");
    sheet(alur).getRange(1, statusCol).setValue("Keadaan");
    expect(complete(alur, cases[0])).toEqual({ ok: false, error: `Kolom "Status" tidak ditemukan di sheet ${SM}. Kembalikan judul kolomnya; kolom boleh dipindah tetapi judulnya jangan diubah.` });
    sheet(alur).getRange(1, statusCol).setValue("Status");
    expect(complete(alur, cases[0])).toMatchObject({ ok: true });
  });

  test("a hand edit of Status is refused with an explanation, and nothing is overwritten", () => {
    const { alur, cases } = withCases(1);
    sheet(alur).getRange(2, col(alur, "Status")).setValue("Selesai");
    const before = alur.world.read(SM);
    expect(complete(alur, cases[0])).toEqual({
      ok: false,
      error: `Sheet ${SM} baris 2: kolom "Status" kasus ${cases[0].id} diubah secara manual (tertulis "Selesai", seharusnya "Berjalan"). Alur tidak menimpanya diam-diam: kembalikan nilainya menjadi "Berjalan", atau minta admin membuka ulang/mengalihkan kasus.`,
    });
    expect(alur.world.read(SM)).toEqual(before);
  });

  test("a pasted duplicate of a case row is refused until the copy is removed", () => {
    const { alur, cases } = withCases(1);
    const s = sheet(alur);
    const width = s.getLastColumn();
    s.getRange(3, 1, 1, width).setValues(s.getRange(2, 1, 1, width).getValues());
    expect(complete(alur, cases[0])).toEqual({
      ok: false,
      error: `ID ${cases[0].id} tertulis di 2 baris (baris 2, 3). Bila salah satunya salinan hasil salin-tempel (isinya sama), hapus salinan itu; bila isinya berbeda, jangan menghapus apa pun dan hubungi admin.`,
    });
  });

  test("the ID typed in another column (a note) is not mistaken for the case's row", () => {
    const { alur, cases } = withCases(2);
    sheet(alur).getRange(3, col(alur, "Catatan")).setValue(cases[0].id);
    expect(complete(alur, cases[0])).toMatchObject({ ok: true, data: { id: cases[0].id } });
  });

  test("a formula and a link staff put beside Alur's columns survive every action; a link pasted into Dokumen stays", () => {
    const { alur, cases } = withCases(1);
    const s = sheet(alur);
    const statusCol = col(alur, "Status");
    s.insertColumnBefore(statusCol);
    s.getRange(1, statusCol).setValue("Hari sejak diterima");
    s.getRange(2, statusCol).setFormula("=TODAY()-E2");
    const docs = col(alur, "Dokumen");
    s.getRange(2, docs).setValue("https://drive.google.com/file/d/scan-surat/view");
    expect(complete(alur, cases[0])).toMatchObject({ ok: true, data: { version: 2, documents: ["https://drive.google.com/file/d/scan-surat/view"] } });
    expect(s.getRange(2, statusCol).getFormula()).toBe("=TODAY()-E2");
    expect(s.getRange(2, docs).getValue()).toBe("https://drive.google.com/file/d/scan-surat/view");
  });

  test("a renamed field column: starting a case is refused with how to fix it, and nothing is written", () => {
    const { alur } = withCases(1);
    sheet(alur).getRange(1, col(alur, "Asal Surat")).setValue("Pengirim");
    const before = sheet(alur).getLastRow();
    const r = alur.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields: fields("Surat baru") });
    expect(r).toEqual({
      ok: false,
      error: `Register ${SM} tidak punya kolom "Asal Surat". Jalankan Ekstensi › Alur › Siapkan Alur untuk menambahkan kolom yang kurang (tidak ada isian yang dihapus), lalu mulai lagi. Isian Anda tetap di formulir.`,
    });
    expect(sheet(alur).getLastRow()).toBe(before);
  });

  test("a deleted Riwayat stops the action before the row moves: nothing half-done", () => {
    const { alur, cases } = withCases(1);
    alur.world.spreadsheet.deleteSheet(alur.world.spreadsheet.getSheetByName("Riwayat")!);
    const r = complete(alur, cases[0]);
    expect(r.ok).toBe(false);
    expect(alur.world.read(SM)[1][col(alur, "Versi") - 1]).toBe(1);
    // Nobody was told of a step the case never reached.
    expect(alur.world.outbox.filter((m) => m.subject.includes(cases[0].id))).toEqual([]);
  });

  test("a lost ID counter never issues an ID twice: numbering resumes after the highest on the register", () => {
    const { alur, cases } = withCases(2);
    const props = alur.world.globals.PropertiesService.getScriptProperties();
    const key = Object.keys(props.getProperties()).find((k) => k.startsWith("alur.seq.SM."))!;
    props.deleteProperty(key);
    const next = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: fields("Surat C") });
    expect(next.id).toBe(cases[1].id.replace(/\d{4}$/, "0003"));
    // A row typed by hand with a later number is skipped too.
    const s = sheet(alur);
    s.getRange(s.getLastRow() + 1, 1).setValue(cases[1].id.replace(/\d{4}$/, "0004"));
    expect(alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: fields("Surat D") }).id).toBe(cases[1].id.replace(/\d{4}$/, "0005"));
  });
});
