// Who may do what to a case (src/domain/transition.ts): outside parties' steps, assignees, admins' own actions, closed
// cases, and the due time a step gets (working minutes, a range's upper bound). Each refusal changes nothing and says why.
import { sop as PSM } from "../../src/catalog/sops/pensiun-meninggal";
import { sop as SK } from "../../src/catalog/sops/surat-keluar";
import { jakartaTime } from "../../src/domain/calendar";
import type { CaseState, Effect, TransitionResult } from "../../src/domain/case";
import { BLANK_IDENTITY, type Sop } from "../../src/domain/sop";
import { availableActions, stepStandard, transition } from "../../src/domain/transition";
import { MONDAY, ctx } from "./transition-fixtures";

const ADMIN = { actor: { email: "admin@dinas.example", name: "Admin", admin: true } };
const asAdmin = (now: number, extra = {}) => ctx("admin@dinas.example", now, { ...ADMIN, ...extra });
const SK_FIELDS = { perihal: "Undangan rapat", tujuan: "Kepala BKD", sifat: "Biasa", klasifikasi: "005" };
const PSM_FIELDS = {
  perihal: "Pensiun janda/duda",
  pemohon: "  Ahli.Waris@Gmail.example ",
  namaPegawai: "Almarhum Contoh",
  nip: "196501011990031001",
  tanggalMeninggal: "2026-10-20",
  suratKeteranganMeninggal: "474.3/12/2026",
  namaAhliWaris: "Siti Contoh",
  hubunganAhliWaris: "Istri",
};

function started(sop: Sop, fields: Record<string, string>, now = MONDAY, by = "jfu@dinas.example"): CaseState {
  const r = transition(null, sop, { type: "start", fields }, ctx(by, now, { newId: `${sop.code}-2026-0001`, sopRev: "r1" }));
  if (!r.ok) throw new Error(r.reason);
  return r.case;
}

function ok(r: TransitionResult): Extract<TransitionResult, { ok: true }> {
  if (!r.ok) throw new Error(r.reason);
  return r;
}

const reasonOf = (r: TransitionResult) => (r.ok ? "(diterima)" : r.reason);
const logOf = (r: TransitionResult) => (r.ok ? r.effects.find((e): e is Extract<Effect, { type: "log" }> => e.type === "log")?.entry : undefined);
const notifyOf = (r: TransitionResult) => (r.ok ? r.effects.find((e): e is Extract<Effect, { type: "notify" }> => e.type === "notify")?.notification : undefined);

/** Runs the case forward by its holders until it is finished. */
function finished(c: CaseState): CaseState {
  const holders: Record<string, string> = { SEKRETARIS: "sekretaris@dinas.example", KASUBBAG: "kasubbag@dinas.example", JFU: "jfu@dinas.example", "KEPALA DINAS": "kadis@dinas.example" };
  let t = MONDAY;
  for (let i = 0; c.status !== "Selesai" && i < 20; i++) {
    const step = SK.steps.find((s) => s.no === c.stepNo)!;
    t += 60_000;
    c = ok(transition(c, SK, { type: step.kind === "decision" ? "approve" : "complete" }, ctx(holders[step.role], t))).case;
  }
  return c;
}

describe("a step of an outside party (Pemohon)", () => {
  const c = started(PSM, PSM_FIELDS);

  test("is recorded by someone in Pejabat or an admin, on the party's behalf", () => {
    const staff = ok(transition(c, PSM, { type: "complete" }, ctx("kasubbag@dinas.example", MONDAY + 60_000)));
    expect(logOf(staff)?.actingFor).toBe("atas nama Pemohon");
    expect(staff.case.stepNo).toBe("2");
    const admin = ok(transition(c, PSM, { type: "complete" }, asAdmin(MONDAY + 60_000)));
    expect(logOf(admin)?.actingFor).toBe("atas nama Pemohon");
    // Pejabat's addresses are matched as people type them (case, spaces).
    const typed = ctx(" KASUBBAG@Dinas.Example", MONDAY + 60_000);
    expect(transition(c, PSM, { type: "complete" }, typed).ok).toBe(true);
  });

  test("is taken by the party themself, named in Pemohon, as themself", () => {
    const own = ok(transition(c, PSM, { type: "complete" }, ctx("ahli.waris@gmail.example", MONDAY + 60_000)));
    expect(logOf(own)?.actingFor).toBe("");
  });

  test("is refused to anyone else, who is told the step is recorded by the office's staff", () => {
    const r = transition(c, PSM, { type: "complete" }, ctx("tetangga@gmail.example", MONDAY + 60_000));
    expect(reasonOf(r)).toBe("Langkah Pemohon dicatat oleh pegawai kantor atas nama Pemohon; alamat tetangga@gmail.example tidak ada di daftar Pejabat.");
    expect(availableActions(c, PSM, ctx("tetangga@gmail.example", MONDAY))).toEqual([]);
    // A case with no Pemohon named does not let a blank address through.
    const blank = started(PSM, { ...PSM_FIELDS, pemohon: "" });
    expect(transition(blank, PSM, { type: "complete" }, ctx("", MONDAY + 60_000)).ok).toBe(false);
  });
});

