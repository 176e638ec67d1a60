// Register rows cell by cell (src/domain/register.ts) on a small SOP: the sheet's name and columns, the Langkah and
// lane cells, minutes late, the hidden state and what gives way when it outgrows a cell, and cells read back.
import { DEFAULT_WEEK } from "../../src/catalog/settings";
import type { WorkingCalendarConfig } from "../../src/domain/calendar";
import type { CaseState, HistoryItem } from "../../src/domain/case";
import { H, type ReadCell, checksum, fieldsFromRow, fitHidden, instantOfYmd, lastActs, lateMinutes, readRow, registerHeaders, registerSheetName, renderRow, stepLabel, systemHeaders, ymdOfInstant } from "../../src/domain/register";
import type { Sop, SopStep } from "../../src/domain/sop";

/** A WIB wall-clock instant, computed without the code under test. */
const wib = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi) - 7 * 3_600_000;
const cal: WorkingCalendarConfig = { week: DEFAULT_WEEK, holidays: [], dayMinutes: 450 };
const MONDAY = wib(2026, 11, 2, 8, 0);

const step = (no: string, text: string, role: string, extra: Partial<SopStep> = {}): SopStep => ({ no, text, role, roleInferred: false, kind: "process", kelengkapan: [], waktu: "", output: "", keterangan: "", ...extra });
const SOP = {
  id: "surat-masuk",
  code: "SM",
  shortTitle: "Surat Masuk",
  fields: [
    { key: "perihal", label: "Perihal", type: "text", required: true },
    { key: "tanggal", label: "Tanggal Surat", type: "date", required: false },
    { key: "nilai", label: "Nilai", type: "number", required: false },
  ],
  lanes: [
    { header: "JFU", role: "jfu" },
    { header: "KASUBBAG", role: "kasubbag-umum" },
    { header: "SEKRETARIS", role: "sekretaris" },
  ],
  steps: [step("1", "Mencatat surat", "JFU"), step("2", "Memeriksa", "KASUBBAG", { kind: "decision", yesTo: "3", noTo: "1" }), step("3", "x".repeat(90), "SEKRETARIS"), step("4", "y".repeat(91), "SEKRETARIS")],
} as unknown as Sop;

const item = (stepNo: string, action: HistoryItem["action"], at = MONDAY, note = ""): HistoryItem => ({ at, by: "a@dinas.example", actingFor: "", action, stepNo, note, minutes: 0, standard: null });
const base: CaseState = {
  id: "SM-2026-0001", sopId: "surat-masuk", sopRev: "r1", fields: { perihal: "Undangan", tanggal: "2026-10-30", nilai: 1250 }, status: "Berjalan", stepNo: "2",
  stepSince: MONDAY, dueAt: wib(2026, 11, 2, 9, 0), done: { JFU: wib(2026, 11, 2, 7, 45) }, rounds: 1, version: 3, createdAt: MONDAY, createdBy: "jfu@dinas.example",
  assignee: "", documents: ["https://docs.example/1", "https://docs.example/2"], lastBy: "jfu@dinas.example", lastAt: wib(2026, 11, 2, 7, 45), srikandi: "SR-9", ticks: {},
  history: [item("1", "start"), item("1", "complete")],
};

const asRead = (row: Record<string, unknown>): Record<string, ReadCell> =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v && typeof v === "object" && "dateTime" in v ? null : (v as ReadCell)]));

describe("the register sheet", () => {
  test("is named by code and short title, at most 100 characters", () => {
    expect(registerSheetName(SOP)).toBe("SM · Surat Masuk");
    expect(registerSheetName({ ...SOP, shortTitle: "z".repeat(200) })).toBe(`SM · ${"z".repeat(95)}`);
  });

  test("has the case's columns, then Alur's own; the protected ones run from Status to Data sistem", () => {
    const lanes = ["▸ JFU", "▸ KASUBBAG", "▸ SEKRETARIS"];
    expect(registerHeaders(SOP)).toEqual(["ID", "Perihal", "Tanggal Surat", "Nilai", "Dokumen", "SRIKANDI", "Status", "Langkah", ...lanes, "Tenggat", "Terlambat", "Putaran revisi", "Versi", "Data sistem"]);
    expect(systemHeaders(SOP)).toEqual(["Status", "Langkah", ...lanes, "Tenggat", "Terlambat", "Putaran revisi", "Versi", "Data sistem"]);
  });
});

