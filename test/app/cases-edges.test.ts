// Starting, opening and acting on cases (src/app/cases.ts) at their edges, on one small office: who counts as an
// admin, what is refused and with what message (and that it changed nothing), a repeated press, a lost counter, a
// start sent twice, a kelengkapan tick.
import { ADMIN, type Alur, P, setupAlur } from "../../emulator/alur-world";
import type { CaseView } from "../../src/api";
import { SM, SM_FIELDS } from "../../emulator/panel-cost";

let alur: Alur;
const startSm = (perihal: string, extra: Record<string, unknown> = {}) => alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal }, ...extra });
const sheet = (name = SM) => alur.world.spreadsheet.getSheetByName(name)!;
const header = (name = SM) => alur.world.read(name)[0] as string[];
const rowOf = (id: string) => alur.world.read(SM).findIndex((r) => r[0] === id) + 1;
const refusal = (r: { ok: boolean; error?: string }) => (r.ok ? "accepted" : r.error);

beforeAll(() => {
  alur = setupAlur({ admins: ["Admin@Dinas.Example"] });
});

describe("who acts", () => {
  test("an admin is known whatever the case of the address in Pengaturan or in the account; others are not admins", () => {
    expect(alur.ok("ADMIN@dinas.example", "bootstrap", null).me).toMatchObject({ email: ADMIN, admin: true });
    expect(alur.ok(P("jfu"), "bootstrap", null).me).toMatchObject({ email: P("jfu"), name: "JFU (Contoh)", admin: false });
    const v = startSm("Dibatalkan admin");
    // Only an admin may cancel: the same press by the holder of the step is refused.
    expect(refusal(alur.call(P("kasubbag-umum"), "act", { caseId: v.id, expectedVersion: 1, action: "cancel", reason: "Salah kirim" }))).toBe("Hanya admin yang dapat membatalkan kasus.");
    const c = alur.ok("Admin@DINAS.example", "act", { caseId: v.id, expectedVersion: 1, action: "cancel", reason: "Salah kirim" });
    expect(c.status).toBe("Dibatalkan");
    expect(c.history.at(-1)).toMatchObject({ by: ADMIN, action: "cancel", note: expect.stringContaining("Salah kirim") });
  });
});

describe("starting a case", () => {
  test("an SOP that does not exist, a register switched off, and fields that fail their checks are refused, and nothing is written", () => {
    const rows = alur.world.read(SM).length;
    expect(alur.call(P("jfu"), "startCase", { sopId: "tidak-ada", fields: SM_FIELDS })).toEqual({ ok: false, error: 'SOP "tidak-ada" tidak ada atau sedang tidak sah (lihat sheet SOP).' });
    expect(alur.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "" } })).toMatchObject({ ok: false, fieldErrors: { perihal: expect.any(String) } });
    const ident = alur.world.read("SOP Identitas");
    const r = ident.findIndex((x) => x[0] === "dpa") + 1;
    const c = (ident[0] as string[]).indexOf("Aktif") + 1;
    sheet("SOP Identitas").getRange(r, c).setValue(false);
    alur.world.within({ user: ADMIN }, () => alur.ctx.onSheetChange({ changeType: "OTHER" }));
    try {
      expect(alur.call(P("kasubbag-program"), "startCase", { sopId: "dpa", fields: { perihal: "DPA 2027", tahunAnggaran: "2027" } })).toEqual({
        ok: false,
        error: "Register DPA tidak aktif. Aktifkan di sheet SOP Identitas (kolom Aktif), lalu jalankan Siapkan Alur.",
      });
    } finally {
      sheet("SOP Identitas").getRange(r, c).setValue(true);
      alur.world.within({ user: ADMIN }, () => alur.ctx.onSheetChange({ changeType: "OTHER" }));
    }
    expect(alur.world.read(SM)).toHaveLength(rows);
  });

  test("a register missing one of its columns refuses the start and names the column", () => {
    const h = header();
    const c = h.indexOf("Asal Surat") + 1;
    sheet().getRange(1, c).setValue("Asal");
    try {
      const rows = alur.world.read(SM).length;
      expect(alur.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS })).toEqual({ ok: false, error: expect.stringMatching(/^Register SM · Surat Masuk tidak punya kolom "Asal Surat"\. Jalankan/) });
      expect(alur.world.read(SM)).toHaveLength(rows);
    } finally {
      sheet().getRange(1, c).setValue("Asal Surat");
    }
  });

  test("a start sent twice with the same request makes one case, also once the cache has forgotten it", () => {
    const first = startSm("Sekali saja", { requestId: "request-edges-0001" });
    const rows = alur.world.read(SM).length;
    expect(startSm("Sekali saja", { requestId: "request-edges-0001" }).id).toBe(first.id);
    alur.world.caches.script.map.delete("alur.req.request-edges-0001");
    expect(startSm("Sekali saja", { requestId: "request-edges-0001" }).id).toBe(first.id);
    expect(alur.world.read(SM)).toHaveLength(rows);
    // Another request is another case.
    expect(startSm("Sekali saja", { requestId: "request-edges-0002" }).id).not.toBe(first.id);
  });

  test("a lost counter and an ID typed by hand never give an ID twice: the next one follows the highest on the register", () => {
    const last = startSm("Sebelum").id;
    const n = Number(last.slice(-4));
    const props = alur.world.globals.PropertiesService.getScriptProperties();
    props.deleteProperty("alur.seq.SM.2026");
    expect(startSm("Setelah penghitung hilang").id).toBe(`SM-2026-${String(n + 1).padStart(4, "0")}`);
    // A row typed by hand far ahead, and the counter lost again.
    const blank = alur.world.read(SM).length + 1;
    sheet().getRange(blank, 1).setValue(`SM-2026-${String(n + 40).padStart(4, "0")}`);
    props.deleteProperty("alur.seq.SM.2026");
    expect(startSm("Setelah baris ketikan").id).toBe(`SM-2026-${String(n + 41).padStart(4, "0")}`);
    sheet().deleteRow(blank);
  });
});

