// Letters through the built bundle on the fakes: numbers from Agenda Surat, versions, who can open a case's documents,
// edited templates, setup run twice, the SOP page for signing.
import { ADMIN, type Alur, P, setupAlur } from "../../emulator/alur-world";
import { CATALOG } from "../../src/catalog/index";
import { docsNamed, fullFields, runWorker, walkTo } from "./letters-helpers";

const SK = CATALOG.find((s) => s.id === "surat-keluar")!;
const SK_FIELDS = { ...fullFields(SK), perihal: "Permohonan data", tujuan: "Kepala BPS Kabupaten Simalungun", klasifikasi: "000.8.3.3" };

function setSetting(alur: Alur, key: string, value: string): void {
  const rows = alur.world.read("Pengaturan");
  const sheet = alur.world.spreadsheet.getSheetByName("Pengaturan")!;
  sheet.getRange(rows.findIndex((r) => r[0] === key) + 1, 2).setValue(`'${value}`);
  alur.world.within({ user: ADMIN }, () => alur.ctx.onEdit({ range: sheet.getRange(2, 2) }));
}

const agenda = (alur: Alur) => {
  const [head, ...rows] = alur.world.read("Agenda Surat");
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [String(h), r[i]])));
};

describe("numbers from Agenda Surat", () => {
  test("Surat Keluar's step 9 (dinomori) gives the letter its number; the letter made again carries it and the number is issued", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    let v = alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields: SK_FIELDS });
    v = walkTo(alur, SK, v, "3");
    alur.ok(P("jfu"), "makeDocument", { caseId: v.id, template: "surat-dinas" });
    runWorker(alur);
    const draft = docsNamed(alur, `${v.id} · Surat Dinas`).find((d) => d.isDoc)!;
    expect(draft.text).toContain("000.8.3.3/....../Kominfo/2026");
    v = walkTo(alur, SK, alur.ok(P("jfu"), "getCase", { caseId: v.id }), "9");
    expect(v.letters?.numbers).toEqual([]);
    v = alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
    expect(v.status).toBe("Selesai");
    expect(v.letters?.numbers).toEqual([{ template: "surat-dinas", label: "Surat Dinas", nomor: "000.8.3.3/1/Kominfo/2026", status: "Dipesan" }]);
    expect(agenda(alur)).toMatchObject([{ Kunci: "K/2026/1", Buku: "Keluar", Urut: 1, Nomor: "000.8.3.3/1/Kominfo/2026", Status: "Dipesan", "ID Kasus": v.id, Surat: "surat-dinas" }]);
    runWorker(alur);
    const finalDoc = docsNamed(alur, `${v.id} · Surat Dinas (versi 2)`).find((d) => d.isDoc)!;
    expect(finalDoc.text).toContain("000.8.3.3/1/Kominfo/2026");
    expect(agenda(alur)[0].Status).toBe("Terbit");
    expect(alur.ok(P("jfu"), "getCase", { caseId: v.id }).letters?.numbers[0].status).toBe("Terbit");
    // The draft stays beside it.
    expect(docsNamed(alur, `${v.id} · Surat Dinas`).filter((d) => d.isDoc)).toHaveLength(2);
  });

  test("a letter made again after a return for correction is a new version, and the old one is kept", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    let v = walkTo(alur, SK, alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields: SK_FIELDS }), "3");
    alur.ok(P("jfu"), "makeDocument", { caseId: v.id, template: "surat-dinas" });
    runWorker(alur);
    v = alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
    v = alur.ok(P("kasubbag-umum"), "act", { caseId: v.id, expectedVersion: v.version, action: "return", reason: "Perbaiki alamat tujuan" });
    expect(v.current?.no).toBe("3");
    alur.ok(P("jfu"), "makeDocument", { caseId: v.id, template: "surat-dinas" });
    runWorker(alur);
    const names = docsNamed(alur, v.id).filter((d) => d.isDoc).map((d) => d.name);
    expect(names.sort()).toEqual([`${v.id} · Surat Dinas`, `${v.id} · Surat Dinas (versi 2)`]);
    expect(alur.ok(P("jfu"), "getCase", { caseId: v.id }).documents).toHaveLength(4);
  });

  test("a cancelled number is marked Batal and never given again; a cancelled case's reserved numbers too", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const a = alur.ok(P("jfu"), "reserveNumber", { klasifikasi: "000.8.3.3", perihal: "Surat tanpa kasus A" });
    const b = alur.ok(P("jfu"), "reserveNumber", { klasifikasi: "000.8.3.3", perihal: "Surat tanpa kasus B" });
    expect([a.nomor, b.nomor]).toEqual(["000.8.3.3/1/Kominfo/2026", "000.8.3.3/2/Kominfo/2026"]);
    expect(alur.call(P("jfu"), "cancelNumber", { key: b.key, reason: "salah ketik" })).toEqual({ ok: false, error: "Hanya admin yang dapat membatalkan nomor surat." });
    alur.ok(ADMIN, "cancelNumber", { key: b.key, reason: "surat tidak jadi dikirim" });
    expect(alur.ok(P("jfu"), "reserveNumber", { klasifikasi: "000.8.3.3", perihal: "C" }).nomor).toBe("000.8.3.3/3/Kominfo/2026");
    expect(alur.call(ADMIN, "cancelNumber", { key: b.key, reason: "lagi" })).toMatchObject({ ok: false, error: expect.stringMatching(/sudah dibatalkan/) });
    expect(agenda(alur).map((r) => [r.Urut, r.Status])).toEqual([
      [1, "Dipesan"],
      [2, "Batal"],
      [3, "Dipesan"],
    ]);
    // A case with a reserved number, cancelled: its number is Batal, and the next one follows it.
    let v = walkTo(alur, SK, alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields: SK_FIELDS }), "9");
    v = alur.ok(P("jfu"), "takeNumber", { caseId: v.id });
    expect(v.letters?.numbers[0].nomor).toBe("000.8.3.3/4/Kominfo/2026");
    alur.ok(ADMIN, "act", { caseId: v.id, expectedVersion: v.version, action: "cancel", reason: "Tidak jadi" });
    expect(agenda(alur).map((r) => r.Status)).toEqual(["Dipesan", "Batal", "Dipesan", "Batal"]);
    expect(alur.ok(P("jfu"), "reserveNumber", { klasifikasi: "000.8.3.3", perihal: "D" }).nomor).toBe("000.8.3.3/5/Kominfo/2026");
    // Four reserved, one cancelled by the admin, D; the cancelled case's number is in its Batalkan entry and the book.
    expect(alur.world.read("Riwayat").filter((r) => r[7] === "Nomor surat").length).toBe(6);
    expect(agenda(alur)[3].Keterangan).toBe(`Kasus ${v.id} dibatalkan`);
  });

  test("a number is never cut, however long the pattern makes it; a lost counter resumes after the book's highest", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    setSetting(alur, "Format nomor surat", "{klasifikasi}/{urut:4}/{unit}/BIDANG-APLIKASI-TELEMATIKA-DAN-PERSANDIAN/SEKSI-LAYANAN-E-GOVERNMENT/{bulan_romawi}/{tahun}");
    const n = alur.ok(P("jfu"), "reserveNumber", { klasifikasi: "000.8.3.3", perihal: "Panjang" }).nomor;
    expect(n).toBe("000.8.3.3/0001/Kominfo/BIDANG-APLIKASI-TELEMATIKA-DAN-PERSANDIAN/SEKSI-LAYANAN-E-GOVERNMENT/XI/2026");
    expect(agenda(alur)[0].Nomor).toBe(n);
    alur.world.stores.script.map.delete("alur.agenda.K.2026");
    expect(alur.ok(P("jfu"), "reserveNumber", { klasifikasi: "000.8.3.3", perihal: "Lagi" }).nomor).toMatch(/^000\.8\.3\.3\/0002\//);
  });

  test("numbered per classification when the office says so", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    setSetting(alur, "Nomor urut per klasifikasi", "Ya");
    const a = alur.ok(P("jfu"), "reserveNumber", { klasifikasi: "000.8.3.3", perihal: "A" });
    const b = alur.ok(P("jfu"), "reserveNumber", { klasifikasi: "800", perihal: "B" });
    const c = alur.ok(P("jfu"), "reserveNumber", { klasifikasi: "000.8.3.3", perihal: "C" });
    expect([a.nomor, b.nomor, c.nomor]).toEqual(["000.8.3.3/1/Kominfo/2026", "800/1/Kominfo/2026", "000.8.3.3/2/Kominfo/2026"]);
    expect([a.key, b.key, c.key]).toEqual(["K/2026/000.8.3.3/1", "K/2026/800/1", "K/2026/000.8.3.3/2"]);
  });

  test("a full document queue never holds a step back: the case moves on and its history names the letter to make", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const SM = CATALOG.find((s) => s.id === "surat-masuk")!;
    // The worker has not run for a while (its trigger stopped): 40 jobs wait.
    const jobs = Array.from({ length: 40 }, (_, i) => ({ id: `j${i}`, kind: "sop", sopId: "surat-masuk", by: ADMIN, at: 0 }));
    alur.world.stores.script.map.set("alur.docs.queue", JSON.stringify(jobs));
    let v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: fullFields(SM) });
    // Buat dokumen refuses before any number is taken.
    expect(alur.call(P("jfu"), "makeDocument", { caseId: v.id, template: "lembar-disposisi" })).toMatchObject({ ok: false, error: expect.stringMatching(/Antrean pembuatan dokumen penuh/) });
    expect(agenda(alur)).toEqual([]);
    v = alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
    expect(v.current?.no).toBe("2");
    expect(v.letters?.agenda).toBeTruthy();
    expect(v.history.map((h) => h.note).join("\n")).toContain("Belum dibuat (antrean dokumen penuh): Lembar Disposisi");
  });

});

