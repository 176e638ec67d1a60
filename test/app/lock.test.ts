// The one lock (src/app/lock.ts): an action that cannot get the script lock in time is refused with a clear message
// and changes nothing — it never runs without the lock — and once the lock is free the same action goes through.
import { P, setupAlur } from "../../emulator/alur-world";

const SM_FIELDS = { perihal: "Undangan rapat", asalSurat: "Setda", nomorSurat: "005/9", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Biasa" };
const BUSY = "Alur sedang memproses tindakan orang lain. Tidak ada yang berubah; coba lagi sebentar lagi.";

describe("the script lock", () => {
  test("while another execution holds the lock past the wait, an action is refused, nothing changes, and it goes through afterwards", () => {
    const alur = setupAlur();
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const sheet = "SM · Surat Masuk";
    const before = JSON.stringify(alur.world.read(sheet));
    const riwayat = alur.world.read("Riwayat").length;
    const mails = alur.world.outbox.length;
    const startedAt = alur.world.now();
    // Someone else's execution (a long report rebuild, say) holds the script lock for the whole wait.
    alur.world.locks.holders.set("script", "exec-elsewhere");
    const busy = alur.call(P("jfu"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
    expect(busy).toEqual({ ok: false, error: BUSY });
    // The call waited for the lock (20 s) before giving up.
    expect(alur.world.now() - startedAt).toBeGreaterThanOrEqual(20_000);
    expect(JSON.stringify(alur.world.read(sheet))).toBe(before);
    expect(alur.world.read("Riwayat")).toHaveLength(riwayat);
    expect(alur.world.outbox).toHaveLength(mails);
    expect(alur.ok(P("jfu"), "getCase", { caseId: v.id })).toMatchObject({ version: v.version, status: "Berjalan" });
    // A start is refused the same way: no case ID is taken.
    expect(alur.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS })).toEqual({ ok: false, error: BUSY });
    alur.world.locks.holders.delete("script");
    const done = alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
    expect(done.version).toBe(v.version + 1);
    expect(alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS }).id).toBe("SM-2026-0002");
  });
});