describe("Langkah and the lane cells", () => {
  test("Langkah names the step, its text cut to 90 characters; a finished case says when and how; a cancelled one a dash", () => {
    expect(stepLabel(SOP, base)).toBe("2 · Memeriksa");
    expect(stepLabel(SOP, { ...base, stepNo: "3" })).toBe(`3 · ${"x".repeat(90)}`);
    expect(stepLabel(SOP, { ...base, stepNo: "4" })).toBe(`4 · ${"y".repeat(89)}…`);
    expect(stepLabel(SOP, { ...base, stepNo: "9" })).toBe("9 · ");
    expect(stepLabel(SOP, { ...base, stepNo: "", status: "Selesai", lastAt: wib(2026, 11, 3, 14, 5) })).toBe("Selesai · 3 November 2026 14.05");
    expect(stepLabel(SOP, { ...base, stepNo: "", status: "Selesai", lastAt: wib(2026, 11, 3, 14, 5), outcome: "Tidak disetujui" })).toBe("Selesai · 3 November 2026 14.05 · Tidak disetujui");
    expect(stepLabel(SOP, { ...base, stepNo: "", status: "Dibatalkan" })).toBe("—");
  });

  test("each lane's last act: a return reads as a return, a later approval as done; other entries do not count", () => {
    const c = { ...base, history: [item("1", "start"), item("1", "complete"), item("2", "return"), item("1", "complete"), item("3", "reassign"), item("3", "document"), item("9", "approve")] };
    expect([...lastActs(SOP, c)]).toEqual([["JFU", "done"], ["KASUBBAG", "return"]]);
    expect(lastActs(SOP, { ...c, history: [...c.history, item("2", "approve")] }).get("KASUBBAG")).toBe("done");
    expect(lastActs(SOP, { ...c, history: [item("3", "decide")] }).get("SEKRETARIS")).toBe("done");
    expect(lastActs(SOP, { ...c, history: [item("3", "cancel"), item("2", "reopen"), item("1", "number")] }).size).toBe(0);
  });

  test("minutes late are working minutes past the due instant, 0 before it, without a standard, or once finished", () => {
    expect(lateMinutes(base, wib(2026, 11, 2, 10, 30), cal)).toBe(90);
    expect(lateMinutes(base, wib(2026, 11, 2, 9, 0), cal)).toBe(0);
    expect(lateMinutes(base, wib(2026, 11, 2, 8, 59), cal)).toBe(0);
    expect(lateMinutes({ ...base, dueAt: null }, wib(2026, 11, 3), cal)).toBe(0);
    expect(lateMinutes({ ...base, stepNo: "" }, wib(2026, 11, 3), cal)).toBe(0);
  });
});

describe("renderRow", () => {
  test("writes every cell: dates as date cells, the holder's lane, ✓ and ↩ marks with their times, the due instant", () => {
    const c = { ...base, done: { JFU: wib(2026, 11, 2, 7, 45), SEKRETARIS: wib(2026, 10, 30, 9, 5) }, history: [...base.history, item("3", "return")] };
    const row = renderRow(SOP, c, wib(2026, 11, 2, 10, 30), cal);
    expect({ ...row, [H.data]: "…" }).toEqual({
      ID: "SM-2026-0001", Perihal: "Undangan", "Tanggal Surat": { date: "2026-10-30" }, Nilai: 1250, Status: "Berjalan", Langkah: "2 · Memeriksa",
      "▸ JFU": "✓ 2 November 2026 07.45", "▸ KASUBBAG": "▶ 2 · sejak 2 November 2026 08.00", "▸ SEKRETARIS": "↩ dikembalikan 30 Oktober 2026 09.05",
      Tenggat: { dateTime: wib(2026, 11, 2, 9, 0) }, Terlambat: 90, Dokumen: "https://docs.example/1\nhttps://docs.example/2", "Putaran revisi": 1, SRIKANDI: "SR-9", Versi: 3, "Data sistem": "…",
    });
  });

  test("a date field holding something other than date text is written as it is", () => {
    expect(renderRow(SOP, { ...base, fields: { ...base.fields, tanggal: 20261030 } }, MONDAY, cal)["Tanggal Surat"]).toBe(20261030);
  });

  test("an empty date stays empty, a missing field is blank; a finished case has no holder and no due date", () => {
    const c = { ...base, fields: { perihal: "Undangan", tanggal: "" }, status: "Selesai" as const, stepNo: "", done: {}, lastAt: MONDAY };
    const row = renderRow(SOP, c, wib(2026, 11, 9), cal);
    expect([row["Tanggal Surat"], row.Nilai, row["▸ KASUBBAG"], row["▸ JFU"], row.Tenggat, row.Terlambat]).toEqual(["", "", "", "", "", 0]);
    expect(renderRow(SOP, { ...base, dueAt: null }, MONDAY, cal).Tenggat).toBe("");
  });

  test("the hidden state is checksummed (FNV-1a) and leaves out what the row shows", () => {
    expect(checksum("")).toBe((0x811c9dc5).toString(36));
    expect(checksum("a")).toBe((0xe40c292c).toString(36));
    expect(checksum("foobar")).toBe((0xbf9cf968).toString(36));
    const cell = String(renderRow(SOP, base, MONDAY, cal)[H.data]);
    const bar = cell.indexOf("|");
    expect(cell.slice(0, bar)).toBe(checksum(cell.slice(bar + 1)));
    const hidden = JSON.parse(cell.slice(bar + 1));
    expect(hidden.fields).toBeUndefined();
    expect(hidden.srikandi).toBeUndefined();
    expect(hidden.id).toBe("SM-2026-0001");
  });
});

