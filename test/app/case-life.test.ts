// The whole life of cases through the built bundle on the fakes: Surat Masuk, Surat Keluar (two returns), Surat Cuti.
import type { CaseView } from "../../src/api";
import { ADMIN, P, holderEmail, setupAlur } from "../../emulator/alur-world";
import { CT_FIELDS } from "./email-fixtures";

const SM_FIELDS = { perihal: "Undangan Rapat Koordinasi", asalSurat: "Sekretariat Daerah", nomorSurat: "005/123/2026", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Segera" };
const SK_FIELDS = { perihal: "Permohonan data statistik", tujuan: "Kepala BPS Kabupaten", sifat: "Biasa", klasifikasi: "000.5.2" };

function rowOf(alur: ReturnType<typeof setupAlur>, sheet: string, id: string): Record<string, unknown> {
  const rows = alur.world.read(sheet);
  const header = rows[0] as string[];
  const row = rows.find((r) => r[0] === id);
  if (!row) throw new Error(`${id} not in ${sheet}`);
  return Object.fromEntries(header.map((h, i) => [h, row[i]]));
}

function runToEnd(alur: ReturnType<typeof setupAlur>, view: CaseView, decide: (v: CaseView) => "approve" | { reason: string } = () => "approve"): CaseView {
  let v = view;
  for (let guard = 0; v.status !== "Selesai" && guard < 40; guard++) {
    alur.later(25);
    const who = holderEmail(v);
    // A leave case's decision step (BKN VIII) is decided with the four choices, not "complete".
    if (v.current?.letters.includes("keputusan")) {
      v = alur.ok(who, "decideLeave", { caseId: v.id, expectedVersion: v.version, level: "pejabat", choice: "Disetujui", reason: "" });
      continue;
    }
    const d = v.current?.kind === "decision" ? decide(v) : "complete";
    v =
      d === "complete" || d === "approve"
        ? alur.ok(who, "act", { caseId: v.id, expectedVersion: v.version, action: d })
        : alur.ok(who, "act", { caseId: v.id, expectedVersion: v.version, action: "return", reason: d.reason });
  }
  return v;
}

describe("case life through the bundle", () => {
  test("Surat Masuk: linear from JFU to the end; the row moves across the pelaksana columns", () => {
    const alur = setupAlur();
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    expect(v.id).toBe("SM-2026-0001");
    let row = rowOf(alur, "SM · Surat Masuk", v.id);
    expect(row["▸ JFU"]).toMatch(/^▶ 1 · sejak 2 November 2026 08\.00$/);
    expect(row.Status).toBe("Berjalan");
    expect(row["Tanggal Surat"]).toBeInstanceOf(Object);
    const first = alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" });
    row = rowOf(alur, "SM · Surat Masuk", v.id);
    expect(row["▸ JFU"]).toMatch(/^✓ /);
    expect(row[`▸ ${first.current?.lane}`]).toMatch(/^▶ 2 · /);
    const end = runToEnd(alur, first);
    expect(end.status).toBe("Selesai");
    expect(end.history.map((h) => h.action)).toEqual(["start", "complete", "number", ...Array(6).fill("complete")]); // step 1 takes the agenda number
    row = rowOf(alur, "SM · Surat Masuk", v.id);
    expect(row.Status).toBe("Selesai");
    expect(Object.entries(row).filter(([h, c]) => h.startsWith("▸ ") && String(c).startsWith("▶"))).toEqual([]);
    // Riwayat: one row per transition, in order, for this case.
    const log = alur.world.read("Riwayat").slice(1).filter((r) => r[1] === v.id);
    // Step 1 takes the agenda number on the same entry (Data: "also"), and the case's timeline shows it.
    expect(log.map((r) => r[7])).toEqual(["Mulai", ...Array(7).fill("Selesai & teruskan")]);
    expect(JSON.parse(String(log[1][17])).also).toEqual([expect.objectContaining({ kind: "number", note: expect.stringMatching(/^Nomor agenda /) })]);
    // The next pelaksana was told by email.
    // One subject per case (Gmail threads them); the body says what happened.
    expect(alur.world.outbox.some((m) => m.to.includes(P("kasubbag-umum")) && m.subject === "[Alur] SM-2026-0001 · Surat Masuk" && /Kasus SM-2026-0001 menunggu Anda/.test(m.body))).toBe(true);
    // The row says when it finished, and Ringkas counts it from that column.
    expect(row.Langkah).toMatch(/^Selesai · 2 November 2026 \d\d\.\d\d$/);
    expect(alur.ok(P("kepala-dinas"), "summary", null)).toEqual([{ sopId: "surat-masuk", code: "SM", title: "Surat Masuk", running: 0, late: 0, finishedThisMonth: 1 }]);
  });

  test("Surat Keluar: returned twice at decisions with reasons, then approved to the end", () => {
    const alur = setupAlur();
    let returns = 0;
    const v = alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields: SK_FIELDS });
    const end = runToEnd(alur, v, (cur) => {
      if (returns < 2) {
        returns++;
        expect(cur.current?.noTo).not.toBeNull();
        return { reason: `Perbaiki alamat tujuan (${returns})` };
      }
      return "approve";
    });
    expect(end.status).toBe("Selesai");
    expect(end.rounds).toBe(2);
    const returned = end.history.filter((h) => h.action === "return");
    expect(returned.map((h) => [h.stepNo, h.note])).toEqual([
      ["4", "Perbaiki alamat tujuan (1)"],
      ["4", "Perbaiki alamat tujuan (2)"],
    ]);
    const row = rowOf(alur, "SK · Surat Keluar", v.id);
    expect(row["Putaran revisi"]).toBe(2);
    expect(alur.world.outbox.some((m) => /dikembalikan kepada Anda untuk diperbaiki/.test(m.body) && m.to.includes(P("jfu")))).toBe(true);
  });

  test("Surat Cuti: from the pemohon (recorded by staff) to the signed letter", () => {
    const alur = setupAlur();
    const bad = alur.call(P("jfu"), "startCase", { sopId: "cuti", fields: { ...CT_FIELDS, nip: "123", selesai: "2026-11-10" } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.fieldErrors?.nip).toBe("NIP harus 18 angka.");
      expect(bad.fieldErrors?.selesai).toMatch(/tidak boleh sebelum tanggal mulai/);
    }
    expect(alur.world.read("CT · Cuti Pegawai").length).toBe(1);
    const v = alur.ok(P("jfu"), "startCase", { sopId: "cuti", fields: CT_FIELDS });
    expect(v.current?.holders).toEqual(["Dicatat pegawai kantor atas nama Pemohon"]);
    expect(v.history[0]).toMatchObject({ by: P("jfu"), byName: "JFU (Contoh)" });
    const end = runToEnd(alur, v);
    expect(end.status).toBe("Selesai");
    expect(end.history[1].actingFor).toBe("atas nama Pemohon");
  });

  test("a stale or unauthorised action is refused and changes nothing", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const before = alur.world.read("SM · Surat Masuk");
    const wrong = alur.call(P("kepala-dinas"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" });
    expect(wrong).toMatchObject({ ok: false, error: expect.stringMatching(/Anda \(kepala-dinas@dinas\.example\) tidak memegang peran itu/) });
    alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" });
    const after = alur.world.read("SM · Surat Masuk");
    // Someone else acting on what they saw before the case moved on is refused, naming who moved it.
    const stale = alur.call(ADMIN, "act", { caseId: v.id, expectedVersion: 1, action: "cancel", reason: "Salah register" });
    expect(stale).toMatchObject({ ok: false, error: expect.stringMatching(/sudah ditindaklanjuti oleh jfu@dinas\.example.*muat ulang/) });
    // The same person pressing the same button again (a lost reply) gets the case as it is: nothing is done twice.
    const again = alur.call(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" });
    expect(again).toMatchObject({ ok: true, data: { id: v.id, version: 2 } });
    expect(alur.world.read("SM · Surat Masuk")).toEqual(after);
    expect(after).not.toEqual(before);
    expect(alur.world.read("Riwayat").length).toBe(3); // header, start, complete (with the agenda number of step 1)
  });

  test("text people type lands as text: formulas, leading zeros and markup stay as typed", () => {
    const alur = setupAlur();
    const fields = { ...SM_FIELDS, perihal: '=HYPERLINK("http://x","klik")', nomorSurat: "007", asalSurat: '"><img src=x onerror=alert(1)>' };
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields });
    const sheet = alur.world.spreadsheet.getSheetByName("SM · Surat Masuk")!;
    const row = rowOf(alur, "SM · Surat Masuk", v.id);
    expect(row.Perihal).toBe('=HYPERLINK("http://x","klik")');
    expect(row["Nomor Surat"]).toBe("007");
    expect(sheet.getRange(2, 1, 1, sheet.getLastColumn()).getFormulas()[0].every((f) => f === "")).toBe(true);
    expect(v.perihal).toBe('=HYPERLINK("http://x","klik")');
  });
});
