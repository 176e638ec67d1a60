// The bad-input corpus, part 2: where each input goes and what must hold, in groups that each share one set-up office.
// Entry points: every server call of the panel (src/api.ts) through google.script.run's transport, malformed raw calls
// of alurApi, the web app's pages (doGet) and its button (emailAction), emails rendered from people's text, letters
// made from templates, and cells typed by hand in every configuration sheet. Run by runCorpus() (the corpus-*.test.ts files
// and npm run bench).
import { ADMIN, type Alur, P } from "../../emulator/alur-world";
import type { Grid } from "../../emulator/fakes/grid";
import type { CaseView } from "../../src/api";
import { runWorker } from "../app/letters-helpers";
import { SK_FIELDS, SM_FIELDS, actionLinks } from "../app/email-fixtures";
import { messageProblem, riskyWrites, scriptProblem } from "./checks";
import { Fixtures, corpusOffice, pressButton, rawCall, visitPage } from "./office";
import { CONTROL, DATES, FORMULAS, HTML, IDS, LONG, type Payload, PROTO, TEMPLATE, TEXT, TEXT_SHORT, WRONG_TYPES } from "./payloads";
import { type GroupResult, type Observation, PairRun, cpuOf } from "./runner";

type Arg = Record<string, unknown>;

/** One server call of the panel: who makes it with which valid argument, and what kind each field is. */
interface CallSpec {
  name: string;
  valid: (fx: Fixtures) => { user: string; arg: Arg | null };
  /** Text people type (every text payload; a refusal or the text kept as text). */
  text?: string[];
  /** Of those, the fields that get the whole list of text payloads (the others get TEXT_SHORT). */
  allText?: string[];
  /** Names of things (case IDs, SOP ids, templates, keys): forged ones are refused. */
  ids?: string[];
  /** Dates typed by people: a bad one is refused. */
  dates?: string[];
  /** One of a fixed list: anything else is refused. */
  choices?: string[];
  /** Fields that may be left out or be null. */
  optional?: string[];
  mutates: boolean;
  /** Another valid argument of a call already listed (for the fields it reaches): its types are not tried again. */
  variant?: boolean;
}

const sm = (fx: Fixtures) => fx.sm();
const CALLS: CallSpec[] = [
  { name: "bootstrap", valid: () => ({ user: P("jfu"), arg: null }), mutates: false },
  { name: "listSops", valid: () => ({ user: P("jfu"), arg: null }), mutates: false },
  { name: "selectedCase", valid: () => ({ user: P("jfu"), arg: null }), mutates: false },
  { name: "myQueue", valid: () => ({ user: P("jfu"), arg: null }), mutates: false },
  { name: "summary", valid: () => ({ user: P("kepala-dinas"), arg: null }), mutates: false },
  { name: "emailPrefs", valid: () => ({ user: P("jfu"), arg: null }), mutates: false },
  { name: "rebuildReport", valid: () => ({ user: ADMIN, arg: null }), mutates: true },
  {
    name: "startCase",
    valid: () => ({ user: P("jfu"), arg: { sopId: "surat-masuk", fields: { ...SM_FIELDS } } }),
    text: ["fields.perihal", "fields.asalSurat", "fields.catatan"],
    allText: ["fields.perihal"],
    ids: ["sopId"],
    dates: ["fields.tanggalSurat", "fields.diterimaTanggal"],
    choices: ["fields.sifat", "requestId"],
    optional: ["requestId", "confirm", "fields.catatan"],
    mutates: true,
  },
  { name: "getCase", valid: (fx) => ({ user: P("jfu"), arg: { caseId: sm(fx).id } }), ids: ["caseId"], mutates: false },
  { name: "selectCase", valid: (fx) => ({ user: P("jfu"), arg: { caseId: sm(fx).id } }), ids: ["caseId"], mutates: false },
  { name: "leavePanel", valid: (fx) => ({ user: P("kepala-dinas"), arg: { caseId: fx.leave().id } }), ids: ["caseId"], mutates: false },
  {
    name: "act",
    valid: (fx) => ({ user: P("jfu"), arg: { caseId: sm(fx).id, expectedVersion: sm(fx).version, action: "complete", note: "Sudah dicatat" } }),
    text: ["note"],
    allText: ["note"],
    ids: ["caseId"],
    choices: ["action"],
    optional: ["note", "reason", "email", "toStep", "confirm"],
    mutates: true,
  },
  {
    name: "act",
    valid: (fx) => ({ user: P("kasubbag-umum"), arg: { caseId: fx.skDecision().id, expectedVersion: fx.skDecision().version, action: "return", reason: "Perbaiki alamat tujuan" } }),
    text: ["reason"],
    mutates: true,
    variant: true,
  },
  {
    name: "act",
    valid: (fx) => ({ user: ADMIN, arg: { caseId: sm(fx).id, expectedVersion: sm(fx).version, action: "reassign", email: P("kasubbag-umum"), note: "Dialihkan" } }),
    text: ["email", "toStep"],
    optional: ["note", "toStep", "confirm"],
    mutates: true,
    variant: true,
  },
  {
    name: "tickKelengkapan",
    valid: (fx) => ({ user: P("jfu"), arg: { caseId: sm(fx).id, stepNo: "1", item: "ATK", done: true, link: "https://drive.google.com/file/d/contoh/view" } }),
    text: ["item", "link", "stepNo"],
    ids: ["caseId"],
    optional: ["link", "done"],
    mutates: true,
  },
  { name: "makeDocument", valid: (fx) => ({ user: P("jfu"), arg: { caseId: sm(fx).id, template: "lembar-disposisi" } }), ids: ["caseId", "template"], mutates: true },
  {
    name: "correctCase",
    valid: (fx) => ({ user: P("jfu"), arg: { caseId: sm(fx).id, expectedVersion: sm(fx).version, fields: { perihal: "Undangan rapat koordinasi" }, reason: "Salah ketik" } }),
    text: ["fields.perihal", "reason"],
    ids: ["caseId"],
    dates: ["fields.tanggalSurat"],
    optional: ["reason", "confirm"],
    mutates: true,
  },
  { name: "takeNumber", valid: (fx) => ({ user: P("jfu"), arg: { caseId: fx.skNumber().id } }), ids: ["caseId"], mutates: true },
  { name: "reserveNumber", valid: () => ({ user: P("jfu"), arg: { klasifikasi: "000.8.3.3", perihal: "Surat tanpa kasus" } }), text: ["klasifikasi", "perihal"], allText: ["perihal"], mutates: true },
  { name: "cancelNumber", valid: (fx) => ({ user: ADMIN, arg: { key: fx.reserved(), reason: "Tidak jadi dikirim" } }), text: ["reason"], ids: ["key"], mutates: true },
  {
    name: "decideLeave",
    valid: (fx) => ({ user: P("kepala-dinas"), arg: { caseId: fx.leave().id, expectedVersion: fx.leave().version, level: "pejabat", choice: "Ditangguhkan", reason: "Kebutuhan dinas", until: "2027-01-11" } }),
    text: ["reason"],
    ids: ["caseId"],
    dates: ["until"],
    choices: ["level", "choice"],
    optional: ["mulai", "selesai"],
    mutates: true,
  },
  {
    name: "decideLeave",
    valid: (fx) => ({ user: P("kepala-dinas"), arg: { caseId: fx.leave().id, expectedVersion: fx.leave().version, level: "pejabat", choice: "Perubahan", reason: "Dimajukan", mulai: "2026-12-14", selesai: "2026-12-18" } }),
    dates: ["mulai", "selesai"],
    mutates: true,
    variant: true,
  },
  { name: "issuePassword", valid: (fx) => ({ user: fx.holder("subdomain", "5"), arg: { caseId: fx.subdomain().id, username: "dinas" } }), text: ["username"], ids: ["caseId"], mutates: true },
  { name: "sopPage", valid: () => ({ user: P("jfu"), arg: { sopId: "surat-masuk", repairNotes: true } }), ids: ["sopId"], optional: ["repairNotes"], mutates: false },
  { name: "exportSopPage", valid: () => ({ user: ADMIN, arg: { sopId: "surat-masuk", as: "pdf" } }), ids: ["sopId"], choices: ["as"], mutates: false },
  { name: "setEmailPrefs", valid: () => ({ user: P("jfu"), arg: { digest: true } }), optional: ["digest"], mutates: true },
];

