// What must hold after any fault, a retry and the hourly trigger: read from the World itself (raw, uncounted), with the
// domain's own parsers, so a check never depends on the bundle it checks.
import type { World } from "../../emulator/fakes";
import { builtInCatalog } from "../../src/catalog/builtin";
import { ROLES, roleById } from "../../src/catalog/roles";
import { jakartaDateString } from "../../src/domain/calendar";
import type { Notification } from "../../src/domain/case";
import { type JournalEntry, parseJournalRow, type RawCell } from "../../src/domain/journal";
import { holdersOf } from "../../src/domain/pejabat";
import { readPejabat } from "../../src/domain/pejabat-sheet";
import { fieldsFromRow, H, readRow } from "../../src/domain/register";
import type { Sop } from "../../src/domain/sop";
import { rowByHeader } from "../../src/gas/cells";

export interface Violation {
  invariant: string;
  evidence: string;
}

const CATALOG = builtInCatalog();
const sopOf = (id: string): Sop => {
  const s = CATALOG.find((x) => x.id === id);
  if (!s) throw new Error(`no SOP ${id}`);
  return s;
};

/** JSON with keys in order, so two equal objects built in different orders compare equal. */
export function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";
const instant = (v: unknown): RawCell => (isDate(v) ? { dateTime: v.getTime() } : (v as RawCell));

function props(world: World): Map<string, string> {
  return world.stores.script.map;
}

