// The web app's case page (links in emails): readable by the office's people, closed to others; emails link to it.
import { P, setupAlur } from "../../emulator/alur-world";

const SM_FIELDS = { perihal: "Undangan <b>rapat</b>", asalSurat: "Setda", nomorSurat: "005/1", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Biasa" };
const URL = "https://script.google.com/macros/s/AKfy-contoh/exec";

function page(alur: ReturnType<typeof setupAlur>, user: string, id: string): string {
  return alur.world.within({ user }, () => alur.ctx.doGet({ parameter: { case: id } }).getContent());
}

describe("web app case page", () => {
  test("an official sees the case, with typed markup shown as text; someone outside Pejabat does not", () => {
    const alur = setupAlur();
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const html = page(alur, P("sekretaris"), v.id);
    expect(html).toContain(`<h1>${v.id}</h1>`);
    expect(html).toContain("Undangan &#60;b&#62;rapat&#60;/b&#62;");
    expect(page(alur, "tamu@dinas.example", v.id)).toContain("hanya dapat dilihat oleh pejabat yang terdaftar di sheet Pejabat");
  });

  test("with the web app URL set in Pengaturan, emails link to the case page", () => {
    const alur = setupAlur();
    const rows = alur.world.read("Pengaturan");
    const r = rows.findIndex((x) => x[0] === "URL web app") + 1;
    alur.world.spreadsheet.getSheetByName("Pengaturan")!.getRange(r, 2).setValue(URL);
    alur.world.within({ user: P("admin") }, () => alur.ctx.onSheetChange({ changeType: "OTHER" }));
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const mail = alur.world.outbox.find((m) => m.subject.includes(v.id))!;
    expect(mail.htmlBody).toContain(`href="${URL}?case=${v.id}"`);
  });
});
