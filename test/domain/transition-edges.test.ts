// Edges of the transition function found by mutation testing (src/domain/transition.ts), on one small literal SOP:
// a Ya that skips a step, an outside party's step, a step whose Pelaksana is no lane of the SOP, cells typed by hand
// in the register (spaces, no Perihal), and the exact effects each action asks for.
import type { CaseState, Effect, TransitionResult } from "../../src/domain/case";
import { BLANK_IDENTITY, type Sop, type SopStep } from "../../src/domain/sop";
import { availableActions, laneRole, transition } from "../../src/domain/transition";
import { MONDAY, OFFICIALS, ctx, person } from "./transition-fixtures";

const step = (no: string, role: string, kind: SopStep["kind"] = "process", extra: Partial<SopStep> = {}): SopStep => ({ no, text: `Langkah ${no}`, role, roleInferred: false, kind, kelengkapan: [], waktu: "", output: "", keterangan: "", ...extra });

/** 1 JFU drafts; 2 Kasubbag decides, Ya skips to 4, Tidak back to 1; 3 JFU; 4 the Pemohon; 5 a lane the SOP lacks. */
const UJ: Sop = {
  id: "uji",
  code: "UJ",
  title: "SOP Uji",
  shortTitle: "Uji",
  unit: "sekretariat",
  unitName: "Sekretariat",
  identity: BLANK_IDENTITY,
  lanes: [
    { header: "JFU", role: "jfu" },
    { header: "KASUBBAG", role: "kasubbag-umum" },
    { header: "PEMOHON", role: "pemohon" },
  ],
  fields: [{ key: "perihal", label: "Perihal", type: "text", required: true }],
  steps: [step("1", "JFU"), step("2", "KASUBBAG", "decision", { yesTo: "4", noTo: "1" }), step("3", "JFU"), step("4", "PEMOHON"), step("5", "BENDAHARA")],
  notes: [],
};

const ADMIN = { actor: { email: "admin@dinas.example", name: "Admin", admin: true } };
const HOUR = 3_600_000;

/** A case of UJ at step `no`, as the register holds it (fields as typed there). */
function at(no: string, fields: CaseState["fields"] = { perihal: "Uji" }, extra: Partial<CaseState> = {}): CaseState {
  return { id: "UJ-2026-0001", sopId: "uji", sopRev: "r1", fields, status: "Berjalan", stepNo: no, stepSince: MONDAY, dueAt: null, done: {}, rounds: 0, version: 3, createdAt: MONDAY, createdBy: "jfu@dinas.example", assignee: "", documents: [], lastBy: "jfu@dinas.example", lastAt: MONDAY, srikandi: "", history: [], ticks: {}, ...extra };
}

const ok = (r: TransitionResult) => {
  if (!r.ok) throw new Error(r.reason);
  return r;
};
const reasonOf = (r: TransitionResult) => (r.ok ? "(diterima)" : r.reason);
const of = <T extends Effect["type"]>(r: TransitionResult, type: T) => (r.ok ? r.effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type) : []);