/** A copy of `arg` with the field at `path` ("fields.perihal") set, or removed when `value` is MISSING. */
const MISSING = Symbol("missing");
function withField(arg: Arg, path: string, value: unknown): Arg {
  const copy = JSON.parse(JSON.stringify(arg)) as Arg;
  const keys = path.split(".");
  let at = copy;
  for (const k of keys.slice(0, -1)) {
    if (!at[k] || typeof at[k] !== "object") at[k] = {};
    at = at[k] as Arg;
  }
  const last = keys[keys.length - 1];
  if (value === MISSING) delete at[last];
  else at[last] = value;
  return copy;
}

/** The top-level and nested fields of a valid argument ("fields.perihal" for the first field of an object field). */
function fieldPaths(arg: Arg): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(arg)) {
    out.push(k);
    if (v && typeof v === "object" && !Array.isArray(v)) out.push(`${k}.${Object.keys(v)[0]}`);
  }
  return out;
}

const isOptional = (spec: CallSpec, path: string) => (spec.optional ?? []).includes(path);

/** Text payloads each text field gets; a 50,000-character text is refused with its length, never cut silently. */
const textExpect = (p: Payload) => (p.kind === "long" ? ("refused" as const) : ("either" as const));

/**
 * Calls anyone who can open the spreadsheet may make, listed in Pejabat or not (SECURITY.md names no rule for them):
 * starting a case, and a number for a letter made outside Alur.
 */
const OPEN_TO_ANYONE = ["startCase", "reserveNumber"];

