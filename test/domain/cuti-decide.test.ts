// BKN decisions on a leave case (src/domain/cuti.ts): who may decide at which step, what each choice does to the case,
// the line Riwayat and the email carry, and the limits the rules set on each kind of leave.
import { sop as CUTI } from "../../src/catalog/sops/cuti";
import type { CaseState } from "../../src/domain/case";
import { type CutiDecision, type DecideContext, type DecideInput, cutiBalance, cutiKindOf, decideCuti, decisionOf, decisionText, granted, leaveLength, leaveProblems } from "../../src/domain/cuti";
import type { Sop } from "../../src/domain/sop";
import { ROLES } from "../../src/catalog/roles";
import { DEFAULT_WEEK } from "../../src/catalog/settings";
import { OFFICIALS, actor } from "./transition-fixtures";

/** A WIB wall-clock instant, computed without the code under test. */
const wib = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi) - 7 * 3_600_000;
const calendar = { week: DEFAULT_WEEK, holidays: [], dayMinutes: 450 };
const NOW = wib(2026, 11, 3, 9, 0);
const SINCE = wib(2026, 11, 2, 15, 0); // 60 working minutes on Monday, 90 on Tuesday before NOW

const leave: CaseState = {
  id: "CT-2026-0003", sopId: "cuti", sopRev: "r1", fields: { perihal: "Cuti tahunan", pemohon: " Ani@Dinas.Example ", nip: "199001012015012001", mulai: "2026-11-09", selesai: "2026-11-13" },
  status: "Berjalan", stepNo: "6", stepSince: SINCE, dueAt: null, done: {}, rounds: 0, version: 5, createdAt: 0, createdBy: "jfu@dinas.example", assignee: "",
  documents: [], lastBy: "kasubbag@dinas.example", lastAt: SINCE, srikandi: "", ticks: {}, history: [],
};
const ctx = (email: string, extra: Partial<DecideContext> = {}): DecideContext => ({
  actor: actor(email, extra.actor?.admin ?? false), now: NOW, calendar, officials: OFFICIALS, roles: ROLES, channel: "sidebar",
  decider: { nama: "Kadis", nip: "197001011990011001", jabatan: "Kepala Dinas" }, atasan: "sekretaris@dinas.example", employee: "ani@dinas.example", ...extra,
});
const input = (choice: DecideInput["choice"], extra: Partial<DecideInput> = {}): DecideInput => ({ level: "pejabat", choice, reason: "", ...extra });
const refusal = (c: CaseState, i: DecideInput, x: DecideContext) => {
  const r = decideCuti(c, CUTI, i, x);
  return r.ok ? "accepted" : r.reason;
};

