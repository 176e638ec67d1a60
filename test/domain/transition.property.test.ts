// Property tests: any sequence of actions leaves a case in a state its SOP allows, and no action is applied twice.
import fc from "fast-check";
import { sop as CT } from "../../src/catalog/sops/cuti";
import { sop as SK } from "../../src/catalog/sops/surat-keluar";
import { sop as SM } from "../../src/catalog/sops/surat-masuk";
import type { Action, CaseState } from "../../src/domain/case";
import type { Sop } from "../../src/domain/sop";
import { transition } from "../../src/domain/transition";
import { MONDAY, OFFICIALS, ctx } from "./transition-fixtures";

const FIELDS: Record<string, Record<string, string>> = {
  "surat-keluar": { perihal: "P", tujuan: "T", sifat: "Biasa", klasifikasi: "005" },
  "surat-masuk": { perihal: "P", asalSurat: "A", nomorSurat: "1", tanggalSurat: "2026-11-01", diterimaTanggal: "2026-11-02", sifat: "Biasa" },
  cuti: { perihal: "Cuti", namaPegawai: "A", nip: "198001012005011001", jenisCuti: "Cuti Tahunan", mulai: "2026-11-10", selesai: "2026-11-12", alasan: "Keluarga", alamatSelamaCuti: "Medan" },
};

const EMAILS = [...OFFICIALS.map((o) => o.email), "admin@dinas.example", "stranger@example.com"];

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.constant<Action>({ type: "complete" }),
  fc.constant<Action>({ type: "approve" }),
  fc.string({ maxLength: 12 }).map<Action>((reason) => ({ type: "return", reason })),
  fc.constantFrom("jfu2@dinas.example", "bad").map<Action>((email) => ({ type: "reassign", email })),
  fc.constant<Action>({ type: "cancel", reason: "Dibatalkan uji" }),
  fc.constant<Action>({ type: "reopen", reason: "Dibuka uji" }),
);

function allowed(sop: Sop, c: CaseState): boolean {
  if (c.status === "Selesai" || c.status === "Dibatalkan") return c.stepNo === "";
  return sop.steps.some((s) => s.no === c.stepNo) && (c.status === "Berjalan" || c.status === "Dikembalikan");
}

describe.each([SK, SM, CT])("transitions of $id", (sop) => {
  test("any sequence leaves an allowed state; versions and history advance once per applied action", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(actionArb, fc.constantFrom(...EMAILS), fc.integer({ min: 0, max: 600 })), { maxLength: 40 }), (steps) => {
        const s = transition(null, sop, { type: "start", fields: FIELDS[sop.id] }, ctx("jfu@dinas.example", MONDAY, { newId: "X-2026-0001", sopRev: "r" }));
        if (!s.ok) throw new Error(s.reason);
        let c = s.case;
        let t = MONDAY;
        let applied = 0;
        let returns = 0;
        for (const [action, email, minutes] of steps) {
          t += minutes * 60_000;
          const admin = email === "admin@dinas.example";
          const context = ctx(email, t, { expectedVersion: c.version, actor: { email, name: email, admin } });
          const r = transition(c, sop, action, context);
          if (!r.ok) {
            expect(typeof r.reason).toBe("string");
            expect(r.reason.length).toBeGreaterThan(5);
            continue;
          }
          expect(r.case.version).toBe(c.version + 1);
          expect(allowed(sop, r.case)).toBe(true);
          // Replaying the same action against the version it was made on is refused.
          const replay = transition(r.case, sop, action, context);
          expect(replay.ok).toBe(false);
          applied++;
          if (action.type === "return") returns++;
          c = r.case;
        }
        expect(c.history).toHaveLength(applied + 1);
        expect(c.rounds).toBe(returns);
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });
});
