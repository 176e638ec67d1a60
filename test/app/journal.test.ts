// Riwayat as the journal, through the bundle on the fakes: tampering caught, sorting harmless, cut-off actions finished once, bad input plain.
import { createHmac, createHash } from "node:crypto";
import { ADMIN, P, holderEmail, setupAlur, type Alur } from "../../emulator/alur-world";
import { cutAfterEntry } from "./cut-after-entry";
import type { FakeSheet } from "../../emulator/fakes/sheet";
import type { CaseView } from "../../src/api";
import { J, canonical, parseJournalRow } from "../../src/domain/journal";

const SM = "SM · Surat Masuk";
const SM_FIELDS = { perihal: "Undangan rapat", asalSurat: "Setda", nomorSurat: "005/1", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Biasa" };

const integrity = (alur: Alur) => {
  alur.world.within({ user: ADMIN }, () => alur.ctx.menuCheckIntegrity());
  return String(alur.world.ui.shown.at(-1)?.content ?? "");
};
const riwayat = (alur: Alur) => alur.world.spreadsheet.getSheetByName("Riwayat")!;
const step = (alur: Alur, v: CaseView) => alur.ok(holderEmail(v), "act", { caseId: v.id, expectedVersion: v.version, action: v.current?.kind === "decision" ? "approve" : "complete" });

/** The case's row in its register, by header. */
function rowOf(alur: Alur, sheet: string, id: string): Record<string, unknown> {
  const [h, ...rows] = alur.world.read(sheet);
  const r = rows.find((x) => x[0] === id);
  if (!r) throw new Error(`no row ${id}`);
  return Object.fromEntries((h as string[]).map((k, i) => [k, r[i]]));
}

describe("the chain", () => {
  test("a row rewritten with a recomputed plain hash is caught; so is a row whose hash is recomputed with a guessed key", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    step(alur, v);
    expect(integrity(alur)).toMatch(/^Riwayat utuh: 2 baris diperiksa/);
    const sheet = riwayat(alur);
    const cells = sheet.getRange(3, 1, 1, 19).getValues()[0].map((x) => (x instanceof Object && "getTime" in (x as Date) ? { dateTime: (x as Date).getTime() } : x));
    const parsed = parseJournalRow(cells as never)!;
    const prevHash = String(sheet.getRange(2, J.hash + 1).getValue());
    // An editor changes the note and recomputes the hash the way an unkeyed chain would be recomputed.
    const edited = { ...parsed.entry, note: "sudah diperiksa" };
    const plain = createHash("sha256").update(`${prevHash}\u001e${canonical(edited, parsed.keyId)}`).digest("hex").slice(0, 40);
    sheet.getRange(3, J.note + 1).setValue(edited.note);
    sheet.getRange(3, J.hash + 1).setValue(plain);
    expect(integrity(alur)).toMatch(/Baris 3 \(No 2, SM-2026-0001\) diubah setelah dicatat/);
    // Nor does an HMAC with a key that is not Alur's pass.
    const guessed = createHmac("sha256", "tebakan").update(`${prevHash}\u001e${canonical(edited, parsed.keyId)}`).digest("hex").slice(0, 40);
    sheet.getRange(3, J.hash + 1).setValue(guessed);
    expect(integrity(alur)).toMatch(/Baris 3 \(No 2, SM-2026-0001\) diubah setelah dicatat/);
  });

  test("sorting or filtering Riwayat raises no false alarm, and the hourly check finds nothing to report", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    for (let i = 0; i < 4; i++) {
      const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: `Surat ${i}` } });
      alur.later(7);
      step(alur, v);
    }
    const sheet = riwayat(alur);
    sheet.getRange(2, 1, sheet.getLastRow() - 1, 19).sort({ column: J.caseId + 1, ascending: false });
    expect(sheet.getRange(2, J.seq + 1).getValue()).not.toBe(1);
    expect(integrity(alur)).toMatch(/^Riwayat utuh: 8 baris diperiksa/);
    alur.world.within("time-trigger", () => alur.ctx.hourlyRefresh());
    expect(alur.world.outbox.filter((m) => m.subject.includes("Masalah"))).toEqual([]);
  });

  test("entries hash whole seconds: an action at 10.30.45,678 verifies after the time went through a date cell", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    alur.world.clock.advance(45_678);
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    alur.world.clock.advance(1_234);
    step(alur, v);
    expect(integrity(alur)).toMatch(/^Riwayat utuh/);
  });
});

