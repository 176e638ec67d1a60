// Starting, opening and acting on cases (src/app/cases.ts) at their edges, on one small office: who counts as an
// admin, what is refused and with what message (and that it changed nothing), a repeated press, a lost counter, a
// start sent twice, a kelengkapan tick.
import { ADMIN, type Alur, P, setupAlur } from "../../emulator/alur-world";
import type { CaseView } from "../../src/api";
import { SM, SM_FIELDS } from "../../emulator/panel-cost";
import { CATALOG } from "../../src/catalog/index";
import { cutAfterEntry } from "./cut-after-entry";
import { fullFields, walkTo } from "./letters-helpers";

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

  test("two fields that fail their checks are each named, in one message, and nothing is written", () => {
    const rows = alur.world.read(SM).length;
    const r = alur.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "", asalSurat: "" } }) as { ok: false; error: string; fieldErrors: Record<string, string> };
    expect(Object.keys(r.fieldErrors).sort()).toEqual(["asalSurat", "perihal"]);
    expect(r.error).toBe(`${r.fieldErrors.perihal} ${r.fieldErrors.asalSurat}`);
    expect(alur.world.read(SM)).toHaveLength(rows);
  });

  test("a register missing two of its columns refuses the start and names both", () => {
    const h = header();
    const [a, b] = [h.indexOf("Asal Surat") + 1, h.indexOf("Nomor Surat") + 1];
    sheet().getRange(1, a).setValue("Asal");
    sheet().getRange(1, b).setValue("Nomor");
    try {
      expect(refusal(alur.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS }))).toMatch(/^Register SM · Surat Masuk tidak punya kolom "Asal Surat", "Nomor Surat"\. Jalankan/);
    } finally {
      sheet().getRange(1, a).setValue("Asal Surat");
      sheet().getRange(1, b).setValue("Nomor Surat");
    }
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
    // A code that is a name every object has ("constructor", "__proto__") is no SOP either: nothing is opened.
    for (const code of ["constructor", "__proto__", "toString"]) {
      expect(alur.call(P("jfu"), "getCase", { caseId: `${code}-2026-0001` })).toEqual({ ok: false, error: `Kasus ${code}-2026-0001 tidak ditemukan: kodenya tidak cocok dengan SOP mana pun.` });
    }
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

