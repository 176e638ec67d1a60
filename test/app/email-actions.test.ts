// Acting from an email through the built bundle on the fakes: the confirm page (a GET changes nothing), the button
// (the panel's own path, once), every refusal with its page, and text from people kept as text.
import { ADMIN, P } from "../../emulator/alur-world";
import { runConcurrently } from "../../emulator/concurrency/run-concurrently";
import { SM_FIELDS, WEB, actionLinks, lastMailTo, officeWithWebApp, press, registerRow, riwayatOf, setPejabat, skAtDecision, snapshot, visit } from "./email-fixtures";

const SK = "SK · Surat Keluar";

describe("action links in emails", () => {
  test("the decision's email carries Setujui and Kembalikan; a GET of the link, twice, shows the confirm page and changes nothing", () => {
    const alur = officeWithWebApp();
    const v = skAtDecision(alur);
    const mail = lastMailTo(alur, P("kasubbag-umum"), v.id);
    expect(mail.subject).toBe(`[Alur] ${v.id} · Surat Keluar`);
    const links = actionLinks(mail);
    expect(links.map((l) => l.aksi)).toEqual(["approve", "return"]);
    expect(links.every((l) => l.href.startsWith(`${WEB}?aksi=`))).toBe(true);
    const before = snapshot(alur);
    // A mail scanner opens the link first, then the person: both see the page; nothing moves.
    const scanner = visit(alur, links[0].params);
    const person = visit(alur, links[0].params);
    expect(snapshot(alur)).toBe(before);
    for (const page of [scanner, person]) {
      expect(page).toContain("Tindakan Anda");
      expect(page).toContain(">Setujui</button>");
      expect(page).toContain(">Kembalikan</button>");
      // The step, what it expects, its standard and due time, and the previous actor's note.
      expect(page).toContain("Langkah 4 · Keputusan");
      expect(page).toContain("Kelengkapan");
      expect(page).toContain("Standar waktu");
      expect(page).toContain("Tenggat");
      expect(page).toContain("Sudah diketik, mohon diperiksa");
      expect(page).toContain("Kasus diteruskan ke langkah 5 (Sekretaris).");
      expect(page).toContain("Kasus kembali ke langkah 3 (Jabatan Fungsional Umum (JFU)).");
    }
  });

  test("Setujui applies once, with channel email, even when pressed twice; the link then shows the 'sudah ditindaklanjuti' page", () => {
    const alur = officeWithWebApp();
    const v = skAtDecision(alur);
    const [approve] = actionLinks(lastMailTo(alur, P("kasubbag-umum"), v.id));
    const first = press(alur, { k: approve.k, aksi: "approve", note: "Sudah sesuai" });
    expect(first).toMatchObject({ ok: true, final: true, title: `Kasus ${v.id} disetujui` });
    const again = press(alur, { k: approve.k, aksi: "approve", note: "Sudah sesuai" });
    expect(again.ok).toBe(true);
    const approvals = riwayatOf(alur, v.id).filter((r) => r[14] === "approve");
    expect(approvals).toHaveLength(1);
    // Riwayat: as the recipient, through the email channel, with the note typed on the page.
    expect([approvals[0][5], approvals[0][11], approvals[0][8]]).toEqual([P("kasubbag-umum"), "email", "Sudah sesuai"]);
    const row = registerRow(alur, SK, v.id);
    expect(row["▸ SEKRETARIS"]).toMatch(/^▶ 5 · /);
    expect(row["▸ KASUBBAG"]).toMatch(/^✓ /);
    // The next pelaksana is told, with links of their own.
    expect(actionLinks(lastMailTo(alur, P("sekretaris"), v.id)).map((l) => l.aksi)).toEqual(["approve", "return"]);
    const before = snapshot(alur);
    const page = visit(alur, approve.params);
    expect(page).toContain("Kasus ini sudah ditindaklanjuti");
    expect(page).toContain("Tautan ini sudah dipakai");
    expect(page).not.toContain("<button");
    expect(snapshot(alur)).toBe(before);
  });

  test("pressed in two tabs at the same moment, the action applies exactly once", async () => {
    for (const seed of [1, 2, 3]) {
      const alur = officeWithWebApp();
      const v = skAtDecision(alur);
      const [approve] = actionLinks(lastMailTo(alur, P("kasubbag-umum"), v.id));
      const arg = { k: approve.k, aksi: "approve" };
      const results = await runConcurrently(
        alur.world,
        [
          { fn: "emailAction", args: [arg], kind: "webapp", user: "" },
          { fn: "emailAction", args: [arg], kind: "webapp", user: "" },
        ],
        { seed },
      );
      expect(results.map((r) => [r.ok, r.error])).toEqual([[true, undefined], [true, undefined]]);
      // Both tabs are answered: one applied the action, the other found it done (by the same person, with the same action).
      expect(results.map((r) => (r.value as { ok: boolean }).ok)).toEqual([true, true]);
      expect(riwayatOf(alur, v.id).filter((r) => r[14] === "approve")).toHaveLength(1);
      expect(registerRow(alur, SK, v.id).Versi).toBe(v.version + 1);
    }
  }, 120000);

  test("Kembalikan needs a reason typed on the page: without one it is refused and nothing changes; with one the case goes back", () => {
    const alur = officeWithWebApp();
    const v = skAtDecision(alur);
    const back = actionLinks(lastMailTo(alur, P("kasubbag-umum"), v.id)).find((l) => l.aksi === "return")!;
    const before = snapshot(alur);
    for (const reason of [undefined, "", "  "]) {
      const r = press(alur, { k: back.k, aksi: "return", ...(reason === undefined ? {} : { reason }) });
      expect(r).toMatchObject({ ok: false, final: false, message: "Tuliskan alasan pengembalian (apa yang harus diperbaiki)." });
    }
    expect(snapshot(alur)).toBe(before);
    const ok = press(alur, { k: back.k, aksi: "return", reason: "Nomor surat salah" });
    expect(ok).toMatchObject({ ok: true, title: `Kasus ${v.id} dikembalikan` });
    const row = registerRow(alur, SK, v.id);
    expect(row.Status).toBe("Dikembalikan");
    expect(row["▸ JFU"]).toMatch(/^▶ 3 · /);
    expect(lastMailTo(alur, P("jfu"), v.id).body).toContain("Nomor surat salah");
  });

  test("a process step's email offers Selesai & teruskan, and the page's button moves the row", () => {
    const alur = officeWithWebApp();
    const v = alur.ok(P("petugas-adm-surat"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const links = actionLinks(lastMailTo(alur, P("jfu"), v.id));
    expect(links.map((l) => l.aksi)).toEqual(["complete"]);
    expect(visit(alur, links[0].params)).toContain(">Selesai &#38; teruskan</button>");
    expect(press(alur, { k: links[0].k, aksi: "complete" }).ok).toBe(true);
    expect(registerRow(alur, "SM · Surat Masuk", v.id)["▸ KASUBBAG"]).toMatch(/^▶ 2 · /);
  });
});

describe("refused links: each gets its page and changes nothing", () => {
  function refusedBoth(alur: ReturnType<typeof officeWithWebApp>, params: Record<string, string>, visitor: string, heading: string, words: RegExp) {
    const before = snapshot(alur);
    const page = visit(alur, params, visitor);
    expect(page).toContain(heading);
    expect(page).toMatch(words);
    expect(page).not.toContain("<button");
    expect(page).toContain("Buka register");
    const r = press(alur, { k: params.k, aksi: params.aksi, note: "", reason: "Alasan yang cukup panjang" }, visitor);
    expect(r).toMatchObject({ ok: false, final: true, title: heading });
    expect(snapshot(alur)).toBe(before);
  }

  test("expired", () => {
    const alur = officeWithWebApp();
    const v = skAtDecision(alur);
    const [link] = actionLinks(lastMailTo(alur, P("kasubbag-umum"), v.id));
    alur.later(15 * 24 * 60);
    refusedBoth(alur, link.params, "", "Tautan sudah kedaluwarsa", /hanya berlaku untuk waktu terbatas/);
  });

  test("stale: someone else acted first (the panel), and the page says who and when", () => {
    const alur = officeWithWebApp();
    const v = skAtDecision(alur);
    const [link] = actionLinks(lastMailTo(alur, P("kasubbag-umum"), v.id));
    alur.ok(ADMIN, "act", { caseId: v.id, expectedVersion: v.version, action: "approve" });
    refusedBoth(alur, link.params, "", "Kasus sudah berpindah", /sudah ditindaklanjuti oleh admin pada 2 November 2026 \d\d\.\d\d — Setujui/);
  });

  test("used: the recipient already acted with it", () => {
    const alur = officeWithWebApp();
    const v = skAtDecision(alur);
    const [link] = actionLinks(lastMailTo(alur, P("kasubbag-umum"), v.id));
    expect(press(alur, { k: link.k, aksi: "approve" }).ok).toBe(true);
    const before = snapshot(alur);
    const back = press(alur, { k: link.k, aksi: "return", reason: "Berubah pikiran" });
    expect(back).toMatchObject({ ok: false, final: true, title: "Kasus ini sudah ditindaklanjuti" });
    expect(snapshot(alur)).toBe(before);
  });

  test("altered: any change to the token, or a token made up", () => {
    const alur = officeWithWebApp();
    const v = skAtDecision(alur);
    const [link] = actionLinks(lastMailTo(alur, P("kasubbag-umum"), v.id));
    const [body, sig] = link.k.split(".");
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
    refusedBoth(alur, { ...link.params, k: `${body}.${flip(sig, 5)}` }, "", "Tautan tidak sah", /berubah setelah dikirim Alur/);
    // Another version or recipient in the claims, signed with nothing Alur knows.
    const claims = JSON.parse(Buffer.from(body, "base64url").toString());
    claims[2] = claims[2] + 1;
    refusedBoth(alur, { ...link.params, k: `${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${sig}` }, "", "Tautan tidak sah", /berubah/);
    refusedBoth(alur, { ...link.params, k: "bukan-token" }, "", "Tautan tidak sah", /berubah/);
  });

  test("revoked: the recipient no longer holds the role in Pejabat", () => {
    const alur = officeWithWebApp();
    const v = skAtDecision(alur);
    const [link] = actionLinks(lastMailTo(alur, P("kasubbag-umum"), v.id));
    setPejabat(alur, P("kasubbag-umum"), "Email", "kasubbag-baru@dinas.example");
    refusedBoth(alur, link.params, "", "Anda tidak lagi memegang langkah ini", /Anda \(kasubbag-umum@dinas\.example\) tidak memegang peran itu/);
  });

  test("wrong signed-in user: where the web app knows the visitor, only the recipient may use the link", () => {
    const alur = officeWithWebApp();
    const v = skAtDecision(alur);
    const [link] = actionLinks(lastMailTo(alur, P("kasubbag-umum"), v.id));
    refusedBoth(alur, link.params, P("sekretaris"), "Tautan ini untuk orang lain", /Anda masuk sebagai sekretaris@dinas\.example/);
    // The recipient signed in as themselves is fine.
    expect(visit(alur, link.params, P("kasubbag-umum"))).toContain("Tindakan Anda");
  });

  test("rotated: an admin replaced the link key from the menu; every outstanding link stops, the read-only one too, and nothing else", () => {
    const alur = officeWithWebApp();
    const v = skAtDecision(alur);
    const mail = lastMailTo(alur, P("kasubbag-umum"), v.id);
    const [link] = actionLinks(mail);
    const view = Object.fromEntries(new URLSearchParams(/href="[^"]*\?(case=[^"]*)"/.exec(mail.htmlBody ?? "")![1].replace(/&#38;/g, "&")));
    expect(visit(alur, view)).toContain(`<h1>${v.id}</h1>`);
    // Not an admin: refused.
    alur.world.within({ user: P("jfu"), effectiveUser: P("jfu") }, () => alur.ctx.menuRotateLinkKey());
    expect(visit(alur, link.params)).toContain("Tindakan Anda");
    const journal = alur.world.stores.script.map.get("alur.key.chain");
    alur.world.within({ user: ADMIN, effectiveUser: ADMIN }, () => alur.ctx.menuRotateLinkKey());
    expect(alur.world.stores.script.map.get("alur.key.chain")).toBe(journal);
    refusedBoth(alur, link.params, "", "Tautan sudah tidak berlaku", /mengganti kunci tautan email/);
    expect(visit(alur, view)).toContain("Tautan ini tidak sah");
    // The case itself goes on from the panel, and the next emails carry working links.
    const next = alur.ok(P("kasubbag-umum"), "act", { caseId: v.id, expectedVersion: v.version, action: "approve" });
    const fresh = actionLinks(lastMailTo(alur, P("sekretaris"), v.id));
    expect(visit(alur, fresh[0].params)).toContain("Tindakan Anda");
    expect(press(alur, { k: fresh[0].k, aksi: "approve" })).toMatchObject({ ok: true });
    expect(registerRow(alur, SK, next.id)["▸ KEPALA DINAS"]).toMatch(/^▶ 6 · /);
  });
});

describe("text from people stays text", () => {
  test("HTML and formula payloads in the case appear as text in the email and on the pages, and stay text in the register", () => {
    const alur = officeWithWebApp();
    const perihal = `=HYPERLINK("https://jahat.example","klik")<img src=x onerror=alert(1)>`;
    const v = skAtDecision(alur, { perihal, tujuan: "<script>alert('tujuan')</script>", sifat: "Biasa", klasifikasi: "000.5.2" });
    const mail = lastMailTo(alur, P("kasubbag-umum"), v.id);
    expect(mail.body).toContain(perihal);
    expect(mail.htmlBody).not.toContain("<img src=x");
    expect(mail.htmlBody).toContain("&#60;img src=x onerror=alert(1)&#62;");
    const [link] = actionLinks(mail);
    const page = visit(alur, link.params);
    expect(page).not.toMatch(/<img src=x|<script>alert/);
    expect(page).toContain("=HYPERLINK(&#34;https://jahat.example&#34;,&#34;klik&#34;)&#60;img src=x onerror=alert(1)&#62;");
    expect(page).toContain("&#60;script&#62;alert(&#39;tujuan&#39;)&#60;/script&#62;");
    // The note and the reason typed on the page are text too.
    const back = actionLinks(mail).find((l) => l.aksi === "return")!;
    expect(press(alur, { k: back.k, aksi: "return", reason: "=1+1 <b>tebal</b>" }).ok).toBe(true);
    const jfuMail = lastMailTo(alur, P("jfu"), v.id);
    expect(jfuMail.htmlBody).toContain("=1+1 &#60;b&#62;tebal&#60;/b&#62;");
    const sheet = alur.world.spreadsheet.getSheetByName(SK)!;
    const header = alur.world.read(SK)[0] as string[];
    const rowNo = alur.world.read(SK).findIndex((r) => r[0] === v.id) + 1;
    expect(sheet.getRange(rowNo, header.indexOf("Perihal") + 1).getFormula()).toBe("");
    expect(riwayatOf(alur, v.id).find((r) => r[14] === "return")![8]).toBe("=1+1 <b>tebal</b>");
  });
});

describe("who is told", () => {
  test("nobody is emailed about a step they just moved to themselves; each case keeps one subject", () => {
    const alur = officeWithWebApp();
    // Sekretaris starts Surat Keluar and holds its step 1: no email to Sekretaris.
    const v = alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields: { perihal: "Data", tujuan: "BPS", sifat: "Biasa", klasifikasi: "000" } });
    expect(alur.world.outbox.filter((m) => m.subject.includes(v.id))).toEqual([]);
    let c = v;
    const who: Record<string, string> = { SEKRETARIS: P("sekretaris"), KASUBBAG: P("kasubbag-umum"), JFU: P("jfu"), "KEPALA DINAS": P("kepala-dinas") };
    while (c.status !== "Selesai") {
      const actor = who[c.current!.lane];
      const sentBefore = alur.world.outbox.length;
      c = alur.ok(actor, "act", { caseId: c.id, expectedVersion: c.version, action: c.current!.kind === "decision" ? "approve" : "complete" });
      for (const m of alur.world.outbox.slice(sentBefore)) expect(m.to).not.toContain(actor);
    }
    const subjects = new Set(alur.world.outbox.filter((m) => m.subject.includes(v.id)).map((m) => m.subject));
    expect([...subjects]).toEqual([`[Alur] ${v.id} · Surat Keluar`]);
  });

  test("the employee a leave request is about is told when it finishes, not the staff member who recorded it", () => {
    const alur = officeWithWebApp();
    // The employee is in Pejabat (the example Kasi E-Gov) and asks for leave; JFU records it for them.
    const rows = alur.world.read("Pejabat");
    const kasi = rows.find((r) => String(r[5]) === P("kasi-egov"))!;
    const fields = { perihal: "Cuti tahunan", pemohon: "", namaPegawai: String(kasi[1]), nip: String(kasi[2]), jabatan: "Kasi", jenisCuti: "Cuti Tahunan", mulai: "2026-11-16", selesai: "2026-11-18", alasan: "Keluarga", alamatSelamaCuti: "Jl. Contoh 1" };
    let c = alur.ok(P("jfu"), "startCase", { sopId: "cuti", fields });
    const who: Record<string, string> = { PEMOHON: P("jfu"), KASUBBAG: P("kasubbag-umum"), JFU: P("jfu"), "KEPALA DINAS": P("kepala-dinas") };
    while (c.status !== "Selesai") {
      // Step 6 is the Kepala Dinas's leave decision (BKN VIII), taken with its own call.
      if (c.current!.no === "6") c = alur.ok(P("kepala-dinas"), "decideLeave", { caseId: c.id, expectedVersion: c.version, level: "pejabat", choice: "Disetujui", reason: "" });
      else c = alur.ok(who[c.current!.lane], "act", { caseId: c.id, expectedVersion: c.version, action: "complete" });
    }
    const done = alur.world.outbox.filter((m) => m.subject.includes(c.id) && /sudah selesai/.test(m.body));
    expect(done.map((m) => m.to)).toEqual([[P("kasi-egov")]]);
  });
});

describe("which web app address makes links", () => {
  const linksWith = (setting: string, service: string) => {
    const alur = officeWithWebApp(setting);
    alur.world.serviceUrl = service;
    const v = alur.ok(P("petugas-adm-surat"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const mail = lastMailTo(alur, P("jfu"), v.id);
    return { links: actionLinks(mail).map((l) => l.href.split("?")[0]), body: mail.body };
  };

  test("an https deployment makes links; an http address never does on Apps Script, whose own address is https", () => {
    expect(linksWith(WEB, WEB).links).toEqual([WEB]);
    const typed = linksWith("http://localhost:3000/exec", WEB);
    expect(typed.links).toEqual([]);
    expect(typed.body).toContain("Buka spreadsheet register, lalu Ekstensi › Alur › Buka panel");
    expect(linksWith("http://kantor.example/exec", "http://localhost:3000/exec").links).toEqual([]);
  });

  test("the local workspace (its own address is loopback) makes links with its own address, whatever port it runs on", () => {
    expect(linksWith("http://localhost:3000/exec", "http://localhost:4123/exec").links).toEqual(["http://localhost:4123/exec"]);
  });
});