describe("an action cut off half-way is finished once by whoever comes next", () => {
  test("ended right after its entry was appended: the next lock holder writes the row and sends the email, once", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const mailsBefore = alur.world.outbox.length;
    // The execution stops at the flush after the journal append (nothing more of it runs).
    cutAfterEntry(alur, () => alur.call(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" }));
    // Riwayat has the entry; the row does not yet.
    expect(alur.world.read("Riwayat").filter((r) => r[1] === v.id)).toHaveLength(2);
    expect(rowOf(alur, SM, v.id).Versi).toBe(1);
    // Someone opens the case: it is brought forward, and the Kasubbag is told once.
    const seen = alur.ok(P("kasubbag-umum"), "getCase", { caseId: v.id });
    expect(seen.version).toBe(2);
    expect(rowOf(alur, SM, v.id).Versi).toBe(2);
    const told = alur.world.outbox.slice(mailsBefore).filter((m) => m.subject.includes(v.id));
    expect(told.map((m) => m.to)).toEqual([[P("kasubbag-umum")]]);
    // The JFU presses again (the reply never came): the case as it is, no second entry, no second email.
    const again = alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" });
    expect(again.version).toBe(2);
    expect(alur.world.read("Riwayat").filter((r) => r[1] === v.id)).toHaveLength(2);
    alur.world.within("time-trigger", () => alur.ctx.hourlyRefresh());
    expect(alur.world.outbox.slice(mailsBefore).filter((m) => m.subject.includes(v.id))).toHaveLength(1);
    expect(integrity(alur)).toMatch(/^Riwayat utuh/);
  });

  test("a start whose reply was lost is found again by its request id even when the cache forgot it", () => {
    const alur = setupAlur();
    const requestId = "req-0123456789abcdef";
    const first = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS, requestId });
    // CacheService evicts when it likes: here it has forgotten everything.
    alur.world.caches.script.map.clear();
    const again = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS, requestId });
    expect(again.id).toBe(first.id);
    expect(alur.world.read(SM)).toHaveLength(2);
  });

  test("a sort between an action's read and its write: both rows end up right, rebuilt from Riwayat", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const a = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "A surat pertama" } });
    const b = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "B surat kedua" } });
    const sheet = alur.world.sheet(SM) as FakeSheet;
    const perihal = (alur.world.read(SM)[0] as string[]).indexOf("Perihal") + 1;
    let sorted = false;
    alur.world.onCall = (kind, method) => {
      // Just before the register row is written, someone sorts the register by Perihal, descending: B above A.
      if (!sorted && kind === "Range" && method === "setValues" && alur.world.read("Riwayat").some((r) => r[1] === a.id && r[14] === "complete")) {
        sorted = true;
        sheet.sort(perihal, false);
      }
    };
    alur.ok(P("jfu"), "act", { caseId: a.id, expectedVersion: 1, action: "complete" });
    alur.world.onCall = null;
    expect(sorted).toBe(true);
    expect(rowOf(alur, SM, a.id)).toMatchObject({ Versi: 2, Perihal: "A surat pertama" });
    expect(rowOf(alur, SM, b.id)).toMatchObject({ Versi: 1, Perihal: "B surat kedua" });
    expect(String(rowOf(alur, SM, b.id)["▸ JFU"])).toMatch(/^▶ 1 · /);
    expect(alur.ok(P("jfu"), "getCase", { caseId: b.id }).version).toBe(1);
  });
});

