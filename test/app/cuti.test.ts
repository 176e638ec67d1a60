// Leave cases through the bundle: the atasan's consideration (VII), the official's decision (VIII) with its four
// choices, the length and the balance on the form, read from Saldo Cuti and the employee's earlier cases by NIP.
import { ADMIN, type Alur, P, setupAlur } from "../../emulator/alur-world";
import type { CaseView } from "../../src/api";
import { CATALOG } from "../../src/catalog/index";
import { docsNamed, fullFields, runWorker, walkTo } from "./letters-helpers";

const CT = CATALOG.find((s) => s.id === "cuti")!;
/** The JFU of the example Pejabat sheet asks for leave; their atasan there is the Kasubbag Umum. */
const jfuNip = (alur: Alur) => String(alur.world.read("Pejabat").find((r) => r[5] === P("jfu"))?.[2]);

function request(alur: Alur, fields: Record<string, string> = {}): CaseView {
  return alur.ok(P("jfu"), "startCase", { sopId: "cuti", fields: { ...fullFields(CT), perihal: "Permohonan cuti tahunan", namaPegawai: "JFU (Contoh)", nip: jfuNip(alur), mulai: "2026-12-21", selesai: "2026-12-31", ...fields } });
}

const decide = (alur: Alur, who: string, v: CaseView, level: "atasan" | "pejabat", choice: "Disetujui" | "Perubahan" | "Ditangguhkan" | "Tidak disetujui", extra: { reason?: string; mulai?: string; selesai?: string; until?: string } = {}) =>
  alur.call(who, "decideLeave", { caseId: v.id, expectedVersion: v.version, level, choice, reason: extra.reason ?? "", mulai: extra.mulai, selesai: extra.selesai, until: extra.until });

describe("the four BKN decisions", () => {
  test("Tidak disetujui ends the case as refused, with the reason; the employee is told and Riwayat keeps the decision", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    let v = walkTo(alur, CT, request(alur), "6");
    expect(v.actions).toEqual([]);
    expect(alur.call(P("kepala-dinas"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" })).toMatchObject({ ok: false, error: expect.stringMatching(/memerlukan keputusan cuti/) });
    expect(decide(alur, P("kepala-dinas"), v, "pejabat", "Tidak disetujui")).toEqual({ ok: false, error: "Tuliskan alasan penolakan." });
    expect(decide(alur, P("jfu"), v, "pejabat", "Tidak disetujui", { reason: "x y z" })).toMatchObject({ ok: false, error: expect.stringMatching(/tidak memegang peran itu/) });
    const r = decide(alur, P("kepala-dinas"), v, "pejabat", "Tidak disetujui", { reason: "Pekerjaan akhir tahun anggaran tidak dapat ditinggalkan" });
    if (!r.ok) throw new Error(r.error);
    v = r.data;
    expect(v.status).toBe("Selesai");
    expect(v.current).toBeNull();
    const [head, ...rows] = alur.world.read("CT · Cuti Pegawai");
    expect(String(rows[0][head.indexOf("Langkah")])).toMatch(/^Selesai · \d+ November 2026 \d\d\.\d\d · Tidak disetujui$/);
    expect(v.history.at(-1)).toMatchObject({ action: "decide", actionLabel: "Keputusan", note: "Keputusan pejabat yang berwenang: Tidak disetujui — Pekerjaan akhir tahun anggaran tidak dapat ditinggalkan" });
    expect(alur.world.read("Riwayat").filter((x) => x[7] === "Keputusan")).toHaveLength(1);
    expect(alur.world.outbox.some((m) => m.to.includes(P("jfu")) && m.subject === `[Alur] ${v.id} · ${CT.shortTitle}` && /Permohonan cuti Anda \(.*\) telah diputuskan/.test(m.body) && /Tidak disetujui/.test(m.body))).toBe(true);
    expect(decide(alur, P("kepala-dinas"), v, "pejabat", "Disetujui")).toMatchObject({ ok: false });
  });

  test("Ditangguhkan ends the case as postponed, with the reason and the date it is postponed to", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const v = walkTo(alur, CT, request(alur), "6");
    expect(decide(alur, P("kepala-dinas"), v, "pejabat", "Ditangguhkan", { reason: "Kebutuhan dinas" })).toEqual({ ok: false, error: "Ditangguhkan: isi tanggal cuti ditangguhkan sampai." });
    const r = decide(alur, P("kepala-dinas"), v, "pejabat", "Ditangguhkan", { reason: "Kebutuhan dinas", until: "2027-01-11" });
    expect(r.ok && r.data.status).toBe("Selesai");
    const [head, ...rows] = alur.world.read("CT · Cuti Pegawai");
    expect(String(rows[0][head.indexOf("Langkah")])).toMatch(/ · Ditangguhkan sampai 11 Januari 2027$/);
  });

  test("Perubahan changes the dates, recorded, and the case goes on; Disetujui moves it on as it is", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    let v = walkTo(alur, CT, request(alur), "6");
    const r = decide(alur, P("kepala-dinas"), v, "pejabat", "Perubahan", { reason: "Dimajukan seminggu", mulai: "2026-12-14", selesai: "2026-12-18" });
    if (!r.ok) throw new Error(r.error);
    v = r.data;
    expect(v.status).toBe("Berjalan");
    expect(v.current?.no).toBe("7");
    expect(v.fields.find((f) => f.label === "Mulai Cuti")?.value).toBe("2026-12-14");
    expect(v.history.at(-1)?.note).toBe("Keputusan pejabat yang berwenang: Perubahan menjadi 14 Desember 2026 s.d. 18 Desember 2026 — Dimajukan seminggu");
    const panel = alur.ok(P("kepala-dinas"), "leavePanel", { caseId: v.id });
    expect(panel?.lama).toBe("5 (lima) hari kerja");
    const next = walkTo(alur, CT, request(alur, { perihal: "Kedua" }), "6");
    const ok = decide(alur, P("kepala-dinas"), next, "pejabat", "Disetujui");
    expect(ok.ok && ok.data.current?.no).toBe("7");
  });

  test("the atasan langsung (Pejabat's Email atasan of the employee's NIP) gives the consideration at any step before the decision; nobody else", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const v = request(alur);
    expect(alur.ok(P("kasubbag-umum"), "leavePanel", { caseId: v.id })?.canDecide).toBe("atasan");
    expect(alur.ok(P("sekretaris"), "leavePanel", { caseId: v.id })?.canDecide).toBeNull();
    expect(decide(alur, P("sekretaris"), v, "atasan", "Disetujui")).toEqual({ ok: false, error: `Pertimbangan atasan langsung diberikan oleh ${P("kasubbag-umum")}.` });
    const r = decide(alur, P("kasubbag-umum"), v, "atasan", "Disetujui");
    if (!r.ok) throw new Error(r.error);
    // Not a step: the case stays where it was, at the same version.
    expect([r.data.current?.no, r.data.version]).toEqual(["1", v.version]);
    expect(alur.ok(P("kasubbag-umum"), "leavePanel", { caseId: v.id })?.decisions).toMatchObject([{ level: "atasan", choice: "Disetujui", by: "Kasubbag Umum (Contoh)" }]);
    expect(decide(alur, P("kasubbag-umum"), v, "pejabat", "Disetujui")).toMatchObject({ ok: false, error: expect.stringMatching(/Keputusan pejabat diambil pada langkah 6/) });
  });
});

