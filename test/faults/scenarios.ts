// The operations the sweep cuts short, each on a small office prepared just before it.
import { ADMIN, P } from "../../emulator/alur-world";
import { FakeDataValidation } from "../../emulator/fakes/data-validation";
import { FakeRange } from "../../emulator/fakes/range";
import type { CaseView } from "../../src/api";
import { journal, stable, type Violation } from "./invariants";
import { baseOffice, emptyOffice, type Office, type Reply } from "./office";
import type { Scenario } from "./sweep";

export const SM_FIELDS = { perihal: "Undangan rapat", asalSurat: "Sekretariat Daerah", nomorSurat: "005/1", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Biasa" };
const SK_FIELDS = { perihal: "Permohonan data statistik", tujuan: "Kepala BPS Kabupaten", sifat: "Biasa", klasifikasi: "000.5.2" };
const REQUEST = "req-faultsweep-00000001";

const LANE_EMAIL: Record<string, string> = { JFU: P("jfu"), KASUBBAG: P("kasubbag-umum"), SEKRETARIS: P("sekretaris"), "KEPALA DINAS": P("kepala-dinas") };

function ok(r: Reply): CaseView {
  if (!r.ok) throw new Error(`preparing: ${r.text}`);
  return r.data as CaseView;
}

/** Moves a case on by its holders, `steps` times (complete or approve as the step asks). */
function advance(o: Office, v: CaseView, steps: number): CaseView {
  for (let i = 0; i < steps; i++) {
    o.world.clock.advance(20 * 60_000);
    const who = LANE_EMAIL[v.current?.lane ?? ""];
    v = ok(o.call(who, "act", { caseId: v.id, expectedVersion: v.version, action: v.current?.kind === "decision" ? "approve" : "complete" }));
  }
  return v;
}

function withSm(): Office {
  const o = baseOffice();
  ok(o.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS }));
  o.world.clock.advance(30 * 60_000);
  return o;
}

function withSkAtDecision(): Office {
  const o = baseOffice();
  advance(o, ok(o.call(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields: SK_FIELDS })), 3);
  o.world.clock.advance(30 * 60_000);
  return o;
}

/** The action took effect exactly once: one entry of this kind moved the case to this version. */
function once(caseId: string, kind: string, version: number) {
  return (o: Office): Violation[] => {
    const n = journal(o.world).filter((e) => e.caseId === caseId && e.kind === kind && e.version === version).length;
    return n === 1 ? [] : [{ invariant: "the action took effect once", evidence: `${caseId}: ${n} "${kind}" entries at version ${version}` }];
  };
}

/** The recorded-but-not-moving kinds (tick, document) took effect: the case's latest state shows it. */
function shows(caseId: string, what: string, test: (state: Record<string, unknown>) => boolean) {
  return (o: Office): Violation[] => {
    const last = journal(o.world)
      .filter((e) => e.caseId === caseId && e.data.state)
      .at(-1);
    return last && test(last.data.state as Record<string, unknown>) ? [] : [{ invariant: "the action took effect", evidence: `${caseId}: the journal's latest state shows no ${what}` }];
  };
}

const act = (who: string, arg: Parameters<Office["call"]>[2]) => (o: Office) => o.call(who, "act", arg as never);

/** The panel shows the case as the action left it: this version (a stale view would invite a second press). */
function shown(caseId: string, version: number) {
  return (r: Reply): Violation[] => {
    const v = r.data as CaseView;
    return v?.id === caseId && v.version === version ? [] : [{ invariant: "the user is shown the case as the action left it", evidence: `reply shows ${v?.id} version ${v?.version}, expected ${caseId} version ${version}` }];
  };
}

/** Terlambat on every register row, as the clean run left it (the hourly trigger's own work). */
function lateColumns(o: Office): string {
  const out: unknown[] = [];
  for (const s of o.world.spreadsheet.sheets) {
    if (!s.name.includes(" · ")) continue;
    const rows = o.world.read(s.name);
    const h = (rows[0] ?? []).map(String);
    out.push(s.name, rows.slice(1).map((r) => [r[h.indexOf("ID")], r[h.indexOf("Terlambat")]]));
  }
  return stable(out);
}

