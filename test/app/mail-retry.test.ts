// Emails that met a spent daily quota wait in Antrean Email and go out with the next hourly trigger once quota is back.
import { P, setupAlur } from "../../emulator/alur-world";

const SM_FIELDS = { perihal: "Undangan", asalSurat: "Setda", nomorSurat: "005/1", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Biasa" };

describe("Antrean Email", () => {
  test("a notification that met a spent quota waits, then is sent once, and the row says when", () => {
    const alur = setupAlur();
    alur.world.mail.quota = 0;
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
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

  test("an email that can never be sent is marked Gagal and does not hold back the others; the waiting email keeps its links", () => {
    const alur = setupAlur();
    alur.world.mail.quota = 0;
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    // A row typed with a mistaken address sits first in the queue.
    const sheet = alur.world.spreadsheet.getSheetByName("Antrean Email")!;
    sheet.insertRowBefore(2);
    sheet.getRange(2, 1, 1, 5).setValues([[new Date(), "bukan-alamat", "Uji", "Isi", "Menunggu"]]);
    alur.world.mail.quota = 100;
    alur.world.within("time-trigger", () => alur.ctx.hourlyRefresh());
    const rows = alur.world.read("Antrean Email");
    expect(rows[1][4]).toBe("Gagal: Invalid email: bukan-alamat");
    expect(String(rows[2][4])).toMatch(/^Terkirim /);
    const sent = alur.world.outbox.find((m) => m.subject.includes(v.id))!;
    expect(sent.htmlBody).toContain("Buka register");
  });
});