describe("who may decide, and when", () => {
  test("a finished or cancelled case, or a stale one, is refused", () => {
    expect(refusal({ ...leave, status: "Selesai", stepNo: "" }, input("Disetujui"), ctx("kadis@dinas.example"))).toBe("Kasus CT-2026-0003 sudah selesai; keputusan tidak dapat dicatat lagi.");
    expect(refusal({ ...leave, status: "Dibatalkan" }, input("Disetujui"), ctx("kadis@dinas.example"))).toBe("Kasus CT-2026-0003 sudah dibatalkan; keputusan tidak dapat dicatat lagi.");
    expect(refusal({ ...leave, stepNo: "" }, input("Disetujui"), ctx("kadis@dinas.example"))).toMatch(/keputusan tidak dapat dicatat lagi/);
    // Whatever its step field says, a finished case takes no decision.
    expect(refusal({ ...leave, status: "Selesai" }, input("Disetujui"), ctx("kadis@dinas.example"))).toBe("Kasus CT-2026-0003 sudah selesai; keputusan tidak dapat dicatat lagi.");
    expect(refusal(leave, input("Disetujui"), ctx("kadis@dinas.example", { expectedVersion: 4 }))).toBe("Kasus CT-2026-0003 sudah ditindaklanjuti oleh kasubbag@dinas.example sejak Anda membukanya; muat ulang untuk melihat keadaan terbaru.");
    expect(refusal({ ...leave, lastBy: "" }, input("Disetujui"), ctx("kadis@dinas.example", { expectedVersion: 4 }))).toBe("Kasus CT-2026-0003 sudah ditindaklanjuti sejak Anda membukanya; muat ulang untuk melihat keadaan terbaru.");
    expect(refusal(leave, input("Disetujui"), ctx("kadis@dinas.example", { expectedVersion: 5 }))).toBe("accepted");
  });

  test("the choice needs its reason and dates", () => {
    const k = ctx("kadis@dinas.example");
    expect(refusal(leave, input("Boleh" as never), k)).toBe("Pilih salah satu: Disetujui, Perubahan, Ditangguhkan atau Tidak disetujui.");
    expect(refusal(leave, input("Perubahan", { reason: " ab ", mulai: "2026-11-16", selesai: "2026-11-20" }), k)).toBe("Tuliskan alasan perubahan.");
    expect(refusal(leave, input("Ditangguhkan", { reason: "", until: "2026-12-01" }), k)).toBe("Tuliskan alasan penangguhan.");
    expect(refusal(leave, input("Tidak disetujui", { reason: "no" }), k)).toBe("Tuliskan alasan penolakan.");
    expect(refusal(leave, input("Tidak disetujui", { reason: "tid" }), k)).toBe("accepted");
    const change = (mulai?: string, selesai?: string) => refusal(leave, input("Perubahan", { reason: "Beban kerja", mulai, selesai }), k);
    expect(change(undefined, "2026-11-20")).toBe("Perubahan: isi tanggal mulai dan selesai cuti yang baru.");
    expect(change("2026-11-16", undefined)).toBe("Perubahan: isi tanggal mulai dan selesai cuti yang baru.");
    expect(change("2026-11-31", "2026-12-02")).toBe("Perubahan: isi tanggal mulai dan selesai cuti yang baru.");
    expect(change("2026-11-16", "2026-11-31")).toBe("Perubahan: isi tanggal mulai dan selesai cuti yang baru.");
    expect(change("2026-11-20", "2026-11-16")).toBe("Perubahan: tanggal selesai tidak boleh sebelum tanggal mulai.");
    expect(change("2026-11-09", "2026-11-13")).toBe("Perubahan: tanggal baru sama dengan yang diminta; pilih Disetujui bila tidak ada perubahan.");
    expect(change("2026-11-09", "2026-11-12")).toBe("accepted");
    expect(change("2026-11-10", "2026-11-13")).toBe("accepted");
    expect(change("2026-11-16", "2026-11-16")).toBe("accepted");
    const postpone = (until?: string) => refusal(leave, input("Ditangguhkan", { reason: "Beban kerja", until }), k);
    expect(postpone(undefined)).toBe("Ditangguhkan: isi tanggal cuti ditangguhkan sampai.");
    expect(postpone("1 Desember")).toBe("Ditangguhkan: isi tanggal cuti ditangguhkan sampai.");
    expect(postpone("2026-12-01")).toBe("accepted");
  });

  test("the atasan's consideration is given by the employee's atasan (or an admin, said so); anyone else is told who", () => {
    const atasan = input("Disetujui", { level: "atasan" });
    expect(refusal({ ...leave, stepNo: "2" }, atasan, ctx("jfu@dinas.example"))).toBe("Pertimbangan atasan langsung diberikan oleh sekretaris@dinas.example.");
    expect(refusal(leave, atasan, ctx("jfu@dinas.example", { atasan: "" }))).toBe("Atasan langsung pegawai NIP 199001012015012001 belum tercatat di sheet Pejabat (kolom Email atasan); admin dapat mencatatnya.");
    const byAtasan = decideCuti({ ...leave, stepNo: "2" }, CUTI, atasan, ctx(" Sekretaris@Dinas.Example "));
    expect(byAtasan.ok && byAtasan.effects.find((e) => e.type === "log")).toMatchObject({ entry: { actingFor: "", stepNo: "2", role: "JFU", minutes: 0, standard: null } });
    // The case stays at its step, so nobody new is told of it: only the employee hears of the consideration.
    expect(byAtasan.ok && byAtasan.effects.map((e) => (e.type === "notify" ? e.notification.kind : e.type))).toEqual(["writeRow", "log", "decided"]);
    expect(byAtasan.ok && [byAtasan.case.status, byAtasan.case.stepNo]).toEqual(["Berjalan", "2"]);
    const byAdmin = decideCuti(leave, CUTI, atasan, ctx("kadis@dinas.example", { actor: actor("kadis@dinas.example", true) }));
    expect(byAdmin.ok && byAdmin.case.history[0].actingFor).toBe("sebagai admin");
  });

  test("the official decides only at the decision step, and only as its holder", () => {
    expect(refusal({ ...leave, stepNo: "9" }, input("Disetujui"), ctx("kadis@dinas.example"))).toBe("Langkah 9 tidak ada di SOP ini.");
    expect(refusal({ ...leave, stepNo: "3" }, input("Disetujui"), ctx("kadis@dinas.example"))).toBe("Keputusan pejabat diambil pada langkah 6; kasus ini di langkah 3.");
    const noDecision = { ...CUTI, steps: CUTI.steps.map((s) => ({ ...s, letters: s.no === "6" ? [] : s.letters })) } as Sop;
    expect(refusal(leave, input("Disetujui"), ctx("kadis@dinas.example"))).toBe("accepted");
    expect(decideCuti(leave, noDecision, input("Disetujui"), ctx("kadis@dinas.example"))).toEqual({ ok: false, reason: "Keputusan pejabat diambil pada langkah keputusan; kasus ini di langkah 6." });
    expect(refusal(leave, input("Disetujui"), ctx("jfu@dinas.example"))).toMatch(/^Langkah 6 dikerjakan oleh Kepala Dinas .*Anda \(jfu@dinas.example\) tidak memegang peran itu\.$/);
    const decided: CutiDecision = { level: "pejabat", choice: "Disetujui", reason: "", by: "kadis@dinas.example", nama: "", nip: "", jabatan: "", at: 1 };
    expect(refusal({ ...leave, cuti: { decisions: [decided] } }, input("Disetujui", { level: "atasan" }), ctx("sekretaris@dinas.example"))).toBe("Pejabat yang berwenang sudah memutuskan cuti ini.");
  });
});

