// Who the web app's case page opens for (src/app/web.ts): the office's people as they sign in (case and spaces aside),
// acting officials, admins, and the recipient of a signed link; the page's parts; what it says
// without a case, for a link cut short or expired, and for an action link.
import { createHmac } from "node:crypto";
import { ADMIN, MONDAY_8, P, setupAlur } from "../../emulator/alur-world";
import { createWorld } from "../../emulator/fakes";
import { Bundle } from "../../emulator/load-bundle";
import { linkToken } from "../../src/domain/link-token";

type Alur = ReturnType<typeof setupAlur>;
const SM_FIELDS = { perihal: "Undangan rapat", asalSurat: "Setda", nomorSurat: "005/1", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Biasa" };
const REFUSED = "Halaman kasus hanya dapat dilihat oleh pejabat yang terdaftar di sheet Pejabat, atau oleh penerima email Alur lewat tautan di email itu.";

interface Seen {
  title: string;
  html: string;
  meta: [string, string][];
}

/** doGet as `user` (the web app's visitor; "" when it cannot tell) with these parameters (undefined: no event at all). */
function visit(alur: Alur, user: string, parameter?: Record<string, string>): Seen {
  return alur.world.within({ ...alur.world.execution("webapp"), user }, () => {
    const out = parameter === undefined ? alur.ctx.doGet() : alur.ctx.doGet({ parameter });
    return { title: out.getTitle(), html: out.getContent(), meta: out.getMetaTags().map((m: { getName(): string; getContent(): string }) => [m.getName(), m.getContent()]) };
  });
}

/** A link as Alur signs it, with the link key the script keeps. */
function signed(alur: Alur, caseId: string, to: string, expiresAt: number): Record<string, string> {
  const ring = JSON.parse(alur.world.stores.script.map.get("alur.key.link") ?? "null") as { current: string; keys: Record<string, string> };
  const sign = (m: string) => createHmac("sha256", ring.keys[ring.current]).update(m).digest("base64url");
  return { case: caseId, u: to, t: linkToken(sign, caseId, to, expiresAt) };
}

function setPejabat(alur: Alur, role: string, values: Record<string, string>): void {
  const sheet = alur.world.spreadsheet.getSheetByName("Pejabat")!;
  const rows = alur.world.read("Pejabat");
  const header = rows[0] as string[];
  const r = rows.findIndex((x) => x[0] === role || String(x[5]) === P(role));
  for (const [h, v] of Object.entries(values)) sheet.getRange(r + 1, header.indexOf(h) + 1).setValue(v);
  alur.world.within({ user: ADMIN }, () => alur.ctx.onSheetChange({ changeType: "OTHER" }));
}

describe("web app case page: who may read it", () => {
  test("staff as they sign in, an acting official, an admin; nobody else without a signed link, not even who recorded the case", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const page = visit(alur, P("sekretaris"), { case: v.id });
    expect(page.title).toBe(`Alur · ${v.id}`);
    expect(page.meta).toEqual([["viewport", "width=device-width, initial-scale=1"]]);
    expect(page.html).toContain(`<dt>SOP</dt><dd>${v.sopTitle}</dd><dt>Perihal</dt><dd>Undangan rapat</dd><dt>Status</dt><dd>Berjalan</dd>`);
    expect(page.html).toContain(`<dt>Langkah</dt><dd>1 · ${v.current!.text}</dd><dt>Pelaksana</dt><dd>${v.current!.roleName}</dd>`);
    expect(page.html).toMatch(/<a href="https:\/\/docs\.google\.com\/spreadsheets\/d\/[^"]+" target="_top">Buka register<\/a> untuk menindaklanjuti lewat panel Alur\./);
    // An address the web app reports with capitals or spaces is still the official's.
    expect(visit(alur, " Sekretaris@Dinas.Example ", { case: v.id }).html).toContain(`<h1>${v.id}</h1>`);
    // An acting official (Plh.) while in office; an admin named in Pengaturan; but not someone else of the office's domain.
    expect(visit(alur, "budi@dinas.example", { case: v.id }).html).toContain(REFUSED);
    setPejabat(alur, "sekretaris", { "Plt/Plh": "Plh.", "Nama Plt/Plh": "Budi", "Email Plt/Plh": "budi@dinas.example", Mulai: "2026-11-01", Selesai: "2026-11-30" });
    expect(visit(alur, "budi@dinas.example", { case: v.id }).html).toContain(`<h1>${v.id}</h1>`);
    expect(visit(alur, ADMIN, { case: v.id }).html).toContain(`<h1>${v.id}</h1>`);
    const refused = visit(alur, "tamu@dinas.example", { case: v.id });
    expect(refused.title).toBe("Alur");
    expect(refused.html).toContain(REFUSED);
    expect(refused.html).not.toContain("Undangan rapat");
    // Someone outside Pejabat who recorded a case is judged on who they are, before any case is looked for: without a
    // signed link (Alur's emails to them carry one) they get the same page for their case as for any other ID.
    const own = alur.ok("tamu@dinas.example", "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "Surat tamu" } });
    expect(visit(alur, "tamu@dinas.example", { case: own.id }).html).toBe(visit(alur, "tamu@dinas.example", { case: "SM-2026-9999" }).html);
    expect(visit(alur, "tamu@dinas.example", { case: own.id }).html).toContain(REFUSED);
    // A cancelled case has no current step: the page says so with a dash.
    alur.ok(ADMIN, "act", { caseId: own.id, expectedVersion: own.version, action: "cancel", reason: "Salah catat" });
    expect(visit(alur, ADMIN, { case: own.id }).html).toContain("<dt>Status</dt><dd>Dibatalkan</dd><dt>Langkah</dt><dd>—</dd><dt>Pelaksana</dt><dd>—</dd>");
  });

  test("a signed link opens for its recipient, signed in or not, and for nobody else signed in; a cut or old link says so", () => {
    const alur = setupAlur();
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const now = alur.world.now();
    // Sent to someone outside Pejabat (an outside party told of the case).
    const link = signed(alur, v.id, "warga@gmail.example", now + 86_400_000);
    expect(visit(alur, "", link).html).toContain(`<h1>${v.id}</h1>`);
    expect(visit(alur, "warga@gmail.example", link).html).toContain(`<h1>${v.id}</h1>`);
    expect(visit(alur, " Warga@Gmail.Example", link).html).toContain(`<h1>${v.id}</h1>`);
    expect(visit(alur, "warga@gmail.example", { ...link, u: " WARGA@gmail.example " }).html).toContain(`<h1>${v.id}</h1>`);
    // Forwarded to someone the web app identifies: judged as themself.
    expect(visit(alur, "tetangga@gmail.example", link).html).toContain(REFUSED);
    // Without its signature, or with only the signature, the link is no proof.
    expect(visit(alur, "warga@gmail.example", { case: v.id, u: link.u }).html).toContain(REFUSED);
    expect(visit(alur, "warga@gmail.example", { case: v.id, t: link.t }).html).toContain(REFUSED);
    const cut = visit(alur, "", { ...link, t: link.t.slice(0, -2) });
    expect(cut.title).toBe("Alur");
    expect(cut.html).toContain("Tautan ini tidak sah (mungkin terpotong saat disalin).");
    expect(cut.html).toContain('target="_top">Buka register</a>');
    const old = visit(alur, "", signed(alur, v.id, "warga@gmail.example", now - 1000));
    expect(old.html).toContain("Tautan ini sudah kedaluwarsa.");
  });

  test("no case asked for, a case ID too long, an action link, an unknown case", () => {
    const alur = setupAlur();
    for (const page of [visit(alur, P("sekretaris")), visit(alur, P("sekretaris"), {}), visit(alur, P("sekretaris"), { case: "", k: "" })]) {
      expect(page.title).toBe("Alur");
      expect(page.html).toContain("<h1>Alur</h1><p>Halaman ini dibuka dari tautan di email Alur.</p>");
    }
    const long = `SM-2026-0001${"9".repeat(60)}`;
    const tooLong = visit(alur, P("sekretaris"), { case: long });
    expect(tooLong.html).toContain(long.slice(0, 40));
    expect(tooLong.html).not.toContain(long.slice(0, 41));
    // An action link (k) goes to the confirm page, which refuses a made-up token.
    expect(visit(alur, "", { k: "bukan-token", case: "SM-2026-0001" }).html).toContain("Tautan tidak sah");
    const unknown = visit(alur, P("sekretaris"), { case: "XX-2026-0001" });
    expect(unknown.title).toBe("Alur");
    expect(unknown.html).toContain("Kasus XX-2026-0001 tidak ditemukan");
  });

  test("before setup, a link is refused as invalid, with no register to point to", () => {
    const world = createWorld({ seed: 3, user: ADMIN, now: () => MONDAY_8 });
    const bundle = new Bundle(world);
    const page = world.within({ ...world.execution("webapp"), user: "" }, () => bundle.ctx.doGet({ parameter: { case: "SM-2026-0001", u: "warga@gmail.example", t: "abc.def" } }));
    expect(page.getContent()).toContain("<h1>Alur</h1><p>Tautan ini tidak sah (mungkin terpotong saat disalin). Buka tautan langsung dari email Alur, atau buka register.</p></body>");
  });
});
