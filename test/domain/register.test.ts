// Register rows: rendering a case, reading it back, and refusing hand edits to system cells with an explanation.
import { sop as SK } from "../../src/catalog/sops/surat-keluar";
import { H, HIDDEN_BUDGET, type ReadCell, laneHeader, readRow, registerHeaders, renderRow } from "../../src/domain/register";
import type { HistoryItem } from "../../src/domain/case";
import { transition } from "../../src/domain/transition";
import { MONDAY, ctx } from "./transition-fixtures";

function started() {
  const r = transition(null, SK, { type: "start", fields: { perihal: "Rapat", tujuan: "BKD", sifat: "Biasa", klasifikasi: "005" } }, ctx("jfu@dinas.example", MONDAY, { newId: "SK-2026-0007", sopRev: "r1" }));
  if (!r.ok) throw new Error(r.reason);
  return r.case;
}

function asRead(row: Record<string, unknown>): Record<string, ReadCell> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v && typeof v === "object" && "dateTime" in v ? null : (v as ReadCell)]));
}

describe("register rows", () => {
  const cal = ctx("x", MONDAY).calendar;

  test("headers: ID, fields, Dokumen and SRIKANDI, then Alur's own columns side by side (one ▸ per pelaksana) — no clashes", () => {
    const h = registerHeaders(SK);
    expect(h[0]).toBe("ID");
    expect(h).toContain(laneHeader("SEKRETARIS"));
    expect(new Set(h).size).toBe(h.length);
    expect(h.slice(SK.fields.length + 1, SK.fields.length + 5)).toEqual([H.docs, H.srikandi, H.status, H.step]);
    expect(h.slice(-5)).toEqual([H.due, H.late, H.rounds, H.version, H.data]);
  });

  test("the holder's lane cell shows the step and since when; the row reads back to the same case", () => {
    const c = started();
    const row = renderRow(SK, c, MONDAY, cal);
    expect(row[laneHeader("SEKRETARIS")]).toMatch(/^▶ 1 · sejak 2 November 2026 08\.00$/);
    expect(row[H.status]).toBe("Berjalan");
    const back = readRow(SK, asRead(row), "SK baris 2");
    expect(back.ok && back.case).toEqual(c);
  });

  test.each([
    [H.status, "Selesai", /kolom "Status" kasus SK-2026-0007 diubah secara manual \(tertulis "Selesai", seharusnya "Berjalan"\)/],
    [H.step, "5 · Memeriksa", /kolom "Langkah" kasus SK-2026-0007 diubah secara manual/],
    [H.version, 9, /kolom "Versi" kasus SK-2026-0007 diubah secara manual/],
    [H.data, "xyz|{}", /kolom "Data sistem" kasus SK-2026-0007 diubah secara manual/],
    [H.id, "SK-2026-0008", /ID pada baris \(SK-2026-0008\) tidak cocok/],
  ])("a hand edit of %s is refused with an explanation", (header, value, message) => {
    const row = asRead(renderRow(SK, started(), MONDAY, cal));
    row[header] = value as ReadCell;
    const r = readRow(SK, row, "Sheet SK baris 2");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(message);
  });

  test("a row typed by hand (no system data) is reported with its location", () => {
    const r = readRow(SK, { [H.id]: "SK-2026-0099", Perihal: "ketik manual" }, "Sheet SK baris 12");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^Sheet SK baris 12: baris SK-2026-0099 tidak dibuat lewat Alur/);
  });

  test("fields typed in the row are read back (staff may correct a field by hand)", () => {
    const row = asRead(renderRow(SK, started(), MONDAY, cal));
    row["Perihal"] = "Rapat koordinasi";
    const r = readRow(SK, row, "x");
    expect(r.ok && r.case.fields.perihal).toBe("Rapat koordinasi");
  });

  test("a long-lived case stays within one cell: old history gives way first, the first and latest items stay", () => {
    const c = started();
    const note = "Perbaiki lampiran dan penomoran. ".repeat(150); // ~5,000 characters, the longest note the server accepts
    const items: HistoryItem[] = Array.from({ length: 120 }, (_, i) => ({ at: MONDAY + i * 60_000, by: "sekretaris@dinas.example", actingFor: "", action: i % 2 ? "return" : "complete", stepNo: String((i % 5) + 1), note, minutes: i, standard: 120 }));
    const long = { ...c, history: [...c.history, ...items] };
    const row = renderRow(SK, long, MONDAY, cal);
    const cell = String(row[H.data]);
    expect(cell.length).toBeLessThanOrEqual(50_000);
    expect(cell.length).toBeLessThanOrEqual(HIDDEN_BUDGET + 20);
    const back = readRow(SK, asRead(row), "x");
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const kept = back.case.history;
    expect(kept[0]).toEqual(c.history[0]);
    expect(kept[kept.length - 1]).toEqual(items[items.length - 1]);
    expect((back.case.historyOmitted ?? 0) + kept.length).toBe(long.history.length);
    expect(back.case.historyOmitted).toBeGreaterThan(0);
  });

  test("a short case keeps its whole history and says nothing was left out", () => {
    const back = readRow(SK, asRead(renderRow(SK, started(), MONDAY, cal)), "x");
    expect(back.ok && back.case.historyOmitted).toBeUndefined();
  });

  test("a finished case's Langkah carries its finish time; a hand-edited date there is refused, a bare Selesai is accepted", () => {
    const c = { ...started(), status: "Selesai" as const, stepNo: "", dueAt: null, lastAt: MONDAY };
    const row = asRead(renderRow(SK, c, MONDAY, cal));
    expect(row[H.step]).toBe("Selesai · 2 November 2026 08.00");
    expect(readRow(SK, row, "x").ok).toBe(true);
    expect(readRow(SK, { ...row, [H.step]: "Selesai" }, "x").ok).toBe(true);
    const edited = readRow(SK, { ...row, [H.step]: "Selesai · 1 Januari 2020 08.00" }, "x");
    expect(edited.ok).toBe(false);
    if (!edited.ok) expect(edited.reason).toMatch(/kolom "Langkah" kasus SK-2026-0007 diubah secara manual/);
  });
});