describe("what a decision does", () => {
  test("Disetujui by the official moves the case to the next step, records the minutes spent, and tells the employee and the next holder", () => {
    const r = decideCuti(leave, CUTI, input("Disetujui", { reason: "  Silakan " }), ctx("kadis@dinas.example"));
    if (!r.ok) throw new Error(r.reason);
    const note = "Keputusan pejabat yang berwenang: Disetujui — Silakan";
    expect(r.case).toMatchObject({ status: "Berjalan", stepNo: "7", stepSince: NOW, dueAt: wib(2026, 11, 3, 9, 30), version: 6, lastBy: "kadis@dinas.example", lastAt: NOW, done: { "KEPALA DINAS": NOW }, fields: leave.fields });
    expect(r.case.outcome).toBeUndefined();
    expect(r.case.cuti).toEqual({ decisions: [{ level: "pejabat", choice: "Disetujui", reason: "Silakan", by: "kadis@dinas.example", nama: "Kadis", nip: "197001011990011001", jabatan: "Kepala Dinas", at: NOW }] });
    expect(r.case.history).toEqual([{ at: NOW, by: "kadis@dinas.example", actingFor: "", action: "decide", stepNo: "6", note, minutes: 150, standard: 30 }]);
    expect(r.effects).toEqual([
      { type: "writeRow", case: r.case, isNew: false },
      { type: "log", entry: { at: NOW, caseId: "CT-2026-0003", sopId: "cuti", stepNo: "6", role: "KEPALA DINAS", actor: "kadis@dinas.example", actingFor: "", action: "decide", note, minutes: 150, standard: 30, channel: "sidebar" } },
      { type: "notify", notification: { kind: "decided", caseId: "CT-2026-0003", sopId: "cuti", to: "ani@dinas.example", decision: note } },
      { type: "notify", notification: { kind: "assigned", caseId: "CT-2026-0003", sopId: "cuti", stepNo: "7", lane: "KASUBBAG", assignee: "", recorder: "ani@dinas.example" } },
    ]);
    expect(granted(r.case)).toBe(true);
  });

  test("a date sent with a choice that takes none is not recorded", () => {
    const r = decideCuti(leave, CUTI, input("Disetujui", { until: "2026-12-01" }), ctx("kadis@dinas.example"));
    if (!r.ok) throw new Error(r.reason);
    expect(r.case.cuti?.decisions[0].until).toBeUndefined();
    expect(r.case.history[0].note).toBe("Keputusan pejabat yang berwenang: Disetujui");
  });

  test("a case without any decision yet grants nothing", () => {
    expect(decisionOf(leave, "pejabat")).toBeUndefined();
    expect(granted(leave)).toBe(false);
  });

  test("a returned case decided goes on Berjalan; without a pemohon email the next step's notice goes to whoever recorded it; no employee, no notice", () => {
    const r = decideCuti({ ...leave, status: "Dikembalikan", stepSince: 0, fields: { ...leave.fields, pemohon: "Ani" } }, CUTI, input("Disetujui"), ctx("kadis@dinas.example", { employee: "" }));
    if (!r.ok) throw new Error(r.reason);
    expect(r.case.status).toBe("Berjalan");
    expect(r.case.history[0].minutes).toBe(0);
    expect(r.effects.filter((e) => e.type === "notify")).toEqual([{ type: "notify", notification: { kind: "assigned", caseId: "CT-2026-0003", sopId: "cuti", stepNo: "7", lane: "KASUBBAG", assignee: "", recorder: "jfu@dinas.example" } }]);
  });

  test("Perubahan records the old and new dates and puts the new ones in the case", () => {
    const r = decideCuti(leave, CUTI, input("Perubahan", { reason: "Ada rapat", mulai: "2026-11-16", selesai: "2026-11-20" }), ctx("kadis@dinas.example"));
    if (!r.ok) throw new Error(r.reason);
    expect([r.case.fields.mulai, r.case.fields.selesai, r.case.stepNo]).toEqual(["2026-11-16", "2026-11-20", "7"]);
    expect(r.case.cuti?.decisions[0]).toMatchObject({ choice: "Perubahan", from: { mulai: "2026-11-09", selesai: "2026-11-13" }, to: { mulai: "2026-11-16", selesai: "2026-11-20" } });
    expect(r.case.cuti?.decisions[0].until).toBeUndefined();
    expect(r.case.history[0].note).toBe("Keputusan pejabat yang berwenang: Perubahan menjadi 16 November 2026 s.d. 20 November 2026 — Ada rapat");
    expect(granted(r.case)).toBe(true);
  });

  test("Ditangguhkan and Tidak disetujui end the case with that outcome and tell no next holder", () => {
    const later = decideCuti(leave, CUTI, input("Ditangguhkan", { reason: "Beban kerja", until: "2026-12-01" }), ctx("kadis@dinas.example"));
    if (!later.ok) throw new Error(later.reason);
    expect(later.case).toMatchObject({ status: "Selesai", stepNo: "", outcome: "Ditangguhkan sampai 1 Desember 2026", dueAt: null });
    expect(later.case.cuti?.decisions[0]).toMatchObject({ until: "2026-12-01" });
    expect(later.case.cuti?.decisions[0].from).toBeUndefined();
    expect(later.case.history[0].note).toBe("Keputusan pejabat yang berwenang: Ditangguhkan sampai 1 Desember 2026 — Beban kerja");
    expect(later.effects.map((e) => (e.type === "notify" ? e.notification.kind : e.type))).toEqual(["writeRow", "log", "decided"]);
    expect(granted(later.case)).toBe(false);
    const no = decideCuti(leave, CUTI, input("Tidak disetujui", { reason: "Kebutuhan dinas" }), ctx("kadis@dinas.example"));
    if (!no.ok) throw new Error(no.reason);
    expect([no.case.status, no.case.outcome]).toEqual(["Selesai", "Tidak disetujui"]);
    expect(granted(no.case)).toBe(false);
  });

  test("the atasan's consideration leaves the case where it is and replaces an earlier one of the atasan's", () => {
    const first = decideCuti({ ...leave, status: "Dikembalikan" }, CUTI, input("Ditangguhkan", { level: "atasan", reason: "Nanti", until: "2026-12-01" }), ctx("sekretaris@dinas.example"));
    if (!first.ok) throw new Error(first.reason);
    expect(first.case).toMatchObject({ status: "Dikembalikan", stepNo: "6", version: 5, done: {}, lastBy: "sekretaris@dinas.example", lastAt: NOW });
    expect(first.case.outcome).toBeUndefined();
    expect(first.case.history[0].note).toBe("Pertimbangan atasan langsung: Ditangguhkan sampai 1 Desember 2026 — Nanti");
    expect(first.effects.map((e) => (e.type === "notify" ? e.notification.kind : e.type))).toEqual(["writeRow", "log", "decided"]);
    const second = decideCuti(first.case, CUTI, input("Disetujui", { level: "atasan" }), ctx("sekretaris@dinas.example"));
    if (!second.ok) throw new Error(second.reason);
    expect(second.case.cuti?.decisions.map((d) => [d.level, d.choice])).toEqual([["atasan", "Disetujui"]]);
    expect(second.case.history.map((h) => h.note)).toEqual(["Pertimbangan atasan langsung: Ditangguhkan sampai 1 Desember 2026 — Nanti", "Pertimbangan atasan langsung: Disetujui"]);
    expect(decisionOf(second.case, "atasan")?.choice).toBe("Disetujui");
    expect(decisionOf(second.case, "pejabat")).toBeUndefined();
    expect(granted(second.case)).toBe(false);
    const official = decideCuti(second.case, CUTI, input("Disetujui"), ctx("kadis@dinas.example"));
    expect(official.ok && official.case.cuti?.decisions.map((d) => d.level)).toEqual(["atasan", "pejabat"]);
  });

  test("decisionText writes a change of dates and a postponement", () => {
    const d: CutiDecision = { level: "atasan", choice: "Perubahan", reason: "", by: "", nama: "", nip: "", jabatan: "", at: 0, to: { mulai: "2026-01-05", selesai: "2026-01-06" } };
    expect(decisionText(d)).toBe("Pertimbangan atasan langsung: Perubahan menjadi 5 Januari 2026 s.d. 6 Januari 2026");
  });
});

