// A working day in the panel through the bundle: Ubah isian after a return, managers by canonical role, limits and warnings, a returned lane, the badge.
import { ADMIN, P, type Alur, setupAlur } from "../../emulator/alur-world";
import type { CaseView } from "../../src/api";
import { ROLES } from "../../src/catalog/roles";

const SM = "SM · Surat Masuk";
const SM_FIELDS = { perihal: "Undangan rapat", asalSurat: "Setda", nomorSurat: "005/1", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Biasa" };
const act = (alur: Alur, who: string, v: CaseView, action: "complete" | "approve" | "return", reason?: string) =>
  alur.ok(who, "act", { caseId: v.id, expectedVersion: v.version, action, ...(reason ? { reason } : {}) });

/** Surat Keluar up to the Kasubbag's decision (step 4), then returned to the JFU's step 3 for correction. */
function returnedCase(alur: Alur): CaseView {
  let v = alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields: { perihal: "Permohonan data", tujuan: "Kepala BPS", sifat: "Biasa", klasifikasi: "000.5.2" } });
  v = act(alur, P("sekretaris"), v, "complete");
  v = act(alur, P("kasubbag-umum"), v, "complete");
  v = act(alur, P("jfu"), v, "complete");
  return act(alur, P("kasubbag-umum"), v, "return", "Tujuan surat keliru: Kepala BPS Provinsi");
}

describe("Ubah isian", () => {
  test("the holder corrects a returned case; Riwayat records old and new values; the case is then approved", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const v = returnedCase(alur);
    expect(v.status).toBe("Dikembalikan");
    const mine = alur.ok(P("jfu"), "getCase", { caseId: v.id });
    expect(mine.correction).toMatchObject({ reasonRequired: false, values: { tujuan: "Kepala BPS" } });
    expect(mine.correction?.fields.find((f) => f.key === "perihal")?.maxLength).toBe(300);
    // Someone who does not hold the step may not.
    expect(alur.ok(P("kepala-dinas"), "getCase", { caseId: v.id }).correction).toBeNull();
    expect(alur.call(P("kepala-dinas"), "correctCase", { caseId: v.id, expectedVersion: v.version, fields: { tujuan: "x" } })).toMatchObject({ ok: false, error: expect.stringMatching(/hanya dapat diubah oleh pemegang langkah 3 atau admin/) });
    // Nothing changed: nothing saved.
    expect(alur.call(P("jfu"), "correctCase", { caseId: v.id, expectedVersion: v.version, fields: { tujuan: "Kepala BPS" } })).toMatchObject({ ok: false, error: "Tidak ada isian yang berubah; tidak ada yang disimpan." });
    const fixed = alur.ok(P("jfu"), "correctCase", { caseId: v.id, expectedVersion: v.version, fields: { tujuan: "Kepala BPS Provinsi Sumatera Utara" } });
    expect(fixed.version).toBe(v.version + 1);
    expect(fixed.fields.find((f) => f.label === "Tujuan Surat (Yth.)")?.value).toBe("Kepala BPS Provinsi Sumatera Utara");
    expect(fixed.history.at(-1)).toMatchObject({ action: "correct", actionLabel: "Ubah isian", by: P("jfu") });
    const entry = alur.world.read("Riwayat").find((r) => r[1] === v.id && r[14] === "correct") as unknown[];
    expect(entry[8]).toBe(`Tujuan Surat (Yth.): "Kepala BPS" → "Kepala BPS Provinsi Sumatera Utara"`);
    expect(JSON.parse(String(entry[17])).changes).toEqual([{ key: "tujuan", label: "Tujuan Surat (Yth.)", from: "Kepala BPS", to: "Kepala BPS Provinsi Sumatera Utara" }]);
    // A panel that still showed the old version is told to reload before acting.
    expect(alur.call(P("jfu"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" })).toMatchObject({ ok: false, error: expect.stringMatching(/sudah ditindaklanjuti/) });
    const again = act(alur, P("jfu"), fixed, "complete");
    const approved = act(alur, P("kasubbag-umum"), again, "approve");
    expect(approved.current?.no).toBe("5");
    expect(approved.status).toBe("Berjalan");
  });

  test("an admin corrects at any step, but only with a reason; the same checks as at the start apply to what changes", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    expect(alur.ok(ADMIN, "getCase", { caseId: v.id }).correction?.reasonRequired).toBe(true);
    expect(alur.call(ADMIN, "correctCase", { caseId: v.id, expectedVersion: 1, fields: { perihal: "Undangan rapat SPBE" } })).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(String) } });
    expect(alur.call(ADMIN, "correctCase", { caseId: v.id, expectedVersion: 1, fields: { perihal: "x".repeat(301) }, reason: "Perbaiki perihal" })).toMatchObject({ ok: false, fieldErrors: { perihal: expect.stringMatching(/terlalu panjang \(301 karakter; paling banyak 300\)/) } });
    expect(alur.call(ADMIN, "correctCase", { caseId: v.id, expectedVersion: 1, fields: { sifat: "Kilat" }, reason: "Perbaiki sifat" })).toMatchObject({ ok: false, fieldErrors: { sifat: expect.any(String) } });
    const ok = alur.ok(ADMIN, "correctCase", { caseId: v.id, expectedVersion: 1, fields: { perihal: "Undangan rapat SPBE" }, reason: "Salah ketik" });
    expect(ok.history.at(-1)).toMatchObject({ action: "correct", actingFor: "sebagai admin", note: expect.stringMatching(/Alasan: Salah ketik$/) });
  });
});

