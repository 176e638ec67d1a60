// Measures what each case action costs on registers and a Riwayat of a given size: shared by the benchmark and the cost test.
import { type Alur, ADMIN, MONDAY_8, P, setupAlur } from "./alur-world";
import { JOURNAL_HEADERS, type JournalEntry, journalRow } from "../src/domain/journal";

export const ACTIONS = ["start", "complete", "approve", "return"] as const;
export type ActionName = (typeof ACTIONS)[number];

export interface Cost {
  spreadsheetCalls: number;
  allCalls: number;
  cellsRead: number;
  ms: number;
}

const SK = "SK · Surat Keluar";

/**
 * Rows that look like finished cases of an earlier year (from row `at`), as in a register in use for a while: the
 * register gets its size without going through the API.
 */
export function fillFinished(alur: Alur, sheet: string, rows: number, at = 2): void {
  const header = alur.world.read(sheet)[0] as string[];
  const code = sheet.split(" · ")[0];
  const filler: unknown[][] = [];
  for (let i = 0; i < rows; i++) {
    filler.push(
      header.map((h) => {
        if (h === "ID") return `${code}-2025-${String(i + 1).padStart(5, "0")}`;
        if (h === "Status") return "Selesai";
        if (h === "Perihal") return `Surat lama nomor ${i + 1}`;
        if (h === "Langkah") return "Selesai";
        if (h === "Versi") return 9;
        return "";
      }),
    );
  }
  alur.world.fill(sheet, filler, { row: at });
}

/** Journal rows of finished cases of an earlier year, numbered 1..rows, with the head of the chain after them. */
export function fillRiwayat(alur: Alur, rows: number): void {
  const filler: unknown[][] = [];
  const at = new Date(Date.UTC(2025, 0, 6, 2));
  for (let i = 0; i < rows; i++) {
    const id = `SK-2025-${String((i % 20000) + 1).padStart(5, "0")}`;
    filler.push([at, id, "surat-keluar", "3", "JFU", "jfu@dinas.example", "", "Selesai & teruskan", "", 30, 30, "sidebar", "0", i + 1, "complete", "Surat Keluar", 4, '{"state":{}}', "k1"]);
  }
  alur.world.fill("Riwayat", filler, { row: 2 });
  alur.world.stores.script.map.set("alur.journal.head", JSON.stringify({ seq: rows, hash: "0", genesis: "" }));
}

/** Service calls, cells read and wall time of one call through the bundle. */
export function measure(alur: Alur, fn: () => void): Cost {
  alur.world.counter.reset();
  const t = process.hrtime.bigint();
  fn();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const s = alur.world.counter.snapshot();
  const all = Object.values(s.calls).reduce((a, b) => a + b, 0);
  return { spreadsheetCalls: s.spreadsheetCalls, allCalls: all, cellsRead: s.cellsRead, ms };
}

