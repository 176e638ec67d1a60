// Buat dokumen: the holder of a step that produces a letter gets a draft Google Doc linked on the case's row.
import { P, setupAlur } from "../../emulator/alur-world";

const SM_FIELDS = { perihal: "Undangan rapat", asalSurat: "Setda", nomorSurat: "005/9", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Segera" };

test("the step's holder makes a draft letter; the link lands in Dokumen; others and other templates are refused", () => {
  const alur = setupAlur();
  const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
  expect(v.current?.letters).toEqual(["lembar-disposisi"]);
  expect(alur.call(P("kepala-dinas"), "makeDocument", { caseId: v.id, template: "lembar-disposisi" })).toMatchObject({ ok: false, error: expect.stringMatching(/tidak memegang peran itu/) });
  expect(alur.call(P("jfu"), "makeDocument", { caseId: v.id, template: "surat-tugas" })).toEqual({ ok: false, error: "Langkah ini tidak menghasilkan Surat Tugas." });
  const made = alur.ok(P("jfu"), "makeDocument", { caseId: v.id, template: "lembar-disposisi" });
  expect(made.documents).toHaveLength(1);
  expect(made.version).toBe(1);
  const doc = [...alur.world.documents.values()][0];
  expect(doc.name).toBe(`${v.id} · Konsep Lembar Disposisi`);
  expect(doc.text).toContain("KONSEP LEMBAR DISPOSISI");
  expect(doc.text).toContain("Nomor Surat: 005/9");
  const rows = alur.world.read("SM · Surat Masuk");
  expect(rows[1][rows[0].indexOf("Dokumen")]).toBe(made.documents[0]);
  // The case still moves on as before.
  expect(alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" }).documents).toEqual(made.documents);
});
