// Randomized interleavings: schedules of two or three concurrent executions of state-changing operations (start,
// complete, approve, return, reassign, cancel, reopen, a Kelengkapan tick, Ubah isian, an email action, Buat dokumen, a
// number reserved or cancelled, the morning-digest switch, the hourly trigger, the document worker, an SOP edit's onEdit) on the real bundle, really interleaved at
// service calls (emulator/concurrency/run-concurrently.ts, seeded), each followed by the invariants of the fault sweep
// (test/faults/invariants.ts) and what the replies promised. Used by test/app/interleavings.test.ts, which writes the
// figures the bench reports (build/interleavings.json).
import { ADMIN, P } from "../../emulator/alur-world";
import { runConcurrently, type ExecutionResult, type ExecutionSpec, WorkerPool } from "../../emulator/concurrency/run-concurrently";
import { createWorld, type World } from "../../emulator/fakes";
import { restore, type Snapshot, snapshot } from "../../emulator/server/persist";
import { builtInCatalog } from "../../src/catalog/builtin";
import type { JournalEntry } from "../../src/domain/journal";
import { actionLinks } from "./email-fixtures";
import { emailsOnce, headAndProblems, indexAgrees, journal, nothingDoubled, registersAgree, type Violation } from "../faults/invariants";
import { baseOffice } from "../faults/office";
import { mulberry32 } from "../../emulator/random";

export type Build = { codePath: string; htmlDir: string };