describe("what people and sheets can throw at it", () => {
  test("a quoted formula in Terlambat survives the hourly write-back as text", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const late = (alur.world.read(SM)[0] as string[]).indexOf("Terlambat") + 1;
    const sheet = alur.world.spreadsheet.getSheetByName(SM)!;
    // A finished case's Terlambat, typed by someone as a quoted formula; the hourly run rewrites the column.
    const finished = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "Dua" } });
    alur.ok(ADMIN, "act", { caseId: finished.id, expectedVersion: 1, action: "cancel", reason: "Salah" });
    sheet.getRange(3, late).setValue("'=1+1");
    alur.later(120);
    alur.world.within("time-trigger", () => alur.ctx.hourlyRefresh());
    expect(sheet.getRange(3, late).getFormula()).toBe("");
    expect(sheet.getRange(3, late).getValue()).toBe("=1+1");
    expect(Number(rowOf(alur, SM, v.id).Terlambat)).toBeGreaterThan(0);
  });

  test("a garbage value in the configuration cache is a cache miss, not a failure", () => {
    const alur = setupAlur();
    alur.ok(P("jfu"), "listSops", null);
    const cache = alur.world.globals.CacheService.getScriptCache();
    cache.put("alur.cfg", "{not json", 600);
    expect(alur.ok(P("jfu"), "listSops", null).length).toBeGreaterThan(20);
    cache.put("alur.cfg", JSON.stringify({ chunks: 1, gen: "x", fmt: 4 }), 600);
    cache.put("alur.sops.0", "garbage", 600);
    expect(alur.ok(P("jfu"), "listSops", null).length).toBeGreaterThan(20);
  });

  test("a Ramadan date typed as a date cell is honoured: the step's due time follows Ramadan hours", () => {
    const alur = setupAlur();
    const sheet = alur.world.spreadsheet.getSheetByName("Pengaturan")!;
    const rows = alur.world.read("Pengaturan");
    const at = (k: string) => rows.findIndex((r) => r[0] === k) + 1;
    // Ramadan over the whole of November 2026, typed as dates (the cells become date cells).
    sheet.getRange(at("Ramadan mulai"), 2).setValue(new Date(Date.UTC(2026, 10, 1, 0) - 7 * 3600_000));
    sheet.getRange(at("Ramadan selesai"), 2).setValue(new Date(Date.UTC(2026, 10, 30, 0) - 7 * 3600_000));
    alur.world.within("simple-trigger", () => alur.ctx.onEdit({ range: sheet.getRange(at("Ramadan selesai"), 2) }));
    // Monday 2 November, 07:10 WIB: Ramadan hours start at 08:00, so a 15-minute step is due at 08:15 (07:45 otherwise).
    alur.world.clock.advance(-50 * 60_000);
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    expect(v.current?.dueAt).toBe("2026-11-02T01:15:00.000Z");
    expect(alur.ok(ADMIN, "bootstrap", null).problems.join(" ")).not.toMatch(/Ramadan/);
  });

  test("a broken hours setting keeps the last good calendar and names its cell", () => {
    const alur = setupAlur();
    alur.ok(P("jfu"), "listSops", null);
    const sheet = alur.world.spreadsheet.getSheetByName("Pengaturan")!;
    const rows = alur.world.read("Pengaturan");
    const r = rows.findIndex((x) => x[0] === "Jam kerja Senin-Kamis") + 1;
    sheet.getRange(r, 2).setValue("07:00-15:00 istirahat 12:00-12:30");
    alur.world.within("simple-trigger", () => alur.ctx.onEdit({ range: sheet.getRange(r, 2) }));
    alur.ok(P("jfu"), "listSops", null);
    sheet.getRange(r, 2).setValue("pagi sampai sore");
    alur.world.within("simple-trigger", () => alur.ctx.onEdit({ range: sheet.getRange(r, 2) }));
    const problems = alur.ok(ADMIN, "bootstrap", null).problems.join(" ");
    expect(problems).toMatch(new RegExp(`Pengaturan!B${r}`));
    expect(problems).toMatch(/Jam kerja terakhir yang sah tetap dipakai/);
    // Monday 07:10 WIB: the last good hours start at 07:00, so a 15-minute step is due at 07:25 (the defaults: 07:45).
    alur.world.clock.advance(-50 * 60_000);
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    expect(v.current?.dueAt).toBe("2026-11-02T00:25:00.000Z");
  });

  test.each(["__proto__-1", "constructor-1", "toString-2026-0001", "hasOwnProperty"])("a case ID like %s is a plain 'tidak ditemukan'", (id) => {
    const alur = setupAlur();
    const r = alur.call(P("jfu"), "getCase", { caseId: id });
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/tidak ditemukan/) });
    expect((r as { error: string }).error).not.toMatch(/function|native code|\[object/);
  });
});