describe("an assigned (Alihkan) case", () => {
  const c = started(SK, SK_FIELDS);

  test("only an admin reassigns, not even the step's holder to themself", () => {
    for (const who of ["sekretaris@dinas.example", "jfu@dinas.example"]) {
      const r = transition(c, SK, { type: "reassign", email: who }, ctx(who, MONDAY + 60_000));
      expect(reasonOf(r)).toBe("Hanya admin yang dapat mengalihkan kasus.");
    }
    expect(availableActions(c, SK, ctx("sekretaris@dinas.example", MONDAY))).toEqual(["complete"]);
  });

  test("goes to the address given (as typed, in lower case), with the admin's note, and back to the step's holders after", () => {
    const bad = transition(c, SK, { type: "reassign", email: "bukan alamat" }, asAdmin(MONDAY));
    expect(reasonOf(bad)).toBe("Tuliskan alamat email orang yang menerima pengalihan.");
    const r = ok(transition(c, SK, { type: "reassign", email: " JFU2@Dinas.Example ", note: " sedang cuti " }, asAdmin(MONDAY + 60_000)));
    expect(r.case).toMatchObject({ assignee: "jfu2@dinas.example", version: c.version + 1, lastBy: "admin@dinas.example", lastAt: MONDAY + 60_000, stepNo: "1" });
    expect(logOf(r)).toMatchObject({ action: "reassign", actingFor: "sebagai admin", note: "Dialihkan kepada jfu2@dinas.example: sedang cuti", minutes: 0 });
    expect(notifyOf(r)).toMatchObject({ kind: "assigned", assignee: "jfu2@dinas.example", stepNo: "1" });
    const plain = ok(transition(c, SK, { type: "reassign", email: "jfu2@dinas.example" }, asAdmin(MONDAY)));
    expect(logOf(plain)?.note).toBe("Dialihkan kepada jfu2@dinas.example");
    // The step's holder may no longer act; the assignee may, as themself; an admin may, as admin.
    const holder = transition(r.case, SK, { type: "complete" }, ctx("sekretaris@dinas.example", MONDAY + 120_000));
    expect(reasonOf(holder)).toBe("Langkah ini sudah dialihkan kepada jfu2@dinas.example; hanya orang itu atau admin yang dapat menindaklanjutinya.");
    expect(availableActions(r.case, SK, ctx("sekretaris@dinas.example", MONDAY))).toEqual([]);
    const admin = ok(transition(r.case, SK, { type: "complete" }, asAdmin(MONDAY + 120_000)));
    expect(logOf(admin)?.actingFor).toBe("sebagai admin");
    const done = ok(transition(r.case, SK, { type: "complete" }, ctx("JFU2@dinas.example", MONDAY + 120_000)));
    expect(logOf(done)?.actingFor).toBe("");
    // The next step is its holders' again.
    expect(done.case.assignee).toBe("");
    expect(transition(done.case, SK, { type: "complete" }, ctx("kasubbag@dinas.example", MONDAY + 180_000)).ok).toBe(true);
  });
});