describe("who may press what, pressed again or from a stale page", () => {
  const SK_FIELDS = { perihal: "Permohonan data", tujuan: "Kepala BPS", sifat: "Biasa", klasifikasi: "000.5.2" };
  const press = (who: string, v: CaseView, action: "complete" | "approve" | "return" | "cancel" | "reopen", extra: Record<string, unknown> = {}) =>
    alur.call(who, "act", { caseId: v.id, expectedVersion: v.version, action, ...extra });
  const done = (r: { ok: boolean; data?: CaseView; error?: string }) => {
    if (!r.ok) throw new Error(r.error);
    return r.data as CaseView;
  };
  const count = (v: CaseView, action: string) => v.history.filter((h) => h.action === action).length;

  test("an approve, a return and a reopen repeated after the reply was lost give the case as it is, once", () => {
    let k = alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields: SK_FIELDS });
    for (const who of [P("sekretaris"), P("kasubbag-umum"), P("jfu")]) k = done(press(who, k, "complete"));
    // Step 4 is Kasubbag's decision: a return there needs a reason.
    expect(refusal(press(P("kasubbag-umum"), k, "return"))).toBe("Tuliskan alasan pengembalian (apa yang harus diperbaiki).");
    const approved = done(press(P("kasubbag-umum"), k, "approve", { note: "Sudah benar" }));
    expect(approved).toMatchObject({ version: k.version + 1, current: { no: "5" } });
    expect(done(press(P("kasubbag-umum"), k, "approve", { note: "Sudah benar" }))).toMatchObject({ version: approved.version, current: { no: "5" } });
    const returned = done(press(P("sekretaris"), approved, "return", { reason: "Tujuan keliru" }));
    const again = done(press(P("sekretaris"), approved, "return", { reason: "Tujuan keliru" }));
    expect(again).toMatchObject({ version: returned.version, status: "Dikembalikan" });
    expect([count(again, "approve"), count(again, "return")]).toEqual([1, 1]);
    // A cancelled case reopened by an admin, the reopen pressed twice.
    const gone = done(press(ADMIN, startSm("Dibuka ulang"), "cancel", { reason: "Keliru batal" }));
    const open = done(press(ADMIN, gone, "reopen", { reason: "Ternyata perlu", toStep: "2" }));
    expect(open).toMatchObject({ status: "Berjalan", version: gone.version + 1, current: { no: "2" } });
    const twice = done(press(ADMIN, gone, "reopen", { reason: "Ternyata perlu", toStep: "2" }));
    expect(twice).toMatchObject({ status: "Berjalan", version: open.version, current: { no: "2" } });
    expect(count(twice, "reopen")).toBe(1);
  });

  test("a cancel or a reopen without a reason is refused; a reassign naming nobody asks nothing and is refused", () => {
    const v = startSm("Tanpa alasan");
    expect(refusal(press(ADMIN, v, "cancel"))).toBe("Tuliskan alasan pembatalan.");
    const gone = done(press(ADMIN, v, "cancel", { reason: "Keliru" }));
    expect(refusal(press(ADMIN, gone, "reopen"))).toBe("Tuliskan alasan membuka ulang kasus.");
    const w = startSm("Dialihkan ke siapa");
    const none = alur.call(ADMIN, "act", { caseId: w.id, expectedVersion: 1, action: "reassign" });
    expect(none).not.toHaveProperty("warnings");
    expect(refusal(none)).toBe("Tuliskan alamat email orang yang menerima pengalihan.");
    expect(alur.ok(ADMIN, "getCase", { caseId: w.id }).version).toBe(1);
  });

  test("a press from a page older than my own change of the fields is refused as stale, not taken for a repeat", () => {
    const v = startSm("Diubah lalu ditekan");
    // The person who recorded it corrects it, then presses Selesai on the page from before the correction.
    const fixed = alur.ok(P("jfu"), "correctCase", { caseId: v.id, expectedVersion: 1, fields: { perihal: "Diubah sendiri" } });
    expect(fixed.version).toBe(2);
    const stale = `Kasus ${v.id} sudah ditindaklanjuti oleh ${P("jfu")} sejak Anda membukanya; muat ulang untuk melihat keadaan terbaru.`;
    expect(refusal(press(P("jfu"), v, "complete"))).toBe(stale);
    // Kasubbag corrects the case the JFU passed on, then presses Selesai on the page from before: the last complete is the JFU's.
    const passed = done(press(P("jfu"), fixed, "complete"));
    alur.ok(P("kasubbag-umum"), "correctCase", { caseId: v.id, expectedVersion: passed.version, fields: { perihal: "Diubah Kasubbag" } });
    expect(refusal(press(P("kasubbag-umum"), passed, "complete"))).toBe(stale.replace(P("jfu"), P("kasubbag-umum")));
    // The JFU's Selesai pressed again on the page after their own (a version on): the case has moved since, by Kasubbag.
    expect(refusal(press(P("jfu"), passed, "complete"))).toBe(stale.replace(P("jfu"), P("kasubbag-umum")));
    const now = alur.ok(P("kasubbag-umum"), "getCase", { caseId: v.id });
    expect([now.version, now.current?.no, count(now, "complete")]).toEqual([passed.version + 1, "2", 1]);
  });

  test("a reassign to an acting official (Plt/Plh) goes through at once; to someone outside Pejabat, once confirmed; a stray address on a complete asks nothing", () => {
    const pejabat = sheet("Pejabat");
    const rows = alur.world.read("Pejabat");
    const cols = ["Plt/Plh", "Nama Plt/Plh", "Email Plt/Plh", "Mulai", "Selesai"].map((h) => (rows[0] as string[]).indexOf(h) + 1);
    const r = rows.findIndex((x) => String(x[5]) === P("sekretaris")) + 1;
    const was = cols.map((c) => pejabat.getRange(r, c).getValue());
    const put = (values: unknown[]) => {
      for (const [i, c] of cols.entries()) pejabat.getRange(r, c).setValue(values[i]);
      alur.world.within({ user: ADMIN }, () => alur.ctx.onSheetChange({ changeType: "OTHER" }));
    };
    put(["Plt.", "Budi", "Budi@Dinas.Example", "2026-11-01", "2026-11-30"]);
    try {
      const v = startSm("Ke Plt");
      const moved = alur.ok(ADMIN, "act", { caseId: v.id, expectedVersion: 1, action: "reassign", email: "budi@dinas.example" });
      expect(moved.version).toBe(2);
      expect(moved.history.at(-1)).toMatchObject({ action: "reassign", by: ADMIN });
    } finally {
      put(was);
    }
    const w = startSm("Ke orang luar");
    const out = alur.ok(ADMIN, "act", { caseId: w.id, expectedVersion: 1, action: "reassign", email: "orang.luar@dinas.example", confirm: true });
    expect(out.version).toBe(2);
    expect(alur.ok("orang.luar@dinas.example", "myQueue", null).map((q) => q.caseId)).toEqual([w.id]);
    const x = startSm("Alamat tersisa");
    expect(done(press(P("jfu"), x, "complete", { email: "orang.luar@dinas.example" }))).toMatchObject({ version: 2, current: { no: "2" } });
    // Pressed in the panel: Riwayat says so.
    expect(alur.world.read("Riwayat").filter((e) => e[1] === x.id).map((e) => [e[7], e[11]])).toEqual([
      ["Mulai", "sidebar"],
      ["Selesai & teruskan", "sidebar"],
    ]);
  });

  test("a tick of step 2 by its holder, then untick without a link: Riwayat records each with its SOP, note and data", () => {
    const v = done(press(P("jfu"), startSm("Dicentang di langkah 2"), "complete"));
    const tick = (done: boolean, link: string) => alur.call(P("kasubbag-umum"), "tickKelengkapan", { caseId: v.id, stepNo: "2", item: "ATK", done, link });
    expect(refusal(tick(true, "https://drive.google.com/y"))).toBe("accepted");
    const untick = tick(false, "") as { ok: true; data: CaseView };
    expect(untick.data.current?.kelengkapan).toEqual([{ item: "ATK", done: false, link: "" }]);
    const entries = alur.world.read("Riwayat").filter((e) => e[1] === v.id);
    expect(entries.map((e) => [e[3], e[7], e[8], e[15]]).slice(1)).toEqual([
      ["1", "Selesai & teruskan", expect.any(String), "Surat Masuk"],
      ["2", expect.any(String), "✓ ATK · https://drive.google.com/y", "Surat Masuk"],
      ["2", expect.any(String), "✗ ATK", "Surat Masuk"],
    ]);
    expect(JSON.parse(String(entries.at(-1)?.[17]))).toMatchObject({ item: "ATK", done: false, link: "" });
  });

  test("the letter number a step took rides on its action's entry: a row rebuilt from Riwayat keeps it in the history", () => {
    const v = done(press(P("jfu"), startSm("Dibangun ulang"), "complete"));
    const number = v.history.find((h) => h.action === "number");
    expect(number).toMatchObject({ stepNo: "1", note: expect.any(String) });
    sheet().deleteRow(rowOf(v.id));
    alur.world.within({ user: ADMIN }, () => alur.ctx.menuRebuildRegisters());
    const back = alur.ok(P("kasubbag-umum"), "getCase", { caseId: v.id });
    expect(back.history.map((h) => [h.action, h.stepNo, h.note])).toEqual(v.history.map((h) => [h.action, h.stepNo, h.note]));
  });

  test("opening a case asks Sheets for the workbook once, also when the configuration is read afresh", () => {
    const v = startSm("Sekali buka");
    alur.world.within({ user: ADMIN }, () => alur.ctx.onSheetChange({ changeType: "OTHER" }));
    alur.world.counter.reset();
    expect(alur.ok(P("jfu"), "getCase", { caseId: v.id }).id).toBe(v.id);
    expect(alur.world.counter.snapshot().calls["SpreadsheetApp.getActiveSpreadsheet"]).toBe(1);
  });

  test("a different press from a page older than the official's leave decision is refused, not taken for a repeat", () => {
    const CT = CATALOG.find((x) => x.id === "cuti")!;
    const v = walkTo(alur, CT, alur.ok(P("jfu"), "startCase", { sopId: "cuti", fields: { ...fullFields(CT), perihal: "Cuti akhir tahun", mulai: "2026-12-21", selesai: "2026-12-31" } }), "6");
    // The admin takes the decision step over, decides, then presses Alihkan on the page from before the decision.
    const taken = alur.ok(ADMIN, "act", { caseId: v.id, expectedVersion: v.version, action: "reassign", email: ADMIN, confirm: true });
    const decided = alur.ok(ADMIN, "decideLeave", { caseId: v.id, expectedVersion: taken.version, level: "pejabat", choice: "Disetujui", reason: "" });
    expect([decided.version, decided.current?.no]).toEqual([taken.version + 1, "7"]);
    expect(refusal(alur.call(ADMIN, "act", { caseId: v.id, expectedVersion: taken.version, action: "reassign", email: P("kasubbag-umum") }))).toBe(
      `Kasus ${v.id} sudah ditindaklanjuti oleh ${ADMIN} sejak Anda membukanya; muat ulang untuk melihat keadaan terbaru.`,
    );
  });
});

