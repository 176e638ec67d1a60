// What the triggers did while the clock moved, in words a person reads: emails sent, Terlambat updated, Laporan rebuilt.
// Triggers return nothing useful, so this looks at what changed: the Outbox, Antrean Email, registers, Riwayat, sheets.
import { isDate } from "../fakes/errors";
import type { FakeSheet } from "../fakes/sheet";
import type { TriggerRecord } from "../fakes/triggers";
import type { World } from "../fakes/world";

const HOUR = 3_600_000;

/** A trigger in words, from its kind and schedule (never its function's name). */
export function triggerName(t: Pick<TriggerRecord, "eventType" | "schedule">): string {
  const s = t.schedule ?? {};
  const n = (k: string) => (typeof s[k] === "number" ? (s[k] as number) : 0);
  if (t.eventType === "ON_CHANGE") return "pemicu perubahan sheet";
  if (t.eventType === "ON_EDIT") return "pemicu edit";
  if (t.eventType === "ON_OPEN") return "pemicu saat dibuka";
  if (t.eventType === "ON_FORM_SUBMIT") return "pemicu kiriman formulir";
  if (s.at !== undefined || s.after !== undefined) return "pemicu sekali jalan";
  if (n("everyMinutes")) return `pemicu tiap ${n("everyMinutes")} menit`;
  if (n("everyHours")) return n("everyHours") === 1 ? "pemicu per jam" : `pemicu tiap ${n("everyHours")} jam`;
  const at = typeof s.atHour === "number" ? ` pukul ${String(s.atHour).padStart(2, "0")}.00` : "";
  if (n("everyWeeks") || typeof s.weekDay === "string") return `pemicu mingguan${at}`;
  if (n("everyDays")) return n("everyDays") === 1 ? `pemicu harian${at}` : `pemicu tiap ${n("everyDays")} hari${at}`;
  return "pemicu berjadwal";
}

/** How long a jump was, in words: "1 jam", "1 hari", "1 minggu", "3 jam 30 menit". */
export function spanText(ms: number): string {
  const week = 7 * 24 * HOUR;
  if (ms % week === 0) return `${ms / week} minggu`;
  if (ms % (24 * HOUR) === 0) return `${ms / (24 * HOUR)} hari`;
  const h = Math.floor(ms / HOUR);
  const m = Math.round((ms % HOUR) / 60_000);
  return [h ? `${h} jam` : "", m ? `${m} menit` : ""].filter(Boolean).join(" ") || "sebentar";
}

const text = (v: unknown) => (v === undefined || v === null ? "" : isDate(v) ? String((v as Date).getTime()) : String(v));

function headerIndex(sheet: FakeSheet): Map<string, number> {
  const out = new Map<string, number>();
  for (let c = 0; c < sheet.grid.lastCol(); c++) {
    const h = text(sheet.grid.value(0, c)).trim();
    if (h && !out.has(h)) out.set(h, c);
  }
  return out;
}

/** Everything a trigger's work shows in, as of now. */
export interface Observation {
  outbox: number;
  subjects: string[];
  /** Antrean Email: row key (time, to, subject) → status. */
  queue: Map<string, string>;
  /** Registers (sheets with ID and Terlambat columns): "sheet|ID" → Terlambat as text. */
  late: Map<string, string>;
  /** Riwayat rows by kind (Jenis, else Aksi). */
  journal: number;
  reminders: number;
  /** Every sheet's values as one text, by name. */
  sheets: Map<string, string>;
}

function sheetText(sheet: FakeSheet): string {
  const rows = sheet.grid.lastRow();
  const cols = sheet.grid.lastCol();
  const parts: string[] = [];
  for (let r = 0; r < rows; r++) {
    const line: string[] = [];
    for (let c = 0; c < cols; c++) line.push(text(sheet.grid.value(r, c)));
    parts.push(line.join("\t"));
  }
  return parts.join("\n");
}

const REMINDER = /pengingat|reminder/i;

