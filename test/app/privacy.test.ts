// No address, token or secret where nobody needs to read it. One office runs a full stretch of work — cases, actions from
// email, a refused and a failing address, a spent quota, rows an earlier release left in Antrean Email, a forged row,
// the hourly trigger with reminders and the morning digest, the panel, the web pages, a key rotation — then every log
// line, every sheet's cells, the panel's data and every page served are searched for the keys, the tokens the emails
// carried and the addresses. Antrean Email keeps no signed link: links are signed as an email goes.
import { createHmac } from "node:crypto";
import { ADMIN, P } from "../../emulator/alur-world";
import { linkToken } from "../../src/domain/link-token";
import { SM_FIELDS, actionLinks, lastMailTo, officeWithWebApp, press, setPejabat, setSetting, skAtDecision, visit } from "./email-fixtures";

const alur = officeWithWebApp();
const world = alur.world;
const hour = () => world.within("time-trigger", () => alur.ctx.hourlyRefresh());
const ADMIN2 = "admin2@intranet";
const KEPALA = "kepala-dinas@dinas";

/** Every key Alur ever held during the run (collected before and after the rotation). */
const secrets = new Set<string>();
function collectKeys(): void {
  for (const [k, v] of world.stores.script.map) {
    if (!k.startsWith("alur.key.") && k !== "alur.linkSecret") continue;
    const ring = JSON.parse(String(v)) as { keys: Record<string, string> };
    for (const s of Object.values(ring.keys)) secrets.add(s);
  }
}

/** A token after `t=` or `k=` in a link (in text, or in HTML where & is written &#38;). */
const TOKEN = /[?&;]([tk])=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)/g;
/** The tokens the emails carried, and each half of them (a signature, the claims that name the recipient). */
function sentTokens(): Set<string> {
  const out = new Set<string>();
  for (const m of world.outbox) {
    for (const [, , t] of `${m.body}\n${m.htmlBody ?? ""}`.matchAll(TOKEN)) {
      out.add(t);
      for (const half of t.split(".")) if (half.length >= 16) out.add(half);
    }
  }
  return out;
}

const ADDRESS = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9.-]+/g;
const addressesIn = (s: string) => [...new Set([...s.matchAll(ADDRESS)].map((m) => decodeURIComponent(m[0]).toLowerCase().replace(/\.+$/, "")))].sort();

/** What of the secrets and tokens a text holds (`own`: the token the visitor came with, which the page may carry). */
function leaks(text: string, own = ""): string[] {
  const found = [...secrets].filter((s) => text.includes(s)).map((s) => `key ${s.slice(0, 6)}…`);
  for (const t of sentTokens()) if (!own.includes(t) && text.includes(t)) found.push(`token ${t.slice(0, 12)}…`);
  for (const [, , t] of text.matchAll(TOKEN)) if (t !== own) found.push(`link ${t.slice(0, 12)}…`);
  return found;
}

const pages: { what: string; html: string; own: string; visitor: string }[] = [];
const page = (what: string, params: Record<string, string>, visitor = "") => {
  const html = visit(alur, params, visitor);
  pages.push({ what, html, own: params.k ?? params.t ?? "", visitor });
  return html;
};

// An earlier release's row in Antrean Email (queued a day ago): no seal, the email's HTML with a case link signed in the cell.
function oldRow(caseId: string, to: string, status: string): unknown[] {
  const ring = JSON.parse(world.stores.script.map.get("alur.key.link") as string) as { current: string; keys: Record<string, string> };
  const sign = (m: string) => createHmac("sha256", ring.keys[ring.current]).update(m, "utf8").digest("base64url");
  const link = `https://script.google.com/macros/s/AKfy-contoh/exec?case=${caseId}&u=${encodeURIComponent(to)}&t=${linkToken(sign, caseId, to, world.now() + 29 * 86_400_000)}`;
  const text = `Kasus ${caseId} (Surat Masuk) kini ada di langkah 1.`;
  const html = `<div><p>${text}</p><p><a href="${link.replace(/&/g, "&#38;")}" target="_blank">Lihat kasus ${caseId}</a></p></div>`;
  return [new Date(world.now()), to, `[Alur] ${caseId} menunggu Anda: langkah 1`, text, status, "", "", "", "", html];
}