describe("opening and acting", () => {
  test("an ID of no SOP, an ID not on its register, a copied row and a removed column are refused with where to look", () => {
    expect(alur.call(P("jfu"), "getCase", { caseId: "XX-2026-0001" })).toEqual({ ok: false, error: "Kasus XX-2026-0001 tidak ditemukan: kodenya tidak cocok dengan SOP mana pun." });
    expect(alur.call(P("jfu"), "getCase", { caseId: "SM-2026-0999" })).toEqual({ ok: false, error: "Kasus SM-2026-0999 tidak ditemukan di register Surat Masuk. Mungkin barisnya dihapus; lihat Riwayat." });
    const v = startSm("Disalin");
    const r = rowOf(v.id);
    const width = header().length;
    const copy = alur.world.read(SM).length + 1;
    sheet().getRange(copy, 1, 1, width).setValues(sheet().getRange(r, 1, 1, width).getValues());
    try {
      expect(alur.call(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" })).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^ID ${v.id} tertulis di 2 baris \\(baris ${r}, ${copy}\\)\\. Bila salah satunya salinan`)) });
    } finally {
      sheet().deleteRow(copy);
    }
    for (const col of ["ID", "Status", "Data sistem"]) {
      const c = header().indexOf(col) + 1;
      sheet().getRange(1, c).setValue(`${col} lama`);
      try {
        const want = col === "ID" ? `Kolom "ID" tidak ditemukan di sheet ${SM}. Kembalikan judul kolom ID di baris pertama.` : `Kolom "${col}" tidak ditemukan di sheet ${SM}. Kembalikan judul kolomnya; kolom boleh dipindah tetapi judulnya jangan diubah.`;
        expect(alur.call(P("jfu"), "getCase", { caseId: v.id })).toEqual({ ok: false, error: want });
      } finally {
        sheet().getRange(1, c).setValue(col);
      }
    }
    expect(alur.ok(P("jfu"), "getCase", { caseId: v.id }).version).toBe(1);
  });

  test("a press repeated after its reply was lost gives the case as it is; the same old version from someone else is refused", () => {
    const v = startSm("Ditekan dua kali");
    const done = alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete", note: "Disposisi dibuat" });
    // Step 1 takes an agenda number, recorded after the action itself.
    expect(done.history.slice(-2)).toMatchObject([{ action: "complete", by: P("jfu"), note: expect.stringContaining("Disposisi dibuat") }, { action: "number" }]);
    const again = alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" });
    expect(again).toMatchObject({ version: 2, current: { no: "2" } });
    expect(again.history.filter((h) => h.action === "complete")).toHaveLength(1);
    // Another action, or another person, with the old version: refused.
    expect(refusal(alur.call(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "return", reason: "x" }))).toMatch(/sudah ditindaklanjuti/);
    expect(refusal(alur.call(P("kasubbag-umum"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" }))).toMatch(/sudah ditindaklanjuti/);
  });

  test("reassigning asks first only for someone outside Pejabat; an official goes through at once", () => {
    const v = startSm("Dialihkan");
    const out = alur.call(ADMIN, "act", { caseId: v.id, expectedVersion: 1, action: "reassign", email: " Orang.Luar@Dinas.Example " });
    expect(out).toMatchObject({ ok: false, warnings: ["orang.luar@dinas.example tidak ada di sheet Pejabat. Kasus akan menunggu orang itu; pastikan alamatnya benar."] });
    expect(alur.ok(ADMIN, "getCase", { caseId: v.id }).version).toBe(1);
    const moved = alur.ok(ADMIN, "act", { caseId: v.id, expectedVersion: 1, action: "reassign", email: P("sekretaris"), note: "Sedang cuti" });
    expect(moved.version).toBe(2);
    expect(moved.history.at(-1)).toMatchObject({ action: "reassign", note: expect.stringContaining("Sedang cuti") });
  });

  test("a kelengkapan tick of the current step by its holder is kept; another step, another item or another person is refused", () => {
    const v = startSm("Dicentang");
    const tick = (who: string, stepNo: string, item: string) => alur.call(who, "tickKelengkapan", { caseId: v.id, stepNo, item, done: true, link: "https://drive.google.com/x" });
    expect(refusal(tick(P("jfu"), "2", "ATK"))).toBe(`Kasus ${v.id} tidak lagi di langkah 2; muat ulang.`);
    expect(refusal(tick(P("jfu"), "1", "Stempel"))).toBe('"Stempel" bukan kelengkapan langkah 1.');
    expect(refusal(tick(P("kepala-dinas"), "1", "ATK"))).toBe("Langkah 1 dikerjakan oleh Jabatan Fungsional Umum (JFU) (JFU (Contoh)). Anda (kepala-dinas@dinas.example) tidak memegang peran itu.");
    const t = tick(P("jfu"), "1", "ATK") as { ok: true; data: CaseView };
    expect(t.ok).toBe(true);
    expect(t.data.current?.kelengkapan).toEqual([{ item: "ATK", done: true, link: "https://drive.google.com/x" }]);
    const entry = alur.world.read("Riwayat").at(-1) as unknown[];
    expect(entry[1]).toBe(v.id);
    expect(entry).toContain("✓ ATK · https://drive.google.com/x");
  });
});

describe("presses from an old page", () => {
  test("a press without a note records none", () => {
    const v = startSm("Tanpa catatan");
    const done = alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" });
    expect(done.history.find((h) => h.action === "complete")?.note).toBe("");
  });

  test("a cancel or a reassign sent twice gives the case as it is; a reassign to nobody is refused without a warning", () => {
    const v = startSm("Dua kali");
    const moved = alur.ok(ADMIN, "act", { caseId: v.id, expectedVersion: 1, action: "reassign", email: P("sekretaris") });
    expect(alur.ok(ADMIN, "act", { caseId: v.id, expectedVersion: 1, action: "reassign", email: P("sekretaris") }).version).toBe(moved.version);
    const none = alur.call(ADMIN, "act", { caseId: v.id, expectedVersion: moved.version, action: "reassign", email: "" });
    expect(none).toMatchObject({ ok: false });
    expect(none).not.toHaveProperty("warnings");
    const gone = alur.ok(ADMIN, "act", { caseId: v.id, expectedVersion: moved.version, action: "cancel", reason: "Ganda" });
    expect(alur.ok(ADMIN, "act", { caseId: v.id, expectedVersion: moved.version, action: "cancel", reason: "Ganda" })).toMatchObject({ status: "Dibatalkan", version: gone.version });
    // The warning before a reassign outside Pejabat says nothing changed yet; an address with blanks is the same admin.
    const w = startSm("Peringatan");
    expect(alur.call(ADMIN, "act", { caseId: w.id, expectedVersion: 1, action: "reassign", email: "orang.lain@dinas.example" })).toMatchObject({ ok: false, error: "Periksa peringatan berikut; belum ada yang diubah." });
    expect(alur.ok("  admin@dinas.example ", "bootstrap", null).me).toMatchObject({ email: ADMIN, admin: true });
  });
});