describe("who can open a case's documents", () => {
  test("the next pelaksana can open a document the previous one generated; someone outside the case cannot", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const v = walkTo(alur, SK, alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields: SK_FIELDS }), "3");
    alur.ok(P("jfu"), "makeDocument", { caseId: v.id, template: "surat-dinas" });
    runWorker(alur);
    const [doc, pdf] = alur.ok(P("jfu"), "getCase", { caseId: v.id }).documents;
    for (const who of [P("jfu"), P("kasubbag-umum"), P("sekretaris"), P("kepala-dinas")]) {
      expect({ who, doc: alur.world.canOpen(who, doc), pdf: alur.world.canOpen(who, pdf) }).toEqual({ who, doc: true, pdf: true });
    }
    for (const who of [P("bendahara-pengeluaran"), P("kabid-postel"), "orang.luar@example.com"]) {
      expect({ who, doc: alur.world.canOpen(who, doc), pdf: alur.world.canOpen(who, pdf) }).toEqual({ who, doc: false, pdf: false });
    }
  });

  test("drive.file: the JFU's own execution cannot reach the folder the admin's setup made, shared or not; DriveApp needs the full drive scope", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const root = JSON.parse(alur.world.stores.script.map.get("alur.drive") ?? "{}").root as string;
    const asJfu = <T>(fn: () => T) => alur.world.within({ user: P("jfu") }, fn);
    const Drive = alur.world.globals.Drive as never as { Files: { create: (r: object) => { id: string }; get: (id: string) => { id: string; name: string } }; Permissions: { create: (r: object, id: string, o: object) => unknown } };
    expect(() => asJfu(() => Drive.Files.create({ name: "coba", mimeType: "application/vnd.google-apps.folder", parents: [root] }))).toThrow(`API call to drive.files.create failed with error: File not found: ${root}.`);
    // Sharing the folder with the JFU (as Drive's own UI would) gives the person access, not the script.
    alur.world.within({ user: ADMIN }, () => Drive.Permissions.create({ type: "user", role: "writer", emailAddress: P("jfu") }, root, { sendNotificationEmail: false }));
    expect(alur.world.canOpen(P("jfu"), root)).toBe(true);
    expect(() => asJfu(() => Drive.Files.get(root))).toThrow("File not found");
    // What the script makes for the JFU, it reaches as the JFU.
    const own = asJfu(() => Drive.Files.create({ name: "milik JFU", mimeType: "application/vnd.google-apps.folder" }));
    expect(asJfu(() => Drive.Files.get(own.id)).name).toBe("milik JFU");
    expect(() => alur.world.within({ user: ADMIN }, () => alur.world.globals.DriveApp.getFolderById(root))).toThrow(
      "Specified permissions are not sufficient to call DriveApp.getFolderById. Required permissions: (https://www.googleapis.com/auth/drive.readonly || https://www.googleapis.com/auth/drive)",
    );
  });
});

