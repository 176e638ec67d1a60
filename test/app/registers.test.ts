// Register life around the cases: SOP revisions, Terlambat refresh, integrity check, setup re-runs, kelengkapan, queues.
import { ADMIN, P, setupAlur } from "../../emulator/alur-world";

const SM = "SM · Surat Masuk";
const SM_FIELDS = { perihal: "Surat", asalSurat: "Setda", nomorSurat: "1", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Biasa" };
/** The event a simple onEdit trigger gets for an edit on the named sheet (its real range, so its sheet id is real). */
const editEvent = (alur: { world: { spreadsheet: { getSheetByName(n: string): unknown } } }, sheet: string) => ({ range: (alur.world.spreadsheet.getSheetByName(sheet) as { getRange(a: string): unknown }).getRange("A1") });

describe("registers", () => {
  test("a case keeps the SOP revision it started with when an admin edits the SOP sheet", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const a = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const sop = alur.world.spreadsheet.getSheetByName("SOP")!;
    const rows = alur.world.read("SOP");
    const last = rows.map((r, i) => [r, i] as const).filter(([r]) => r[0] === "surat-masuk").pop()!;
    sop.deleteRow(last[1] + 1);
    const first = rows.findIndex((r) => r[0] === "surat-masuk" && r[1] === "1");
    sop.getRange(first + 1, 3).setValue("Menerima surat masuk dan mencatatnya di buku agenda");
    alur.world.within("simple-trigger", () => alur.ctx.onEdit(editEvent(alur, "SOP")));
    const b = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    expect(b.current?.text).toBe("Menerima surat masuk dan mencatatnya di buku agenda");
    const aNow = alur.ok(P("jfu"), "getCase", { caseId: a.id });
    expect(aNow.current?.text).toBe(a.current?.text);
    // Case A still runs all 7 steps of its revision; case B the 6 of the new one.
    const steps = (id: string) => {
      let v = alur.ok(P("jfu"), "getCase", { caseId: id });
      let n = 0;
      const who: Record<string, string> = { JFU: P("jfu"), KASUBBAG: P("kasubbag-umum"), SEKRETARIS: P("sekretaris"), "KEPALA DINAS": P("kepala-dinas") };
      while (v.status !== "Selesai") {
        v = alur.ok(who[v.current!.lane], "act", { caseId: id, expectedVersion: v.version, action: "complete" });
        n++;
      }
      return n;
    };
    expect(steps(a.id)).toBe(7);
    expect(steps(b.id)).toBe(6);
  });

  test("the hourly trigger refreshes Terlambat in working minutes", () => {
    const alur = setupAlur();
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    alur.later(120);
    alur.world.within("time-trigger", () => alur.ctx.hourlyRefresh());
    const header = alur.world.read(SM)[0];
    const row = alur.world.read(SM).find((r) => r[0] === v.id)!;
    // Step 1 standard is 15 minutes; two working hours later the case is 105 working minutes late.
    expect(row[header.indexOf("Terlambat")]).toBe(105);
  });

  test("the hourly run reads a few columns per register and the new journal entries, not the hidden case data, and leaves finished cases alone", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    for (let i = 0; i < 30; i++) alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: `Surat ${i}` } });
    alur.ok(ADMIN, "act", { caseId: v.id, expectedVersion: 1, action: "cancel", reason: "Salah kirim" });
    alur.later(120);
    alur.world.counter.reset();
    alur.world.within("time-trigger", () => alur.ctx.hourlyRefresh());
    const header = alur.world.read(SM)[0];
    const rows = alur.world.read(SM).slice(1);
    expect(rows.find((r) => r[0] === v.id)![header.indexOf("Terlambat")]).toBe(0);
    expect(rows.filter((r) => r[header.indexOf("Terlambat")] === 105)).toHaveLength(30);
    // Terlambat: Status, Tenggat, Terlambat; the open-case index: ID, Status, Versi — 31 cells each, plus each
    // register's header row twice; the journal check: the 32 entries appended since setup, 19 columns each. Never the
    // 31 rows whole (the hidden case data), which a repair of the index would read.
    const read = alur.world.counter.snapshot().cellsRead;
    const headers = alur.world.spreadsheet.getSheets().filter((s) => / · /.test(s.getName())).reduce((n, s) => n + s.getMaxColumns(), 0);
    expect(read).toBeLessThanOrEqual(6 * 31 + 2 * headers + 32 * 19);
    // The first run also recorded its late notices (JFU) and the notices to JFU's atasan, once each: the second run
    // checks those entries and sends none again; after it, nothing new is in the journal and a run reads only columns.
    const reminders = () => alur.world.read("Riwayat").filter((r) => r[14] === "reminder").length;
    const sent = reminders();
    expect(sent).toBe(60);
    alur.world.counter.reset();
    alur.world.within("time-trigger", () => alur.ctx.hourlyRefresh());
    expect(alur.world.counter.snapshot().cellsRead).toBeLessThanOrEqual(6 * 31 + 2 * headers + sent * 19);
    expect(reminders()).toBe(sent);
    alur.world.counter.reset();
    alur.world.within("time-trigger", () => alur.ctx.hourlyRefresh());
    expect(alur.world.counter.snapshot().cellsRead).toBeLessThanOrEqual(6 * 31 + 2 * headers);
  });

  test("Periksa integritas lists a Riwayat row edited by hand and a row removed from the end", () => {
    const alur = setupAlur();
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" });
    alur.world.within({ user: ADMIN }, () => alur.ctx.menuCheckIntegrity());
    expect(alur.world.ui.shown.at(-1)).toMatchObject({ title: "Periksa integritas", content: "Riwayat utuh: 2 baris diperiksa, tidak ada yang diubah manual." }); // start, complete (carrying the agenda number of step 1)
    const log = alur.world.spreadsheet.getSheetByName("Riwayat")!;
    log.getRange(2, 9).setValue("diubah");
    alur.world.within({ user: ADMIN }, () => alur.ctx.menuCheckIntegrity());
    expect(alur.world.ui.shown.at(-1)?.content).toMatch(/^1 masalah dari 2 baris Riwayat:\n• Baris 2 \(No 1, SM-2026-0001\) diubah setelah dicatat/);
    log.getRange(2, 9).setValue("Kasus dibuat");
    log.deleteRow(3);
    alur.world.within({ user: ADMIN }, () => alur.ctx.menuCheckIntegrity());
    expect(alur.world.ui.shown.at(-1)?.content).toMatch(/Catatan No 2 tidak ada di Riwayat: barisnya dihapus/);
  });

  test("setup run again keeps what people typed, recreates a deleted register and finds a renamed one by id", () => {
    const alur = setupAlur();
    const pej = alur.world.spreadsheet.getSheetByName("Pejabat")!;
    pej.getRange(2, 2).setValue("Drs. Nama Asli");
    const ss = alur.world.spreadsheet;
    ss.getSheetByName(SM)!.setName("Agenda Surat Masuk");
    ss.deleteSheet(ss.getSheetByName("SK · Surat Keluar")!);
    alur.world.within({ user: ADMIN }, () => alur.ctx.menuSetup());
    expect(alur.world.ui.shown.at(-1)?.content).toBe('Sheet "SK · Surat Keluar" dibuat.');
    expect(alur.world.read("Pejabat")[1][1]).toBe("Drs. Nama Asli");
    expect(ss.getSheetByName(SM)).toBeNull();
    expect(alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS }).id).toBe("SM-2026-0001");
    expect(alur.world.read("Agenda Surat Masuk").length).toBe(2);
    alur.world.within({ user: ADMIN }, () => alur.ctx.menuSetup());
    expect(alur.world.ui.shown.at(-1)?.content).toBe("Semua sudah lengkap; tidak ada yang diubah.");
  });

  test("kelengkapan ticks with a Drive link are kept per case and step, and recorded", () => {
    const alur = setupAlur();
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const item = v.current!.kelengkapan[0].item;
    const bad = alur.call(P("jfu"), "tickKelengkapan", { caseId: v.id, stepNo: "1", item, done: true, link: "javascript:alert(1)" });
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/Tautan harus tautan Google Drive/) });
    const link = "https://drive.google.com/file/d/abc/view";
    const ticked = alur.ok(P("jfu"), "tickKelengkapan", { caseId: v.id, stepNo: "1", item, done: true, link });
    expect(ticked.current?.kelengkapan[0]).toEqual({ item, done: true, link });
    expect(ticked.version).toBe(1);
    expect(alur.ok(P("kasubbag-umum"), "getCase", { caseId: v.id }).current?.kelengkapan[0].done).toBe(true);
    // Riwayat records the tick as an entry of its own (kind "tick"), with the item and the link.
    const ticks = () => alur.world.read("Riwayat").filter((r) => r[14] === "tick");
    expect(ticks()).toHaveLength(1);
    expect(ticks()[0].slice(1, 9)).toEqual([v.id, "surat-masuk", "1", "JFU", P("jfu"), "", "Kelengkapan", `✓ ${item} · ${link}`]);
    expect(JSON.parse(String(ticks()[0][17]))).toMatchObject({ item, done: true, link });
    const other = alur.call(P("kepala-dinas"), "tickKelengkapan", { caseId: v.id, stepNo: "1", item, done: false, link: "" });
    expect(other).toMatchObject({ ok: false, error: expect.stringMatching(/tidak memegang peran itu/) });
    expect(ticks()).toHaveLength(1);
  });

  test("Antrean saya shows each person the cases waiting for their roles, late ones first", () => {
    const alur = setupAlur();
    const a = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "A" } });
    alur.later(60);
    const b = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "B" } });
    const c = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "C" } });
    alur.ok(P("jfu"), "act", { caseId: c.id, expectedVersion: 1, action: "complete" });
    expect(alur.ok(P("jfu"), "myQueue", null).map((q) => q.caseId)).toEqual([a.id, b.id]);
    expect(alur.ok(P("kasubbag-umum"), "myQueue", null).map((q) => q.caseId)).toEqual([c.id]);
    expect(alur.ok(P("kepala-dinas"), "myQueue", null)).toEqual([]);
  });
});