describe("the chain of steps", () => {
  test("Ya goes where the decision says, not to the next step in order; the row written is the new case, not a new row", () => {
    const r = ok(transition(at("2"), UJ, { type: "approve" }, ctx("kasubbag@dinas.example", MONDAY + HOUR)));
    expect(r.case).toMatchObject({ stepNo: "4", status: "Berjalan", version: 4 });
    expect(r.effects.map((e) => e.type)).toEqual(["writeRow", "log", "notify"]);
    expect(of(r, "writeRow")).toEqual([{ type: "writeRow", case: r.case, isNew: false }]);
    expect(r.case.history).toHaveLength(1);
    // A step without letters makes no document; a step done without a note logs none.
    expect(of(r, "makeDocument")).toEqual([]);
    expect(of(r, "log")[0].entry).toMatchObject({ action: "approve", note: "", actingFor: "" });
  });

  test("a return writes the case back at the Tidak step, with the deciding lane marked done and the history item", () => {
    const r = ok(transition(at("2", { perihal: "Uji" }, { done: { JFU: MONDAY } }), UJ, { type: "return", reason: "Kurang lampiran" }, ctx("kasubbag@dinas.example", MONDAY + HOUR)));
    expect(r.case).toMatchObject({ stepNo: "1", status: "Dikembalikan", rounds: 1 });
    expect(r.case.done).toEqual({ JFU: MONDAY, KASUBBAG: MONDAY + HOUR });
    expect(of(r, "writeRow")).toEqual([{ type: "writeRow", case: r.case, isNew: false }]);
    expect(r.case.history.map((h) => [h.action, h.note])).toEqual([["return", "Kurang lampiran"]]);
  });

  test("a reassignment and a reopening write the case in place, and tell the step's people of their task", () => {
    const moved = ok(transition(at("3"), UJ, { type: "reassign", email: "jfu2@dinas.example" }, ctx("admin@dinas.example", MONDAY, ADMIN)));
    expect(of(moved, "writeRow")).toEqual([{ type: "writeRow", case: moved.case, isNew: false }]);
    expect(moved.case.history).toHaveLength(1);
    const closed = at("", { perihal: "Uji" }, { status: "Selesai", stepSince: MONDAY });
    const r = ok(transition(closed, UJ, { type: "reopen", reason: "Perlu revisi", toStep: "3" }, ctx("admin@dinas.example", MONDAY + 2 * HOUR, ADMIN)));
    expect(of(r, "writeRow")).toEqual([{ type: "writeRow", case: r.case, isNew: false }]);
    expect(of(r, "notify")[0].notification).toMatchObject({ kind: "assigned", stepNo: "3", lane: "JFU" });
    // The reopened case was closed, not at a step: no working minutes are logged for it, hours later.
    expect(of(r, "log")[0].entry).toMatchObject({ stepNo: "3", role: "JFU", minutes: 0, standard: null });
  });

  test("a decision that makes the leave decision letter is not approved with Setujui, but may still be sent back", () => {
    const leave: Sop = { ...UJ, steps: UJ.steps.map((s) => (s.no === "2" ? { ...s, letters: ["keputusan"] } : s)) };
    expect(reasonOf(transition(at("2"), leave, { type: "approve" }, ctx("kasubbag@dinas.example", MONDAY)))).toBe(
      "Langkah 2 memerlukan keputusan cuti: pilih Disetujui, Perubahan, Ditangguhkan atau Tidak disetujui.",
    );
    expect(ok(transition(at("2"), leave, { type: "return", reason: "Berkas kurang" }, ctx("kasubbag@dinas.example", MONDAY))).case).toMatchObject({ stepNo: "1", status: "Dikembalikan" });
  });

  test("a case cancelled at a step its SOP no longer has logs no step and no minutes", () => {
    const r = ok(transition(at("9"), UJ, { type: "cancel", reason: "Salah input" }, ctx("admin@dinas.example", MONDAY + 2 * HOUR, ADMIN)));
    expect(of(r, "log")[0].entry).toMatchObject({ stepNo: "", role: "", minutes: 0, standard: null });
    // An admin there is offered only Alihkan and Batalkan; anyone else nothing.
    expect(availableActions(at("9"), UJ, ctx("admin@dinas.example", MONDAY, ADMIN))).toEqual(["reassign", "cancel"]);
    expect(availableActions(at("9"), UJ, ctx("jfu@dinas.example", MONDAY))).toEqual([]);
  });
});