describe("limits and checks people expect", () => {
  test("a letter received before the date it was written asks to be confirmed, and nothing is saved until it is", () => {
    const alur = setupAlur();
    const early = { ...SM_FIELDS, tanggalSurat: "2026-11-05", diterimaTanggal: "2026-11-02" };
    const warned = alur.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields: early });
    expect(warned).toMatchObject({ ok: false, warnings: [expect.stringMatching(/Tanggal diterima lebih awal dari tanggal surat/)] });
    expect(alur.world.read(SM)).toHaveLength(1);
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: early, confirm: true });
    expect(v.id).toBe("SM-2026-0001");
  });

  test("every field says how long it may be, and a Perihal past 300 characters is refused with a hint", () => {
    const alur = setupAlur();
    const sm = alur.ok(P("jfu"), "listSops", null).find((s) => s.id === "surat-masuk")!;
    expect(Object.fromEntries(sm.fields.map((f) => [f.key, f.maxLength]))).toMatchObject({ perihal: 300, asalSurat: 500, tanggalSurat: 10, isiDisposisi: 5000 });
    const long = alur.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "a".repeat(301) } });
    expect(long).toMatchObject({ ok: false, fieldErrors: { perihal: expect.stringMatching(/Tulis uraian panjang di Catatan/) } });
  });
});

describe("managers are known by canonical role", () => {
  /** What each role of the catalog is: a manager sees Ringkas and may rebuild Laporan. */
  const MANAGERS = new Set(["kepala-dinas", "sekretaris", "kasubbag-umum", "kasubbag-program", "kasubbag-keuangan", "kabid-aptel", "kasi-egov", "kasi-telematika", "kasi-pip", "kabid-postel", "kasi-media-massa", "kasi-pengkajian", "kasi-postel", "kabid-sarana", "kasi-komsos", "kasi-penerbitan", "kasi-penyiaran"]);

  test("every role in the catalog, as its holder in Pejabat sees it and the server enforces it", () => {
    const alur = setupAlur();
    const pejabat = alur.world.read("Pejabat");
    for (const role of ROLES.filter((r) => !r.external)) {
      const row = pejabat.findIndex((r) => r[0] === role.name);
      expect({ role: role.id, row: row > 0 }).toEqual({ role: role.id, row: true });
      const who = String(pejabat[row][5]);
      const me = alur.ok(who, "bootstrap", null).me;
      expect({ role: role.name, manager: me.manager }).toEqual({ role: role.name, manager: MANAGERS.has(role.id) });
      const summary = alur.call(who, "summary", null);
      expect({ role: role.name, allowed: summary.ok }).toEqual({ role: role.name, allowed: MANAGERS.has(role.id) });
    }
  });

  test("Staf Aplikasi — a role name holding 'kasi' — is not a manager, and the server refuses its Laporan rebuild", () => {
    const alur = setupAlur();
    const staf = ROLES.find((r) => r.id === "staf-egov")!;
    expect(staf.name.toLowerCase()).toContain("aplikasi");
    const who = `${staf.id}@dinas.example`;
    expect(alur.ok(who, "bootstrap", null).me.manager).toBe(false);
    expect(alur.call(who, "rebuildReport", null)).toMatchObject({ ok: false, error: expect.stringMatching(/hanya untuk pimpinan/) });
    expect(alur.world.spreadsheet.getSheetByName("Laporan")).toBeNull();
    expect(alur.call(P("kepala-dinas"), "rebuildReport", null)).toMatchObject({ ok: true });
  });
});

describe("readable everywhere", () => {
  test("after a return, the lane that returned shows it as a return (not ✓) on the row and in the panel", () => {
    const alur = setupAlur();
    const v = returnedCase(alur);
    expect(v.lanes.find((l) => l.header === "KASUBBAG")?.state).toBe("returned");
    const rows = alur.world.read("SK · Surat Keluar");
    const col = (rows[0] as string[]).indexOf("▸ KASUBBAG");
    expect(String(rows[1][col])).toMatch(/^↩ dikembalikan \d{1,2} \w+ 2026/);
  });

  test("every case reply carries the caller's true Antrean count; the selection poll does not count", () => {
    const alur = setupAlur();
    const a = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    expect(a.queueCount).toBe(1);
    const b = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "Dua" } });
    expect(b.queueCount).toBe(2);
    const moved = act(alur, P("jfu"), a, "complete");
    expect(moved.queueCount).toBe(1);
    expect(alur.ok(P("jfu"), "myQueue", null)).toHaveLength(1);
    expect(alur.ok(P("kasubbag-umum"), "getCase", { caseId: a.id }).queueCount).toBe(1);
    const sheet = alur.world.spreadsheet.getSheetByName(SM)!;
    sheet.getRange(2, 1).activate();
    expect(alur.ok(P("jfu"), "selectedCase", null)?.queueCount).toBe(-1);
  });

  test("Riwayat names the SOP by title beside its id; the empty Sheet1 is gone after setup", () => {
    const alur = setupAlur();
    alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const [header, row] = alur.world.read("Riwayat");
    expect([header[2], header[15]]).toEqual(["SOP", "Judul SOP"]);
    expect([row[2], row[15]]).toEqual(["surat-masuk", "Surat Masuk"]);
    expect(alur.world.spreadsheet.getSheetByName("Sheet1")).toBeNull();
  });
});
