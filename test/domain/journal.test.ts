// Riwayat as a chained journal (src/domain/journal.ts): every column is under the hash, rows read back as written,
// and the check names each way the sheet can be tampered with (a cell changed, a row deleted, copied, added, replaced).
import { createHmac } from "node:crypto";
import { J, JOURNAL_WIDTH, type JournalEntry, type RawCell, canonical, entryHash, journalRow, parseJournalRow, verifyJournal, wholeSeconds } from "../../src/domain/journal";
import type { Cell } from "../../src/domain/register";

const hmacWith = (secret: string) => (m: string) => createHmac("sha256", secret).update(m).digest("hex");
const KEYS: Record<string, string> = { k1: "rahasia-satu", k2: "rahasia-dua" };
const hmacFor = (keyId: string) => (KEYS[keyId] ? hmacWith(KEYS[keyId]) : null);
/** Monday 2 November 2026, 08:00 WIB. */
const AT = Date.UTC(2026, 10, 2, 1, 0);

function entry(seq: number, extra: Partial<JournalEntry> = {}): JournalEntry {
  return {
    seq,
    at: AT + seq * 60_000,
    kind: "complete",
    caseId: "SM-2026-0001",
    sopId: "surat-masuk",
    sopTitle: "SOP Surat Masuk",
    stepNo: "2",
    role: "SEKRETARIS",
    actor: "sekretaris@dinas.example",
    actingFor: "",
    note: "Diteruskan",
    minutes: 35,
    standard: 30,
    channel: "sidebar",
    version: seq + 1,
    data: { state: undefined, notes: [] },
    ...extra,
  };
}

/** The cells as a sheet gives them back: a date cell as { dateTime }, blanks as "". */
const cells = (row: Cell[]): RawCell[] => row.map((c) => (c === null || c === undefined ? "" : (c as RawCell)));

/** A chain of `n` entries under key k1, each row as written, with the head the script keeps. */
function chain(n: number, keyId = "k1") {
  const rows: { row: number; cells: RawCell[] }[] = [];
  let prev = "";
  for (let seq = 1; seq <= n; seq++) {
    const e = entry(seq);
    const hash = entryHash(prev, e, keyId, hmacFor(keyId)!);
    rows.push({ row: seq + 1, cells: cells(journalRow(e, hash, keyId)) });
    prev = hash;
  }
  return { rows, head: { seq: n, hash: prev } };
}

const START = { seq: 0, hash: "" };