describe("who may act", () => {
  test("an admin acting on a step they do not hold is recorded as admin", () => {
    const r = ok(transition(at("1"), UJ, { type: "complete" }, ctx("admin@dinas.example", MONDAY + HOUR, ADMIN)));
    expect(of(r, "log")[0].entry.actingFor).toBe("sebagai admin");
  });

  test("a refusal names every holder of the step's role, or says no one holds it yet", () => {
    expect(reasonOf(transition(at("1"), UJ, { type: "complete" }, ctx("kasubbag@dinas.example", MONDAY)))).toBe(
      "Langkah 1 dikerjakan oleh Jabatan Fungsional Umum (JFU) (JFU, JFU Dua). Anda (kasubbag@dinas.example) tidak memegang peran itu.",
    );
    const noJfu = OFFICIALS.filter((o) => o.role !== "jfu");
    expect(reasonOf(transition(at("1"), UJ, { type: "complete" }, ctx("kasubbag@dinas.example", MONDAY, { officials: noJfu })))).toBe(
      "Langkah 1 dikerjakan oleh Jabatan Fungsional Umum (JFU) (belum ada yang ditetapkan di sheet Pejabat untuk Jabatan Fungsional Umum (JFU)). Anda (kasubbag@dinas.example) tidak memegang peran itu.",
    );
  });

  test("a step whose Pelaksana is no lane of the SOP is refused with its header, not run into an error; admins may act", () => {
    expect(laneRole(UJ, "BENDAHARA")).toBe("");
    expect(reasonOf(transition(at("5"), UJ, { type: "complete" }, ctx("jfu@dinas.example", MONDAY)))).toBe(
      "Langkah 5 dikerjakan oleh BENDAHARA (belum ada yang ditetapkan di sheet Pejabat untuk BENDAHARA). Anda (jfu@dinas.example) tidak memegang peran itu.",
    );
    expect(availableActions(at("5"), UJ, ctx("jfu@dinas.example", MONDAY))).toEqual([]);
    expect(ok(transition(at("5"), UJ, { type: "complete" }, ctx("admin@dinas.example", MONDAY, ADMIN))).case.status).toBe("Selesai");
  });

  test("an outside party's step: the Pemohon typed with spaces in the register is still that person; so is a Pejabat address", () => {
    const c = at("4", { perihal: "Uji", pemohon: "  Warga@Gmail.Example " });
    const own = ok(transition(c, UJ, { type: "complete" }, ctx("warga@gmail.example", MONDAY + HOUR)));
    expect(of(own, "log")[0].entry.actingFor).toBe("");
    const officials = [...OFFICIALS, person("jfu", " Staf@Dinas.Example ", "Staf")];
    const staff = ok(transition(c, UJ, { type: "complete" }, ctx("staf@dinas.example", MONDAY + HOUR, { officials })));
    expect(of(staff, "log")[0].entry.actingFor).toBe("atas nama Pemohon");
  });
});

describe("what the emails are told", () => {
  test("the Pemohon typed with spaces in the register is told as its recorder, trimmed and in lower case", () => {
    const r = ok(transition(at("1", { perihal: "Uji", pemohon: "  Warga@Gmail.Example " }), UJ, { type: "complete" }, ctx("jfu@dinas.example", MONDAY + HOUR)));
    expect(of(r, "notify")[0].notification).toMatchObject({ kind: "assigned", stepNo: "2", recorder: "warga@gmail.example" });
  });

  test("a case whose Perihal cell was emptied says no Perihal", () => {
    const r = ok(transition(at("1", {}), UJ, { type: "complete" }, ctx("jfu@dinas.example", MONDAY + HOUR)));
    expect(of(r, "notify")[0].notification).toMatchObject({ kind: "assigned", perihal: "" });
  });

  test("a start refused for several fields names each, one sentence after another", () => {
    const two: Sop = { ...UJ, fields: [...UJ.fields, { key: "tujuan", label: "Tujuan", type: "text", required: true }] };
    const r = transition(null, two, { type: "start", fields: {} }, ctx("jfu@dinas.example", MONDAY, { newId: "UJ-2026-0002", sopRev: "r1" }));
    expect(reasonOf(r)).toBe("Perihal wajib diisi. Tujuan wajib diisi.");
  });
});
