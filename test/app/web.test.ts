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

  test("with the web app URL set, emails carry a signed link that opens the case page for a visitor the web app cannot identify", () => {
    const alur = setupAlur();
    const rows = alur.world.read("Pengaturan");
    const r = rows.findIndex((x) => x[0] === "URL web app") + 1;
    alur.world.spreadsheet.getSheetByName("Pengaturan")!.getRange(r, 2).setValue(URL);
    alur.world.within({ user: P("admin") }, () => alur.ctx.onSheetChange({ changeType: "OTHER" }));
    // Recorded by the mail room, so JFU (who holds step 1) is told.
    const v = alur.ok(P("petugas-adm-surat"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const mail = alur.world.outbox.find((m) => m.subject.includes(v.id) && m.to.includes(P("jfu")))!;
    const href = (/href="([^"]*\?case=[^"]*)"/.exec(mail.htmlBody ?? "")?.[1] ?? "").replace(/&#38;/g, "&");
    expect(href.startsWith(`${URL}?case=${v.id}&u=${encodeURIComponent(P("jfu"))}&t=`)).toBe(true);
    const parameter = Object.fromEntries(new URLSearchParams(href.split("?")[1]));
    // A consumer-Gmail visitor of an "execute as me" web app: Session.getActiveUser() is blank.
    const visit = (params: Record<string, string>) =>
      alur.world.within({ ...alur.world.execution("webapp"), user: "" }, () => alur.ctx.doGet({ parameter: params }).getContent());
    expect(visit(parameter)).toContain(`<h1>${v.id}</h1>`);
    expect(visit({ case: v.id })).toContain("Alur tidak dapat mengenali akun Anda");
    expect(visit({ ...parameter, u: P("sekretaris") })).toContain("Tautan ini tidak sah");
    expect(visit({ ...parameter, case: "SM-2026-0002" })).toContain("Tautan ini tidak sah");
    // Forwarded to someone the web app does identify (signed in to the office's domain): judged as themselves.
    expect(alur.world.within({ ...alur.world.execution("webapp"), user: "tamu@dinas.example" }, () => alur.ctx.doGet({ parameter }).getContent())).toContain(
      "hanya dapat dilihat oleh pejabat yang terdaftar",
    );
    alur.later(31 * 24 * 60);
    expect(visit(parameter)).toContain("Tautan ini sudah kedaluwarsa");
  });
});
