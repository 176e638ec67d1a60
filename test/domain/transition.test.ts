// The transition function: the life of a case, returns, refusals, staleness, admin actions, acting officials.
import { sop as SK } from "../../src/catalog/sops/surat-keluar";
import { sop as SM } from "../../src/catalog/sops/surat-masuk";
import type { CaseState } from "../../src/domain/case";
import { transition } from "../../src/domain/transition";
import { EMAIL_OF_LANE, MONDAY, OFFICIALS, ctx } from "./transition-fixtures";

const SK_FIELDS = { perihal: "Undangan rapat", tujuan: "Kepala BKD", sifat: "Biasa", klasifikasi: "005" };
const SM_FIELDS = { perihal: "Surat dari Bupati", asalSurat: "Bupati", nomorSurat: "800/1", tanggalSurat: "2026-11-01", diterimaTanggal: "2026-11-02", sifat: "Segera" };

function start(sop = SK, fields: Record<string, string> = SK_FIELDS): CaseState {
  const r = transition(null, sop, { type: "start", fields }, ctx("jfu@dinas.example", MONDAY, { newId: `${sop.code}-2026-0001`, sopRev: "r1" }));
  if (!r.ok) throw new Error(r.reason);
  return r.case;
}

function holderOf(sop: typeof SK, c: CaseState): string {
  const step = sop.steps.find((s) => s.no === c.stepNo)!;
  return EMAIL_OF_LANE[step.role];
}