describe("templates in Drive", () => {
  test("an edited template with an unknown placeholder is reported by name: by setup, and instead of the letter", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const reg = JSON.parse(alur.world.stores.script.map.get("alur.drive") ?? "{}") as { docs: Record<string, string> };
    alur.world.within({ user: ADMIN }, () => {
      const doc = alur.world.globals.DocumentApp.openById(reg.docs["surat-dinas"]);
      doc.getBody().appendParagraph("Kode pos: {{kop.kodePos}}");
      doc.getBody().replaceText("\\{\\{surat\\.lampiran\\}\\}", "-");
      doc.saveAndClose();
    });
    alur.world.within({ user: ADMIN }, () => alur.ctx.menuSetup());
    const report = alur.world.ui.shown.at(-1)?.content ?? "";
    expect(report).toContain('Templat "Surat Dinas" memuat isian yang tidak dikenal: {{kop.kodePos}}.');
    expect(report).toContain('Templat "Surat Dinas" tidak lagi memuat {{surat.lampiran}}');
    const v = walkTo(alur, SK, alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields: SK_FIELDS }), "3");
    alur.ok(P("jfu"), "makeDocument", { caseId: v.id, template: "surat-dinas" });
    runWorker(alur);
    const after = alur.ok(P("jfu"), "getCase", { caseId: v.id });
    expect(after.documents).toEqual([]);
    expect(after.history.at(-1)?.note).toBe(
      'Gagal membuat Surat Dinas: Templat "Surat Dinas" memuat isian yang tidak dikenal: {{kop.kodePos}}. Perbaiki dokumen templat di folder Alur › Templat, lalu buat dokumen lagi.',
    );
    expect(after.letters?.pending).toEqual([]);
  });

  test("setup run a second time creates nothing and writes nothing", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const docs = alur.world.documents.size;
    const props = JSON.stringify([...alur.world.stores.script.map.entries()].sort());
    const sheets = alur.world.spreadsheet.getSheets().map((s) => s.getName());
    const triggers = alur.world.triggers.length;
    alur.world.counter.reset();
    alur.world.within({ user: ADMIN }, () => alur.ctx.menuSetup());
    expect(alur.world.documents.size).toBe(docs);
    expect(alur.world.spreadsheet.getSheets().map((s) => s.getName())).toEqual(sheets);
    expect(alur.world.triggers.length).toBe(triggers);
    // Setup records a new configuration stamp each run (its own part); the letters' registry and counters stay as they were.
    const after = JSON.parse(JSON.stringify([...alur.world.stores.script.map.entries()].sort())) as [string, string][];
    const before = JSON.parse(props) as [string, string][];
    const mine = (e: [string, string][]) => e.filter(([k]) => k.startsWith("alur.drive") || k.startsWith("alur.letters") || k.startsWith("alur.docs") || k.startsWith("alur.agenda"));
    expect(mine(after)).toEqual(mine(before));
    const calls = alur.world.counter.snapshot().calls;
    expect(Object.entries(calls).filter(([k]) => /DriveFiles\.(create|copy|update)|DrivePermissions\.create|DocumentApp\.create/.test(k))).toEqual([]);
  });

  test("the SOP page for signing: a PDF to download (nothing saved) or a Google Doc in the SOP folder", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const before = alur.world.documents.size;
    const pdf = alur.ok(P("kepala-dinas"), "exportSopPage", { sopId: "surat-masuk", as: "pdf" });
    expect(pdf.name).toBe("SOP Penanganan Surat Masuk (untuk ditandatangani).pdf");
    expect(Buffer.from(pdf.pdfBase64 ?? "", "base64").subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(alur.world.documents.size).toBe(before);
    const waiting = alur.ok(P("kepala-dinas"), "exportSopPage", { sopId: "surat-masuk", as: "doc" });
    expect(waiting).toEqual({ name: "SOP Penanganan Surat Masuk (untuk ditandatangani)", pending: true });
    runWorker(alur);
    // Asked again: the Doc made last time, and a fresh one on its way.
    const doc = alur.ok(P("kepala-dinas"), "exportSopPage", { sopId: "surat-masuk", as: "doc" });
    expect(doc.pending).toBe(true);
    expect(doc.url).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
    expect(alur.world.canOpen(P("kepala-dinas"), doc.url ?? "")).toBe(true);
    const made = [...alur.world.documents.values()].find((d) => d.name === "SOP Penanganan Surat Masuk (untuk ditandatangani)")!;
    expect(alur.world.documents.get(made.parents[0])?.name).toBe("SOP");
    expect(made.text).toContain("Menerima surat masuk");
  });
});