/** Runs start, complete, return and approve on a Surat Keluar case with `registerRows` other cases and `logRows` Riwayat rows. */
export function measureActions(registerRows: number, logRows: number): Record<ActionName, Cost> {
  const alur = setupAlur({ admins: [ADMIN] });
  fillFinished(alur, SK, registerRows);
  fillRiwayat(alur, logRows);
  alur.ok(P("sekretaris"), "listSops", null);
  const fields = { perihal: "Permohonan data", tujuan: "Kepala BPS", sifat: "Biasa", klasifikasi: "000.5.2" };
  let v = alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields });
  const start = measure(alur, () => {
    v = alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields });
  });
  alur.later(15);
  const complete = measure(alur, () => {
    v = alur.ok(P("sekretaris"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
  });
  v = alur.ok(P("kasubbag-umum"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
  v = alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
  const ret = measure(alur, () => {
    v = alur.ok(P("kasubbag-umum"), "act", { caseId: v.id, expectedVersion: v.version, action: "return", reason: "Perbaiki tujuan" });
  });
  v = alur.ok(P("jfu"), "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
  const approve = measure(alur, () => {
    v = alur.ok(P("kasubbag-umum"), "act", { caseId: v.id, expectedVersion: v.version, action: "approve" });
  });
  return { start, complete, approve, return: ret };
}

/** Rebuilding Laporan in full from a Riwayat of `logRows` rows: a full rebuild reads Riwayat once, so its cells follow the log's size. */
export function measureReport(logRows: number): Cost {
  const alur = setupAlur({ admins: [ADMIN] });
  fillRiwayat(alur, logRows);
  alur.ok(ADMIN, "listSops", null);
  return measure(alur, () => {
    alur.world.within({ user: ADMIN }, () => alur.ctx.menuRebuildReport());
  });
}

const JOURNAL_SOPS = [
  { id: "surat-masuk", code: "SM", lanes: ["JFU", "KASUBBAG", "SEKRETARIS", "KEPALA DINAS", "KASUBBAG", "KASUBBAG", "JFU"], std: 15 },
  { id: "surat-keluar", code: "SK", lanes: ["SEKRETARIS", "KASUBBAG", "JFU", "KASUBBAG", "SEKRETARIS", "KEPALA DINAS", "SEKRETARIS", "KASUBBAG", "JFU"], std: 30 },
];
const JOURNAL_ACTORS: Record<string, string> = { JFU: "jfu", KASUBBAG: "kasubbag-umum", SEKRETARIS: "sekretaris", "KEPALA DINAS": "kepala-dinas" };

/**
 * Journal rows `from`..`from + count - 1` of an office's history: cases of two SOPs, steps taking 1–120 working
 * minutes, spread evenly over the two years before the bench's Monday whatever the count — so the running aggregates
 * (a count per distinct duration per group) have the same groups and durations at every size.
 */
export function journalRows(from: number, count: number, total: number): unknown[][] {
  const span = 730 * 86_400_000;
  const rows: unknown[][] = [];
  for (let i = from; i < from + count; i++) {
    const k = Math.floor(i / 8);
    const sop = JOURNAL_SOPS[k % 2];
    const step = Math.min(i % 8, sop.lanes.length) || 1;
    const at = MONDAY_8 - span + Math.floor((i / total) * span / 1000) * 1000;
    const createdAt = MONDAY_8 - span + Math.floor(((k * 8) / total) * span / 1000) * 1000;
    const lane = sop.lanes[step - 1];
    const e: JournalEntry = {
      seq: i + 1,
      at,
      kind: i % 8 === 0 ? "start" : i % 29 === 0 ? "return" : "complete",
      caseId: `${sop.code}-2025-${String(k + 1).padStart(6, "0")}`,
      sopId: sop.id,
      sopTitle: sop.id,
      stepNo: String(step),
      role: lane,
      actor: `${JOURNAL_ACTORS[lane]}@dinas.example`,
      actingFor: "",
      note: "",
      minutes: i % 8 === 0 ? 0 : 1 + ((i * 37) % 120),
      standard: sop.std,
      channel: "sidebar",
      version: (i % 8) + 1,
      data: { state: { status: i % 8 === 7 ? "Selesai" : "Berjalan", createdAt } as never },
    };
    rows.push(journalRow(e, `h${i}`, "k1").map((c) => (c && typeof c === "object" && "dateTime" in c ? new Date(c.dateTime) : c)));
  }
  return rows;
}

/**
 * The daily run after `added` new journal entries on top of `existing` ones already counted: what it reads follows the
 * new entries and the open cases only (20 cases running on the registers here), never the history.
 */
export function measureDailyReport(existing: number, added = 1000): Cost {
  const alur = setupAlur({ admins: [ADMIN] });
  const fields = { perihal: "Permohonan data", tujuan: "Kepala BPS", sifat: "Biasa", klasifikasi: "000.5.2" };
  for (let i = 0; i < 20; i++) alur.ok(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields });
  alur.world.fill("Riwayat", [[...JOURNAL_HEADERS]], { row: 1 });
  const riwayat = alur.world.spreadsheet.getSheetByName("Riwayat")!;
  riwayat.deleteRows(2, riwayat.getLastRow() - 1);
  const total = existing + added;
  alur.world.fill("Riwayat", journalRows(0, existing, total), { row: 2 });
  alur.ok(ADMIN, "rebuildReport", null);
  alur.world.fill("Riwayat", journalRows(existing, added, total), { row: existing + 2 });
  return measure(alur, () => {
    alur.ok(ADMIN, "rebuildReport", null);
  });
}