describe("transition", () => {
  test("start puts the case at the first step with its due time and effects as data", () => {
    const r = transition(null, SK, { type: "start", fields: SK_FIELDS }, ctx("jfu@dinas.example", MONDAY, { newId: "SK-2026-0001", sopRev: "r1" }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.case).toMatchObject({ id: "SK-2026-0001", status: "Berjalan", stepNo: "1", version: 1, rounds: 0 });
    // Step 1 standard is "10" (minutes): due 10 working minutes after Monday 08:00.
    expect(r.case.dueAt).toBe(MONDAY + 10 * 60_000);
    expect(r.effects.map((e) => e.type)).toEqual(["writeRow", "log", "notify"]);
    const n = r.effects[2];
    expect(n.type === "notify" && n.notification.kind).toBe("assigned");
  });

  test("start refuses missing required fields with their labels, in Bahasa Indonesia", () => {
    const r = transition(null, SK, { type: "start", fields: { perihal: "" } }, ctx("jfu@dinas.example", MONDAY, { newId: "SK-2026-0001", sopRev: "r1" }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toContain("Perihal wajib diisi");
    expect(r.reason).toContain("Tujuan Surat (Yth.) wajib diisi");
  });

  test("Surat Masuk runs linearly to Selesai, each step by its own role, marking lanes done", () => {
    let c = start(SM, SM_FIELDS);
    let t = MONDAY;
    for (let i = 0; i < SM.steps.length; i++) {
      t += 20 * 60_000;
      const r = transition(c, SM, { type: "complete" }, ctx(holderOf(SM, c), t));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      c = r.case;
    }
    expect(c.status).toBe("Selesai");
    expect(c.stepNo).toBe("");
    expect(c.history).toHaveLength(SM.steps.length + 1);
    expect(Object.keys(c.done).sort()).toEqual([...new Set(SM.steps.map((s) => s.role))].sort());
  });

  test("a person not holding the step's role is refused with who does hold it", () => {
    const c = start();
    const r = transition(c, SK, { type: "complete" }, ctx("jfu@dinas.example", MONDAY + 60_000));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/dikerjakan oleh Sekretaris \(Sekretaris\)/);
  });

  test("return at a decision needs a reason, goes back to the step the SOP names and counts a round", () => {
    let c = start();
    for (const _ of [1, 2, 3]) {
      const r = transition(c, SK, { type: "complete" }, ctx(holderOf(SK, c), MONDAY + 60_000));
      if (!r.ok) throw new Error(r.reason);
      c = r.case;
    }
    expect(c.stepNo).toBe("4");
    const noReason = transition(c, SK, { type: "return", reason: " " }, ctx("kasubbag@dinas.example", MONDAY + 120_000));
    expect(noReason.ok).toBe(false);
    if (!noReason.ok) expect(noReason.reason).toMatch(/alasan/);
    const wrongKind = transition(c, SK, { type: "complete" }, ctx("kasubbag@dinas.example", MONDAY + 120_000));
    expect(wrongKind.ok).toBe(false);
    const r = transition(c, SK, { type: "return", reason: "Salah alamat tujuan" }, ctx("kasubbag@dinas.example", MONDAY + 120_000));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.case).toMatchObject({ stepNo: "3", status: "Dikembalikan", rounds: 1 });
    const notify = r.effects.find((e) => e.type === "notify");
    expect(notify?.type === "notify" && notify.notification.kind).toBe("returned");
    const fixed = transition(r.case, SK, { type: "complete" }, ctx("jfu@dinas.example", MONDAY + 180_000));
    expect(fixed.ok && fixed.case.status).toBe("Berjalan");
    expect(fixed.ok && fixed.case.stepNo).toBe("4");
  });

  test("a stale action (older version) is refused, never applied twice", () => {
    const c = start();
    const first = transition(c, SK, { type: "complete" }, ctx("sekretaris@dinas.example", MONDAY + 60_000, { expectedVersion: 1 }));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const again = transition(first.case, SK, { type: "complete" }, ctx("sekretaris@dinas.example", MONDAY + 61_000, { expectedVersion: 1 }));
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.reason).toMatch(/sudah ditindaklanjuti oleh sekretaris@dinas\.example/);
  });

  test("an acting official (Plh.) may act within the dates, and is recorded as such", () => {
    const officials = OFFICIALS.map((o) =>
      o.role === "sekretaris" ? { ...o, acting: { kind: "Plh." as const, name: "Plh Budi", email: "budi@dinas.example", from: "2026-11-01", to: "2026-11-05" } } : o,
    );
    const c = start();
    const holder = transition(c, SK, { type: "complete" }, ctx("sekretaris@dinas.example", MONDAY + 60_000, { officials }));
    expect(holder.ok).toBe(false);
    const r = transition(c, SK, { type: "complete" }, ctx("budi@dinas.example", MONDAY + 60_000, { officials }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const log = r.effects.find((e) => e.type === "log");
    expect(log?.type === "log" && log.entry.actingFor).toBe("Plh. Sekretaris (Sekretaris)");
    const after = transition(c, SK, { type: "complete" }, ctx("budi@dinas.example", MONDAY + 7 * 86_400_000, { officials }));
    expect(after.ok).toBe(false);
  });

  test("admins reassign, cancel and reopen; others may not", () => {
    const c = start();
    expect(transition(c, SK, { type: "cancel", reason: "Salah input" }, ctx("jfu@dinas.example", MONDAY)).ok).toBe(false);
    const admin = { actor: { email: "admin@dinas.example", name: "Admin", admin: true } };
    const moved = transition(c, SK, { type: "reassign", email: "jfu2@dinas.example" }, ctx("admin@dinas.example", MONDAY, admin));
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    expect(transition(moved.case, SK, { type: "complete" }, ctx("sekretaris@dinas.example", MONDAY + 1000)).ok).toBe(false);
    expect(transition(moved.case, SK, { type: "complete" }, ctx("jfu2@dinas.example", MONDAY + 1000)).ok).toBe(true);
    const cancelled = transition(moved.case, SK, { type: "cancel", reason: "Surat tidak jadi dikirim" }, ctx("admin@dinas.example", MONDAY, admin));
    expect(cancelled.ok && cancelled.case.status).toBe("Dibatalkan");
    if (!cancelled.ok) return;
    expect(transition(cancelled.case, SK, { type: "complete" }, ctx("jfu2@dinas.example", MONDAY)).ok).toBe(false);
    const reopened = transition(cancelled.case, SK, { type: "reopen", reason: "Jadi dikirim", toStep: "2" }, ctx("admin@dinas.example", MONDAY, admin));
    expect(reopened.ok && reopened.case).toMatchObject({ status: "Berjalan", stepNo: "2" });
  });

  test("working minutes spent are logged against the standard", () => {
    const c = start();
    // 2 hours later on Monday: 120 working minutes (no break between 08:00 and 10:00).
    const r = transition(c, SK, { type: "complete" }, ctx("sekretaris@dinas.example", MONDAY + 2 * 3600_000));
    const log = r.ok ? r.effects.find((e) => e.type === "log") : undefined;
    expect(log?.type === "log" && [log.entry.minutes, log.entry.standard]).toEqual([120, 10]);
  });
});