describe("kinds and limits", () => {
  const opts = { calendar, cutiBersama: [], bersamaCounts: false };

  test("a kind is read from its label, spaces tolerated", () => {
    expect(cutiKindOf(" Cuti Tahunan ")).toBe("tahunan");
    expect(cutiKindOf("Cuti di Luar Tanggungan Negara")).toBe("cltn");
    expect(cutiKindOf("Cuti Liburan")).toBeNull();
  });

  test("whole months up to three years for cuti di luar tanggungan negara; a day short is counted in days", () => {
    expect(leaveLength("cltn", "2026-01-01", "2028-12-31", opts)).toMatchObject({ value: 36, unit: "bulan" });
    expect(leaveLength("cltn", "2026-01-01", "2029-01-31", opts)).toMatchObject({ unit: "hari" });
    expect(leaveLength("besar", "2026-01-15", "2026-02-14", opts)).toMatchObject({ value: 1, unit: "bulan" });
    expect(leaveLength("sakit", "2026-01-01", "2026-01-31", opts)).toMatchObject({ value: 31, unit: "hari" });
    expect(leaveLength("melahirkan", "2026-01-01", "2026-01-01", opts)).toEqual({ value: 1, unit: "hari", text: "1 (satu) hari" });
  });

  test("cuti besar and melahirkan at most three months, penting one, di luar tanggungan negara three years", () => {
    const len = (value: number, unit: "hari" | "bulan" | "hari kerja" = "hari") => ({ value, unit, text: "" });
    expect(leaveProblems("besar", len(3, "bulan"), null)).toEqual([]);
    expect(leaveProblems("besar", len(92), null)).toEqual([]);
    expect(leaveProblems("besar", len(93), null)).toEqual(["Cuti besar paling lama 3 (tiga) bulan."]);
    expect(leaveProblems("besar", len(4, "bulan"), null)).toEqual(["Cuti besar paling lama 3 (tiga) bulan."]);
    expect(leaveProblems("melahirkan", len(93), null)).toEqual(["Cuti melahirkan paling lama 3 (tiga) bulan."]);
    expect(leaveProblems("sakit", len(200), null)).toEqual([]);
    expect(leaveProblems("sakit", len(1099), null)).toEqual([]);
    expect(leaveProblems("penting", len(31), null)).toEqual([]);
    expect(leaveProblems("penting", len(2, "bulan"), null)).toEqual(["Cuti karena alasan penting paling lama 1 (satu) bulan."]);
    expect(leaveProblems("cltn", len(36, "bulan"), null)).toEqual([]);
    expect(leaveProblems("cltn", len(1098), null)).toEqual([]);
    expect(leaveProblems("cltn", len(1099), null)).toEqual(["Cuti di luar tanggungan negara paling lama 3 (tiga) tahun."]);
    expect(leaveProblems("tahunan", len(12, "hari kerja"), 12)).toEqual([]);
    expect(leaveProblems("tahunan", len(13, "hari kerja"), null)).toEqual([]);
    expect(leaveProblems("besar", len(13), 12)).toEqual([]);
    expect(leaveProblems("sakit", len(1), null)).toEqual([]);
    expect(leaveProblems("sakit", len(0), null)).toEqual(["Lamanya cuti kurang dari 1 hari kerja (tanggal hanya berisi hari libur atau akhir pekan)."]);
  });
});

