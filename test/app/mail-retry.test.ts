// Emails that met a spent daily quota wait in Antrean Email and go out with the next hourly trigger once quota is back.
import { P, setupAlur } from "../../emulator/alur-world";

const SM_FIELDS = { perihal: "Undangan", asalSurat: "Setda", nomorSurat: "005/1", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Biasa" };

describe("Antrean Email", () => {
  test("a notification that met a spent quota waits, then is sent once, and the row says when", () => {
    const alur = setupAlur();
    alur.world.mail.quota = 0;
    // Recorded by the mail room, so JFU (who holds step 1) is told.
    const v = alur.ok(P("petugas-adm-surat"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const waiting = alur.world.read("Antrean Email").slice(1);
    expect(waiting).toHaveLength(1);
    expect(waiting[0][1]).toBe(P("jfu"));
    expect(waiting[0][4]).toBe("Menunggu");
    expect(alur.world.outbox.filter((m) => m.subject.includes(v.id))).toHaveLength(0);

    // Still no quota: the trigger sends nothing and changes nothing.
    alur.world.within("time-trigger", () => alur.ctx.hourlyRefresh());
    expect(alur.world.read("Antrean Email")[1][4]).toBe("Menunggu");

    alur.world.mail.quota = 100;
    alur.world.within("time-trigger", () => alur.ctx.hourlyRefresh());
    alur.world.within("time-trigger", () => alur.ctx.hourlyRefresh());
    const sent = alur.world.outbox.filter((m) => m.subject.includes(v.id));
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toEqual([P("jfu")]);
    expect(String(alur.world.read("Antrean Email")[1][4])).toMatch(/^Terkirim 2 November 2026 \d\d\.\d\d$/);
  });

  test("a row typed into Antrean Email by hand is never sent: it is marked for the admin, and the sealed email behind it still goes", () => {
    const alur = setupAlur({ admins: ["admin@dinas.example"] });
    alur.world.mail.quota = 0;
    // Recorded by the mail room, so JFU (who holds step 1) is told.
    const v = alur.ok(P("petugas-adm-surat"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    // An editor adds a row that would make the admin's trigger send their text to anyone they like.
    const sheet = alur.world.spreadsheet.getSheetByName("Antrean Email")!;
    sheet.insertRowBefore(2);
    sheet.getRange(2, 1, 1, 5).setValues([[new Date(), "korban@luar.example", "[Alur] Tagihan", "Transfer ke rekening ini", "Menunggu"]]);
    // A copy of Alur's own row with another recipient breaks its seal too.
    const real = alur.world.read("Antrean Email")[2];
    sheet.appendRow([real[0], "lain@luar.example", ...real.slice(2)]);
    alur.world.mail.quota = 100;
    alur.world.within("time-trigger", () => alur.ctx.hourlyRefresh());
    const rows = alur.world.read("Antrean Email");
    expect(rows[1][4]).toMatch(/^Ditolak: baris ini tidak dibuat Alur/);
    expect(rows[3][4]).toMatch(/^Ditolak: baris ini tidak dibuat Alur/);
    expect(String(rows[2][4])).toMatch(/^Terkirim /);
    expect(alur.world.outbox.filter((m) => m.to.some((t) => t.endsWith("luar.example") || t === "lain@luar.example"))).toHaveLength(0);
    const sent = alur.world.outbox.find((m) => m.subject.includes(v.id))!;
    expect(sent.htmlBody).toContain("Buka register");
    // The admins hear of it once.
    const told = alur.world.outbox.filter((m) => m.subject === "[Alur] Masalah yang perlu diperiksa admin");
    expect(told).toHaveLength(1);
    expect(told[0].body).toMatch(/Antrean Email baris 2 tidak dibuat Alur/);
    alur.world.within("time-trigger", () => alur.ctx.hourlyRefresh());
    expect(alur.world.outbox.filter((m) => m.subject === "[Alur] Masalah yang perlu diperiksa admin")).toHaveLength(1);
  });

  test("an address that can never work is marked Gagal at once and the action still stands", () => {
    const alur = setupAlur();
    const pej = alur.world.spreadsheet.getSheetByName("Pejabat")!;
    const rows = alur.world.read("Pejabat");
    const kasubbag = rows.findIndex((r) => String(r[5]) === P("kasubbag-umum"));
    pej.getRange(kasubbag + 1, 6).setValue("bukan-alamat");
    alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "Dua" } });
    const failed = alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" });
    expect(failed.version).toBe(2);
    const q = alur.world.read("Antrean Email");
    expect(q.slice(1).map((r) => r[4])).toEqual(["Gagal: Invalid email: bukan-alamat"]);
  });
});