describe("fitHidden", () => {
  const { fields: _f, srikandi: _s, ...hidden } = base;
  const note = "n".repeat(1000);
  const long = { ...hidden, stepNo: "2", history: [item("1", "start", 1, note), item("1", "complete", 2, note), item("2", "return", 3, note), item("1", "complete", 4, note), item("2", "approve", 5, note)], ticks: { "1|Surat": { done: true, link: "", by: "a", at: 1 }, "2|Disposisi": { done: true, link: "", by: "a", at: 2 }, "12|Lain": { done: false, link: "", by: "a", at: 3 } } };
  const size = (x: unknown) => JSON.stringify(x).length;

  test("a state within the budget is kept as it is", () => {
    expect(fitHidden(long, size(long))).toBe(long);
  });

  test("old history gives way first, the first item and the latest stay, and the count left out is kept", () => {
    const h = fitHidden(long, size(long) - 1);
    expect(h.history.map((x) => x.at)).toEqual([1, 3, 4, 5]);
    expect(h.historyOmitted).toBe(1);
    expect(h.ticks).toEqual(long.ticks);
    const again = fitHidden({ ...long, historyOmitted: 7 }, size(long) - 1);
    expect(again.historyOmitted).toBe(8);
    const two = fitHidden(long, size(long) - 2500);
    expect(two.history.map((x) => x.at)).toEqual([1, 5]);
    expect(two.historyOmitted).toBe(3);
    expect(two.history[1].note).toBe(note);
  });

  test("history stops giving way as soon as the state fits, to the character", () => {
    const once = { ...long, history: [long.history[0], ...long.history.slice(2)], historyOmitted: 1 };
    expect(fitHidden(long, size(once))).toEqual(once);
    expect(fitHidden(long, size(once) - 1).history.map((x) => x.at)).toEqual([1, 4, 5]);
  });

  test("a long history gives way a quarter at a time", () => {
    const eight = { ...long, history: Array.from({ length: 8 }, (_, i) => item("1", "complete", i + 1, note)) };
    const h = fitHidden(eight, size(eight) - 1);
    expect(h.history.map((x) => x.at)).toEqual([1, 3, 4, 5, 6, 7, 8]);
    expect(h.historyOmitted).toBe(1);
  });

  test("then old notes are shortened to 300 characters, then ticks of other steps are dropped", () => {
    const notes = fitHidden(long, 2000);
    expect(notes.history.map((x) => x.note)).toEqual([`${"n".repeat(300)}…`, `${"n".repeat(300)}…`]);
    expect(notes.ticks).toEqual(long.ticks);
    expect(fitHidden(long, size(notes))).toEqual(notes);
    const ticks = fitHidden(long, size(notes) - 1);
    expect(ticks.history.map((x) => x.note.length)).toEqual([301, 301]);
    expect(ticks.ticks).toEqual({ "2|Disposisi": long.ticks["2|Disposisi"] });
    expect(fitHidden(long, 100)).toEqual(ticks);
    const short = fitHidden({ ...long, history: long.history.map((x) => ({ ...x, note: "n".repeat(300) })) }, 1000);
    expect(short.history.map((x) => x.note.length)).toEqual([300, 300]);
  });
});

