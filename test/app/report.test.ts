// Laporan through the bundle on the fakes: every figure checked against the same figure worked out from a known Riwayat.
import { ADMIN, type Alur, MONDAY_8, P, setupAlur } from "../../emulator/alur-world";
import type { CaseView } from "../../src/api";
import { BULAN } from "../../src/domain/calendar";
import type { JournalEntry } from "../../src/domain/journal";
import {
  type Expected,
  addWorking,
  appendRows,
  expectedReport,
  minutesOf,
  numbered,
  plainCases,
  prng,
  resetRiwayat,
  rowOf,
  simulate,
  table,
  workingBetween,
} from "./report-fixtures";

const SM_FIELDS = { perihal: "Undangan rapat", asalSurat: "Setda", nomorSurat: "005/1/2026", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Biasa" };
const SK_FIELDS = { perihal: "Permohonan data", tujuan: "Kepala BPS", sifat: "Biasa", klasifikasi: "000.5.2" };
/** Monday 30 November 2026, 08:00 WIB: when the report is built. */
const REPORT_AT = Date.UTC(2026, 10, 30, 1, 0);

const laporan = (alur: Alur) => alur.world.read("Laporan");
const charts = (alur: Alur) => alur.world.spreadsheet.getSheetByName("Laporan")!.getCharts();
const rebuildMenu = (alur: Alur) => alur.world.within({ user: ADMIN }, () => alur.ctx.menuRebuildReport());

/** Open cases on the registers (late-now comes from them), then Riwayat holding only the simulated journal. */
function world(seed: number, cases: number): { alur: Alur; entries: JournalEntry[]; open: CaseView[] } {
  const alur = setupAlur({ admins: [ADMIN] });
  const open = [
    alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS }),
    alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "Kedua" } }),
    alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields: SK_FIELDS }),
  ];
  alur.world.clock.advance(REPORT_AT - MONDAY_8);
  // One case started just now: running, not late.
  open.push(alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "Baru" } }));
  resetRiwayat(alur);
  // Cases still under way this morning simply stop where they are.
  const entries = numbered(
    simulate(prng(seed), { cases, from: Date.UTC(2026, 8, 1, 1, 0), span: 85 * 86_400_000 }).filter((e) => e.at < REPORT_AT - 3_600_000),
    1,
  );
  appendRows(alur, entries);
  return { alur, entries, open };
}

function expectFigures(row: Record<string, unknown> | undefined, e: Expected, what: string): void {
  expect({ what, found: row !== undefined }).toEqual({ what, found: true });
  const r = row as Record<string, unknown>;
  expect({ what, n: r["Dikerjakan (kali)"], median: minutesOf(r.Median), p90: minutesOf(r["Persentil ke-90"]), longest: minutesOf(r.Terlama), returns: r["Dikembalikan (kali)"] }).toEqual({
    what,
    n: e.n,
    median: e.median,
    p90: e.p90,
    longest: e.longest,
    returns: e.returns,
  });
  if (e.within === null) expect(r["Dalam standar"]).toBe("");
  else expect(r["Dalam standar"] as number).toBeCloseTo(e.within, 9);
}

