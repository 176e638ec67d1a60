// What an action asks for besides the new case (src/domain/transition.ts): the log entry, whom to tell and what, the
// letters to make, the history item; and the leave decision step that only the four BKN choices decide.
import { sop as CT } from "../../src/catalog/sops/cuti";
import { sop as SK } from "../../src/catalog/sops/surat-keluar";
import type { CaseState, Effect, TransitionResult } from "../../src/domain/case";
import { availableActions, transition } from "../../src/domain/transition";
import { MONDAY, ctx } from "./transition-fixtures";

const SK_FIELDS = { perihal: "Undangan rapat", tujuan: "Kepala BKD", sifat: "Biasa", klasifikasi: "005" };
const admin = { actor: { email: "admin@dinas.example", name: "Admin", admin: true } };
const ok = (r: TransitionResult) => {
  if (!r.ok) throw new Error(r.reason);
  return r;
};
const of = <T extends Effect["type"]>(r: TransitionResult, type: T) => (r.ok ? r.effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type) : []);

function start(fields: Record<string, string> = SK_FIELDS, by = "jfu@dinas.example"): TransitionResult {
  return transition(null, SK, { type: "start", fields }, ctx(by, MONDAY, { newId: "SK-2026-0001", sopRev: "r1", channel: "email" }));
}

describe("effects of an action", () => {
  test("a start logs 'Kasus dibuat' with no minutes, tells the first step's holders, and records who started it", () => {
    const r = ok(start());
    expect(of(r, "writeRow")).toEqual([{ type: "writeRow", case: r.case, isNew: true }]);
    expect(of(r, "log")[0].entry).toEqual({ at: MONDAY, caseId: "SK-2026-0001", sopId: "surat-keluar", stepNo: "1", role: "SEKRETARIS", actor: "jfu@dinas.example", actingFor: "", action: "start", note: "Kasus dibuat", minutes: 0, standard: 10, channel: "email" });
    expect(of(r, "notify")[0].notification).toEqual({ kind: "assigned", caseId: "SK-2026-0001", sopId: "surat-keluar", stepNo: "1", lane: "SEKRETARIS", assignee: "", recorder: "jfu@dinas.example", by: "jfu@dinas.example", version: 1, perihal: "Undangan rapat" });
    expect(r.case.history).toEqual([{ at: MONDAY, by: "jfu@dinas.example", actingFor: "", action: "start", stepNo: "1", note: "Kasus dibuat", minutes: 0, standard: 10 }]);
    expect(r.case).toMatchObject({ createdAt: MONDAY, createdBy: "jfu@dinas.example", lastBy: "jfu@dinas.example", lastAt: MONDAY, sopRev: "r1", done: {}, ticks: {}, documents: [] });
  });

  test("an email given as Pemohon is told of the case as its recorder; a long Perihal is cut to 300 characters in emails", () => {
    const r = ok(start({ ...SK_FIELDS, pemohon: " Warga@Gmail.Example " }));
    expect(of(r, "notify")[0].notification).toMatchObject({ recorder: "warga@gmail.example" });
    // A Perihal typed longer by hand in the register is cut in the email.
    const long = { ...r.case, fields: { ...r.case.fields, perihal: "x".repeat(400) } };
    const next = ok(transition(long, SK, { type: "complete" }, ctx("sekretaris@dinas.example", MONDAY + 60_000)));
    expect(of(next, "notify")[0].notification).toMatchObject({ perihal: "x".repeat(300) });
    const named = ok(start({ ...SK_FIELDS, pemohon: "Pak Budi" }));
    expect(of(named, "notify")[0].notification).toMatchObject({ recorder: "jfu@dinas.example" });
  });

  test("completing a step logs its minutes against its standard, makes its letters, and tells the next holders", () => {
    let c = ok(start()).case;
    for (const who of ["sekretaris@dinas.example", "kasubbag@dinas.example"]) c = ok(transition(c, SK, { type: "complete" }, ctx(who, MONDAY + 60_000))).case;
    // Step 3 (JFU) drafts the letter: one document to make.
    const r = ok(transition(c, SK, { type: "complete", note: "  konsep siap  " }, ctx("jfu@dinas.example", MONDAY + 3_600_000)));
    expect(of(r, "log")[0].entry).toMatchObject({ stepNo: "3", role: "JFU", action: "complete", note: "konsep siap", minutes: 59, standard: 30 });
    expect(of(r, "makeDocument")).toEqual([{ type: "makeDocument", caseId: "SK-2026-0001", stepNo: "3", template: "surat-dinas|nota-dinas|undangan|surat-keterangan" }]);
    expect(of(r, "notify")[0].notification).toMatchObject({ kind: "assigned", stepNo: "4", lane: "KASUBBAG", by: "jfu@dinas.example", version: 4 });
    expect(r.case).toMatchObject({ stepNo: "4", status: "Berjalan", lastBy: "jfu@dinas.example", lastAt: MONDAY + 3_600_000, version: 4 });
    expect(r.case.done).toEqual({ SEKRETARIS: MONDAY + 60_000, KASUBBAG: MONDAY + 60_000, JFU: MONDAY + 3_600_000 });
    // A return tells the step sent back to, with the reason.
    const back = ok(transition(r.case, SK, { type: "return", reason: "  Salah alamat  " }, ctx("kasubbag@dinas.example", MONDAY + 3_660_000)));
    expect(of(back, "notify")[0].notification).toMatchObject({ kind: "returned", stepNo: "3", reason: "Salah alamat", by: "kasubbag@dinas.example" });
    expect(of(back, "log")[0].entry).toMatchObject({ action: "return", note: "Salah alamat" });
  });

  test("a case that ends tells whoever it is about; a cancelled one logs the step it stood at", () => {
    let c = ok(start({ ...SK_FIELDS, pemohon: "warga@gmail.example" })).case;
    const holders: Record<string, string> = { SEKRETARIS: "sekretaris@dinas.example", KASUBBAG: "kasubbag@dinas.example", JFU: "jfu@dinas.example", "KEPALA DINAS": "kadis@dinas.example" };
    let last: TransitionResult | undefined;
    for (let i = 0; c.status !== "Selesai" && i < 20; i++) {
      const step = SK.steps.find((s) => s.no === c.stepNo)!;
      last = ok(transition(c, SK, { type: step.kind === "decision" ? "approve" : "complete" }, ctx(holders[step.role], MONDAY + (i + 1) * 60_000)));
      c = last.case;
    }
    expect(of(last!, "notify").map((e) => e.notification)).toEqual([{ kind: "finished", caseId: "SK-2026-0001", sopId: "surat-keluar", to: "warga@gmail.example", by: c.lastBy, perihal: "Undangan rapat" }]);
    const open = ok(start()).case;
    const cancelled = ok(transition(open, SK, { type: "cancel", reason: "Salah input" }, ctx("admin@dinas.example", MONDAY + 120_000, admin)));
    expect(of(cancelled, "log")[0].entry).toMatchObject({ stepNo: "1", role: "SEKRETARIS", minutes: 2, standard: 10, actor: "admin@dinas.example" });
    expect(of(cancelled, "notify")[0].notification).toMatchObject({ to: "jfu@dinas.example" });
  });
});