/** Every server call with wrong types, missing and extra fields, and a wrong argument altogether. */
function panelTypes(run: PairRun, fx: Fixtures): void {
  const alur = run.alur;
  for (const spec of CALLS.filter((s) => !s.variant)) {
    // The fixture (a case at the right step) is made before the pair, so the pair sees only its own call's effects.
    const call = (arg: () => unknown) => {
      const v = spec.valid(fx);
      const a = arg();
      return () => ({ reply: rawCall(alur, v.user, [spec.name, a]) });
    };
    const run2 = (entry: string, input: string, options: Parameters<PairRun["pair"]>[2], act: () => () => Observation) => run.pair(entry, input, options, act());
    const after = (o: Observation) => {
      if ("reply" in o && (o.reply as { ok?: boolean })?.ok && spec.mutates) fx.reset();
      return [];
    };
    const { arg } = spec.valid(fx);
    // The argument itself of the wrong type (calls that take none ignore it).
    for (const [id, bad] of [["null", null], ["number", 42], ["text", "teks"], ["array", []], ["array-of-arg", [arg]], ["empty-object", {}]] as [string, unknown][]) {
      if (arg === null && id === "null") continue;
      run2(`panel ${spec.name}`, `argument ${id}`, { expect: arg === null ? "either" : "refused", mutates: spec.mutates && arg === null, after }, () => call(() => bad));
    }
    if (arg === null) continue;
    // Extra fields, prototype names among them, go unnoticed or are refused; they never reach an object's prototype.
    run2(`panel ${spec.name}`, "extra fields", { expect: "either", mutates: spec.mutates, after }, () =>
      call(() => ({ ...spec.valid(fx).arg, extra: "tambahan", admin: true, constructor: "x", toString: 1, ...JSON.parse('{"__proto__": {"admin": true, "ok": true}}') })),
    );
    for (const path of fieldPaths(arg)) {
      if (!isOptional(spec, path)) run2(`panel ${spec.name}.${path}`, "missing", { expect: "refused", after }, () => call(() => withField(spec.valid(fx).arg as Arg, path, MISSING)));
      // Every wrong type for a call's first field; the main kinds (number, boolean, null, array, object) for the rest.
      for (const w of path === fieldPaths(arg)[0] ? WRONG_TYPES : WRONG_TYPES.filter((x) => ["number", "boolean", "null", "array", "object"].includes(x.id))) {
        // A flag (confirm, done, repairNotes, digest) is true only when it is true: anything else reads as false.
        const flag = ["confirm", "done", "repairNotes", "digest"].includes(path);
        run2(`panel ${spec.name}.${path}`, `wrong type ${w.id}`, { expect: flag || (isOptional(spec, path) && w.value === null) ? "either" : "refused", mutates: flag || isOptional(spec, path), after }, () =>
          call(() => withField(spec.valid(fx).arg as Arg, path, w.value)),
        );
      }
    }
    if ("expectedVersion" in arg) {
      for (const [id, v] of [["text", "1"], ["fraction", 1.5], ["negative", -1], ["huge", 1e308], ["zero", 0]] as [string, unknown][]) {
        run2(`panel ${spec.name}.expectedVersion`, `version ${id}`, { expect: "refused", after }, () => call(() => withField(spec.valid(fx).arg as Arg, "expectedVersion", v)));
      }
    }
  }
  // Someone not in Pejabat, through every call that changes a case: refused, or (starting a case) a safe value.
  for (const spec of CALLS.filter((s) => s.mutates && !s.variant && s.name !== "setEmailPrefs")) {
    const { arg } = spec.valid(fx);
    run.pair(`panel ${spec.name}`, "caller not in Pejabat", { expect: OPEN_TO_ANYONE.includes(spec.name) ? "either" : "refused", mutates: OPEN_TO_ANYONE.includes(spec.name) }, () => ({ reply: rawCall(alur, "tamu@luar.example", [spec.name, arg]) }));
  }
}

/** Names of things that are not there: forged case IDs, prototype names, markup, a long one, nothing, an unknown SOP. */
const FORGED: Payload[] = [...IDS, ...PROTO, ...HTML.slice(0, 2), LONG[0], { id: "empty", value: "", kind: "id" }, { id: "unknown-sop", value: "sop-tidak-ada", kind: "id" }];

/** Every text, ID, date and choice field with the payloads of its kind. */
function panelText(run: PairRun, fx: Fixtures): void {
  const alur = run.alur;
  for (const spec of CALLS) {
    const after = (o: Observation) => {
      if ("reply" in o && (o.reply as { ok?: boolean })?.ok && spec.mutates) fx.reset();
      const data = "reply" in o ? (o.reply as { data?: { html?: string; page?: string } })?.data : undefined;
      return [data?.html ? scriptProblem(data.html) : null, data?.page ? scriptProblem(data.page) : null];
    };
    const send = (path: string, value: string) => {
      const v = spec.valid(fx);
      const arg = withField(v.arg as Arg, path, value);
      return () => ({ reply: rawCall(alur, v.user, [spec.name, arg]) });
    };
    for (const path of spec.text ?? []) for (const p of (spec.allText ?? []).includes(path) ? TEXT : TEXT_SHORT) { const act = send(path, p.value); run.pair(`panel ${spec.name}.${path}`, p.id, { echoes: [p.value], expect: textExpect(p), mutates: spec.mutates, after }, act); };
    for (const path of spec.ids ?? [])
      for (const p of path === "caseId" || spec.name === "startCase" ? FORGED : FORGED.filter((x) => x.kind !== "id" || x.id === "no-such-number" || x.id === "proto-code")) {
        { const act = send(path, p.value); run.pair(`panel ${spec.name}.${path}`, p.id, { echoes: [p.value], expect: "refused", after }, act); };
      }
    for (const path of spec.dates ?? []) for (const p of DATES) { const act = send(path, p.value); run.pair(`panel ${spec.name}.${path}`, `date ${p.id}`, { echoes: [p.value], expect: "refused", after }, act); };
    for (const path of spec.choices ?? [])
      for (const p of [FORMULAS[0], HTML[0], PROTO[0], PROTO[1], { id: "case", value: "COMPLETE", kind: "plain" } as Payload, { id: "space", value: " approve", kind: "plain" } as Payload]) {
        { const act = send(path, p.value); run.pair(`panel ${spec.name}.${path}`, `choice ${p.id}`, { echoes: [p.value], expect: "refused", after }, act); };
      }
  }
  // An inactive SOP (unticked in SOP Identitas) and an SOP written differently.
  for (const sopId of ["rapat-internal", "SURAT-MASUK", "surat-masuk "]) {
    run.pair("panel startCase.sopId", `unknown SOP ${JSON.stringify(sopId)}`, { echoes: [sopId], expect: "refused" }, () => ({ reply: rawCall(alur, P("jfu"), ["startCase", { sopId, fields: SM_FIELDS }]) }));
  }
  // Field keys that are prototype names, and fields the SOP does not have.
  run.pair("panel startCase.fields", "prototype-named keys", { expect: "either", mutates: true, after: () => { fx.reset(); return []; } }, () => ({
    reply: rawCall(alur, P("jfu"), ["startCase", { sopId: "surat-masuk", fields: { ...SM_FIELDS, ...JSON.parse('{"__proto__": "x"}'), constructor: "y", hasOwnProperty: "z", bukanIsian: "w" } }]),
  }));
}