const monthLabel = (ym: string) => `${BULAN[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;

describe("Laporan: figures from a Riwayat with known durations", () => {
  test("summary, per SOP, step, role, person and month: count, median, p90, longest, share within standard, returns and late now", () => {
    const { alur, entries } = world(7, 60);
    const r = alur.ok(ADMIN, "rebuildReport", null);
    expect(r.entries).toBe(entries.length);
    const rows = laporan(alur);
    const want = expectedReport(entries);

    const steps = table(rows, "Per langkah");
    for (const [key, e] of want.steps) {
      const [sopId, no] = key.split("|");
      const code = sopId === "surat-masuk" ? "SM" : "SK";
      const row = steps.rows.find((x) => String(x[0]).startsWith(`${code} ${no} · `));
      expectFigures(row ? Object.fromEntries(steps.headers.map((h, i) => [h, row[i]])) : undefined, e, key);
    }
    const roles = table(rows, "Per pelaksana");
    for (const [name, e] of want.roles) expectFigures(rowOf(roles, name), e, name);
    const persons = table(rows, "Per orang");
    for (const [email, e] of want.persons) {
      const row = persons.rows.find((x) => x[0] === email || String(x[0]).endsWith(`(${email})`));
      expectFigures(row ? Object.fromEntries(persons.headers.map((h, i) => [h, row[i]])) : undefined, e, email);
    }
    const months = table(rows, "Per bulan");
    for (const [ym, e] of want.months) {
      const row = rowOf(months, monthLabel(ym));
      expectFigures(row, e, ym);
      expect([row?.["Kasus dimulai"], row?.["Kasus selesai"]]).toEqual([e.started, e.finished]);
    }

    const sops = table(rows, "Per SOP");
    for (const [id, e] of want.sops) {
      const row = rowOf(sops, id === "surat-masuk" ? "SM · Surat Masuk" : "SK · Surat Keluar") as Record<string, unknown>;
      expect([row.Dimulai, row.Selesai]).toEqual([e.started, e.finished]);
      expect([minutesOf(row["Median per kasus"]), minutesOf(row["Persentil ke-90"]), minutesOf(row.Terlama)]).toEqual([e.cases.median, e.cases.p90, e.cases.longest]);
      expect(row["Kasus dalam standar"] as number).toBeCloseTo(e.cases.within as number, 9);
      expect(row["Langkah dalam standar"] as number).toBeCloseTo(e.stepWithin as number, 9);
      expect(row["Dikembalikan (kali)"]).toBe(e.returns);
    }
    // Late now comes from the cases running on the registers: two Surat Masuk and one Surat Keluar started four weeks
    // ago are past due at step 1; the one started this morning is not.
    expect([rowOf(sops, "SM · Surat Masuk")?.Berjalan, rowOf(sops, "SM · Surat Masuk")?.["Terlambat kini"]]).toEqual([3, 2]);
    expect([rowOf(sops, "SK · Surat Keluar")?.Berjalan, rowOf(sops, "SK · Surat Keluar")?.["Terlambat kini"]]).toEqual([1, 1]);
    const lateAt = steps.headers.indexOf("Terlambat kini");
    const stepRow = (prefix: string) => steps.rows.find((x) => String(x[0]).startsWith(prefix)) as unknown[];
    expect(stepRow("SM 1 · ")[lateAt]).toBe(2);
    expect(stepRow("SK 1 · ")[lateAt]).toBe(1);
    expect(stepRow("SM 1 · ").at(-1)).toBe("JFU");
    expect(rowOf(roles, "Jabatan Fungsional Umum (JFU)")?.["Terlambat kini"]).toBe(2);
    expect(rowOf(roles, "Sekretaris")?.["Terlambat kini"]).toBe(1);

    // The summary: running and late now, this month's share within standard and returns against last month's.
    const nov = want.months.get("2026-11") as Expected & { finished: number };
    const oct = want.months.get("2026-10") as Expected & { finished: number };
    const summary = Object.fromEntries(rows.slice(3, 8).map((x) => [x[0], [x[1], x[2]]]));
    expect(summary["Kasus berjalan"][0]).toBe(4);
    expect(summary["Terlambat kini"]).toEqual([3, "75% yang berjalan"]);
    expect(summary["Langkah dalam standar bulan ini"][0] as number).toBeCloseTo(nov.within as number, 9);
    expect(summary["Langkah dalam standar bulan ini"][1]).toBe(`bulan lalu ${String(Math.round((oct.within as number) * 10) / 10).replace(".", ",")}%`);
    expect(summary["Pengembalian bulan ini"]).toEqual([nov.returns, `bulan lalu ${oct.returns}`]);
    expect(summary["Kasus selesai bulan ini"]).toEqual([nov.finished, `bulan lalu ${oct.finished}`]);
  });

  test("working time excludes nights, weekends and holidays", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    resetRiwayat(alur);
    // Wednesday 23 December 2026, 15:00 WIB; Thursday 24 (cuti bersama), Friday 25 (Natal) and the weekend do not count.
    const created = Date.UTC(2026, 11, 23, 8, 0);
    const finished = Date.UTC(2026, 11, 28, 1, 30); // Monday 28 December, 08:30
    expect(workingBetween(created, finished)).toBe(120);
    const base = { caseId: "SM-2026-7001", sopId: "surat-masuk", sopTitle: "SOP Penanganan Surat Masuk", actingFor: "", note: "", channel: "sidebar" as const, actor: P("jfu") };
    const list: Omit<JournalEntry, "seq">[] = [{ ...base, at: created, kind: "start", stepNo: "1", role: "JFU", minutes: 0, standard: 15, version: 1, data: { state: { status: "Berjalan", createdAt: created } as never } }];
    const ats = [Date.UTC(2026, 11, 23, 8, 10), Date.UTC(2026, 11, 23, 8, 20), Date.UTC(2026, 11, 23, 8, 30), Date.UTC(2026, 11, 23, 8, 40), Date.UTC(2026, 11, 23, 8, 50), Date.UTC(2026, 11, 28, 0, 40), finished];
    let prev = created;
    ats.forEach((at, i) => {
      list.push({ ...base, at, kind: "complete", stepNo: String(i + 1), role: "JFU", minutes: workingBetween(prev, at), standard: 15, version: i + 2, data: { state: { status: i === 6 ? "Selesai" : "Berjalan", createdAt: created } as never } });
      prev = at;
    });
    // The sixth step waited over the holidays and the weekend: 10 minutes on Wednesday, 10 on Monday.
    expect(list[6].minutes).toBe(20);
    appendRows(alur, numbered(list, 1));
    alur.world.clock.advance(Date.UTC(2026, 11, 28, 2, 0) - MONDAY_8);
    alur.ok(ADMIN, "rebuildReport", null);
    const sm = rowOf(table(laporan(alur), "Per SOP"), "SM · Surat Masuk") as Record<string, unknown>;
    expect(minutesOf(sm["Median per kasus"])).toBe(120);
    expect(sm["Kasus dalam standar"]).toBe(0);
    const stepTable = table(laporan(alur), "Per langkah");
    const step6 = stepTable.rows.find((x) => String(x[0]).startsWith("SM 6 · ")) as unknown[];
    expect(minutesOf(step6[stepTable.headers.indexOf("Median")])).toBe(20);
    // Shown in Indonesian: 2 j 0 mnt for the case.
    const sheet = alur.world.spreadsheet.getSheetByName("Laporan")!;
    const at = laporan(alur).findIndex((x) => x[0] === "SM · Surat Masuk");
    expect(sheet.getRange(at + 1, 6).getDisplayValue()).toBe("2 j 0 mnt");
  });

  test("the independent calendar and the simulation agree: a step's minutes are the working minutes between its instants", () => {
    const t = Date.UTC(2026, 10, 27, 8, 50); // Friday 27 November, 15:50
    expect(addWorking(t, 60)).toBe(Date.UTC(2026, 10, 30, 0, 50)); // 40 on Friday, 20 on Monday from 07:30
    expect(workingBetween(t, addWorking(t, 60))).toBe(60);
  });
});

/** A Riwayat of some 13,000 journal rows (three reads of 5,000 in a full rebuild). */
function longWorld(): { alur: Alur; entries: JournalEntry[] } {
  const alur = setupAlur({ admins: [ADMIN] });
  resetRiwayat(alur);
  const entries = numbered(plainCases(1650, Date.UTC(2026, 9, 1, 1, 0)), 1);
  appendRows(alur, entries);
  alur.world.clock.advance(REPORT_AT - MONDAY_8);
  return { alur, entries };
}

describe("Laporan: incremental and full agree", () => {
  /** Everything but the line saying when and how it was built. */
  const figuresOf = (alur: Alur) => laporan(alur).filter((_, i) => i !== 1);

  test("an incremental run after each batch of appends gives the tables of a full rebuild, whatever the batches and sorts (property)", () => {
    const fc = require("fast-check") as typeof import("fast-check");
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 4, maxLength: 4 }),
        (seed, cuts, sorts) => {
          const { alur, entries } = world(seed, 14);
          const sheet = alur.world.spreadsheet.getSheetByName("Riwayat")!;
          // Start from an empty journal, then append in batches; staff sort Riwayat now and then between runs.
          sheet.deleteRows(2, sheet.getLastRow() - 1);
          let from = 0;
          for (let k = 0; k <= cuts.length; k++) {
            const to = k === cuts.length ? entries.length : Math.min(entries.length, from + cuts[k]);
            appendRows(alur, entries.slice(from, to));
            from = to;
            const s = sorts[k % sorts.length];
            if (s > 0 && s <= 19 && sheet.getLastRow() > 2) sheet.sort(s, k % 2 === 0);
            alur.ok(ADMIN, "rebuildReport", null);
          }
          const incremental = figuresOf(alur);
          rebuildMenu(alur);
          expect(figuresOf(alur)).toEqual(incremental);
          // And both are the figures of the entries themselves.
          const want = expectedReport(entries);
          const sops = table(laporan(alur), "Per SOP");
          for (const [id, e] of want.sops) {
            const row = rowOf(sops, id === "surat-masuk" ? "SM · Surat Masuk" : "SK · Surat Keluar");
            expect([row?.Dimulai ?? 0, row?.Selesai ?? 0]).toEqual([e.started, e.finished]);
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  test("sorting Riwayat between two daily runs changes no figure", () => {
    const { alur, entries } = world(21, 40);
    const sheet = alur.world.spreadsheet.getSheetByName("Riwayat")!;
    sheet.deleteRows(2, sheet.getLastRow() - 1);
    const half = Math.floor(entries.length / 2);
    appendRows(alur, entries.slice(0, half));
    alur.ok(ADMIN, "rebuildReport", null);
    appendRows(alur, entries.slice(half));
    sheet.sort(2, false); // by ID Kasus, Z to A: the new rows are spread among the old
    const r = alur.ok(ADMIN, "rebuildReport", null);
    expect(r.entries).toBe(entries.length);
    const sorted = figuresOf(alur);
    rebuildMenu(alur);
    expect(figuresOf(alur)).toEqual(sorted);
  });

  test("rebuilding twice leaves the same tables and the same four charts", () => {
    const { alur } = world(5, 20);
    rebuildMenu(alur);
    const first = figuresOf(alur);
    expect(charts(alur)).toHaveLength(4);
    rebuildMenu(alur);
    alur.ok(ADMIN, "rebuildReport", null);
    expect(figuresOf(alur)).toEqual(first);
    expect(charts(alur)).toHaveLength(4);
    expect(charts(alur).map((c) => c.getOptions().get("title"))).toEqual([
      expect.stringMatching(/^Median dan standar per langkah: (SM · Surat Masuk|SK · Surat Keluar)$/),
      "Dalam standar per SOP (%)",
      "Langkah dalam standar per bulan (%)",
      "Kasus terlambat kini per pelaksana",
    ]);
  });

  test("a full rebuild past its time budget shows progress, stops, and a trigger carries it on to the same figures", () => {
    const { alur, entries } = longWorld();
    expect(entries.length).toBeGreaterThan(10_000);
    rebuildMenu(alur);
    const whole = figuresOf(alur);
    // Each clock reading now takes two minutes: the rebuild passes its 4.5-minute budget after a chunk or two.
    const clock = alur.world.clock as { now: () => number };
    const real = clock.now;
    let ticks = 0;
    clock.now = () => real() + ++ticks * 120_000;
    try {
      rebuildMenu(alur);
      expect(alur.world.ui.shown.at(-1)?.content).toMatch(/^(5|10)\.000 dari 13\.200 baris Riwayat sudah diproses\. Sisanya dilanjutkan otomatis/);
      expect(alur.world.ui.toasts.some((t) => /^Memproses 0 dari [\d.]+ baris Riwayat…$/.test(t.message))).toBe(true);
      for (let i = 0; i < 10 && alur.world.triggers.some((t) => t.handler === "continueReportRebuild"); i++) {
        alur.world.within("trigger", () => alur.ctx.continueReportRebuild());
      }
    } finally {
      clock.now = real;
    }
    expect(alur.world.triggers.filter((t) => t.handler === "continueReportRebuild")).toHaveLength(0);
    expect(figuresOf(alur).slice(2)).toEqual(whole.slice(2));
  });

  test("a sort between two runs of a rebuild starts it again, so nothing is counted twice", () => {
    const { alur, entries } = longWorld();
    rebuildMenu(alur);
    const whole = figuresOf(alur);
    const clock = alur.world.clock as { now: () => number };
    const real = clock.now;
    let ticks = 0;
    clock.now = () => real() + ++ticks * 120_000;
    try {
      rebuildMenu(alur);
      alur.world.spreadsheet.getSheetByName("Riwayat")!.sort(2, false);
      clock.now = real;
      alur.world.within("trigger", () => alur.ctx.continueReportRebuild());
    } finally {
      clock.now = real;
    }
    expect(alur.ok(ADMIN, "rebuildReport", null).entries).toBe(entries.length);
    expect(figuresOf(alur).slice(2)).toEqual(whole.slice(2));
  });

  test("a case reopened after it finished no longer counts as finished, in a daily run and in a rebuild", () => {
    const { alur, entries } = world(3, 30);
    alur.ok(ADMIN, "rebuildReport", null);
    const finished = entries.find((e) => e.kind === "complete" && (e.data.state as { status: string }).status === "Selesai" && e.sopId === "surat-masuk") as JournalEntry;
    const before = rowOf(table(laporan(alur), "Per SOP"), "SM · Surat Masuk")?.Selesai as number;
    const reopen: JournalEntry = { ...finished, seq: entries.length + 1, at: REPORT_AT - 60_000, kind: "reopen", minutes: 0, actor: ADMIN, data: { state: { status: "Berjalan", createdAt: (finished.data.state as { createdAt: number }).createdAt } as never } };
    appendRows(alur, [reopen]);
    alur.ok(ADMIN, "rebuildReport", null);
    expect(rowOf(table(laporan(alur), "Per SOP"), "SM · Surat Masuk")?.Selesai).toBe(before - 1);
    rebuildMenu(alur);
    expect(rowOf(table(laporan(alur), "Per SOP"), "SM · Surat Masuk")?.Selesai).toBe(before - 1);
  });
});

describe("Laporan on screen", () => {
  test("the SOP chooser redraws the first chart for the chosen SOP (onEdit), and a rebuild keeps the choice", () => {
    const { alur } = world(5, 30);
    alur.ok(ADMIN, "rebuildReport", null);
    const sheet = alur.world.spreadsheet.getSheetByName("Laporan")!;
    const chooser = sheet.getRange(10, 3);
    const options = chooser.getDataValidation()!.getCriteriaValues()[0] as string[];
    expect(options).toEqual(expect.arrayContaining(["SM · Surat Masuk", "SK · Surat Keluar"]));
    const other = options.find((o) => o !== chooser.getValue()) as string;
    chooser.setValue(other);
    alur.world.within("simple-trigger", () => alur.ctx.onEdit({ range: chooser, value: other } as never));
    const steps = other.startsWith("SK") ? 9 : 7;
    expect(String(sheet.getRange(13, 1).getValue())).toMatch(/^1\. /);
    expect(sheet.getRange(13 + steps, 1).getValue()).toBe("");
    expect(charts(alur)[0].getOptions().get("title")).toBe(`Median dan standar per langkah: ${other}`);
    expect(charts(alur)[0].getRanges()[0].getA1Notation()).toBe(`A12:C${12 + steps}`);
    alur.ok(ADMIN, "rebuildReport", null);
    expect(sheet.getRange(10, 3).getValue()).toBe(other);
  });

  test("the summary sits on top and the four charts beside it, above the tables", () => {
    const { alur } = world(5, 30);
    alur.ok(ADMIN, "rebuildReport", null);
    const rows = laporan(alur);
    expect(rows[0][0]).toBe("Laporan Alur · waktu kerja terhadap standar SOP");
    expect(rows.slice(3, 8).map((r) => r[0])).toEqual(["Kasus berjalan", "Terlambat kini", "Langkah dalam standar bulan ini", "Pengembalian bulan ini", "Kasus selesai bulan ini"]);
    const at = charts(alur).map((c) => [c.getContainerInfo().getAnchorRow(), c.getContainerInfo().getAnchorColumn()]);
    expect(at).toEqual([
      [3, 4],
      [3, 8],
      [17, 4],
      [17, 8],
    ]);
    const firstTable = rows.findIndex((r) => String(r[0]).startsWith("Per SOP"));
    expect(firstTable + 1).toBeGreaterThan(31);
  });

  test("numbers, dates and durations show in Indonesian; a non-Indonesian workbook gets durations as text", () => {
    const { alur } = world(5, 30);
    alur.ok(ADMIN, "rebuildReport", null);
    const sheet = alur.world.spreadsheet.getSheetByName("Laporan")!;
    const display = sheet.getDataRange().getDisplayValues();
    expect(display.flat().some((v) => /^\d+ j \d+ mnt$/.test(v))).toBe(true);
    expect(display.flat().some((v) => /^\d+,\d$/.test(v))).toBe(true);
    expect(String(display[1][0])).toMatch(/^Per \d{1,2} \w+ 2026 \d{2}\.\d{2} WIB/);
    alur.world.spreadsheet.setSpreadsheetLocale("en_US");
    alur.ok(ADMIN, "rebuildReport", null);
    const text = alur.world.read("Laporan");
    expect(text[1][0]).toMatch(/durasi ditulis sebagai teks/);
    expect(text.flat().some((v) => typeof v === "string" && /^\d+ j \d+ mnt$|^\d+ mnt$/.test(v))).toBe(true);
  });

  test("text from Riwayat lands as text, and an admin's typing in Laporan is replaced, not mixed in", () => {
    const { alur, entries } = world(5, 10);
    const odd = { ...entries[entries.length - 1], seq: entries.length + 1, kind: "complete" as const, actor: "=HYPERLINK(\"http://x\")@dinas.example", data: { state: { status: "Berjalan", createdAt: entries[0].at } as never } };
    appendRows(alur, [odd]);
    alur.ok(ADMIN, "rebuildReport", null);
    const sheet = alur.world.spreadsheet.getSheetByName("Laporan")!;
    expect(sheet.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
    sheet.getRange(sheet.getMaxRows(), 1).setValue("catatan manual");
    alur.ok(ADMIN, "rebuildReport", null);
    expect(laporan(alur).some((x) => x.includes("catatan manual"))).toBe(false);
  });

  test("an office sheet already called Laporan is never taken over; a renamed Laporan is still found after setup", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    const ss = alur.world.spreadsheet;
    ss.insertSheet("Laporan").getRange("A1").setValue("Laporan kinerja triwulan (ketikan staf)");
    alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    const r = alur.ok(ADMIN, "rebuildReport", null);
    expect(r.sheetName).toBe("Laporan Alur");
    expect(alur.world.read("Laporan")[0][0]).toBe("Laporan kinerja triwulan (ketikan staf)");
    ss.getSheetByName("Laporan Alur")!.setName("Kinerja SOP");
    alur.world.within({ user: ADMIN }, () => alur.ctx.menuSetup());
    expect(alur.ok(ADMIN, "rebuildReport", null).sheetName).toBe("Kinerja SOP");
  });

  test("setup installs the daily trigger that brings Laporan up to date; only admins may rebuild it in full", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    expect(alur.world.globals.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toContain("dailyReport");
    alur.world.within({ user: P("jfu") }, () => alur.ctx.menuRebuildReport());
    expect(alur.world.ui.shown.at(-1)?.content).toMatch(/hanya untuk admin/);
    expect(alur.world.spreadsheet.getSheetByName("Laporan")).toBeNull();
  });
});

describe("Riwayat of earlier releases (no No column)", () => {
  test("a full rebuild counts legacy rows; a daily run afterwards adds only journal entries", () => {
    const alur = setupAlur({ admins: [ADMIN] });
    let v = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    while (v.status !== "Selesai") {
      alur.later(10);
      v = alur.ok(P(v.current?.lane === "JFU" ? "jfu" : v.current?.lane === "KASUBBAG" ? "kasubbag-umum" : v.current?.lane === "SEKRETARIS" ? "sekretaris" : "kepala-dinas"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
    }
    // The office upgraded from a release before the journal: these eight rows have no No, Jenis or Data.
    alur.world.spreadsheet.getSheetByName("Riwayat")!.getRange(2, 14, 8, 6).clearContent();
    const r = alur.ok(ADMIN, "rebuildReport", null);
    expect(r.entries).toBe(8);
    const sm = rowOf(table(laporan(alur), "Per SOP"), "SM · Surat Masuk") as Record<string, unknown>;
    expect([sm.Dimulai, sm.Selesai, minutesOf(sm["Median per kasus"])]).toEqual([1, 1, 70]);
    expect(laporan(alur)[1][0]).toMatch(/8 catatan Riwayat dihitung \(8 di antaranya catatan format lama\)/);
    // A case started now is a journal entry: the daily run adds it, and only it (the legacy rows are not counted twice).
    alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS });
    expect(alur.ok(ADMIN, "rebuildReport", null).entries).toBe(9);
    expect(rowOf(table(laporan(alur), "Per SOP"), "SM · Surat Masuk")?.Dimulai).toBe(2);
    rebuildMenu(alur);
    expect(rowOf(table(laporan(alur), "Per SOP"), "SM · Surat Masuk")?.Dimulai).toBe(2);
  });
});