const WEB = "https://script.google.com/macros/s/AKfy-contoh/exec";
const SM_FIELDS = { perihal: "Undangan rapat", asalSurat: "Sekretariat Daerah", nomorSurat: "005/1", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Biasa" };
const SK_FIELDS = { perihal: "Permohonan data statistik", tujuan: "Kepala BPS Kabupaten", sifat: "Biasa", klasifikasi: "000.5.2" };
const CATALOG = builtInCatalog();
const sopOf = (id: string) => CATALOG.find((s) => s.id === id)!;

/** The prepared office: Surat Masuk and Surat Keluar, the web app's address set, saved once and restored per batch. */
export function prepareOffice(): Snapshot {
  const o = baseOffice();
  const w = o.world;
  const rows = w.read("Pengaturan");
  w.spreadsheet.getSheetByName("Pengaturan")!.getRange(rows.findIndex((r) => r[0] === "URL web app") + 1, 2).setValue(WEB);
  w.caches.script.map.clear();
  return snapshot(w, null);
}

let worlds = 5000;
export function officeFrom(snap: Snapshot, build: Build): World {
  const world = createWorld({ seed: ++worlds, user: ADMIN, now: () => snap.now, spreadsheetId: snap.boundId, htmlDir: build.htmlDir });
  restore(world, snap);
  return world;
}

interface CaseNow {
  id: string;
  sopId: string;
  status: string;
  stepNo: string;
  version: number;
  assignee: string;
  ticks: Record<string, { done: boolean }>;
}

function casesOf(entries: JournalEntry[]): CaseNow[] {
  const out = new Map<string, CaseNow>();
  for (const e of entries) {
    const s = e.data.state as CaseNow | undefined;
    if (s) out.set(e.caseId, { id: e.caseId, sopId: s.sopId, status: s.status, stepNo: s.stepNo, version: s.version, assignee: s.assignee, ticks: s.ticks ?? {} });
  }
  return [...out.values()];
}

/** Who holds a case's step: its assignee, else the Pejabat example official of the lane's role (P(role)). */
function holder(c: CaseNow): string {
  if (c.assignee) return c.assignee;
  const sop = sopOf(c.sopId);
  const step = sop.steps.find((s) => s.no === c.stepNo);
  const lane = sop.lanes.find((l) => l.header === step?.role);
  return lane ? P(lane.role) : ADMIN;
}

/** One operation of a schedule: what runs, and what its reply promises (checked against the journal afterwards). */
export interface Op {
  name: string;
  spec: ExecutionSpec;
  caseId?: string;
  /** An SOP edit: the sheet's marks must be those of the sheet as it reads afterwards. */
  sopEdit?: boolean;
}

type Rand = () => number;
const pickOf = <T>(r: Rand, xs: T[]): T => xs[Math.floor(r() * xs.length)];

const api = (user: string, name: string, arg: unknown): ExecutionSpec => ({ fn: "alurApi", args: [name, arg], user, exec: { effectiveUser: user } });

let requests = 0;
const requestId = (r: Rand) => `req-interleave-${String(++requests).padStart(6, "0")}-${Math.floor(r() * 1e6)}`;

/** The operations possible now, by name (an operation on a case picks it among those it fits). */
function makeOp(name: string, world: World, cases: CaseNow[], target: CaseNow | undefined, r: Rand, shared: { request?: string; sm?: boolean }): Op | null {
  const running = cases.filter((c) => c.status === "Berjalan" || c.status === "Dikembalikan");
  const on = (list: CaseNow[]) => (target && list.includes(target) ? target : list.length ? pickOf(r, list) : undefined);
  switch (name) {
    case "start": {
      const sm = r() < 0.6;
      // Sometimes the same request twice at once (a double click, a retried call): one case.
      const req = shared.request && shared.sm === sm && r() < 0.4 ? shared.request : requestId(r);
      shared.request = req;
      shared.sm = sm;
      return { name, spec: api(sm ? P("jfu") : P("sekretaris"), "startCase", { sopId: sm ? "surat-masuk" : "surat-keluar", fields: sm ? SM_FIELDS : SK_FIELDS, requestId: req }) };
    }
    case "act": {
      const c = on(running);
      if (!c) return null;
      const step = sopOf(c.sopId).steps.find((s) => s.no === c.stepNo);
      const decision = step?.kind === "decision";
      const back = decision && r() < 0.3;
      return { name: back ? "return" : decision ? "approve" : "complete", caseId: c.id, spec: api(holder(c), "act", { caseId: c.id, expectedVersion: c.version, action: back ? "return" : decision ? "approve" : "complete", ...(back ? { reason: "Perbaiki isi surat" } : {}) }) };
    }
    case "reassign": {
      const c = on(running);
      return c ? { name, caseId: c.id, spec: api(ADMIN, "act", { caseId: c.id, expectedVersion: c.version, action: "reassign", email: "pengganti@dinas.example", note: "Pelaksana cuti", confirm: true }) } : null;
    }
    case "cancel": {
      const c = on(running);
      return c ? { name, caseId: c.id, spec: api(ADMIN, "act", { caseId: c.id, expectedVersion: c.version, action: "cancel", reason: "Salah register" }) } : null;
    }
    case "reopen": {
      const c = on(cases.filter((x) => x.status === "Selesai"));
      return c ? { name, caseId: c.id, spec: api(ADMIN, "act", { caseId: c.id, expectedVersion: c.version, action: "reopen", reason: "Perlu dilengkapi" }) } : null;
    }
    case "tick": {
      const c = on(running);
      const item = c ? sopOf(c.sopId).steps.find((s) => s.no === c.stepNo)?.kelengkapan?.[0] : undefined;
      if (!c || !item) return null;
      return { name, caseId: c.id, spec: api(holder(c), "tickKelengkapan", { caseId: c.id, stepNo: c.stepNo, item, done: !c.ticks[`${c.stepNo}|${item}`]?.done, link: "" }) };
    }
    case "email": {
      // The latest email about a running case that carries action links, pressed from the web app's page.
      const c = on(running.filter((x) => world.outbox.some((m) => m.subject.includes(x.id) && (m.htmlBody ?? "").includes("aksi="))));
      if (!c) return null;
      const mail = [...world.outbox].reverse().find((m) => m.subject.includes(c.id) && (m.htmlBody ?? "").includes("aksi="));
      const link = mail ? pickOf(r, actionLinks(mail)) : undefined;
      if (!link) return null;
      return { name, caseId: c.id, spec: { fn: "emailAction", args: [{ k: link.k, aksi: link.aksi, ...(link.aksi === "return" ? { reason: "Nomor surat salah" } : {}) }], kind: "webapp", user: "" } };
    }
    case "document": {
      const c = on(running.filter((x) => x.sopId === "surat-masuk" && x.stepNo === "1"));
      return c ? { name, caseId: c.id, spec: api(P("jfu"), "makeDocument", { caseId: c.id, template: "lembar-disposisi" }) } : null;
    }
    case "correct": {
      // Ubah isian by an admin (a reason is required when it is someone else's case).
      const c = on(running);
      if (!c) return null;
      const fields = c.sopId === "surat-masuk" ? { perihal: `Undangan rapat ${Math.floor(r() * 100)}` } : { perihal: `Permohonan data ${Math.floor(r() * 100)}` };
      return { name, caseId: c.id, spec: api(ADMIN, "correctCase", { caseId: c.id, expectedVersion: c.version, fields, reason: "Perihal salah ketik", confirm: true }) };
    }
    case "cancelNumber": {
      const rows = world.spreadsheet.sheets.some((x) => x.name === "Agenda Surat") ? world.read("Agenda Surat") : [];
      const head = (rows[0] ?? []).map(String);
      const open = rows.slice(1).filter((x) => x[head.indexOf("Status")] === "Dipesan" && !x[head.indexOf("ID Kasus")]);
      if (!open.length) return null;
      return { name, spec: api(ADMIN, "cancelNumber", { key: String(pickOf(r, open)[head.indexOf("Kunci")]), reason: "Tidak jadi dikirim" }) };
    }
    case "digest": {
      const who = pickOf(r, [P("jfu"), P("kasubbag-umum"), P("sekretaris"), P("kepala-dinas")]);
      return { name, spec: api(who, "setEmailPrefs", { digest: r() < 0.5 }) };
    }
    case "number":
      return { name, spec: api(pickOf(r, [P("jfu"), P("sekretaris"), P("kasubbag-umum")]), "reserveNumber", { klasifikasi: "000.8.3.3", perihal: "Surat undangan" }) };
    case "hourly":
      return { name, spec: { fn: "hourlyRefresh", kind: "time-trigger" } };
    case "worker":
      return { name, spec: { fn: "runDocumentQueue", kind: "time-trigger" } };
    case "onEdit": {
      // An admin types into the SOP sheet (a step's Pelaksana made wrong, or put right), then onEdit checks it.
      const rows = world.read("SOP");
      const row = rows.findIndex((x) => x[0] === "surat-keluar" && x[1] === "2") + 1;
      const col = (rows[0] as string[]).indexOf("Pelaksana") + 1;
      const range = world.spreadsheet.getSheetByName("SOP")!.getRange(row, col);
      const value = r() < 0.5 ? "BUPATI" : "KASUBBAG";
      return { name, sopEdit: true, spec: { fn: "onEdit", args: [{ range }], kind: "simple-trigger", before: () => range.setValue(value) } };
    }
  }
  return null;
}

/** How often each operation is drawn (the cheap panel actions most, the heavy triggers and edits least). */
const MIX: [string, number][] = [
  ["start", 14],
  ["act", 30],
  ["reassign", 5],
  ["cancel", 3],
  ["reopen", 4],
  ["tick", 8],
  ["email", 10],
  ["document", 5],
  ["number", 8],
  ["correct", 3],
  ["cancelNumber", 2],
  ["digest", 2],
  ["hourly", 3],
  ["worker", 2],
  ["onEdit", 1],
];
const TOTAL = MIX.reduce((a, [, w]) => a + w, 0);

function drawName(r: Rand): string {
  let x = r() * TOTAL;
  for (const [n, w] of MIX) {
    x -= w;
    if (x < 0) return n;
  }
  return "act";
}

export const rng: (seed: number) => Rand = mulberry32;

/** A schedule of two or three operations, most often on one case (the contention the lock is for). */
export function drawSchedule(world: World, seed: number, only?: string): Op[] {
  const r = rng(seed);
  const cases = casesOf(journal(world));
  const running = cases.filter((c) => c.status === "Berjalan" || c.status === "Dikembalikan");
  const target = running.length && r() < 0.7 ? pickOf(r, running) : undefined;
  const n = r() < 0.5 ? 2 : 3;
  const shared: { request?: string; sm?: boolean } = {};
  const ops: Op[] = [];
  for (let tries = 0; ops.length < n && tries < 20; tries++) {
    // Few running cases: start some first.
    const name = only ?? (running.length < 3 && tries === 0 ? "start" : drawName(r));
    const op = makeOp(name, world, cases, target, r, shared);
    if (op && !(op.sopEdit && ops.some((o) => o.sopEdit))) ops.push(op);
  }
  return ops;
}

/** A reply is either success or a clear refusal in Bahasa Indonesia (never JavaScript internals, never a crash). */
const INTERNALS = /Terjadi kesalahan di server|TypeError|ReferenceError|RangeError|SyntaxError|is not a function|Cannot read|undefined|\bnull\b|Exception|stack|at [A-Za-z_$]+ \(/;
const INDONESIAN = /\b(tidak|sudah|belum|sedang|hanya|harus|tautan|kasus|permintaan|coba|lagi|untuk|dengan|oleh)\b/i;

function replyViolations(op: Op, res: ExecutionResult): Violation[] {
  const bad = (evidence: string) => [{ invariant: "every reply is success or a clear refusal in Bahasa Indonesia", evidence: `${op.name}: ${evidence}` }];
  if (!res.ok) {
    // A trigger or menu may end with a message of its own (the lock stayed busy): in Indonesian, then.
    const msg = String(res.error);
    return INDONESIAN.test(msg) && !INTERNALS.test(msg) ? [] : bad(`the execution failed: ${msg.slice(0, 300)}`);
  }
  const v = res.value as { ok?: boolean; error?: string; message?: string; title?: string } | undefined;
  if (op.spec.fn === "alurApi") {
    if (!v || typeof v.ok !== "boolean") return bad(`no reply: ${JSON.stringify(v)?.slice(0, 200)}`);
    if (!v.ok && (!INDONESIAN.test(String(v.error)) || INTERNALS.test(String(v.error)))) return bad(`refusal "${String(v.error).slice(0, 300)}"`);
  }
  if (op.spec.fn === "emailAction") {
    if (!v || typeof v.ok !== "boolean") return bad(`no reply: ${JSON.stringify(v)?.slice(0, 200)}`);
    const text = `${v.title ?? ""} ${v.message ?? ""}`;
    if (!v.ok && (!INDONESIAN.test(text) || INTERNALS.test(text))) return bad(`refusal "${text.slice(0, 300)}"`);
  }
  return [];
}

/** What an ok reply promised is in the record: a case started is in the journal, an action at its version, a number in the book. */
function promised(op: Op, res: ExecutionResult, entries: JournalEntry[], book: Map<string, number>): Violation[] {
  const v = res.value as { ok?: boolean; data?: { id?: string; version?: number; nomor?: string } } | undefined;
  if (!res.ok || op.spec.fn !== "alurApi" || !v?.ok || !v.data) return [];
  const lost = (evidence: string) => [{ invariant: "nothing an ok reply promised is lost", evidence: `${op.name}: ${evidence}` }];
  const [name] = op.spec.args as [string];
  if (name === "startCase" && !entries.some((e) => e.kind === "start" && e.caseId === v.data?.id)) return lost(`${v.data.id} answered, not in Riwayat`);
  if (name === "act" && !entries.some((e) => e.caseId === v.data?.id && e.version === v.data?.version && e.data.state)) return lost(`${v.data.id} v${v.data.version} answered, not in Riwayat`);
  if (name === "reserveNumber" && book.get(String(v.data.nomor)) !== 1) return lost(`number ${v.data.nomor} answered, ${book.get(String(v.data.nomor)) ?? 0} times in Agenda Surat`);
  return [];
}

/** Agenda Surat: no number and no key twice. */
function bookOf(world: World): { nomor: Map<string, number>; violations: Violation[] } {
  const rows = world.spreadsheet.sheets.some((s) => s.name === "Agenda Surat") ? world.read("Agenda Surat") : [];
  const head = (rows[0] ?? []).map(String);
  const nomor = new Map<string, number>();
  const keys = new Map<string, number>();
  for (const r of rows.slice(1)) {
    const n = String(r[head.indexOf("Nomor")] ?? "");
    const k = String(r[head.indexOf("Kunci")] ?? "");
    if (n) nomor.set(n, (nomor.get(n) ?? 0) + 1);
    if (k) keys.set(k, (keys.get(k) ?? 0) + 1);
  }
  const violations: Violation[] = [];
  for (const [n, c] of nomor) if (c > 1) violations.push({ invariant: "no letter number doubled", evidence: `${n} ${c} times in Agenda Surat` });
  for (const [k, c] of keys) if (c > 1) violations.push({ invariant: "no letter number doubled", evidence: `key ${k} ${c} times in Agenda Surat` });
  return { nomor, violations };
}

/** The SOP sheet's marks are those of the sheet as it reads: a further check, alone, changes nothing. */
function marksSettled(world: World, bundleRun: () => void): Violation[] {
  const range = world.spreadsheet.getSheetByName("SOP")!.getDataRange();
  const before = JSON.stringify([range.getNotes(), range.getBackgrounds()]);
  bundleRun();
  const after = JSON.stringify([range.getNotes(), range.getBackgrounds()]);
  return before === after ? [] : [{ invariant: "the SOP sheet's marks are those of the sheet as it reads", evidence: "a further onEdit changed the marks" }];
}

export interface InterleavingRun {
  seed: number;
  ops: string[];
  violations: Violation[];
}

export interface Figures {
  interleavings: number;
  /** Interleavings after which a case, action, ID or letter number was lost or doubled (or a row disagreed with its journal). */
  lostOrDoubled: number;
  /** Interleavings with any violation (lost or doubled, a reply that is not a clear refusal, the chain, the index, the marks). */
  failed: number;
  executions: number;
  byOp: Record<string, number>;
  /** CPU seconds (this process and its worker threads) spent running the schedules, and checking after them. */
  cpu: { run: number; check: number };
  runs: InterleavingRun[];
}

const LOST_OR_DOUBLED = new Set(["register row agrees with its journal", "no case or action doubled", "no letter number doubled", "nothing an ok reply promised is lost", "no email lost", "no email sent twice beyond the one in flight"]);

/**
 * `count` interleavings on `build`, in batches of `batch` on one restored office (each schedule starts from what the
 * previous ones left), with seeds from `seed0`; invariants after each.
 */
export async function interleavings(build: Build, count: number, options: { seed0?: number; batch?: number; snap?: Snapshot; onRun?: (run: InterleavingRun) => void } = {}): Promise<Figures> {
  const snap = options.snap ?? prepareOffice();
  const batch = options.batch ?? 100;
  const pool = new WorkerPool();
  const fig: Figures = { interleavings: 0, lostOrDoubled: 0, failed: 0, executions: 0, byOp: {}, cpu: { run: 0, check: 0 }, runs: [] };
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  let world = officeFrom(snap, build);
  const { Bundle } = await import("../../emulator/load-bundle");
  let bundle = new Bundle(world, { codePath: build.codePath });
  try {
    for (let i = 0; i < count; i++) {
      if (i > 0 && i % batch === 0) {
        world = officeFrom(snap, build);
        bundle = new Bundle(world, { codePath: build.codePath });
      }
      const seed = (options.seed0 ?? 1) + i;
      let ops = drawSchedule(world, seed);
      if (ops.some((o) => o.name === "digest")) {
        world = officeFrom(snap, build);
        bundle = new Bundle(world, { codePath: build.codePath });
        ops = drawSchedule(world, seed);
      }
      const t0 = cpu();
      const results = await runConcurrently(world, ops.map((o) => o.spec), { seed, ...build, pool, maxSteps: 20000, timeoutMs: 120000 });
      const t1 = cpu();
      fig.cpu.run += t1 - t0;
      const entries = journal(world);
      const book = bookOf(world);
      // The emails' yardstick reads Pejabat as it is now: a schedule that switches someone's morning digest changes
      // who should have had the emails sent before it. Such a schedule starts from a fresh office, its emails are not
      // counted, and the office is fresh again after it.
      const digest = ops.some((o) => o.name === "digest");
      const violations: Violation[] = [
        ...registersAgree(world, entries),
        ...nothingDoubled(entries),
        ...book.violations,
        ...(digest ? [] : emailsOnce(world, entries)),
        ...headAndProblems(world),
        ...indexAgrees(world, entries),
        ...ops.flatMap((op, k) => [...replyViolations(op, results[k]), ...promised(op, results[k], entries, book.nomor)]),
        ...(ops.some((o) => o.sopEdit)
          ? marksSettled(world, () => world.within("simple-trigger", () => bundle.run("onEdit", [{ range: world.spreadsheet.getSheetByName("SOP")!.getRange(1, 1) }])))
          : []),
      ];
      fig.cpu.check += cpu() - t1;
      const run: InterleavingRun = { seed, ops: ops.map((o) => `${o.name}${o.caseId ? ` ${o.caseId}` : ""}`), violations };
      fig.interleavings++;
      fig.executions += ops.length;
      for (const o of ops) fig.byOp[o.name] = (fig.byOp[o.name] ?? 0) + 1;
      if (violations.length) {
        fig.failed++;
        if (violations.some((v) => LOST_OR_DOUBLED.has(v.invariant))) fig.lostOrDoubled++;
        fig.runs.push(run);
      }
      if (violations.length || digest) {
        // Each later schedule would meet the same broken record (or the digest's): start again from the prepared office.
        world = officeFrom(snap, build);
        bundle = new Bundle(world, { codePath: build.codePath });
      }
      options.onRun?.(run);
    }
  } finally {
    await pool.close();
  }
  return fig;
}

/** Where the test writes its figures for the bench (npm run bench -- --json: robustness.interleavings, .lostOrDoubled). */
export function writeFigures(part: string, fig: Figures): void {
  const { mkdirSync, writeFileSync } = require("node:fs") as typeof import("node:fs");
  const { join } = require("node:path") as typeof import("node:path");
  const dir = join(__dirname, "../../build");
  mkdirSync(dir, { recursive: true });
  const { runs, ...rest } = fig;
  writeFileSync(join(dir, `interleavings-${part}.json`), JSON.stringify({ ...rest, failures: runs.slice(0, 20) }, null, 1));
}