/** Fakes' values to plain data: ranges as [sheet, row, column, rows, columns], validation rules as their spec. */
function plain(v: unknown): unknown {
  if (v instanceof FakeRange) return [v.sheet.name, v.row, v.col, v.numRows, v.numCols];
  if (v instanceof FakeDataValidation) return plain(v.spec);
  if (Object.prototype.toString.call(v) === "[object Date]") return (v as Date).getTime();
  // Holes, undefined and null are one "nothing" (a restored snapshot spells them differently).
  if (Array.isArray(v)) return Array.from(v, (x) => plain(x ?? null));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).flatMap(([k, x]) => (x === null || x === undefined ? [] : [[k, plain(x)]])));
  return v;
}

/**
 * The workbook setup leaves, without what legitimately differs between runs (sheet ids, the order sheets were made
 * in): every sheet's size, frozen rows, hidden columns, protections and conditional formats; the formats and
 * validations of its first, second and last row; and the cells of every sheet (a register holds only its header).
 */
export function workbookPrint(o: Office): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of o.world.spreadsheet.sheets) {
    const rows = [0, 1, s.grid.maxRows - 1].map((r) => plain(s.grid.rows[r]?.a ?? []));
    out.set(
      s.name,
      stable({
        size: [s.grid.maxRows, s.grid.maxCols],
        frozen: [s.frozenRows, s.frozenCols],
        hiddenCols: [...s.hiddenCols].sort((a, b) => a - b),
        // A new register's protection is left unnamed (one call fewer); one finished by a later run is named: the
        // same protection either way.
        protections: s.protections.map((p) => plain({ type: p.type, range: p.range, description: p.description.startsWith("Alur: ") ? "" : p.description, warningOnly: p.warningOnly })),
        rules: s.rules.map((r) => plain(r.spec)),
        formats: rows,
        cells: plain(o.world.read(s.name)),
      }),
    );
  }
  return out;
}

const prints = new WeakMap<Office, Map<string, string>>();

function sameWorkbook(o: Office, clean: Office): Violation[] {
  const a = workbookPrint(o);
  let b = prints.get(clean);
  if (!b) {
    b = workbookPrint(clean);
    prints.set(clean, b);
  }
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  const out: Violation[] = [];
  for (const n of names) {
    const x = a.get(n);
    const y = b.get(n);
    if (x === y) continue;
    if (!x || !y) {
      out.push({ invariant: "setup leaves the workbook a clean setup leaves", evidence: `sheet "${n}" ${x ? "is extra" : "is missing"}` });
      continue;
    }
    let i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    out.push({ invariant: "setup leaves the workbook a clean setup leaves", evidence: `sheet "${n}" differs at …${x.slice(Math.max(0, i - 120), i + 120)}… (clean: …${y.slice(Math.max(0, i - 120), i + 120)}…)` });
  }
  const handlers = o.world.triggers.map((t) => t.handler).sort();
  if (stable(handlers) !== stable(clean.world.triggers.map((t) => t.handler).sort())) out.push({ invariant: "setup leaves the workbook a clean setup leaves", evidence: `triggers ${handlers.join(", ")}` });
  for (const k of ["alur.key.chain", "alur.key.queue", "alur.key.link"]) if (!o.world.stores.script.map.get(k)) out.push({ invariant: "setup leaves the workbook a clean setup leaves", evidence: `no ${k}` });
  return out;
}