describe("the SOP sheet as the source of truth", () => {
  test("an admin's mistake is marked on its cell, the SOP is held back, and fixing it clears the mark", () => {
    const alur = setupAlur();
    const sopSheet = alur.world.spreadsheet.getSheetByName("SOP")!;
    const rows = alur.world.read("SOP");
    const r = rows.findIndex((x) => x[0] === "surat-masuk" && x[1] === "2") + 1;
    const c = (rows[0] as string[]).indexOf("Pelaksana") + 1;
    const original = String(rows[r - 1][c - 1]);
    // An admin's own note and colour on another cell must survive Alur's marking and unmarking.
    sopSheet.getRange(r + 1, c).setNote("catatan admin: cek dengan Bagian Organisasi").setBackground("#fff2cc");
    sopSheet.getRange(r, c).setValue("BUPATI");
    alur.world.within("simple-trigger", () => alur.ctx.onEdit(editEvent(alur, "SOP")));
    const cell = sopSheet.getRange(r, c);
    expect(cell.getNote()).toMatch(/^Alur: Pelaksana "BUPATI" pada langkah 2 bukan salah satu kolom Pelaksana SOP ini/);
    expect(cell.getBackground()).toBe("#f4c7c3");
    expect(alur.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS })).toMatchObject({ ok: false, error: expect.stringMatching(/tidak sah \(lihat sheet SOP\)/) });
    expect(alur.ok(P("jfu"), "bootstrap", null).problems.join(" ")).toMatch(/BUPATI/);
    sopSheet.getRange(r, c).setValue(original);
    alur.world.within("simple-trigger", () => alur.ctx.onEdit(editEvent(alur, "SOP")));
    expect(sopSheet.getRange(r, c).getNote()).toBe("");
    expect(sopSheet.getRange(r + 1, c).getNote()).toBe("catatan admin: cek dengan Bagian Organisasi");
    expect(sopSheet.getRange(r + 1, c).getBackground()).toBe("#fff2cc");
    expect(alur.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS })).toMatchObject({ ok: true });
  });

  test("a case in flight goes on while its SOP is held back by a mistake in the SOP sheet; new cases wait for the fix", () => {
    const alur = setupAlur();
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const rows = alur.world.read("SOP");
    const r = rows.findIndex((x) => x[0] === "surat-masuk" && x[1] === "3") + 1;
    const c = (rows[0] as string[]).indexOf("Pelaksana") + 1;
    alur.world.spreadsheet.getSheetByName("SOP")!.getRange(r, c).setValue("BUPATI");
    alur.world.within("simple-trigger", () => alur.ctx.onEdit(editEvent(alur, "SOP")));
    const next = alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" });
    expect(next).toMatchObject({ version: 2, current: { no: "2" } });
    expect(alur.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS })).toMatchObject({ ok: false });
    // The case still shows where people look: the holder's queue, the selected row, Ringkas and Laporan.
    expect(alur.ok(P("kasubbag-umum"), "myQueue", null).map((q) => q.caseId)).toEqual([v.id]);
    const row = alur.world.read(SM).findIndex((r) => r[0] === v.id) + 1;
    alur.world.spreadsheet.getSheetByName(SM)!.getRange(row, 2).activate();
    expect(alur.ok(P("kasubbag-umum"), "selectedCase", null)).toMatchObject({ id: v.id, version: 2 });
    expect(alur.ok(P("kasubbag-umum"), "summary", null)).toEqual([expect.objectContaining({ code: "SM", running: 1 })]);
    alur.ok(P("kasubbag-umum"), "rebuildReport", null);
    expect(alur.world.read("Laporan").some((r) => r[0] === "SM · Surat Masuk" && r[1] === 1)).toBe(true);
  });

  test("an admin changing an SOP's Kode: old cases are still found, new cases take the new code", () => {
    const alur = setupAlur();
    const v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const ident = alur.world.read("SOP Identitas");
    const r = ident.findIndex((x) => x[0] === "surat-masuk") + 1;
    const c = (ident[0] as string[]).indexOf("Kode") + 1;
    alur.world.spreadsheet.getSheetByName("SOP Identitas")!.getRange(r, c).setValue("SMA");
    alur.world.within("simple-trigger", () => alur.ctx.onEdit(editEvent(alur, "SOP Identitas")));
    expect(alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: 1, action: "complete" })).toMatchObject({ id: v.id, version: 2 });
    expect(alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS }).id).toBe("SMA-2026-0001");
  });
});