describe("admins' own actions on closed and open cases", () => {
  test("a finished or cancelled case cannot be cancelled, reassigned or acted on; only reopened", () => {
    const done = finished(started(SK, SK_FIELDS));
    expect(done).toMatchObject({ status: "Selesai", stepNo: "", dueAt: null });
    expect(reasonOf(transition(done, SK, { type: "cancel", reason: "Salah input" }, asAdmin(MONDAY)))).toBe("Kasus SK-2026-0001 sudah selesai.");
    expect(reasonOf(transition(done, SK, { type: "reassign", email: "jfu2@dinas.example" }, asAdmin(MONDAY)))).toBe("Kasus SK-2026-0001 sudah selesai; tidak bisa dialihkan.");
    expect(reasonOf(transition(done, SK, { type: "complete" }, asAdmin(MONDAY)))).toBe("Kasus SK-2026-0001 sudah selesai; tidak ada langkah yang bisa ditindaklanjuti.");
    expect(availableActions(done, SK, asAdmin(MONDAY))).toEqual(["reopen"]);
    const cancelled = ok(transition(started(SK, SK_FIELDS), SK, { type: "cancel", reason: "Salah input" }, asAdmin(MONDAY))).case;
    expect(reasonOf(transition(cancelled, SK, { type: "cancel", reason: "Lagi" }, asAdmin(MONDAY)))).toBe("Kasus SK-2026-0001 sudah dibatalkan.");
    expect(availableActions(cancelled, SK, asAdmin(MONDAY))).toEqual(["reopen"]);
  });

  test("cancel needs an admin and a reason of three letters or more, and tells whoever the case is about", () => {
    const c = started(SK, SK_FIELDS);
    expect(reasonOf(transition(c, SK, { type: "cancel", reason: "Salah input" }, ctx("sekretaris@dinas.example", MONDAY)))).toBe("Hanya admin yang dapat membatalkan kasus.");
    expect(reasonOf(transition(c, SK, { type: "cancel", reason: " ab " }, asAdmin(MONDAY)))).toBe("Tuliskan alasan pembatalan.");
    const r = ok(transition(c, SK, { type: "cancel", reason: " abc " }, asAdmin(MONDAY + 60_000)));
    expect(r.case).toMatchObject({ status: "Dibatalkan", stepNo: "", dueAt: null, assignee: "", version: 2, lastBy: "admin@dinas.example", lastAt: MONDAY + 60_000 });
    expect(logOf(r)).toMatchObject({ action: "cancel", actingFor: "sebagai admin", note: "abc", stepNo: "1" });
    expect(notifyOf(r)).toMatchObject({ kind: "cancelled", caseId: "SK-2026-0001", reason: "abc", by: "admin@dinas.example", perihal: "Undangan rapat" });
  });

  test("reopen needs an admin, a closed case, a reason and a step the SOP has; it goes to the last step unless told", () => {
    const open = started(SK, SK_FIELDS);
    expect(reasonOf(transition(open, SK, { type: "reopen", reason: "Perlu revisi" }, asAdmin(MONDAY)))).toBe("Kasus SK-2026-0001 masih berjalan; tidak perlu dibuka ulang.");
    const done = finished(open);
    expect(reasonOf(transition(done, SK, { type: "reopen", reason: "Perlu revisi" }, ctx("sekretaris@dinas.example", MONDAY)))).toBe("Hanya admin yang dapat membuka ulang kasus.");
    expect(reasonOf(transition(done, SK, { type: "reopen", reason: "ya" }, asAdmin(MONDAY)))).toBe("Tuliskan alasan membuka ulang kasus.");
    expect(reasonOf(transition(done, SK, { type: "reopen", reason: "Perlu revisi", toStep: "99" }, asAdmin(MONDAY)))).toBe("Langkah 99 tidak ada di SOP ini.");
    const last = SK.steps[SK.steps.length - 1];
    const r = ok(transition(done, SK, { type: "reopen", reason: "Perlu revisi" }, asAdmin(MONDAY + 60_000)));
    expect(r.case).toMatchObject({ status: "Berjalan", stepNo: last.no, stepSince: MONDAY + 60_000 });
    expect(logOf(r)).toMatchObject({ action: "reopen", stepNo: last.no, role: last.role, actingFor: "sebagai admin", minutes: 0 });
    // An admin may act on any open step (as admin), and has their own actions besides.
    expect(availableActions(r.case, SK, asAdmin(MONDAY))).toEqual(["complete", "reassign", "cancel"]);
  });
});