function json<T>(raw: string | undefined, fallback: T): T {
  if (!raw) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

interface Ids {
  riwayat: number;
  antreanEmail: number;
  pejabat: number;
  registers: Record<string, number>;
}

function sheetById(world: World, id: number | undefined) {
  return id === undefined ? undefined : world.spreadsheet.sheets.find((s) => s.sheetId === id);
}

/** Every journal entry in Riwayat, in sequence order. */
export function journal(world: World): JournalEntry[] {
  const ids = json<Ids | null>(props(world).get("alur.sheets"), null);
  const sheet = sheetById(world, ids?.riwayat);
  if (!sheet) return [];
  const out: JournalEntry[] = [];
  for (const r of world.read(sheet.name).slice(1)) {
    const p = parseJournalRow(r.map(instant));
    if (p) out.push(p.entry);
  }
  return out.sort((a, b) => a.seq - b.seq);
}

/** The case's latest state and fields as its journal tells them. */
function journalCases(entries: JournalEntry[]): Map<string, { state: JournalEntry; fields: JournalEntry | null; entries: JournalEntry[] }> {
  const out = new Map<string, { state: JournalEntry; fields: JournalEntry | null; entries: JournalEntry[] }>();
  for (const e of entries) {
    if (!e.data.state) continue;
    const have = out.get(e.caseId);
    if (!have) out.set(e.caseId, { state: e, fields: e.data.fields ? e : null, entries: [e] });
    else {
      have.state = e;
      if (e.data.fields) have.fields = e;
      have.entries.push(e);
    }
  }
  return out;
}

/** Kinds that move a case one version on (Ubah isian too: src/app/correct.ts). */
const MOVES = new Set(["start", "complete", "approve", "return", "reassign", "reopen", "cancel", "correct"]);

/**
 * Register rows against the journal: every row's hidden state, visible system cells and fields are what the case's
 * latest journal entries say; every case the journal knows has exactly one row; no row stands without a journal.
 */
export function registersAgree(world: World, entries: JournalEntry[]): Violation[] {
  const out: Violation[] = [];
  const bad = (evidence: string) => out.push({ invariant: "register row agrees with its journal", evidence });
  const ids = json<Ids | null>(props(world).get("alur.sheets"), null);
  if (!ids) return entries.length ? [{ invariant: "register row agrees with its journal", evidence: "no sheet ids recorded" }] : [];
  const cases = journalCases(entries);
  const seen = new Map<string, number>();
  for (const [sopId, sheetId] of Object.entries(ids.registers)) {
    const sheet = sheetById(world, sheetId);
    if (!sheet) continue;
    const sop = sopOf(sopId);
    const rows = world.read(sheet.name);
    const header = (rows[0] ?? []).map((h) => String(h));
    for (let i = 1; i < rows.length; i++) {
      const values = rows[i];
      const id = String(values[header.indexOf(H.id)] ?? "").trim();
      if (!id) continue;
      seen.set(id, (seen.get(id) ?? 0) + 1);
      const where = `${sheet.name} row ${i + 1} (${id})`;
      const j = cases.get(id);
      if (!j) {
        bad(`${where}: no journal entry holds this case`);
        continue;
      }
      const byHeader = rowByHeader(header, values);
      const read = readRow(sop, byHeader, where);
      if (!read.ok) {
        bad(read.reason);
        continue;
      }
      const { fields: _f, srikandi: _s, history: _h, historyOmitted: _o, ...core } = read.case;
      const want = j.state.data.state as object;
      if (stable(core) !== stable(want)) {
        const diff = Object.keys({ ...core, ...want })
          .filter((k) => stable((core as Record<string, unknown>)[k]) !== stable((want as Record<string, unknown>)[k]))
          .map((k) => `${k}: row ${stable((core as Record<string, unknown>)[k])}, journal ${stable((want as Record<string, unknown>)[k])}`);
        bad(`${where}: state differs from journal No ${j.state.seq} (${j.state.kind}): ${diff.join("; ").slice(0, 600)}`);
      }
      const fields = fieldsFromRow(sop, byHeader);
      if (j.fields && stable(fields) !== stable(j.fields.data.fields)) bad(`${where}: fields ${stable(fields)} differ from journal No ${j.fields.seq}: ${stable(j.fields.data.fields)}`);
    }
  }
  for (const [id, j] of cases) {
    const n = seen.get(id) ?? 0;
    if (n !== 1) bad(`${id}: ${n} register rows, journal has it (last No ${j.state.seq}, ${j.state.kind}, version ${j.state.version})`);
  }
  return out;
}

/**
 * Nothing done twice: each case's moving entries carry versions 1, 2, 3, … once each (a second start or a repeated
 * action would repeat one), a start request makes one case, and a letter number is taken once.
 */
export function nothingDoubled(entries: JournalEntry[]): Violation[] {
  const out: Violation[] = [];
  const byCase = new Map<string, JournalEntry[]>();
  for (const e of entries) if (MOVES.has(e.kind)) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  for (const [id, list] of byCase) {
    const versions = list.map((e) => e.version);
    if (versions.some((v, i) => v !== i + 1)) {
      out.push({ invariant: "no case or action doubled", evidence: `${id}: moving entries ${list.map((e) => `No ${e.seq} ${e.kind} v${e.version}`).join(", ")}` });
    }
  }
  const byRequest = new Map<string, string[]>();
  for (const e of entries) {
    const req = e.kind === "start" ? (e.data.requestId as string | undefined) : undefined;
    if (req) byRequest.set(req, [...(byRequest.get(req) ?? []), e.caseId]);
  }
  for (const [req, list] of byRequest) if (list.length > 1) out.push({ invariant: "no case or action doubled", evidence: `request ${req} started ${list.join(", ")}` });
  // Letter numbers: a number entry carries the case's letters as they stand after it (its agenda number and the
  // outgoing numbers per template). A letter of a case keeps the number it was first given (a second one would waste
  // a number of the book), and no number is given to two letters.
  type Num = { nomor?: string; status?: string };
  const slotOf = new Map<string, string>();
  const ownerOf = new Map<string, string>();
  for (const e of entries) {
    const letters = e.data.letters as { agenda?: Num; numbers?: Record<string, Num> } | undefined;
    if (e.kind !== "number" || !letters) continue;
    const slots: [string, Num][] = [...(letters.agenda ? [["agenda", letters.agenda] as [string, Num]] : []), ...Object.entries(letters.numbers ?? {})];
    for (const [slot, n] of slots) {
      if (!n?.nomor || n.status === "Batal") continue;
      const key = `${e.caseId} · ${slot}`;
      const first = slotOf.get(key);
      if (first === undefined) slotOf.set(key, n.nomor);
      else if (first !== n.nomor) out.push({ invariant: "no letter number doubled", evidence: `${key} given ${first}, then ${n.nomor} (No ${e.seq})` });
      const owner = ownerOf.get(n.nomor);
      if (owner === undefined) ownerOf.set(n.nomor, key);
      else if (owner !== key) out.push({ invariant: "no letter number doubled", evidence: `${n.nomor} given to ${owner} and ${key} (No ${e.seq})` });
    }
  }
  return out;
}

/**
 * Every email of a case has one subject (src/domain/subject.ts: "[Alur] SM-2026-0001 · Surat Masuk", so Gmail threads
 * them): emails are counted per recipient and case.
 */
const caseOfSubject = (subject: string): string => /^\[Alur\] (\S+-\d{4}-\d+) /.exec(subject)?.[1] ?? "";

/**
 * Expected emails are derived from the journal itself, not from a clean run: each entry names the notifications it
 * asks for, and Pejabat says who receives them (as src/app/notify.ts decides). A fault may legitimately change what
 * the journal holds — an action rolled back and made again by the retry, a case numbered differently after a
 * rollback — and a clean run's outbox would then be the wrong yardstick; the journal never is. Each expected email
 * must have gone out or wait (Menunggu) in Antrean Email; across the run, at most one email may go out (or wait)
 * once more than asked — the one in flight when the execution was cut off, whose sending could not be recorded.
 */
export function emailsOnce(world: World, entries: JournalEntry[]): Violation[] {
  const ids = json<Ids | null>(props(world).get("alur.sheets"), null);
  if (!ids) return [];
  const pej = sheetById(world, ids.pejabat);
  const pejRows = pej ? world.read(pej.name) : [];
  const { officials } = readPejabat(pejRows.slice(1).map((r) => r.map((v) => (isDate(v) ? { date: jakartaDateString(v.getTime()) } : (v as string)))), ROLES);
  const digest = new Set(officials.filter((o) => o.digest && o.email).map((o) => o.email.toLowerCase()));
  // As src/app/notify.ts decides: never to whoever acted, step emails not to those who take the morning digest.
  const recipients = (n: Notification, at: number): string[] => {
    const by = "by" in n && n.by ? n.by.toLowerCase() : "";
    return [...new Set(candidates(n, at).map((t) => t.toLowerCase()))].filter((t) => t && t !== by);
  };
  const candidates = (n: Notification, at: number): string[] => {
    if (n.kind === "digest") return [];
    if (n.kind === "reminder") return n.to;
    if (n.kind === "finished" || n.kind === "cancelled" || n.kind === "decided") return n.to ? [n.to] : [];
    return stepHolders(n, at).filter((t) => !digest.has(t.toLowerCase()));
  };
  const stepHolders = (n: Extract<Notification, { kind: "assigned" | "returned" }>, at: number): string[] => {
    if (n.assignee) return [n.assignee];
    const sop = CATALOG.find((s) => s.id === n.sopId);
    const lane = sop?.lanes.find((l) => l.header === n.lane);
    if (!lane) return [];
    const role = roleById(lane.role);
    if (role?.external) return n.recorder ? [n.recorder] : [];
    return holdersOf(officials, lane.role, jakartaDateString(at), role?.name ?? lane.header).map((h) => h.email);
  };
  const expected = new Map<string, { n: number; from: string[] }>();
  for (const e of entries) {
    // A reminder entry carries its one notice in data.reminder (src/app/reminders.ts), the others theirs in data.notes.
    const reminder = e.kind === "reminder" ? (e.data.reminder as Notification | undefined) : undefined;
    for (const n of reminder ? [reminder] : ((e.data.notes as Notification[] | undefined) ?? [])) {
      for (const to of recipients(n, e.at)) {
        const key = `${to} · ${n.caseId}`;
        const x = expected.get(key) ?? { n: 0, from: [] };
        x.n++;
        x.from.push(`No ${e.seq}`);
        expected.set(key, x);
      }
    }
  }
  const actual = new Map<string, { sent: number; waiting: number }>();
  const bump = (key: string, k: "sent" | "waiting") => {
    const x = actual.get(key) ?? { sent: 0, waiting: 0 };
    x[k]++;
    actual.set(key, x);
  };
  for (const m of world.outbox) {
    const caseId = caseOfSubject(m.subject);
    if (!caseId) continue;
    for (const to of m.to) bump(`${to.toLowerCase()} · ${caseId}`, "sent");
  }
  const out: Violation[] = [];
  const queue = sheetById(world, ids.antreanEmail);
  if (queue) {
    const rows = world.read(queue.name);
    const h = (rows[0] ?? []).map(String);
    for (const r of rows.slice(1)) {
      const status = String(r[h.indexOf("Status")] ?? "");
      const data = json<{ n: Notification; to: string } | null>(String(r[h.indexOf("Data")] ?? ""), null);
      if (!data) continue;
      const key = `${data.to.toLowerCase()} · ${data.n.caseId}`;
      if (status === "Menunggu") bump(key, "waiting");
      else if (!status.startsWith("Terkirim")) out.push({ invariant: "no email lost", evidence: `Antrean Email holds ${key} as "${status}"` });
    }
  }
  let extra = 0;
  const extras: string[] = [];
  for (const [key, want] of expected) {
    const got = actual.get(key) ?? { sent: 0, waiting: 0 };
    const total = got.sent + got.waiting;
    if (total < want.n) out.push({ invariant: "no email lost", evidence: `${key} (asked by ${want.from.join(", ")}): sent ${got.sent}, waiting ${got.waiting}` });
    if (total > want.n) {
      extra += total - want.n;
      extras.push(`${key} (asked by ${want.from.join(", ")}): sent ${got.sent}, waiting ${got.waiting}`);
    }
  }
  for (const [key, got] of actual) {
    if (expected.has(key)) continue;
    extra += got.sent + got.waiting;
    extras.push(`${key}: sent ${got.sent}, waiting ${got.waiting}, asked by no journal entry`);
  }
  if (extra > 1) out.push({ invariant: "no email sent twice beyond the one in flight", evidence: extras.join(" | ") });
  return out;
}

/** The chain head is settled, and no problem was reported to the admins (a false tamper alarm, a row not rebuilt, …). */
export function headAndProblems(world: World): Violation[] {
  const out: Violation[] = [];
  const head = props(world).get("alur.journal.head") ?? "";
  if (head.includes('"pending"')) out.push({ invariant: "chain verifies", evidence: `head still pending after the hourly trigger: ${head}` });
  const problems = json<Record<string, { message: string }>>(props(world).get("alur.problems"), {});
  for (const [key, p] of Object.entries(problems)) out.push({ invariant: "no false alarm for the admins", evidence: `${key}: ${p.message}` });
  return out;
}

/** The open-case index (script properties) holds every running case at its journal's version, and nothing else. */
export function indexAgrees(world: World, entries: JournalEntry[]): Violation[] {
  const out: Violation[] = [];
  const indexed = new Map<string, number>();
  for (const [k, raw] of props(world)) {
    if (!k.startsWith("alur.ix.") || k === "alur.ix.meta") continue;
    for (const [id, p] of Object.entries(json<Record<string, unknown[]>>(raw, {}))) indexed.set(id, Number(p[13]));
  }
  for (const [id, j] of journalCases(entries)) {
    const st = j.state.data.state as { status: string; version: number };
    const running = st.status === "Berjalan" || st.status === "Dikembalikan";
    const have = indexed.get(id);
    if (running && have !== st.version) out.push({ invariant: "open-case index agrees with the journal", evidence: `${id} ${st.status} v${st.version}: index ${have === undefined ? "lacks it" : `has v${have}`}` });
    if (!running && have !== undefined) out.push({ invariant: "open-case index agrees with the journal", evidence: `${id} ${st.status}: index still lists it (v${have})` });
  }
  const meta = json<{ done?: Record<string, Record<string, number>> }>(props(world).get("alur.ix.meta"), {});
  const counted = new Map<string, number>();
  for (const [, j] of journalCases(entries)) {
    const st = j.state.data.state as { status: string; lastAt: number; sopId: string };
    if (st.status !== "Selesai") continue;
    const key = `${new Date(st.lastAt + 7 * 3600_000).toISOString().slice(0, 7)} ${st.sopId}`;
    counted.set(key, (counted.get(key) ?? 0) + 1);
  }
  const told = new Map<string, number>();
  for (const [month, bySop] of Object.entries(meta.done ?? {})) for (const [sop, n] of Object.entries(bySop)) if (n) told.set(`${month} ${sop}`, n);
  if (stable(Object.fromEntries(counted)) !== stable(Object.fromEntries(told))) {
    out.push({ invariant: "open-case index agrees with the journal", evidence: `finished per month: journal ${stable(Object.fromEntries(counted))}, index ${stable(Object.fromEntries(told))}` });
  }
  return out;
}
