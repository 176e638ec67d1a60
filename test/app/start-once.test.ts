// Starting a case is safe to retry: the panel resends its request id when a reply was lost, and gets the same case.
import { P, setupAlur } from "../../emulator/alur-world";

const SM = "SM · Surat Masuk";
const fields = { perihal: "Undangan", asalSurat: "Setda", nomorSurat: "005/1", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Biasa" };

describe("start once", () => {
  test("the same request id twice makes one case, one row, one Riwayat entry and one email", () => {
    const alur = setupAlur();
    const arg = { sopId: "surat-masuk", fields, requestId: "req-0123456789abcdef" };
    // Recorded by the mail room, so JFU (who holds step 1) gets one email.
    const a = alur.ok(P("petugas-adm-surat"), "startCase", arg);
    const b = alur.ok(P("petugas-adm-surat"), "startCase", arg);
    expect(b.id).toBe(a.id);
    expect(alur.world.read(SM).filter((r) => r[0] === a.id)).toHaveLength(1);
    expect(alur.world.read("Riwayat").filter((r) => r[1] === a.id)).toHaveLength(1);
    expect(alur.world.outbox.filter((m) => m.subject.includes(a.id))).toHaveLength(1);
    // A new request (the next form) is a new case.
    expect(alur.ok(P("jfu"), "startCase", { ...arg, requestId: "req-fedcba9876543210" }).id).not.toBe(a.id);
  });

  test("a malformed request id is refused, and too long a note says so in Bahasa Indonesia", () => {
    const alur = setupAlur();
    expect(alur.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields, requestId: "<script>" })).toEqual({ ok: false, error: "Permintaan tidak sah: requestId." });
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields });
    const r = alur.call(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete", note: "x".repeat(5001) });
    expect(r).toEqual({ ok: false, error: "Catatan terlalu panjang (5.001 karakter; maksimal 5.000). Persingkat, lalu kirim lagi." });
  });
});
