// The sidebar's one entry: checks the call name and argument shape, runs the call, and turns refusals into messages.
import { type ApiResult, CALL_NAMES, type CallName, type ServerCalls, type SopSummary, type Bootstrap } from "../api";
import { jakartaDateString } from "../domain/calendar";
import { rolesOf } from "../domain/pejabat";
import { renderSopPage } from "../domain/sop-page";
import { ROLES, roleById } from "../catalog/roles";
import { Refusal, act, env, getCase, sopById, startCase, tickKelengkapan } from "./cases";
import { makeDocument } from "./documents";
import { loadIds } from "./ids";
import { setup } from "./setup";
import { takeInitialView } from "./menu-actions";
import { myQueue, selectCase, selectedCase, summary } from "./queue";
import { rebuildReport } from "./report";
import { workbook } from "../gas/sheets";
import { ownDigest, setOwnDigest } from "./digest";

type Handlers = { [N in CallName]: (arg: ServerCalls[N]["arg"]) => ServerCalls[N]["result"] };

/** What people call the texts they type, for the "too long" message. */
const LABEL: Record<string, string> = { note: "Catatan", reason: "Alasan", link: "Tautan", email: "Email" };

/** 5001 → "5.001": grouped by hand (Intl locales are not guaranteed on Apps Script). */
const ribuan = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

const str = (v: unknown, name: string, max = 5000): string => {
  if (typeof v !== "string") throw new Refusal(`Permintaan tidak sah: ${name} harus teks.`);
  if (v.length > max) throw new Refusal(`${LABEL[name] ?? name} terlalu panjang (${ribuan(v.length)} karakter; maksimal ${ribuan(max)}). Persingkat, lalu kirim lagi.`);
  return v;
};
const obj = (v: unknown): Record<string, unknown> => {
  if (!v || typeof v !== "object" || Array.isArray(v)) throw new Refusal("Permintaan tidak sah.");
  return v as Record<string, unknown>;
};

function sopSummaries(): SopSummary[] {
  const e = env();
  return e.cfg.sops
    .filter((s) => e.cfg.active.includes(s.id))
    .map((s) => ({ id: s.id, code: s.code, title: s.title, shortTitle: s.shortTitle, unitName: s.unitName, steps: s.steps.length, lanes: s.lanes.map((l) => l.header), fields: s.fields }));
}

const handlers: Handlers = {
  bootstrap: (): Bootstrap => {
    // First use: the panel prepares the workbook itself (setup never overwrites what people typed).
    const firstUse = loadIds() ? [] : setup();
    const e = env();
    const roles = rolesOf(e.cfg.officials, e.actor.email, jakartaDateString(e.now)).map((r) => roleById(r)?.name ?? r);
    let selected = null;
    try {
      selected = selectedCase(e);
    } catch {
      selected = null;
    }
    return {
      me: { email: e.actor.email, name: e.actor.name, roles, admin: e.actor.admin, manager: e.actor.admin },
      sops: sopSummaries(),
      selected,
      queueCount: myQueue(e).length,
      setupNeeded: false,
      initialView: takeInitialView() as Bootstrap["initialView"],
      problems: [...firstUse.filter((c) => c.startsWith("Pejabat")), ...e.cfg.problems, ...e.cfg.sopErrors.map((x) => `${x.sheet}${x.row ? ` baris ${x.row}` : ""} (${x.sop}): ${x.message}`)],
    };
  },
  listSops: () => sopSummaries(),
  startCase: (arg) => {
    const a = obj(arg);
    const fields = obj(a.fields);
    const clean: Record<string, string> = {};
    for (const [k, v] of Object.entries(fields)) clean[k] = str(v, k);
    const requestId = a.requestId === undefined ? "" : str(a.requestId, "requestId", 64);
    if (requestId && !/^[A-Za-z0-9_-]{16,64}$/.test(requestId)) throw new Refusal("Permintaan tidak sah: requestId.");
    return startCase(str(a.sopId, "sopId", 100), clean, "sidebar", requestId);
  },
  getCase: (arg) => getCase(str(obj(arg).caseId, "caseId", 40)),
  selectedCase: () => selectedCase(env()),
  act: (arg) => {
    const a = obj(arg);
    const action = str(a.action, "action", 20) as ServerCalls["act"]["arg"]["action"];
    if (!["complete", "approve", "return", "reassign", "reopen", "cancel"].includes(action)) throw new Refusal("Tindakan tidak dikenal.");
    if (typeof a.expectedVersion !== "number") throw new Refusal("Permintaan tidak sah: versi kasus tidak disertakan; muat ulang panel.");
    const opt = (k: string) => (a[k] === undefined || a[k] === null ? undefined : str(a[k], k));
    return act({ caseId: str(a.caseId, "caseId", 40), expectedVersion: a.expectedVersion, action, note: opt("note"), reason: opt("reason"), email: opt("email"), toStep: opt("toStep") });
  },
  tickKelengkapan: (arg) => {
    const a = obj(arg);
    const link = str(a.link ?? "", "link", 2000).trim();
    if (link && !/^https:\/\/(drive|docs)\.google\.com\//.test(link)) throw new Refusal("Tautan harus tautan Google Drive (https://drive.google.com/… atau https://docs.google.com/…).");
    return tickKelengkapan(str(a.caseId, "caseId", 40), str(a.stepNo, "stepNo", 10), str(a.item, "item", 500), a.done === true, link);
  },
  makeDocument: (arg) => {
    const a = obj(arg);
    return makeDocument(str(a.caseId, "caseId", 40), str(a.template, "template", 60));
  },
  correctCase: () => {
    throw new Refusal("Ubah isian belum tersedia.");
  },
  myQueue: () => myQueue(env()),
  selectCase: (arg) => selectCase(env(), str(obj(arg).caseId, "caseId", 40)),
  summary: () => summary(env()),
  rebuildReport: () => {
    const r = rebuildReport();
    const id = loadIds()?.laporan;
    if (id !== undefined) workbook().getSheetById(id)?.activate();
    return { sheetName: r.sheetName, entries: r.entries, at: new Date(r.at).toISOString() };
  },
  sopPage: (arg) => {
    const e = env();
    return { html: renderSopPage(sopById(e.cfg, str(obj(arg).sopId, "sopId", 100)), ROLES, { dayMinutes: e.cfg.settings.dayMinutes }) };
  },
  emailPrefs: () => ownDigest(),
  setEmailPrefs: (arg) => {
    setOwnDigest(obj(arg).digest === true);
    return ownDigest();
  },
};

export function alurApi(name: unknown, arg: unknown): ApiResult<unknown> {
  try {
    if (typeof name !== "string" || !(CALL_NAMES as string[]).includes(name)) throw new Refusal("Panggilan server tidak dikenal.");
    const fn = handlers[name as CallName] as (a: unknown) => unknown;
    return { ok: true, data: fn(arg ?? null) };
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, error: err.message, ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}) };
    const message = err instanceof Error ? err.message : String(err);
    console.error(`alurApi ${String(name)}: ${message}`);
    return { ok: false, error: /[a-z]{3,} (sedang|belum|tidak)/i.test(message) ? message : `Terjadi kesalahan di server: ${message}. Coba lagi; bila berulang, hubungi admin.` };
  }
}