describe("the leave decision step", () => {
  const FIELDS = { perihal: "Cuti", namaPegawai: "A", nip: "198001012005011001", jenisCuti: "Cuti Tahunan", mulai: "2026-11-10", selesai: "2026-11-12", alasan: "Keluarga", alamatSelamaCuti: "Medan" };

  test("is not finished with Selesai & teruskan; its holder is offered no plain buttons", () => {
    const s = ok(transition(null, CT, { type: "start", fields: FIELDS }, ctx("jfu@dinas.example", MONDAY, { newId: "CT-2026-0001", sopRev: "r" })));
    const atDecision: CaseState = { ...s.case, stepNo: "6" };
    const r = transition(atDecision, CT, { type: "complete" }, ctx("kadis@dinas.example", MONDAY + 60_000));
    expect(r.ok ? "" : r.reason).toBe("Langkah 6 memerlukan keputusan cuti: pilih Disetujui, Perubahan, Ditangguhkan atau Tidak disetujui.");
    expect(availableActions(atDecision, CT, ctx("kadis@dinas.example", MONDAY))).toEqual([]);
    expect(availableActions({ ...s.case, stepNo: "7" }, CT, ctx("kasubbag@dinas.example", MONDAY))).toEqual(["complete"]);
  });
});

describe("edges found by mutation testing", () => {
  test("a case standing at a step its SOP no longer has is refused, not run into an error", () => {
    const c: CaseState = { ...ok(start()).case, stepNo: "99" };
    expect(transition(c, SK, { type: "complete" }, ctx("sekretaris@dinas.example", MONDAY)).ok ? "" : "refused").toBe("refused");
    const r = transition(c, SK, { type: "reassign", email: "jfu2@dinas.example" }, ctx("admin@dinas.example", MONDAY, admin));
    expect(r.ok ? "" : r.reason).toBe("Kasus SK-2026-0001 sudah berjalan; tidak bisa dialihkan.");
  });

  test("reasons of exactly three letters are enough, spaces aside", () => {
    let c = ok(start()).case;
    for (const who of ["sekretaris@dinas.example", "kasubbag@dinas.example", "jfu@dinas.example"]) c = ok(transition(c, SK, { type: "complete" }, ctx(who, MONDAY + 60_000))).case;
    expect(transition(c, SK, { type: "return", reason: "abc" }, ctx("kasubbag@dinas.example", MONDAY + 120_000)).ok).toBe(true);
    const cancelled = ok(transition(c, SK, { type: "cancel", reason: "abc" }, ctx("admin@dinas.example", MONDAY, admin)));
    expect(of(cancelled, "writeRow")).toEqual([{ type: "writeRow", case: cancelled.case, isNew: false }]);
    expect(transition(cancelled.case, SK, { type: "reopen", reason: "abc" }, ctx("admin@dinas.example", MONDAY, admin)).ok).toBe(true);
    const spaced = transition(cancelled.case, SK, { type: "reopen", reason: "  ab  " }, ctx("admin@dinas.example", MONDAY, admin));
    expect(spaced.ok ? "" : spaced.reason).toBe("Tuliskan alasan membuka ulang kasus.");
  });

  test("a step with no start time logs no minutes; a new case has no Srikandi number yet", () => {
    const s = ok(start());
    expect(s.case.srikandi).toBe("");
    const r = ok(transition({ ...s.case, stepSince: 0 }, SK, { type: "complete" }, ctx("sekretaris@dinas.example", MONDAY + 3_600_000)));
    expect(of(r, "log")[0].entry.minutes).toBe(0);
  });
});