export const SCENARIOS: Scenario[] = [
  {
    name: "start",
    prepare: withSm,
    op: (o) => o.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "Undangan kedua" }, requestId: REQUEST }),
    retry: true,
    check: (o) => {
      const made = journal(o.world).filter((e) => e.kind === "start" && e.data.requestId === REQUEST);
      return made.length === 1 ? [] : [{ invariant: "the action took effect once", evidence: `request ${REQUEST} started ${made.length} cases` }];
    },
    // The case the request started (a start rolled back before its entry leaves its number unused: the retry's
    // case may be numbered one on).
    answer: (r, o) => {
      const made = journal(o.world).find((e) => e.kind === "start" && e.data.requestId === REQUEST)?.caseId;
      return (r.data as CaseView)?.id === made ? [] : [{ invariant: "the user is shown the case as the action left it", evidence: `reply shows ${(r.data as CaseView)?.id}, the request started ${made}` }];
    },
  },
  { name: "complete", prepare: withSm, op: act(P("jfu"), { caseId: "SM-2026-0001", expectedVersion: 1, action: "complete" }), retry: true, check: once("SM-2026-0001", "complete", 2), answer: shown("SM-2026-0001", 2) },
  { name: "approve", prepare: withSkAtDecision, op: act(P("kasubbag-umum"), { caseId: "SK-2026-0001", expectedVersion: 4, action: "approve" }), retry: true, check: once("SK-2026-0001", "approve", 5), answer: shown("SK-2026-0001", 5) },
  {
    name: "return",
    prepare: withSkAtDecision,
    op: act(P("kasubbag-umum"), { caseId: "SK-2026-0001", expectedVersion: 4, action: "return", reason: "Perbaiki alamat tujuan" }),
    retry: true,
    check: once("SK-2026-0001", "return", 5), answer: shown("SK-2026-0001", 5),
  },
  {
    name: "reassign",
    prepare: withSm,
    op: act(ADMIN, { caseId: "SM-2026-0001", expectedVersion: 1, action: "reassign", email: "pengganti@dinas.example", note: "JFU cuti", confirm: true }),
    retry: true,
    check: once("SM-2026-0001", "reassign", 2), answer: shown("SM-2026-0001", 2),
  },
  { name: "cancel", prepare: withSm, op: act(ADMIN, { caseId: "SM-2026-0001", expectedVersion: 1, action: "cancel", reason: "Salah register" }), retry: true, check: once("SM-2026-0001", "cancel", 2), answer: shown("SM-2026-0001", 2) },
  {
    name: "reopen",
    prepare: () => {
      const o = withSm();
      advance(o, ok(o.call(P("jfu"), "getCase", { caseId: "SM-2026-0001" })), 7);
      return o;
    },
    op: act(ADMIN, { caseId: "SM-2026-0001", expectedVersion: 8, action: "reopen", reason: "Disposisi perlu dilengkapi" }),
    retry: true,
    check: once("SM-2026-0001", "reopen", 9), answer: shown("SM-2026-0001", 9),
  },
  {
    name: "tick",
    prepare: withSm,
    op: (o) => o.call(P("jfu"), "tickKelengkapan", { caseId: "SM-2026-0001", stepNo: "1", item: "ATK", done: true, link: "" }),
    retry: true,
    check: shows("SM-2026-0001", "ATK ticked", (s) => (s.ticks as Record<string, { done: boolean }>)["1|ATK"]?.done === true),
    answer: (r) => ((r.data as CaseView)?.current?.kelengkapan.some((k) => k.item === "ATK" && k.done) ? [] : [{ invariant: "the user is shown the case as the action left it", evidence: "ATK not ticked in the reply" }]),
  },
  {
    name: "document",
    prepare: withSm,
    op: (o) => o.call(P("jfu"), "makeDocument", { caseId: "SM-2026-0001", template: "lembar-disposisi" }),
    retry: true,
    // The document worker (every minute, as the Alur folder's owner) makes what the request queued.
    after: (o) => o.run("time-trigger", "runDocumentQueue"),
    check: shows("SM-2026-0001", "document", (s) => (s.documents as string[]).length >= 1),
    // The person sees the letter waiting for the worker (or made, when the worker ran in the same execution).
    answer: (r) => {
      const v = r.data as CaseView | undefined;
      return v?.documents?.length || v?.letters?.pending.some((p) => p.template === "lembar-disposisi") ? [] : [{ invariant: "the user is shown the case as the action left it", evidence: "the letter neither made nor waiting in the reply" }];
    },
  },
  {
    // The document worker's run (every minute, as the Alur folder's owner) on a letter the JFU asked for.
    name: "document worker",
    prepare: () => {
      const o = withSm();
      ok(o.call(P("jfu"), "makeDocument", { caseId: "SM-2026-0001", template: "lembar-disposisi" }));
      o.world.clock.advance(60_000);
      return o;
    },
    op: (o) => o.run("time-trigger", "runDocumentQueue"),
    retry: false,
    // Its retry is its next minute; a job a cut-off run had leased waits for its lease (10 minutes) to run out.
    after: (o) => {
      const next = o.run("time-trigger", "runDocumentQueue");
      if (!next.ok) return next;
      o.world.clock.advance(11 * 60_000);
      return o.run("time-trigger", "runDocumentQueue");
    },
    // Every call but the edits of the open Doc (pending until saveAndClose, Google documents): every 25th of those.
    pick: (calls) => calls.map((c, i) => i + 1).filter((k) => !DOC_ELEMENT.test(calls[k - 1]) || k % 25 === 0),
    // One letter made (its Doc and its PDF), not two.
    check: shows("SM-2026-0001", "document", (s) => (s.documents as string[]).filter((d) => d.includes("/document/d/")).length === 1),
  },
  {
    // Emails that met a spent quota wait in Antrean Email; the hourly trigger (the only entry point of the mail retry)
    // sends them. Its other work is already done (nothing late, the journal verified), so the run is the mail retry.
    name: "mail retry",
    prepare: () => {
      const o = baseOffice();
      o.world.mail.quota = 0;
      const sm = ok(o.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS }));
      ok(o.call(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields: SK_FIELDS }));
      advance(o, sm, 1);
      o.run("time-trigger", "hourlyRefresh");
      o.world.clock.advance(10 * 60_000);
      return o;
    },
    op: (o) => o.run("time-trigger", "hourlyRefresh"),
    retry: false,
  },
  {
    // Late cases (three working days on), an email waiting, and journal entries made since the last hourly run.
    name: "hourly refresh",
    prepare: () => {
      const o = baseOffice();
      const a = ok(o.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields: SM_FIELDS }));
      ok(o.call(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, perihal: "Kedua" } }));
      o.run("time-trigger", "hourlyRefresh");
      o.world.mail.quota = 0;
      advance(o, ok(o.call(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields: SK_FIELDS })), 1);
      o.world.mail.quota = 100;
      advance(o, a, 1);
      o.world.clock.advance(3 * 24 * 60 * 60_000);
      return o;
    },
    op: (o) => o.run("time-trigger", "hourlyRefresh"),
    retry: false,
    check: (o, clean) => (lateColumns(o) === lateColumns(clean) ? [] : [{ invariant: "Terlambat is what a clean run leaves", evidence: `${lateColumns(o)} (clean: ${lateColumns(clean)})` }]),
  },
  {
    name: "setup",
    fresh: () => emptyOffice(),
    op: (o) => {
      const n = o.world.ui.shown.length;
      const r = o.run({ user: ADMIN }, "menuSetup");
      const said = o.world.ui.shown[n];
      const done = r.ok && said?.title === "Siapkan Alur" && !/berhenti/.test(String(said.content));
      return { ok: done, text: r.ok ? String(said?.content ?? "(nothing shown)").slice(0, 300) : r.text };
    },
    retry: true,
    // Every 10th call, and the template Docs' layout (about 6,500 calls on an open Doc's elements, which Google
    // documents as pending until saveAndClose) at every 500th: a cut there leaves the same record wherever it falls,
    // only the unrecorded Doc's content differs (test/faults/equivalence.test.ts shows it at the start, middle and end
    // of the longest layout). The issue allows setup to be sampled at every 10th call; each point is a setup and its retry.
    pick: (calls) => {
      const out: number[] = [];
      let other = 0;
      calls.forEach((c, i) => {
        const k = i + 1;
        if (DOC_ELEMENT.test(c) ? k % 500 === 0 : other++ % 10 === 0) out.push(k);
      });
      return [...out, calls.length];
    },
    check: sameWorkbook,
  },
];

const DOC_ELEMENT = /^(Body|Paragraph|Table|TableRow|TableCell|Text|ListItem|HeaderSection|FooterSection)\./;

export function scenario(name: string): Scenario {
  const s = SCENARIOS.find((x) => x.name === name);
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
}