describe("a full run leaves no address, token or key where nobody needs it", () => {
  let legacyCase = "";
  let legacyOld = "";

  test("the run: cases, email actions, failures, the queue, earlier rows, the hourly trigger, the panel and the pages", () => {
    collectKeys();
    // A second admin whose address Gmail refuses, and a Kepala Dinas whose address is mistyped in Pejabat.
    setSetting(alur, "Email admin", `${ADMIN}, ${ADMIN2}`);
    setPejabat(alur, P("kepala-dinas"), "Email", KEPALA);
    expect(alur.ok(P("sekretaris"), "setEmailPrefs", { digest: true })).toMatchObject({ digest: true });

    const sm = alur.ok(P("petugas-adm-surat"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    legacyCase = sm.id;
    const sk = skAtDecision(alur);
    const [approve] = actionLinks(lastMailTo(alur, P("kasubbag-umum"), sk.id));
    expect(page("the confirm page", approve.params)).toContain("Tindakan Anda");
    expect(press(alur, { k: approve.k, aksi: "approve" }).ok).toBe(true);
    // Step 5 is the Sekretaris's (on the digest); step 6 goes to an address Gmail refuses: the action stands.
    const at6 = alur.ok(P("sekretaris"), "act", { caseId: sk.id, expectedVersion: sk.version + 1, action: "approve" });
    expect(at6.current?.no).toBe("6");

    // Another at step 5, the Sekretaris's: it goes into tomorrow's digest, with its action links.
    const sk2 = skAtDecision(alur);
    alur.ok(P("kasubbag-umum"), "act", { caseId: sk2.id, expectedVersion: sk2.version, action: "approve" });

    // The day's quota is spent: the next email waits.
    world.mail.quota = 0;
    alur.ok(P("petugas-adm-surat"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "Menunggu kuota" } });
    world.mail.quota = 100;

    // Rows an earlier release left (an "Isi HTML" column, no seal): one waiting, one sent; and a row someone typed.
    const q = world.spreadsheet.getSheetByName("Antrean Email")!;
    q.getRange(1, 10).setValue("Isi HTML");
    const waiting = oldRow(sm.id, P("jfu"), "Menunggu");
    legacyOld = /t=([^"&]+)/.exec(String(waiting[9]))![1];
    q.appendRow(waiting);
    q.appendRow(oldRow(sm.id, P("jfu"), "Terkirim 1 November 2026 08.00"));
    q.appendRow([new Date(world.now()), "korban@luar.example", "[Alur] Tagihan", "Transfer ke rekening ini", "Menunggu"]);

    // The hourly trigger through a working day and into the next morning: the queue, reminders, the digest.
    for (let i = 0; i < 10; i++) {
      hour();
      alur.later(60);
    }
    alur.later(14 * 60);
    hour();
    world.within("time-trigger", () => alur.ctx.dailyReport());
    hour();

    const sent = world.outbox.map((m) => `${m.to.join(",")} ${m.subject} ${m.body.split("\n")[0]}`);
    expect(sent.filter((m) => m.startsWith(`${P("sekretaris")} [Alur] Ringkasan harian`)).length).toBeGreaterThanOrEqual(1);
    expect(sent.filter((m) => / Terlambat: kasus /.test(m)).length).toBeGreaterThanOrEqual(1);

    // The web pages: a staff member's case page, links that hold and links that do not.
    page("the case page for staff", { case: sm.id }, P("sekretaris"));
    page("the case page refused to an outsider", { case: sm.id }, "tamu@luar.example");
    const view = Object.fromEntries(new URLSearchParams(/href="[^"]*\?(case=[^"]*)"/.exec(lastMailTo(alur, P("jfu"), sm.id).htmlBody ?? "")![1].replace(/&#38;/g, "&")));
    page("a signed case link", view);
    page("a forged case link", { ...view, t: `${view.t.split(".")[0]}.AAAA${view.t.split(".")[1].slice(4)}` });
    page("a used action link", approve.params);
    page("an action link for someone else", approve.params, P("jfu"));

    // The panel, and the admin replacing the link key.
    world.within({ user: ADMIN, effectiveUser: ADMIN }, () => alur.ctx.showSidebar());
    world.within({ user: ADMIN, effectiveUser: ADMIN }, () => alur.ctx.menuRotateLinkKey());
    collectKeys();
    page("a case link after the key changed", view);
    expect(secrets.size).toBeGreaterThanOrEqual(4);
  });

  test("the log says what went wrong, without an address, a token or a key", () => {
    const text = world.logs.map((l) => l.message).join("\n");
    // The failures were logged: the refused address and the admins' email that Gmail refused.
    expect(world.logs.filter((l) => /ditunda|belum terkirim/.test(l.message)).length).toBeGreaterThanOrEqual(2);
    expect(text).toContain("[alamat]");
    expect(addressesIn(text)).toEqual([]);
    expect(leaks(text)).toEqual([]);
  });

  test("sheets: no key and no token anywhere; addresses only where people read them", () => {
    const withAddresses: string[] = [];
    for (const s of world.spreadsheet.getSheets()) {
      const cells = JSON.stringify(world.read(s.getName()));
      expect({ sheet: s.getName(), leaks: leaks(cells) }).toEqual({ sheet: s.getName(), leaks: [] });
      if (addressesIn(cells).length) withAddresses.push(s.getName());
    }
    // Pejabat and Pengaturan (who is who), Riwayat and the registers (who acted, the pemohon), Antrean Email (whom each
    // email is for), Laporan's table per person (name and address: names repeat) and the aggregates it is built from.
    expect(withAddresses.sort()).toEqual(["Alur Data Laporan", "Antrean Email", "Laporan", "Pejabat", "Pengaturan", "Riwayat", "SK · Surat Keluar", "SM · Surat Masuk"].sort());
  });

  test("Antrean Email: the waiting email of an earlier release went with a newly signed link; no row keeps a signed link", () => {
    const rows = world.read("Antrean Email");
    const header = rows[0] as string[];
    const col = (h: string) => header.indexOf(h);
    const old = rows.filter((r) => String(r[col("Isi HTML")]).includes("Lihat kasus"));
    expect(old.map((r) => String(r[col("Status")]))).toEqual([expect.stringMatching(/^Terkirim \d+ November 2026 \d\d\.\d\d \(tautan ditandatangani ulang\)$/), "Terkirim 1 November 2026 08.00"]);
    // Each old link keeps only the case (a page staff may open): no recipient, no signature.
    for (const r of old) expect(String(r[col("Isi HTML")])).toContain(`?case=${legacyCase}" target`);
    expect(rows.slice(1).every((r) => !TOKEN.test(r.map(String).join(" ")))).toBe(true);
    // The row typed by someone was never sent.
    expect(rows.find((r) => r[1] === "korban@luar.example")![col("Status")]).toMatch(/^Ditolak/);
    expect(world.outbox.some((m) => m.to.includes("korban@luar.example"))).toBe(false);
    // The email went once, with a fresh signature that opened the case until the key was replaced.
    const resent = world.outbox.filter((m) => m.subject === `[Alur] ${legacyCase} menunggu Anda: langkah 1`);
    expect(resent).toHaveLength(1);
    const t = /t=([^"&]+)/.exec(resent[0].htmlBody ?? "")![1];
    expect(t).not.toBe(legacyOld);
    expect(pages.find((p) => p.what === "a signed case link")!.html).toContain(`<h1>${legacyCase}</h1>`);
  });

  test("the panel's data and every page served: no key, no token but the visitor's own, addresses only where the reader needs them", () => {
    for (const who of [ADMIN, P("jfu"), P("sekretaris")]) {
      const data = JSON.stringify(alur.ok(who, "bootstrap", null));
      expect({ who, leaks: leaks(data) }).toEqual({ who, leaks: [] });
    }
    for (const shown of world.ui.shown) expect(leaks(String(shown.content))).toEqual([]);
    expect(pages.length).toBe(8);
    for (const p of pages) {
      expect({ page: p.what, leaks: leaks(p.html, p.own) }).toEqual({ page: p.what, leaks: [] });
      // A page may tell a signed-in visitor their own address, and the confirm page names its recipient (the footer:
      // whose link it is); no page names anyone else by address.
      const allowed = [p.visitor, ...(p.what === "the confirm page" ? [P("kasubbag-umum")] : [])];
      expect({ page: p.what, addresses: addressesIn(p.html).filter((a) => !allowed.includes(a)) }).toEqual({ page: p.what, addresses: [] });
    }
    // The keys never leave in an email either.
    expect(leaks(JSON.stringify(world.outbox.map((m) => [m.subject, m.to]))).filter((l) => l.startsWith("key"))).toEqual([]);
    expect(world.outbox.filter((m) => [...secrets].some((s) => `${m.body}${m.htmlBody}`.includes(s)))).toEqual([]);
  });
});