describe("the balance's notes", () => {
  const open = (entries: [number, number, number?][]) => new Map(entries.map(([y, taken, entitlement]) => [y, { taken, entitlement: entitlement ?? 12 }]));

  test("each year says what was left, lapsed or taken; data older than six years and future years are not read", () => {
    const b = cutiBalance(2026, open([[2024, 0], [2025, 2]]), new Map());
    expect(b.rows).toEqual([
      { year: 2024, sisa: 0, note: "hangus" },
      { year: 2025, sisa: 6, note: "sisa tahun 2025, diambil 2 hari" },
      { year: 2026, sisa: 12, note: "hak 12 hari" },
    ]);
    expect(b.assumed).toBe(false);
    const old = cutiBalance(2026, open([[2010, 0], [2027, 5]]), new Map([[2030, 4]]));
    expect(old.rows.map((r) => r.sisa)).toEqual([6, 6, 12]);
    expect(cutiBalance(2026, new Map(), new Map([[2027, 3]])).assumed).toBe(true);
    const mid = cutiBalance(2026, open([[2025, 3]]), new Map([[2024, 1]]));
    expect(mid.rows.map((r) => r.note)).toEqual(["hangus (diambil 1 hari)", "sisa tahun 2025, diambil 3 hari", "hak 12 hari"]);
    expect(mid.available).toBe(18);
  });

  test("the days of two years back survive only when neither year saw leave, at most 6 and never more than were left", () => {
    const lapsed = (entries: [number, number, number?][]) => cutiBalance(2026, open(entries), new Map()).rows.map((r) => [r.sisa, r.note]);
    expect(lapsed([[2024, 0], [2025, 3]])).toEqual([[0, "hangus"], [6, "sisa tahun 2025, diambil 3 hari"], [12, "hak 12 hari"]]);
    expect(lapsed([[2024, 4], [2025, 0]])).toEqual([[0, "hangus (diambil 4 hari)"], [6, "sisa tahun 2025"], [12, "hak 12 hari"]]);
    expect(lapsed([[2024, 0, 4], [2025, 0]])).toEqual([[4, "sisa tahun 2024"], [6, "sisa tahun 2025"], [12, "hak 12 hari"]]);
    expect(cutiBalance(2026, open([[2026, 2]]), new Map()).assumed).toBe(false);
  });

  test("leave is charged to the oldest days first", () => {
    const b = cutiBalance(2026, open([[2024, 0], [2025, 0]]), new Map([[2026, 3]]));
    expect(b.rows.map((r) => r.sisa)).toEqual([3, 6, 12]);
    const c = cutiBalance(2026, open([[2024, 0], [2025, 0]]), new Map([[2026, 8]]));
    expect(c.rows.map((r) => r.sisa)).toEqual([0, 4, 12]);
  });

  test("leave beyond the oldest pools is charged to the current year; an entitlement set to less than 12 is used", () => {
    const b = cutiBalance(2026, open([[2026, 3, 6]]), new Map([[2026, 5]]));
    expect(b.rows[2]).toEqual({ year: 2026, sisa: -2, note: "hak 6 hari, diambil 8 hari (melebihi hak)" });
    // An entitlement typed below zero is shown as it is: what was taken comes off it.
    expect(cutiBalance(2026, open([[2026, 1, -2]]), new Map()).rows[2]).toEqual({ year: 2026, sisa: -3, note: "hak -2 hari, diambil 1 hari (melebihi hak)" });
    const two = cutiBalance(2026, open([[2024, 0], [2025, 0]]), new Map([[2026, 20]]));
    expect(two.rows.map((r) => r.sisa)).toEqual([0, 0, 4]);
    expect(two.available).toBe(4);
  });
});