describe("a Kode changed by an admin, and Alur acting as itself", () => {
  const identCell = (sopId: string, col: string) => {
    const ident = alur.world.read("SOP Identitas");
    return sheet("SOP Identitas").getRange(ident.findIndex((x) => x[0] === sopId) + 1, (ident[0] as string[]).indexOf(col) + 1);
  };
  const configChanged = () => alur.world.within({ user: ADMIN }, () => alur.ctx.onSheetChange({ changeType: "OTHER" }));

  test("a case started under a Kode since changed is still opened, named by its register and acted on; a new case takes the new Kode", () => {
    const old = startSm("Sebelum kode diganti");
    const kode = identCell("surat-masuk", "Kode");
    kode.setValue("SMB");
    configChanged();
    try {
      const seen = alur.ok(P("jfu"), "getCase", { caseId: old.id });
      expect([seen.id, seen.sopId, seen.version, seen.current?.no]).toEqual([old.id, "surat-masuk", 1, old.current?.no]);
      // An ID under the old code on no row is refused naming the register it was looked for in.
      const missing = `SM-2026-${"9".repeat(4)}`;
      expect(refusal(alur.call(P("jfu"), "getCase", { caseId: missing }))).toBe(`Kasus ${missing} tidak ditemukan di register Surat Masuk. Mungkin barisnya dihapus; lihat Riwayat.`);
      expect(alur.ok(P("jfu"), "act", { caseId: old.id, expectedVersion: 1, action: "complete" }).version).toBe(2);
      expect(startSm("Sesudah kode diganti").id).toMatch(/^SMB-2026-\d{4}$/);
    } finally {
      kode.setValue("SM");
      configChanged();
    }
    expect(alur.ok(P("kasubbag-umum"), "getCase", { caseId: old.id }).version).toBe(2);
  });

  test("a second SOP given a Kode the cases of another bear is the one held back, wherever its row is; the cases of the first are still found and started under it", () => {
    const v = startSm("Kode dipakai dua kali");
    const kode = identCell("surat-keluar", "Kode");
    const was = kode.getValue();
    kode.setValue("SM");
    configChanged();
    try {
      const seen = alur.ok(P("jfu"), "getCase", { caseId: v.id });
      expect([seen.id, seen.sopId]).toEqual([v.id, "surat-masuk"]);
      expect(alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" }).version).toBe(2);
      // Surat Masuk still starts cases under its code; Surat Keluar, given it, is the SOP held back.
      expect(startSm("Masih SM").id).toMatch(/^SM-2026-\d{4}$/);
      expect(refusal(alur.call(P("jfu"), "startCase", { sopId: "surat-keluar", fields: { perihal: "Tidak boleh SM" } }))).toBe('SOP "surat-keluar" tidak ada atau sedang tidak sah (lihat sheet SOP).');
    } finally {
      kode.setValue(was);
      configChanged();
    }
  });

  test("while its SOP is held back, a case goes on with the revision it started with, and hand edits of its row are still refused with where they are", () => {
    const v = startSm("Ditahan");
    const rows = alur.world.read("SOP");
    const cell = sheet("SOP").getRange(rows.findIndex((x) => x[0] === "surat-masuk" && x[1] === "3") + 1, (rows[0] as string[]).indexOf("Pelaksana") + 1);
    const was = cell.getValue();
    cell.setValue("BUPATI");
    configChanged();
    try {
      expect(refusal(alur.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS }))).toBe('SOP "surat-masuk" tidak ada atau sedang tidak sah (lihat sheet SOP).');
      const seen = alur.ok(P("jfu"), "getCase", { caseId: v.id });
      expect([seen.sopId, seen.version, seen.current?.no, seen.current?.lane]).toEqual(["surat-masuk", 1, "1", v.current?.lane]);
      const row = rowOf(v.id);
      const col = (h: string) => header().indexOf(h) + 1;
      // The Status typed over by hand: refused, naming the sheet, the row and the column.
      const status = sheet().getRange(row, col("Status"));
      status.setValue("Selesai");
      expect(refusal(alur.call(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" }))).toMatch(new RegExp(`^Sheet ${SM} baris ${row}: kolom "Status" kasus ${v.id} diubah secara manual \\(tertulis "Selesai", seharusnya "Berjalan"\\)`));
      status.setValue("Berjalan");
      // Data sistem emptied: no revision to read the case by.
      const data = sheet().getRange(row, col("Data sistem"));
      const kept = data.getValue();
      data.setValue("");
      expect(refusal(alur.call(P("jfu"), "getCase", { caseId: v.id }))).toMatch(new RegExp(`^Sheet ${SM} baris ${row}: kolom "Data sistem" kasus ${v.id} diubah secara manual, sehingga keadaan kasus tidak dapat dipercaya\\.`));
      data.setValue(kept);
      expect(alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" })).toMatchObject({ version: 2, current: { no: "2" } });
    } finally {
      cell.setValue(was);
      configChanged();
    }
  });

  test("a case started before an SOP's step was reworded is read with the wording it started with; new cases get the new one", () => {
    const v = startSm("Sebelum diubah");
    const rows = alur.world.read("SOP");
    const cell = sheet("SOP").getRange(rows.findIndex((x) => x[0] === "surat-masuk" && x[1] === "1") + 1, (rows[0] as string[]).indexOf("Uraian Kegiatan") + 1);
    const was = String(cell.getValue());
    cell.setValue(`${was} (revisi)`);
    configChanged();
    try {
      expect(alur.ok(P("jfu"), "getCase", { caseId: v.id }).current?.text).toBe(was);
      expect(startSm("Sesudah diubah").current?.text).toBe(`${was} (revisi)`);
    } finally {
      cell.setValue(was);
      configChanged();
    }
  });

  test("the codes Alur remembers, damaged by hand, make an unknown code a plain refusal", () => {
    const props = alur.world.globals.PropertiesService.getScriptProperties();
    const kept = props.getProperty("alur.codes");
    props.setProperty("alur.codes", "{rusak");
    try {
      expect(alur.call(P("jfu"), "getCase", { caseId: "ZZ-2026-0001" })).toEqual({ ok: false, error: "Kasus ZZ-2026-0001 tidak ditemukan: kodenya tidak cocok dengan SOP mana pun." });
    } finally {
      if (kept === null) props.deleteProperty("alur.codes");
      else props.setProperty("alur.codes", kept);
    }
  });

  test("a start remembers its request for six hours, so a resend within them does not search Riwayat", () => {
    const first = startSm("Diingat", { requestId: "request-edges-memo" });
    const memo = alur.world.caches.script.map.get("alur.req.request-edges-memo");
    expect(memo).toEqual({ value: first.id, expires: alur.world.now() + 6 * 3600 * 1000 });
    // Riwayat is searched with a TextFinder on its Data column (a Range's); the register's row with the sheet's.
    const riwayatSearches = () => alur.world.counter.snapshot().calls["Range.createTextFinder"] ?? 0;
    alur.world.counter.reset();
    expect(startSm("Diingat", { requestId: "request-edges-memo" }).id).toBe(first.id);
    expect(riwayatSearches()).toBe(0);
    // Once the cache has forgotten, the journal is searched (the control: this count can move).
    alur.world.caches.script.map.delete("alur.req.request-edges-memo");
    alur.world.counter.reset();
    expect(startSm("Diingat", { requestId: "request-edges-memo" }).id).toBe(first.id);
    expect(riwayatSearches()).toBe(1);
  });

  test("a refusal from the letters module (a bundle of its own, with its own copy of Refusal) reaches the panel in its own words", () => {
    const v = startSm("Bukan cuti");
    expect(alur.call(P("sekretaris"), "decideLeave", { caseId: v.id, expectedVersion: 1, level: "pejabat", choice: "Disetujui", reason: "" })).toEqual({ ok: false, error: "Keputusan cuti hanya untuk kasus Pengajuan Surat Cuti." });
    expect(alur.call(P("sekretaris"), "issuePassword", { caseId: v.id, username: "abc" })).toEqual({ ok: false, error: "Kata sandi akun diterbitkan pada langkah pencatatan akun; kasus ini di langkah 1." });
  });

  test("an action cut off after its entry, and the cache then lost: the next call reads the configuration afresh and finishes it", () => {
    const v = startSm("Terputus lalu cache hilang");
    cutAfterEntry(alur, () => alur.call(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" }));
    alur.world.caches.script.map.clear();
    expect(alur.ok(P("kasubbag-umum"), "getCase", { caseId: v.id }).version).toBe(2);
    expect(alur.world.read(SM)[rowOf(v.id) - 1][header().indexOf("Versi")]).toBe(2);
  });

  test("an entry left pending while the sheet ids were lost: the next call says Alur is not set up, and changes nothing", () => {
    const v = startSm("Terputus lalu id hilang");
    cutAfterEntry(alur, () => alur.call(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" }));
    const props = alur.world.globals.PropertiesService.getScriptProperties();
    const ids = props.getProperty("alur.sheets")!;
    props.deleteProperty("alur.sheets");
    const riwayat = alur.world.read("Riwayat").length;
    try {
      expect(refusal(alur.call(P("kasubbag-umum"), "getCase", { caseId: v.id }))).toBe("Alur belum disiapkan di spreadsheet ini. Pilih menu Ekstensi › Alur › Siapkan Alur.");
      expect(alur.world.read("Riwayat")).toHaveLength(riwayat);
    } finally {
      props.setProperty("alur.sheets", ids);
    }
    expect(alur.ok(P("kasubbag-umum"), "getCase", { caseId: v.id }).version).toBe(2);
  });
});
