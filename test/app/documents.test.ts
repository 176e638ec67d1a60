// Buat dokumen: the step's holder asks for a letter; the document worker (the Alur folder's owner) makes it in the case's
// folder, with a PDF beside it; the links land in Dokumen and in Riwayat.
import { ADMIN, P, setupAlur } from "../../emulator/alur-world";
import { runWorker } from "./letters-helpers";

const SM_FIELDS = { perihal: "Undangan rapat", asalSurat: "Setda", nomorSurat: "005/9", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Segera" };

test("the step's holder asks for a letter; the worker makes it in the case's folder; the links land in Dokumen and Riwayat", () => {
  const alur = setupAlur();
  const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
  expect(v.current?.letters).toEqual(["agenda", "lembar-disposisi"]);
  expect(v.letters?.templates).toEqual([{ id: "lembar-disposisi", label: "Lembar Disposisi" }]);
  expect(alur.call(P("kepala-dinas"), "makeDocument", { caseId: v.id, template: "lembar-disposisi" })).toMatchObject({ ok: false, error: expect.stringMatching(/tidak memegang peran itu/) });
  expect(alur.call(P("jfu"), "makeDocument", { caseId: v.id, template: "surat-tugas" })).toEqual({ ok: false, error: "Langkah ini tidak menghasilkan Surat Tugas." });

  // The JFU's own execution cannot write in the admin's folder (drive.file): the letter waits for the worker.
  const asked = alur.ok(P("jfu"), "makeDocument", { caseId: v.id, template: "lembar-disposisi" });
  expect(asked.letters?.pending.map((p) => p.template)).toEqual(["lembar-disposisi"]);
  expect(asked.letters?.agenda).toBe("1/Kominfo/2026");
  expect(asked.documents).toEqual([]);
  runWorker(alur);

  const made = alur.ok(P("jfu"), "getCase", { caseId: v.id });
  expect(made.letters?.pending).toEqual([]);
  expect(made.documents).toHaveLength(2);
  expect(made.documents[0]).toMatch(/^https:\/\/docs\.google\.com\/document\/d\/[\w-]+\/edit$/);
  expect(made.documents[1]).toMatch(/^https:\/\/drive\.google\.com\/file\/d\/[\w-]+\/view$/);
  expect(made.version).toBe(1);
  const docId = /\/d\/([\w-]+)/.exec(made.documents[0])?.[1] ?? "";
  const doc = alur.world.documents.get(docId)!;
  expect(doc.name).toBe(`${v.id} · Lembar Disposisi`);
  const folder = alur.world.documents.get(doc.parents[0])!;
  expect(folder.name).toBe(`${v.id} · Undangan rapat`);
  expect(alur.world.documents.get(folder.parents[0])?.name).toBe("Dokumen Kasus");
  expect(doc.text).toContain("LEMBAR DISPOSISI");
  expect(doc.text).toContain("005/9");
  expect(doc.text).toContain("1/Kominfo/2026");

  const rows = alur.world.read("SM · Surat Masuk");
  expect(rows[1][rows[0].indexOf("Dokumen")]).toBe(made.documents.join("\n"));
  const log = alur.world.read("Riwayat").find((r) => r[7] === "Dokumen dibuat");
  expect(log?.[8]).toContain(made.documents[0]);
  expect(log?.[5]).toBe(P("jfu"));
  // The case still moves on as before.
  expect(alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" }).documents).toEqual(made.documents);
});

test("an admin who owns the Alur folder gets the letter at once", () => {
  const alur = setupAlur({ admins: [ADMIN] });
  const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
  const made = alur.ok(ADMIN, "makeDocument", { caseId: v.id, template: "lembar-disposisi" });
  expect(made.documents).toHaveLength(2);
  expect(made.letters?.pending).toEqual([]);
});