describe("reading a row back", () => {
  const row = () => asRead(renderRow(SOP, base, MONDAY, cal));

  test("a case reads back in each of its four statuses", () => {
    for (const status of ["Berjalan", "Dikembalikan", "Selesai", "Dibatalkan"] as const) {
      const c = { ...base, status, stepNo: status === "Selesai" || status === "Dibatalkan" ? "" : base.stepNo };
      const r = readRow(SOP, asRead(renderRow(SOP, c, MONDAY, cal)), "x");
      expect([status, r.ok && r.case.status]).toEqual([status, status]);
    }
  });

  test("field cells become values by type: a date cell its date, a checkbox TRUE/FALSE, a number in a text field text", () => {
    const f = fieldsFromRow(SOP, { Perihal: 17, "Tanggal Surat": { date: "2026-10-01" }, Nilai: 5 });
    expect(f).toEqual({ perihal: "17", tanggal: "2026-10-01", nilai: 5 });
    expect(fieldsFromRow(SOP, { Perihal: true, "Tanggal Surat": null, Nilai: "lima" })).toEqual({ perihal: "TRUE", tanggal: "", nilai: "lima" });
    expect(fieldsFromRow(SOP, { Perihal: false })).toEqual({ perihal: "FALSE", tanggal: "", nilai: "" });
    expect(fieldsFromRow({ ...SOP, fields: [{ key: "toString", label: "toString", type: "text", required: false }] } as Sop, {})).toEqual({ toString: "" });
  });

  test("links pasted in Dokumen become the case's documents, blank lines dropped; without that column the kept ones stay", () => {
    const r = readRow(SOP, { ...row(), [H.docs]: " https://a.example \n\n https://b.example", [H.srikandi]: "SR-10" }, "x");
    expect(r.ok && [r.case.documents, r.case.srikandi]).toEqual([["https://a.example", "https://b.example"], "SR-10"]);
    const { [H.docs]: _d, [H.srikandi]: _s, ...rest } = row();
    const kept = readRow(SOP, rest, "x");
    expect(kept.ok && [kept.case.documents, kept.case.srikandi]).toEqual([base.documents, ""]);
    const empty = readRow(SOP, { ...row(), [H.docs]: null }, "x");
    expect(empty.ok && empty.case.documents).toEqual([]);
  });

  test("system cells are compared after trimming, and only where the register has them", () => {
    expect(readRow(SOP, { ...row(), [H.version]: " 3 ", [H.status]: "Berjalan " }, "x").ok).toBe(true);
    const { [H.status]: _st, [H.step]: _sp, [H.version]: _v, ...bare } = row();
    const r = readRow(SOP, bare, "x");
    expect(r.ok && r.case.version).toBe(3);
    expect(readRow(SOP, { ...row(), [H.step]: " 2 · teks lain " }, "x").ok).toBe(true);
  });

  test("a case at a step without text (or one the SOP no longer has) reads back: its Langkah is the number and a bare dot", () => {
    for (const c of [{ ...base, stepNo: "9" }, base]) {
      const sop = { ...SOP, steps: SOP.steps.map((s) => ({ ...s, text: "" })) } as Sop;
      const row = asRead(renderRow(sop, c, MONDAY, cal));
      expect(row[H.step]).toBe(`${c.stepNo} · `);
      expect(readRow(sop, row, "x").ok).toBe(true);
    }
    const edited = readRow(SOP, { ...row(), [H.step]: "3 · " }, "x");
    expect(edited.ok ? "" : edited.reason).toMatch(/kolom "Langkah" kasus SM-2026-0001 diubah secara manual \(tertulis "3", seharusnya "2"\)/);
  });

  test("an emptied system cell is refused, quoting it as empty", () => {
    for (const header of [H.status, H.step, H.version]) {
      const r = readRow(SOP, { ...row(), [header]: null }, "x");
      expect([header, r.ok ? "" : r.reason]).toEqual([header, expect.stringContaining(`kolom "${header}" kasus SM-2026-0001 diubah secara manual (tertulis "", seharusnya`)]);
    }
  });

  test("a hidden state that is not Alur's, or names a status Alur does not know, is refused with where it is", () => {
    const bad = (data: string) => readRow(SOP, { ...row(), [H.data]: data }, "SM baris 4");
    const manual = 'SM baris 4: kolom "Data sistem" kasus SM-2026-0001 diubah secara manual';
    for (const data of ["tanpa garis", `${checksum("{bukan json")}|{bukan json`, `x${checksum("{}")}|{}`]) {
      const r = bad(data);
      expect(r.ok ? "" : r.reason.slice(0, manual.length)).toBe(manual);
    }
    const strange = renderRow(SOP, { ...base, status: "Aneh" as never }, MONDAY, cal);
    const { [H.status]: _s, ...noStatus } = asRead(strange);
    expect(readRow(SOP, noStatus, "SM baris 4")).toEqual({ ok: false, reason: "SM baris 4: status kasus SM-2026-0001 tidak dikenal." });
    expect(readRow(SOP, { [H.data]: "" }, "SM baris 5")).toEqual({ ok: false, reason: 'SM baris 5: baris tanpa ID tidak dibuat lewat Alur (kolom "Data sistem" kosong). Buat kasus lewat panel Alur › Kasus baru.' });
    expect(readRow(SOP, { ...row(), [H.id]: " SM-2026-0001 " }, "x").ok).toBe(true);
  });
});

describe("date cells", () => {
  test("a date cell holds Jakarta midnight, and reads back as that calendar date", () => {
    expect(instantOfYmd("2026-11-02")).toBe(wib(2026, 11, 2));
    expect(ymdOfInstant(wib(2026, 11, 2))).toBe("2026-11-02");
    expect(ymdOfInstant(wib(2026, 11, 2, 23, 59))).toBe("2026-11-02");
    expect(ymdOfInstant(wib(2026, 1, 9) - 60_000)).toBe("2026-01-08");
  });
});