describe("Lamanya and the balance on the form", () => {
  test("Saldo Cuti and the employee's earlier cases (found by NIP) give N-2, N-1 and N: the worked example, printed in section V", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const nip = jfuNip(alur);
    // Before Alur: 4 days taken in 2024 (the admin enters it).
    alur.world.spreadsheet.getSheetByName("Saldo Cuti")!.getRange(2, 1, 1, 5).setValues([[nip, "JFU (Contoh)", 2024, 4, ""]]);
    // In Alur: 3 working days in June 2025, 5 in November 2026 (both approved), and one refused (not counted).
    for (const [mulai, selesai, choice] of [
      ["2025-06-02", "2025-06-04", "Disetujui"],
      ["2026-11-02", "2026-11-06", "Disetujui"],
      ["2026-11-09", "2026-11-13", "Tidak disetujui"],
    ] as const) {
      const v = walkTo(alur, CT, request(alur, { mulai, selesai }), "6");
      const r = decide(alur, P("kepala-dinas"), v, "pejabat", choice, { reason: "alasan" });
      if (!r.ok) throw new Error(r.error);
    }
    // A colleague's case is not theirs.
    walkTo(alur, CT, request(alur, { nip: "199901012020011001", namaPegawai: "Orang Lain" }), "2");
    const v = request(alur);
    const panel = alur.ok(P("jfu"), "leavePanel", { caseId: v.id });
    expect(panel?.lama).toBe("7 (tujuh) hari kerja");
    expect(panel?.sisa).toEqual([
      { tahun: 2024, sisa: 0, ket: "hangus (diambil 4 hari)" },
      { tahun: 2025, sisa: 1, ket: "sisa tahun 2025, diambil 3 hari" },
      { tahun: 2026, sisa: 12, ket: "hak 12 hari, diambil 5 hari" },
    ]);
    expect(panel?.warnings).toEqual([]);
    alur.ok(P("jfu"), "makeDocument", { caseId: v.id, template: "formulir-cuti" });
    runWorker(alur);
    const form = docsNamed(alur, `${v.id} · Formulir`).find((d) => d.isDoc)!;
    const cells = form.text.split("\n");
    const at = cells.indexOf("2025");
    expect(cells.slice(at, at + 3)).toEqual(["2025", "1", "sisa tahun 2025, diambil 3 hari"]);
    expect(form.text).toContain("7 (tujuh) hari kerja");
    expect(form.text).toContain("21 Desember 2026");
  });

  test("cuti bersama inside the leave: excluded by default (PP 11/2017), counted where Pengaturan says it reduces cuti tahunan", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const v = request(alur);
    expect(alur.ok(P("jfu"), "leavePanel", { caseId: v.id })?.lama).toBe("7 (tujuh) hari kerja");
    const rows = alur.world.read("Pengaturan");
    const sheet = alur.world.spreadsheet.getSheetByName("Pengaturan")!;
    sheet.getRange(rows.findIndex((r) => r[0] === "Cuti bersama mengurangi cuti tahunan") + 1, 2).setValue("Ya");
    alur.world.within({ user: ADMIN }, () => alur.ctx.onEdit({ range: sheet.getRange(2, 2) }));
    expect(alur.ok(P("jfu"), "leavePanel", { caseId: v.id })?.lama).toBe("8 (delapan) hari kerja");
  });
});