export function observe(world: World): Observation {
  const ss = world.spreadsheet;
  const out: Observation = {
    outbox: world.outbox.length,
    subjects: world.outbox.map((m) => m.subject),
    queue: new Map(),
    late: new Map(),
    journal: 0,
    reminders: 0,
    sheets: new Map(),
  };
  for (const sheet of ss.sheets) {
    out.sheets.set(sheet.name, sheetText(sheet));
    const h = headerIndex(sheet);
    const last = sheet.grid.lastRow();
    if (h.has("ID") && h.has("Terlambat")) {
      const [id, late] = [h.get("ID")!, h.get("Terlambat")!];
      for (let r = 1; r < last; r++) {
        const key = text(sheet.grid.value(r, id));
        if (key) out.late.set(`${sheet.name}|${key}`, text(sheet.grid.value(r, late)));
      }
    }
    if (sheet.name === "Antrean Email" && h.has("Status")) {
      const cols = ["Waktu", "Kepada", "Subjek"].map((x) => h.get(x) ?? -1);
      for (let r = 1; r < last; r++) out.queue.set(`${r}|${cols.map((c) => (c < 0 ? "" : text(sheet.grid.value(r, c)))).join("|")}`, text(sheet.grid.value(r, h.get("Status")!)));
    }
    if (sheet.name === "Riwayat") {
      const kind = h.get("Jenis") ?? -1;
      const action = h.get("Aksi") ?? -1;
      for (let r = 1; r < last; r++) {
        out.journal++;
        const k = kind >= 0 ? text(sheet.grid.value(r, kind)) : "";
        const a = action >= 0 ? text(sheet.grid.value(r, action)) : "";
        if (k === "reminder" || REMINDER.test(a)) out.reminders++;
      }
    }
  }
  return out;
}

export interface ClockRun {
  /** Time-driven runs that failed, with the trigger in words and the error. */
  failed: { name: string; error: string }[];
  /** Triggers that ran only their latest runs, in words, with how many hours (or runs) were left out. */
  skipped: { name: string; runs: number }[];
}

/**
 * The sentence parts for what happened between two observations, in Bahasa Indonesia: "3 pengingat terkirim",
 * "2 email menunggu kuota terkirim", "Terlambat diperbarui untuk 5 kasus", "Laporan dibangun ulang", …
 */
export function describe(before: Observation, after: Observation, run: ClockRun): string[] {
  const parts: string[] = [];
  const newMail = Math.max(0, after.outbox - before.outbox);
  let queued = 0;
  let failedMail = 0;
  for (const [key, status] of after.queue) {
    const was = before.queue.get(key);
    if (was === status) continue;
    if (/^Terkirim/i.test(status) && !/^Terkirim/i.test(was ?? "")) queued++;
    else if (/^Gagal/i.test(status) && !/^Gagal/i.test(was ?? "")) failedMail++;
  }
  queued = Math.min(queued, newMail);
  const reminderMail = after.subjects.slice(before.outbox).filter((s) => REMINDER.test(s)).length;
  const reminders = Math.min(newMail - queued, Math.max(reminderMail, after.reminders - before.reminders));
  const other = newMail - queued - reminders;
  if (reminders) parts.push(`${reminders} pengingat terkirim`);
  if (queued) parts.push(`${queued} email menunggu kuota terkirim`);
  if (other) parts.push(`${other} email${reminders || queued ? " lain" : ""} terkirim`);
  if (failedMail) parts.push(`${failedMail} email di Antrean Email gagal dikirim`);

  let late = 0;
  for (const [key, v] of after.late) if (before.late.has(key) && before.late.get(key) !== v) late++;
  if (late) parts.push(`Terlambat diperbarui untuk ${late} kasus`);

  const registers = new Set([...after.late.keys()].map((k) => k.slice(0, k.lastIndexOf("|"))));
  for (const [name, now] of after.sheets) {
    const was = before.sheets.get(name);
    if (was === now) continue;
    if (name === "Laporan") parts.push(was === undefined ? "Laporan dibuat" : "Laporan dibangun ulang");
    else if (name === "Antrean Email" || name === "Riwayat" || registers.has(name)) continue;
    else parts.push(was === undefined ? `sheet ${name} dibuat` : `sheet ${name} diperbarui`);
  }
  const entries = after.journal - before.journal - (after.reminders - before.reminders);
  if (entries > 0) parts.push(`${entries} catatan baru di Riwayat`);
  for (const s of run.skipped) parts.push(`${s.name} hanya dijalankan untuk ${s.runs} putaran terakhir`);
  for (const f of run.failed) parts.push(`${f.name} gagal`);
  return parts;
}

/** The toast: "Waktu maju 1 hari (kini …): 3 pengingat terkirim, Laporan dibangun ulang." */
export function clockSentence(span: string, now: string, parts: string[]): string {
  const body = parts.length ? parts.map((p, i) => (i === 0 ? p[0].toUpperCase() + p.slice(1) : p)).join(", ") : "Tidak ada yang berubah";
  return `Waktu maju ${span} (kini ${now}). ${body}.`;
}