/** google.script.run.alurApi(...) with what no panel sends: unknown names, prototype names, too few or too many arguments. */
function rawCalls(run: PairRun): void {
  const alur = run.alur;
  const names: [string, unknown][] = [
    ["number", 42],
    ["null", null],
    ["empty", ""],
    ["array", ["bootstrap"]],
    ["object", { name: "bootstrap" }],
    ["boolean", true],
    ["unknown", "hapusSemua"],
    ["cased", "Bootstrap"],
    ["padded", " bootstrap"],
    ...PROTO.map((p) => [p.id, p.value] as [string, unknown]),
    ["valueOf", "valueOf"],
    ["isPrototypeOf", "isPrototypeOf"],
    ["html", HTML[0].value],
    ["long", LONG[0].value],
  ];
  for (const [id, name] of names) run.pair("alurApi name", id, { echoes: typeof name === "string" ? [name] : [], expect: "refused" }, () => ({ reply: rawCall(alur, P("jfu"), [name, null]) }));
  const shapes: [string, unknown[]][] = [
    ["no arguments", []],
    ["name only", ["getCase"]],
    ["three arguments", ["getCase", { caseId: "SM-2026-0001" }, "lagi"]],
    ["nested arrays", ["getCase", [[[["SM-2026-0001"]]]]]],
    ["deep object", ["getCase", JSON.parse(`${'{"caseId":'.repeat(200)}"x"${"}".repeat(200)}`)]],
    ["many fields", ["startCase", { sopId: "surat-masuk", fields: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`f${i}`, "x"])) }]],
    ["big array", ["act", { caseId: Array.from({ length: 10000 }, () => "SM"), expectedVersion: 1, action: "complete" }]],
  ];
  for (const [id, args] of shapes) run.pair("alurApi arguments", id, { expect: id === "no arguments" ? "refused" : "either" }, () => ({ reply: rawCall(alur, P("jfu"), args) }));
}

/** The web app: forged and garbled links, case IDs and tokens on its pages, and its button with whatever a page can send. */
function webApp(run: PairRun, fx: Fixtures): void {
  const alur = run.alur;
  const visitors = ["", P("jfu"), "tamu@luar.example"];
  const page = (params: Record<string, string>, who = "") => ({ page: visitPage(alur, params, who) });
  run.pair("doGet", "no parameters", {}, () => page({}));
  for (const p of [...IDS, ...PROTO, ...HTML, LONG[0], CONTROL[0]]) {
    for (const who of visitors) run.pair("doGet case", `${p.id} as ${who || "unknown visitor"}`, { echoes: [p.value] }, () => page({ case: p.value }, who));
  }
  // A real case: forged read-only links (signature and recipient), for each visitor.
  const id = fx.sm().id;
  for (const [u, t] of [
    [P("jfu"), "tanda-tangan-palsu"],
    [P("jfu"), ""],
    ["", "x"],
    [HTML[1].value, HTML[0].value],
    [P("kepala-dinas"), "a".repeat(5000)],
  ]) {
    for (const who of ["", P("jfu")]) run.pair("doGet case (signed link)", `forged u/t ${JSON.stringify(u).slice(0, 20)} as ${who || "unknown visitor"}`, { echoes: [u, t] }, () => page({ case: id, u, t }, who));
  }
  // Action links: garbled, altered and forged tokens, and choices that are not the step's.
  const link = fx.link();
  const k = link.k;
  const tokens: [string, string][] = [
    ["empty-ish", "."],
    ["dots", "a.b.c.d"],
    ["base64 junk", "eyJhbGciOiJub25lIn0.eyJjIjoiU00tMjAyNi0wMDAxIn0."],
    ["one char changed", k.slice(0, -2) + (k.endsWith("A") ? "B" : "A") + k.slice(-1)],
    ["appended", `${k}x`],
    ["cut short", k.slice(0, Math.floor(k.length / 2))],
    ["html", HTML[2].value],
    ["long", LONG[0].value],
    ["control", CONTROL[0].value],
    ["proto", "__proto__"],
  ];
  for (const [id2, tok] of tokens) for (const who of ["", P("kasubbag-umum")]) run.pair("doGet action link", `token ${id2} as ${who || "unknown visitor"}`, { echoes: [tok] }, () => page({ ...link, k: tok }, who));
  for (const aksi of ["hapus", HTML[0].value, "__proto__", "", "APPROVE"]) run.pair("doGet action link", `aksi ${JSON.stringify(aksi).slice(0, 20)}`, { echoes: [aksi] }, () => page({ ...link, aksi }));
  run.pair("doGet action link", "valid link opened by someone else signed in", {}, () => page(link, P("jfu")));
  // The button: whatever a page can send to emailAction.
  const press = (args: unknown[], who = "") => ({ result: pressButton(alur, args, who) });
  const argsList: [string, unknown[]][] = [
    ["no arguments", []],
    ["null", [null]],
    ["number", [42]],
    ["text", [k]],
    ["array", [[k, "approve"]]],
    ["empty object", [{}]],
    ["no token", [{ aksi: "approve" }]],
    ["token number", [{ k: 12345, aksi: "approve" }]],
    ["token array", [{ k: [k], aksi: "approve" }]],
    ["token object", [{ k: { toString: k }, aksi: "approve" }]],
    ...tokens.map(([i, tok]) => [`token ${i}`, [{ k: tok, aksi: "approve" }]] as [string, unknown[]]),
    ["aksi unknown", [{ k, aksi: "hapus" }]],
    ["aksi html", [{ k, aksi: HTML[0].value }]],
    ["aksi proto", [{ k, aksi: "__proto__" }]],
    ["aksi number", [{ k, aksi: 1 }]],
    ["aksi array", [{ k, aksi: ["approve"] }]],
    ["aksi not the step's (complete)", [{ k, aksi: "complete" }]],
    ["note number", [{ k, aksi: "approve", note: 42 }]],
    ["note array", [{ k, aksi: "approve", note: ["a"] }]],
    ["note object", [{ k, aksi: "approve", note: { a: 1 } }]],
    ["note 50,000 characters", [{ k, aksi: "approve", note: LONG[0].value }]],
    ["reason number", [{ k, aksi: "return", reason: 42 }]],
    ["reason empty", [{ k, aksi: "return", reason: "" }]],
    ["reason 50,000 characters", [{ k, aksi: "return", reason: LONG[0].value }]],
    ["extra fields", [{ k: "x", aksi: "approve", ...JSON.parse('{"__proto__": {"ok": true}}'), to: ADMIN, version: 99 }]],
  ];
  for (const [id2, args] of argsList) run.pair("emailAction", id2, { echoes: args.flatMap((a) => (a && typeof a === "object" ? Object.values(a).filter((x): x is string => typeof x === "string") : [])), expect: "refused" }, () => press(args));
  run.pair("emailAction", "valid link pressed by someone else signed in", { expect: "refused" }, () => press([{ k, aksi: "approve" }], P("jfu")));
  // Text from people through the button: kept as text in Riwayat and the register; each goes through once.
  for (const p of [...FORMULAS, HTML[0], HTML[2], CONTROL[0], CONTROL[1], TEMPLATE[0]]) {
    const l = fx.link();
    run.pair("emailAction note", p.id, { echoes: [p.value], expect: "ok", mutates: true, after: () => { fx.reset(); return [riwayatKeeps(alur, p.value)]; } }, () => press([{ k: l.k, aksi: "approve", note: p.value }]));
  }
  for (const p of [FORMULAS[6], HTML[1]]) {
    const l = fx.link();
    run.pair("emailAction reason", p.id, { echoes: [p.value], expect: "ok", mutates: true, after: () => { fx.reset(); return [riwayatKeeps(alur, p.value)]; } }, () => press([{ k: l.k, aksi: "return", reason: p.value }]));
    // The same link pressed again: spent.
    run.pair("emailAction", `${p.id}: the same link pressed again (applies once)`, {}, () => press([{ k: l.k, aksi: "return", reason: p.value }]));
  }
}