describe("refusals before anything is decided", () => {
  const c = started(SK, SK_FIELDS);

  test("no case, a case of another SOP, a stale step", () => {
    expect(reasonOf(transition(null, SK, { type: "complete" }, ctx("sekretaris@dinas.example", MONDAY)))).toBe("Kasus tidak ditemukan.");
    expect(reasonOf(transition({ ...c, sopId: "surat-masuk" }, SK, { type: "complete" }, ctx("sekretaris@dinas.example", MONDAY)))).toBe("Kasus SK-2026-0001 mengikuti SOP lain (surat-masuk).");
    const stale = transition(c, SK, { type: "complete" }, ctx("sekretaris@dinas.example", MONDAY, { expectedStep: "2" }));
    expect(reasonOf(stale)).toBe("Kasus SK-2026-0001 sudah ditindaklanjuti oleh jfu@dinas.example sejak Anda membukanya; muat ulang untuk melihat keadaan terbaru.");
    expect(transition(c, SK, { type: "complete" }, ctx("sekretaris@dinas.example", MONDAY, { expectedStep: "1", expectedVersion: 1 })).ok).toBe(true);
    const noOne = transition({ ...c, lastBy: "" }, SK, { type: "complete" }, ctx("sekretaris@dinas.example", MONDAY, { expectedVersion: 9 }));
    expect(reasonOf(noOne)).toBe("Kasus SK-2026-0001 sudah ditindaklanjuti sejak Anda membukanya; muat ulang untuk melihat keadaan terbaru.");
  });

  test("the wrong button for the step's kind", () => {
    expect(reasonOf(transition(c, SK, { type: "approve" }, ctx("sekretaris@dinas.example", MONDAY)))).toBe("Langkah 1 bukan keputusan: pilih Selesai & teruskan.");
    expect(reasonOf(transition(c, SK, { type: "return", reason: "Salah" }, ctx("sekretaris@dinas.example", MONDAY)))).toBe("Langkah 1 bukan keputusan: pilih Selesai & teruskan.");
    const atDecision = { ...c, stepNo: "4" };
    expect(reasonOf(transition(atDecision, SK, { type: "complete" }, ctx("kasubbag@dinas.example", MONDAY)))).toBe("Langkah 4 adalah keputusan: pilih Setujui atau Kembalikan.");
    expect(availableActions(atDecision, SK, ctx("kasubbag@dinas.example", MONDAY))).toEqual(["approve", "return"]);
  });

  test("a start without an ID ready, or for an SOP without steps", () => {
    const r = transition(null, SK, { type: "start", fields: SK_FIELDS }, ctx("jfu@dinas.example", MONDAY, { sopRev: "r1" }));
    expect(reasonOf(r)).toBe("ID kasus baru belum disiapkan.");
    expect(reasonOf(transition(null, SK, { type: "start", fields: SK_FIELDS }, ctx("jfu@dinas.example", MONDAY, { newId: "SK-2026-0001" })))).toBe("ID kasus baru belum disiapkan.");
    const empty: Sop = { ...SK, steps: [] };
    expect(reasonOf(transition(null, empty, { type: "start", fields: SK_FIELDS }, ctx("jfu@dinas.example", MONDAY, { newId: "SK-2026-0001", sopRev: "r1" })))).toBe(`SOP ${SK.title} belum punya langkah.`);
  });
});

/** One process step whose standard is `waktu`, then a decision back to it. */
function timed(waktu: string): Sop {
  return {
    id: "uji",
    code: "UJ",
    title: "SOP Uji",
    shortTitle: "Uji",
    unit: "sekretariat",
    unitName: "Sekretariat",
    identity: BLANK_IDENTITY,
    lanes: [{ header: "JFU", role: "jfu" }],
    fields: [{ key: "perihal", label: "Perihal", type: "text", required: true }],
    steps: [
      { no: "1", text: "Menyusun", role: "JFU", roleInferred: false, kind: "process", kelengkapan: [], waktu, output: "", keterangan: "" },
      { no: "2", text: "Memeriksa", role: "JFU", roleInferred: false, kind: "process", kelengkapan: [], waktu: "", output: "", keterangan: "" },
    ],
    notes: [],
  };
}

describe("the due time a step gets", () => {
  test("counts working minutes: two hours from Friday 15:30 are due Monday 08:30, not Friday 17:30", () => {
    const friday = jakartaTime("2026-11-06", "15:30");
    expect(started(timed("2 Jam"), { perihal: "Uji" }, friday).dueAt).toBe(jakartaTime("2026-11-09", "08:30"));
  });

  test("a range is due at its upper bound; Hari counts working days of the calendar", () => {
    expect(started(timed("1 - 2 Jam"), { perihal: "Uji" }).dueAt).toBe(jakartaTime("2026-11-02", "10:00"));
    expect(stepStandard(timed("10 - 20 Menit").steps[0], 450)).toBe(20);
    expect(stepStandard(timed("1 - 2 Hari").steps[0], 450)).toBe(900);
    expect(stepStandard(timed("1 Hari").steps[0], 300)).toBe(300);
    // 900 working minutes from Monday 08:00: 420 on Monday, 450 on Tuesday, 30 on Wednesday.
    expect(started(timed("2 Hari"), { perihal: "Uji" }).dueAt).toBe(jakartaTime("2026-11-04", "08:00"));
  });

  test("a step without a standard, or with one the SOP wrote wrongly, has no due time", () => {
    expect(started(timed(""), { perihal: "Uji" }).dueAt).toBeNull();
    expect(started(timed("sebentar"), { perihal: "Uji" }).dueAt).toBeNull();
    expect(stepStandard(timed("sebentar").steps[0], 450)).toBeNull();
    const c = started(timed("2 Jam"), { perihal: "Uji" });
    const next = ok(transition(c, timed("2 Jam"), { type: "complete" }, ctx("jfu@dinas.example", MONDAY + 3 * 3_600_000)));
    expect(next.case).toMatchObject({ stepNo: "2", dueAt: null, stepSince: MONDAY + 3 * 3_600_000 });
    expect(logOf(next)).toMatchObject({ minutes: 180, standard: 120 });
  });
});