describe("journal rows", () => {
  test("a row reads back as the entry written: every column, a blank standard as null, whole seconds", () => {
    const e = entry(7, { at: AT + 999, standard: null, actingFor: "Plt. Sekretaris (Budi)", channel: "email", kind: "return", data: { reason: "Salah alamat", n: 2 } });
    const row = journalRow(e, "abc123", "k2");
    expect(row).toHaveLength(JOURNAL_WIDTH);
    expect(row[J.at]).toEqual({ dateTime: AT });
    expect(row[J.label]).toBe("Kembalikan");
    expect(row[J.standard]).toBe("");
    const back = parseJournalRow(cells(row));
    expect(back).toEqual({ entry: { ...e, at: AT }, hash: "abc123", keyId: "k2" });
    // A kind a later release adds is written as itself (no label yet) and still read back.
    const later = journalRow(entry(8, { kind: "pindah" as JournalEntry["kind"] }), "h", "k1");
    expect(later[J.label]).toBe("pindah");
    expect(parseJournalRow(cells(later))?.entry.kind).toBe("pindah");
  });

  test("a standard of zero minutes and zero minutes spent read back as numbers, not as blanks", () => {
    const back = parseJournalRow(cells(journalRow(entry(3, { standard: 0, minutes: 0 }), "h", "k1")));
    expect(back?.entry.standard).toBe(0);
    expect(back?.entry.minutes).toBe(0);
  });

  test("rows that are not journal rows (legacy, blank, typed by hand) read as null", () => {
    const good = cells(journalRow(entry(4), "h", "k1"));
    const withCell = (i: number, v: RawCell) => good.map((c, j) => (j === i ? v : c));
    expect(parseJournalRow(good)).not.toBeNull();
    expect(parseJournalRow(withCell(J.at, "2 November 2026"))).toBeNull();
    expect(parseJournalRow(withCell(J.at, ""))).toBeNull();
    expect(parseJournalRow(withCell(J.at, { date: "2026-11-02" }))).toBeNull();
    expect(parseJournalRow(withCell(J.seq, 0))).toBeNull();
    expect(parseJournalRow(withCell(J.seq, 2.5))).toBeNull();
    expect(parseJournalRow(withCell(J.seq, ""))).toBeNull();
    expect(parseJournalRow(withCell(J.kind, ""))).toBeNull();
    expect(parseJournalRow(withCell(J.data, "{bukan json"))).toBeNull();
    expect(parseJournalRow(withCell(J.data, "[1,2]"))).toBeNull();
    expect(parseJournalRow(withCell(J.data, "null"))).toBeNull();
    expect(parseJournalRow(withCell(J.data, "7"))).toBeNull();
    // A blank Data cell is an entry with no data.
    expect(parseJournalRow(withCell(J.data, ""))?.entry.data).toEqual({});
    // Hand-typed text where numbers belong reads as 0, never as NaN.
    const typed = parseJournalRow(withCell(J.minutes, "tiga puluh"));
    expect(typed?.entry.minutes).toBe(0);
    expect(parseJournalRow(withCell(J.version, "x"))?.entry.version).toBe(0);
    expect(parseJournalRow(withCell(J.caseId, { dateTime: AT }))?.entry.caseId).toBe("");
    expect(parseJournalRow(withCell(J.note, null))?.entry.note).toBe("");
    // Cells the sheet gives back empty (null or missing) read as blank, never as the words "null" or "undefined".
    expect(parseJournalRow(withCell(J.note, undefined))?.entry.note).toBe("");
    expect(parseJournalRow(withCell(J.actingFor, undefined))?.entry.actingFor).toBe("");
    expect(parseJournalRow(withCell(J.at, null))).toBeNull();
    expect(parseJournalRow(withCell(J.standard, null))?.entry.standard).toBeNull();
    expect(parseJournalRow(withCell(J.standard, undefined))?.entry.standard).toBeNull();
    expect(parseJournalRow(withCell(J.standard, "45"))?.entry.standard).toBe(45);
  });

  test("whole seconds drop the milliseconds a date cell cannot keep", () => {
    expect(wholeSeconds(AT + 999)).toBe(AT);
    expect(wholeSeconds(AT + 1000)).toBe(AT + 1000);
  });
});

describe("the chain's hash", () => {
  test("covers every column: changing any one of them, Menit kerja included, changes the hash", () => {
    const e = entry(5, { data: { item: "KTP" } });
    const base = entryHash("prev", e, "k1", hmacFor("k1")!);
    expect(base).toMatch(/^[0-9a-f]{40}$/);
    const changed: Partial<JournalEntry>[] = [
      { seq: 6 },
      { at: e.at + 1000 },
      { kind: "approve" },
      { caseId: "SM-2026-0002" },
      { sopId: "surat-keluar" },
      { sopTitle: "SOP Surat Keluar" },
      { stepNo: "3" },
      { role: "JFU" },
      { actor: "jfu@dinas.example" },
      { actingFor: "sebagai admin" },
      { note: "Diteruskan." },
      { minutes: 36 },
      { standard: 31 },
      { standard: null },
      { channel: "email" },
      { version: e.version + 1 },
      { data: { item: "KK" } },
    ];
    for (const c of changed) expect([c, entryHash("prev", { ...e, ...c }, "k1", hmacFor("k1")!)]).not.toEqual([c, base]);
    // The previous hash and the key's name are under it too.
    expect(entryHash("prev2", e, "k1", hmacFor("k1")!)).not.toBe(base);
    expect(entryHash("prev", e, "k2", hmacFor("k1")!)).not.toBe(base);
    // Milliseconds a cell drops do not change it (the hash must survive the round trip).
    expect(entryHash("prev", { ...e, at: e.at + 999 }, "k1", hmacFor("k1")!)).toBe(base);
  });

  test("the hashed text is as earlier releases wrote it, so Riwayat rows already written still verify", () => {
    const e = entry(9, { standard: null, data: { a: 1 } });
    expect(canonical(e, "k1")).toBe(
      ["9", new Date(AT + 9 * 60_000).toISOString(), "complete", "SM-2026-0001", "surat-masuk", "SOP Surat Masuk", "2", "SEKRETARIS", "sekretaris@dinas.example", "", "Diteruskan", "35", "", "sidebar", "10", '{"a":1}', "k1"].join("\u001f"),
    );
    expect(entryHash("p", e, "k1", (m) => `${m.length}:${m}`)).toBe(`${("p\u001e" + canonical(e, "k1")).length}:p\u001e${canonical(e, "k1")}`.slice(0, 40));
  });

  test("the canonical text keeps the fields apart, so moving text between two columns is seen", () => {
    const a = canonical(entry(1, { note: "ab", actingFor: "" }), "k1");
    const b = canonical(entry(1, { note: "b", actingFor: "a" }), "k1");
    expect(a).not.toBe(b);
    expect(canonical(entry(1), "k1").split("\u001f")).toHaveLength(17);
  });
});