/** The note as typed (or with its outer white space trimmed) is in Riwayat's Catatan, as text. */
function riwayatKeeps(alur: Alur, text: string): string | null {
  const rows = alur.world.read("Riwayat");
  const col = (rows[0] as string[]).indexOf("Catatan");
  return rows.some((r) => r[col] === text || r[col] === text.trim()) ? null : `no Riwayat entry has the text as typed in Catatan (the last: ${JSON.stringify(String(rows[rows.length - 1]?.[col]).slice(0, 60))})`;
}

/** People's text in a case's fields and notes, then the emails that carry it and the pages its links open. */
function emailRendering(run: PairRun): void {
  const alur = run.alur;
  for (const p of [...HTML, FORMULAS[7], CONTROL[0], TEMPLATE[0]]) {
    let v: CaseView | null = null;
    const fields = { ...SK_FIELDS, perihal: p.value, tujuan: p.value, dasarSurat: p.value, isiSurat: p.value };
    run.pair("email rendering", p.id, { echoes: [p.value], expect: "ok", mutates: true }, () => {
      let r = rawCall(alur, P("sekretaris"), ["startCase", { sopId: "surat-keluar", fields }]) as { ok: boolean; data: CaseView };
      for (const who of [P("sekretaris"), P("kasubbag-umum"), P("jfu")]) {
        if (!r.ok) break;
        v = r.data;
        r = rawCall(alur, who, ["act", { caseId: v.id, expectedVersion: v.version, action: "complete", note: p.value }]) as typeof r;
      }
      if (r.ok) v = r.data;
      return { reply: r };
    });
    const id = (v as CaseView | null)?.id;
    const mail = id ? alur.world.outbox.filter((m) => m.subject.includes(id) && m.to.includes(P("kasubbag-umum"))).pop() : undefined;
    run.pair("email rendering (the email to Kasubbag)", p.id, { echoes: [p.value], after: () => [mail ? null : "no email to the step's holder", mail?.htmlBody ? scriptProblem(mail.htmlBody) : null, mail && /<script/i.test(mail.htmlBody ?? "") ? "a <script> in an email" : null] }, () => ({ none: true }));
    if (!mail) continue;
    const links = actionLinks(mail);
    run.pair("doGet confirm page with people's text", p.id, { echoes: [p.value], after: (o) => ["page" in o && !o.page.includes("Tindakan Anda") ? "not the confirm page" : null] }, () => ({ page: visitPage(alur, links[0]?.params ?? {}) }));
    const view = /href="([^"]*\?case=[^"]*)"/.exec(mail.htmlBody ?? "")?.[1]?.replace(/&#38;|&amp;/g, "&");
    run.pair("doGet case page with people's text", p.id, { echoes: [p.value], after: () => [view ? null : "no Lihat kasus link"] }, () => ({ page: visitPage(alur, view ? Object.fromEntries(new URLSearchParams(view.split("?")[1])) : {}) }));
  }
}

/** People's text in the fields a letter takes: the letter says it as text, placeholders in it stay words. */
function templates(run: PairRun, fx: Fixtures): void {
  const alur = run.alur;
  const sk = fx.skDraft();
  for (const p of [...FORMULAS, HTML[0], HTML[6], CONTROL[0], CONTROL[2], PROTO[0], ...TEMPLATE]) {
    let letter = "";
    const fields = { ...SK_FIELDS, perihal: `Perihal ${p.value}`, tujuan: p.value, isiSurat: `Isi ${p.value}` };
    run.pair("template (letter made from a case's fields)", p.id, {
      echoes: [p.value],
      expect: "ok",
      mutates: true,
      after: () => [letter ? null : "no letter made", letter && !letter.includes(`Perihal ${p.value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")}`) && !letter.includes(`Perihal ${p.value}`) ? `the letter does not say the perihal as typed: …${letter.slice(0, 300)}` : null, letter.includes("000.8.3.3/....../Kominfo/2026 000") ? "placeholder expanded" : null],
    }, () => {
      const c = rawCall(alur, P("jfu"), ["correctCase", { caseId: sk.id, expectedVersion: (alur.ok(P("jfu"), "getCase", { caseId: sk.id }) as CaseView).version, fields, reason: "Isi surat" }]) as { ok: boolean };
      if (!c.ok) return { reply: c };
      const before = new Set(alur.world.documents.keys());
      const r = rawCall(alur, P("jfu"), ["makeDocument", { caseId: sk.id, template: "surat-dinas" }]);
      runWorker(alur);
      letter = [...alur.world.documents.values()].find((d) => !before.has(d.id) && d.isDoc && d.name.startsWith(`${sk.id} · Surat Dinas`))?.text ?? "";
      return { reply: r };
    });
  }
}

/** A configuration sheet's cell typed by hand. */
interface TypedCell {
  sheet: string;
  /** The row: a Pengaturan key, a Pejabat email, a SOP "id/No", or "new" (a row added under the last). */
  row: string;
  column: string;
  values: (Payload | { id: string; value: unknown })[];
}

const BAD_NUMBERS = [
  { id: "words", value: "empat ratus lima puluh" },
  { id: "negative", value: "-5" },
  { id: "zero", value: 0 },
  { id: "huge", value: 1e12 },
];
const BAD_HOURS = [
  { id: "words", value: "pagi sampai sore" },
  { id: "reversed", value: "16:00-07:30" },
  { id: "25h", value: "07:30-25:00 istirahat 12:00-13:00" },
];
const TYPED: TypedCell[] = [
  { sheet: "Pengaturan", row: "Menit kerja per hari", column: "Nilai", values: [...BAD_NUMBERS, FORMULAS[0], FORMULAS[6]] },
  { sheet: "Pengaturan", row: "Jam kerja Senin-Kamis", column: "Nilai", values: [...BAD_HOURS, FORMULAS[7], HTML[0], LONG[0]] },
  { sheet: "Pengaturan", row: "Jam kerja Jumat", column: "Nilai", values: [BAD_HOURS[0], FORMULAS[1]] },
  { sheet: "Pengaturan", row: "Ramadan mulai", column: "Nilai", values: [...DATES.slice(0, 4), FORMULAS[0]] },
  { sheet: "Pengaturan", row: "Ramadan selesai", column: "Nilai", values: [DATES[0], DATES[3]] },
  { sheet: "Pengaturan", row: "Jam kerja Ramadan Senin-Kamis", column: "Nilai", values: [BAD_HOURS[1]] },
  { sheet: "Pengaturan", row: "Peringatan hampir jatuh tempo (%)", column: "Nilai", values: [BAD_NUMBERS[0], { id: "300", value: 300 }] },
  { sheet: "Pengaturan", row: "Pengingat email (% standar waktu)", column: "Nilai", values: [BAD_NUMBERS[1], FORMULAS[0]] },
  { sheet: "Pengaturan", row: "Email admin", column: "Nilai", values: [{ id: "not an email", value: "bukan email; ;;" }, HTML[1], FORMULAS[7]] },
  { sheet: "Pengaturan", row: "URL web app", column: "Nilai", values: [HTML[4], { id: "http", value: "http://penyerang.example/exec" }, HTML[2]] },
  { sheet: "Pengaturan", row: "Nama dinas", column: "Nilai", values: [HTML[0], FORMULAS[6], LONG[0]] },
  { sheet: "Pengaturan", row: "Format nomor surat", column: "Nilai", values: [TEMPLATE[1], { id: "unknown part", value: "{rahasia}/{urut}" }, HTML[0]] },
  { sheet: "Pengaturan", row: "Ukuran kertas surat", column: "Nilai", values: [{ id: "unknown", value: "B5" }] },
  { sheet: "Pengaturan", row: "Margin surat (cm)", column: "Nilai", values: [{ id: "words", value: "lebar" }, { id: "negative", value: "-3; 2; 2; 2" }] },
  { sheet: "Pengaturan", row: "Ukuran huruf surat", column: "Nilai", values: [BAD_NUMBERS[0], BAD_NUMBERS[3]] },
  { sheet: "Pengaturan", row: "Spasi baris surat", column: "Nilai", values: [{ id: "10", value: "10" }] },
  { sheet: "Pengaturan", row: "Tujuan disposisi", column: "Nilai", values: [HTML[1], LONG[0]] },
  { sheet: "Pengaturan", row: "Monitoring: batas terlambat (%)", column: "Nilai", values: [BAD_NUMBERS[0]] },
  { sheet: "Pengaturan", row: "Nomor urut per klasifikasi", column: "Nilai", values: [{ id: "maybe", value: "Mungkin" }] },
  { sheet: "Pejabat", row: P("jfu"), column: "Peran", values: [{ id: "unknown role", value: "Raja" }, FORMULAS[0], HTML[0], PROTO[0], PROTO[1]] },
  { sheet: "Pejabat", row: P("jfu"), column: "Email", values: [{ id: "not an email", value: "bukan-email" }, HTML[1], FORMULAS[7], CONTROL[0]] },
  { sheet: "Pejabat", row: P("jfu"), column: "Nama", values: [HTML[0], FORMULAS[6], LONG[0]] },
  { sheet: "Pejabat", row: P("jfu"), column: "NIP", values: [FORMULAS[0], FORMULAS[2], { id: "number", value: 1.98503142010011e17 }] },
  { sheet: "Pejabat", row: P("jfu"), column: "Email atasan", values: [{ id: "not an email", value: "atasan saya" }, HTML[2]] },
  { sheet: "Pejabat", row: P("jfu"), column: "Plt/Plh", values: [{ id: "unknown", value: "Mungkin" }] },
  { sheet: "Pejabat", row: P("jfu"), column: "Mulai", values: [DATES[0], DATES[3]] },
  { sheet: "Pejabat", row: P("jfu"), column: "Ringkasan harian", values: [{ id: "unknown", value: "Kadang" }, FORMULAS[0]] },
  { sheet: "Pejabat", row: "new", column: "Peran", values: [{ id: "unknown role", value: "Penyusup" }, PROTO[2]] },
  { sheet: "Hari Libur", row: "new", column: "Tanggal", values: [...DATES, FORMULAS[0], HTML[0]] },
  { sheet: "SOP", row: "surat-masuk/2", column: "Pelaksana", values: [{ id: "unknown role", value: "RAJA" }, PROTO[1], FORMULAS[0]] },
  { sheet: "SOP", row: "surat-masuk/2", column: "Waktu", values: [{ id: "words", value: "sebentar saja" }, { id: "negative", value: "-15" }, FORMULAS[0]] },
  { sheet: "SOP", row: "surat-masuk/2", column: "Uraian Kegiatan", values: [HTML[0], HTML[2], LONG[0]] },
  { sheet: "SOP", row: "surat-masuk/2", column: "Kelengkapan", values: [HTML[1], FORMULAS[7]] },
  { sheet: "SOP", row: "surat-masuk/2", column: "Jenis", values: [{ id: "unknown", value: "Lompat" }] },
  { sheet: "SOP", row: "surat-masuk/2", column: "Ya ke", values: [{ id: "no such step", value: "99" }, PROTO[0]] },
  { sheet: "SOP", row: "surat-masuk/2", column: "Surat", values: [{ id: "unknown template", value: "surat-rahasia" }, HTML[0]] },
  { sheet: "SOP", row: "surat-masuk/2", column: "Aktif", values: [{ id: "unknown", value: "Mungkin" }] },
  { sheet: "SOP Identitas", row: "surat-masuk", column: "Kode", values: [{ id: "taken", value: "SK" }, HTML[0], PROTO[1]] },
  { sheet: "SOP Identitas", row: "surat-masuk", column: "Judul", values: [HTML[0], HTML[2], FORMULAS[6]] },
  { sheet: "SOP Identitas", row: "surat-masuk", column: "Aktif", values: [{ id: "unknown", value: "Mungkin" }] },
  { sheet: "SOP Identitas", row: "surat-masuk", column: "Isian", values: [{ id: "garbage", value: "perihal:teks:wajib;;;{" }, HTML[0]] },
  { sheet: "SOP Identitas", row: "surat-masuk", column: "Disahkan oleh", values: [HTML[0]] },
  { sheet: "Saldo Cuti", row: "new", column: "NIP", values: [FORMULAS[0], HTML[0]] },
];

/** The 1-based row and column of a typed cell; "new" is the row under the last. */
function locate(alur: Alur, t: TypedCell): { row: number; col: number } {
  const rows = alur.world.read(t.sheet);
  const col = (rows[0] as string[]).indexOf(t.column) + 1;
  if (col < 1) throw new Error(`no column ${t.column} in ${t.sheet}`);
  let row: number;
  if (t.row === "new") row = rows.length + 1;
  else if (t.sheet === "Pengaturan") row = rows.findIndex((r) => r[0] === t.row) + 1;
  else if (t.sheet === "Pejabat") row = rows.findIndex((r) => r[5] === t.row) + 1;
  else if (t.sheet === "SOP") row = rows.findIndex((r) => `${r[0]}/${r[1]}` === t.row) + 1;
  else row = rows.findIndex((r) => r[0] === t.row) + 1;
  if (row < 1) throw new Error(`no row ${t.row} in ${t.sheet}`);
  return { row, col };
}

/** A row of a sheet's grid as it is (values and cell attributes), to put back exactly after the pair. */
function keepRow(grid: Grid, r: number): () => void {
  const kept = grid.rows[r] ? { v: [...grid.rows[r]!.v], a: grid.rows[r]!.a?.map((x) => (x ? { ...x } : x)) } : undefined;
  return () => {
    grid.rows[r] = kept ? { v: [...kept.v], ...(kept.a ? { a: kept.a.map((x) => (x ? { ...x } : x)) } : {}) } : undefined;
    grid.touch();
  };
}

/** Cells typed by hand in every configuration sheet, then onEdit, then the calls that read the configuration. */
function configSheets(run: PairRun): void {
  const alur = run.alur;
  const ss = alur.world.spreadsheet;
  const edited = (sheet: string, row: number, col: number) => alur.world.within("simple-trigger", () => alur.ctx.onEdit({ range: ss.getSheetByName(sheet)!.getRange(row, col), value: undefined }));
  // The due time of a new case before anything is typed: the office's hours stay in force while a setting is wrong.
  const due = () => (alur.ok(P("jfu"), "startCase", { sopId: "surat-keluar", fields: SK_FIELDS }) as CaseView).current?.dueAt;
  const baseline = due();
  for (const t of TYPED) {
    for (const v of t.values) {
      const { row, col } = locate(alur, t);
      const sheet = ss.getSheetByName(t.sheet)!;
      const restore = keepRow(alur.world.sheet(t.sheet)!.grid, row - 1);
      const echoes = typeof v.value === "string" ? [v.value] : [String(v.value)];
      const typedCell = `${t.sheet}!R${row}C${col}`;
      const calendarKey = t.sheet === "Pengaturan" && /^(Jam kerja|Menit kerja|Ramadan)/.test(t.row);
      let problems: string[] = [];
      let started: { ok: boolean; data?: CaseView; error?: string } | null = null;
      run.pair(`typed in ${t.sheet} › ${t.column}${t.row === "new" ? " (new row)" : ""}`, `${v.id}`, {
        echoes,
        mutates: true,
        typed: [typedCell],
        after: () => {
          const out: (string | null)[] = problems.map((p) => messageProblem(p, echoes));
          // Each problem a typed cell causes names where it is.
          const named = problems.filter((p) => !p.includes(t.sheet) && !/SOP|Pejabat|Pengaturan|Hari Libur|Saldo Cuti/.test(p));
          if (named.length) out.push(`a problem that names no sheet: ${named[0].slice(0, 160)}`);
          if (started && !started.ok) out.push(messageProblem(started.error, echoes));
          // Hours that do not read: the last good ones stay in force (the same due time as before).
          if (calendarKey && !t.row.includes("Ramadan") && started?.ok && started.data?.current?.dueAt !== baseline) {
            out.push(`the due time moved from ${baseline} to ${started.data?.current?.dueAt}: the last good hours were not kept`);
          }
          return out;
        },
      }, () => {
        sheet.getRange(row, col).setValue(v.value);
        // What the person typed is theirs: only what Alur writes afterwards is looked at.
        riskyWrites.length = 0;
        edited(t.sheet, row, col);
        const boot = rawCall(alur, ADMIN, ["bootstrap", null]) as { ok: boolean; data?: { problems: string[] } };
        problems = boot.ok ? (boot.data?.problems ?? []) : [];
        // The hours: a case started now is due when it was before. An SOP: its cases start or are refused with words,
        // and its page (for signing) shows what was typed as text.
        if (calendarKey) started = rawCall(alur, P("jfu"), ["startCase", { sopId: "surat-keluar", fields: SK_FIELDS }]) as typeof started;
        if (t.sheet.startsWith("SOP")) {
          started = rawCall(alur, P("jfu"), ["startCase", { sopId: "surat-masuk", fields: SM_FIELDS }]) as typeof started;
          const sopPage = rawCall(alur, P("jfu"), ["sopPage", { sopId: "surat-masuk" }]) as { ok: boolean; data?: { html: string }; error?: string };
          if (sopPage.ok && sopPage.data) {
            const s = scriptProblem(sopPage.data.html);
            if (s) problems.push(`SOP page: ${s}`);
          } else if (sopPage.error) problems.push(sopPage.error.includes("SOP") ? sopPage.error : `SOP ${sopPage.error}`);
        }
        if (t.sheet === "Saldo Cuti") {
          const lp = rawCall(alur, P("kepala-dinas"), ["bootstrap", null]) as { ok: boolean; error?: string };
          if (!lp.ok) problems.push(String(lp.error));
        }
        return { reply: boot };
      });
      // Put back as it was; the next pair's own edit drops the cached configuration.
      restore();
    }
  }
  edited("Pengaturan", 1, 1);
  // The office works as before once the cells are put back.
  run.pair("configuration put back", "every typed cell restored", { expect: "ok", mutates: true, after: (o) => ["reply" in o && (o.reply as { data?: { problems: string[] } }).data?.problems.length ? `problems remain: ${(o.reply as { data: { problems: string[] } }).data.problems[0]}` : null, due() === baseline ? null : "the due time changed"] }, () => ({
    reply: rawCall(alur, ADMIN, ["bootstrap", null]),
  }));
}

export interface Group {
  name: string;
  run: (run: PairRun, fx: Fixtures) => void;
}

export const GROUPS: Group[] = [
  { name: "panel calls: wrong types", run: panelTypes },
  { name: "panel calls: text, IDs, dates, choices", run: panelText },
  { name: "raw alurApi calls", run: (r) => rawCalls(r) },
  { name: "web app pages and its button", run: webApp },
  { name: "email rendering", run: (r) => emailRendering(r) },
  { name: "templates", run: templates },
  { name: "configuration sheets typed by hand", run: (r) => configSheets(r) },
];

/** Runs one group on an office of its own. */
export function runGroup(name: string): GroupResult {
  const g = GROUPS.find((x) => x.name === name);
  if (!g) throw new Error(`no corpus group ${name}`);
  const { value, cpuMs } = cpuOf(() => {
    const alur = corpusOffice();
    const run = new PairRun(g.name, alur);
    const fx = new Fixtures(alur);
    run.onChange = () => fx.reset();
    g.run(run, fx);
    return run;
  });
  return value.result(cpuMs);
}

export interface CorpusResult {
  badInputs: number;
  badInputFailures: number;
  cpuSeconds: number;
  groups: GroupResult[];
}

export function summarize(groups: GroupResult[]): CorpusResult {
  return {
    badInputs: groups.reduce((n, g) => n + g.pairs, 0),
    badInputFailures: groups.reduce((n, g) => n + g.failures.length, 0),
    cpuSeconds: Math.round(groups.reduce((n, g) => n + g.cpuMs, 0) / 100) / 10,
    groups,
  };
}

/** The whole corpus, group after group. */
export function runCorpus(): CorpusResult {
  return summarize(GROUPS.map((g) => runGroup(g.name)));
}