describe("checking the chain", () => {
  test("an untouched journal, in any row order, has no problems; nor has a check of only what was added since", () => {
    const { rows, head } = chain(5);
    expect(verifyJournal(rows, hmacFor, head, START)).toEqual([]);
    expect(verifyJournal([...rows].reverse(), hmacFor, head, START)).toEqual([]);
    const third = parseJournalRow(rows[2].cells)!;
    expect(verifyJournal(rows, hmacFor, head, { seq: 3, hash: third.hash })).toEqual([]);
    // Rows before the check's start are not looked at, even when changed.
    const edited = rows.map((r, i) => (i === 1 ? { ...r, cells: r.cells.map((c, j) => (j === J.note ? "diubah" : c)) } : r));
    expect(verifyJournal(edited, hmacFor, head, { seq: 3, hash: third.hash })).toEqual([]);
    expect(verifyJournal(edited, hmacFor, head, START)).toEqual([{ row: 3, seq: 2, message: "Baris 3 (No 2, SM-2026-0001) diubah setelah dicatat." }]);
  });

  test("a journal changed under a key rotation: each row is checked with the key it names", () => {
    const rows: { row: number; cells: RawCell[] }[] = [];
    let prev = "";
    for (let seq = 1; seq <= 4; seq++) {
      const keyId = seq <= 2 ? "k1" : "k2";
      const e = entry(seq);
      const hash = entryHash(prev, e, keyId, hmacFor(keyId)!);
      rows.push({ row: seq + 1, cells: cells(journalRow(e, hash, keyId)) });
      prev = hash;
    }
    expect(verifyJournal(rows, hmacFor, { seq: 4, hash: prev }, START)).toEqual([]);
  });

  test("a changed Menit kerja is caught", () => {
    const { rows, head } = chain(3);
    const edited = rows.map((r, i) => (i === 1 ? { ...r, cells: r.cells.map((c, j) => (j === J.minutes ? 5 : c)) } : r));
    expect(verifyJournal(edited, hmacFor, head, START)).toEqual([{ row: 3, seq: 2, message: "Baris 3 (No 2, SM-2026-0001) diubah setelah dicatat." }]);
  });

  test("a deleted row is named, and the row after it is flagged as unverifiable", () => {
    const { rows, head } = chain(4);
    const problems = verifyJournal(rows.filter((_, i) => i !== 1), hmacFor, head, START);
    expect(problems).toEqual([
      { row: 0, seq: 2, message: "Catatan No 2 tidak ada di Riwayat: barisnya dihapus." },
      { row: 4, seq: 3, message: "Baris 4 (No 3, SM-2026-0001) diubah setelah dicatat, atau catatan sebelumnya dihapus." },
    ]);
  });

  test("a row copied, a row with a key Alur does not know, a row added after the head, the last row replaced", () => {
    const { rows, head } = chain(3);
    expect(verifyJournal([...rows, { row: 9, cells: rows[1].cells }], hmacFor, head, START)).toEqual([
      { row: 9, seq: 2, message: "No 2 tertulis dua kali (baris 3 dan 9): salah satunya disalin atau ditambahkan manual." },
    ]);
    const foreign = rows.map((r, i) => (i === 2 ? { ...r, cells: r.cells.map((c, j) => (j === J.key ? "kx" : c)) } : r));
    expect(verifyJournal(foreign, hmacFor, head, START)).toEqual([
      { row: 4, seq: 3, message: 'Baris 4 (No 3) menyebut kunci "kx" yang tidak dikenal Alur: baris itu tidak dibuat Alur.' },
    ]);
    // A fourth row made with a real key but after the head the script keeps.
    const e4 = entry(4);
    const extra = { row: 5, cells: cells(journalRow(e4, entryHash(head.hash, e4, "k1", hmacFor("k1")!), "k1")) };
    expect(verifyJournal([...rows, extra], hmacFor, head, START)).toEqual([{ row: 5, seq: 4, message: "Baris 5 (No 4) ditambahkan di luar Alur." }]);
    // The last row replaced by one that chains correctly but is not what the head records.
    const e3 = entry(3, { note: "Ditimpa" });
    const prev = parseJournalRow(rows[1].cells)!.hash;
    const replaced = [...rows.slice(0, 2), { row: 4, cells: cells(journalRow(e3, entryHash(prev, e3, "k1", hmacFor("k1")!), "k1")) }];
    expect(verifyJournal(replaced, hmacFor, head, START)).toEqual([{ row: 4, seq: 3, message: "Baris 4 (No 3) bukan catatan terakhir yang dibuat Alur: isinya diganti." }]);
  });

  test("problems come in the chain's order, whatever the rows' order; rows that are not journal rows are left alone", () => {
    const { rows, head } = chain(4);
    const e5 = entry(5);
    const added = { row: 1, cells: cells(journalRow(e5, "f".repeat(40), "k1")) };
    const legacy = { row: 7, cells: ["catatan lama", "SM-2025-0001"] as RawCell[] };
    const problems = verifyJournal([added, legacy, ...rows.filter((_, i) => i !== 0)], hmacFor, head, START);
    expect(problems.map((p) => p.seq)).toEqual([1, 2, 5]);
  });

  test("rows before the check's start are not looked at, even copied; problems are sorted by number", () => {
    const { rows, head } = chain(5);
    const third = parseJournalRow(rows[2].cells)!;
    // Rows 2 and 3 copied, at or before the start of a check from No 3: nothing to say.
    const copied = [...rows, { row: 20, cells: rows[1].cells }, { row: 21, cells: rows[2].cells }];
    expect(verifyJournal(copied, hmacFor, head, { seq: 3, hash: third.hash })).toEqual([]);
    // A copy of No 4 (found first), No 1 deleted, two rows added after the head in reverse order: in number order.
    const e6 = entry(6);
    const e7 = entry(7);
    const added = [
      { row: 30, cells: cells(journalRow(e7, "a".repeat(40), "k1")) },
      { row: 31, cells: cells(journalRow(e6, "b".repeat(40), "k1")) },
    ];
    const problems = verifyJournal([{ row: 9, cells: rows[3].cells }, ...rows.slice(1), ...added], hmacFor, head, START);
    expect(problems.map((p) => p.seq)).toEqual([1, 2, 4, 6, 7]);
  });

  test("an empty journal with nothing recorded is fine; one whose rows were all deleted is not", () => {
    expect(verifyJournal([], hmacFor, { seq: 0, hash: "" }, START)).toEqual([]);
    expect(verifyJournal([], hmacFor, { seq: 2, hash: "abc" }, START).map((p) => p.message)).toEqual([
      "Catatan No 1 tidak ada di Riwayat: barisnya dihapus.",
      "Catatan No 2 tidak ada di Riwayat: barisnya dihapus.",
    ]);
  });
});
