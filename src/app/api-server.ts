// The sidebar's one entry: checks the call name and argument shape, runs the call, and turns refusals into messages.
import { type ApiResult, CALL_NAMES, type CallName, type ServerCalls, type SopSummary, type Bootstrap } from "../api";
import { jakartaDateString } from "../domain/calendar";
import { rolesOf } from "../domain/pejabat";
import { renderSopPage } from "../domain/sop-page";
import { ROLES, roleById } from "../catalog/roles";
import { type Env, Refusal, act, env, getCase, loadCase, sopById, startCase, tickKelengkapan } from "./cases";
import { correctCase, fieldView } from "./correct";
import { cancelNumber, reserveFreeNumber } from "./letters";
import { lettersModule } from "./letters-module";
import { loadIds } from "./ids";
import { setup } from "./setup";
import { takeInitialView } from "./menu-actions";
import { myQueue, queueCountOf, selectCase, selectedCase, summary } from "./queue";
import { updateReport } from "./report";
import { sopSigner } from "./sop-signer";
import { workbook } from "../gas/sheets";
import { ownDigest, setOwnDigest } from "./mail-jobs";
import { logError } from "./log";
import { serverErrorText } from "./server-error";

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

function sopSummaries(e: Env = env()): SopSummary[] {
  return e.cfg.sops
    .filter((s) => e.cfg.active.includes(s.id))
    .map((s) => ({ id: s.id, code: s.code, title: s.title, shortTitle: s.shortTitle, unitName: s.unitName, steps: s.steps.length, lanes: s.lanes.map((l) => l.header), fields: s.fields.map(fieldView) }));
}

/** Leads people by a canonical role they hold today (Pejabat, acting officials included), or is an admin: the same rule the panel follows. */
export function isManager(e: Env): boolean {
  return e.actor.admin || rolesOf(e.cfg.officials, e.actor.email, jakartaDateString(e.now)).some((r) => roleById(r)?.manager === true);
}

function managersOnly(e: Env): void {
  if (!isManager(e)) throw new Refusal("Ringkas dan Laporan hanya untuk pimpinan (Kepala Dinas, Sekretaris, Kepala Bidang, Kasubbag, Kasi) dan admin.");
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
    const counted = queueCountOf(e);
    return {
      me: { email: e.actor.email, name: e.actor.name, roles, admin: e.actor.admin, manager: isManager(e) },
      sops: sopSummaries(e),
      selected,
      queueCount: counted >= 0 ? counted : myQueue(e).length,
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
    return startCase(str(a.sopId, "sopId", 100), clean, "sidebar", requestId, a.confirm === true);
  },
  getCase: (arg) => getCase(str(obj(arg).caseId, "caseId", 40)),
  selectedCase: () => selectedCase(env()),
  act: (arg) => {
    const a = obj(arg);
    const action = str(a.action, "action", 20) as ServerCalls["act"]["arg"]["action"];
    if (!["complete", "approve", "return", "reassign", "reopen", "cancel"].includes(action)) throw new Refusal("Tindakan tidak dikenal.");
    if (typeof a.expectedVersion !== "number") throw new Refusal("Permintaan tidak sah: versi kasus tidak disertakan; muat ulang panel.");
    const opt = (k: string) => (a[k] === undefined || a[k] === null ? undefined : str(a[k], k));
    return act({ caseId: str(a.caseId, "caseId", 40), expectedVersion: a.expectedVersion, action, note: opt("note"), reason: opt("reason"), email: opt("email"), toStep: opt("toStep"), confirm: a.confirm === true });
  },
  tickKelengkapan: (arg) => {
    const a = obj(arg);
    const link = str(a.link ?? "", "link", 2000).trim();
    if (link && !/^https:\/\/(drive|docs)\.google\.com\//.test(link)) throw new Refusal("Tautan harus tautan Google Drive (https://drive.google.com/… atau https://docs.google.com/…).");
    return tickKelengkapan(str(a.caseId, "caseId", 40), str(a.stepNo, "stepNo", 10), str(a.item, "item", 500), a.done === true, link);
  },
  makeDocument: (arg) => {
    const a = obj(arg);
    return lettersModule().requestDocument(str(a.caseId, "caseId", 40), str(a.template, "template", 60));
  },
  takeNumber: (arg) => lettersModule().takeNumbers(str(obj(arg).caseId, "caseId", 40)),
  reserveNumber: (arg) => {
    const a = obj(arg);
    return reserveFreeNumber(str(a.klasifikasi, "klasifikasi", 40), str(a.perihal, "perihal", 500));
  },
  cancelNumber: (arg) => {
    const a = obj(arg);
    return cancelNumber(str(a.key, "key", 80), str(a.reason, "reason", 500));
  },
  decideLeave: (arg) => {
    const a = obj(arg);
    if (typeof a.expectedVersion !== "number") throw new Refusal("Permintaan tidak sah: versi kasus tidak disertakan; muat ulang panel.");
    const level = str(a.level, "level", 10);
    if (level !== "atasan" && level !== "pejabat") throw new Refusal("Permintaan tidak sah: tingkat keputusan.");
    const opt = (k: string) => (a[k] === undefined || a[k] === null || a[k] === "" ? undefined : str(a[k], k, 10));
    return lettersModule().decideLeave({
      caseId: str(a.caseId, "caseId", 40),
      expectedVersion: a.expectedVersion,
      level,
      choice: str(a.choice, "choice", 20) as ServerCalls["decideLeave"]["arg"]["choice"],
      reason: str(a.reason ?? "", "reason"),
      mulai: opt("mulai"),
      selesai: opt("selesai"),
      until: opt("until"),
    });
  },
  issuePassword: (arg) => {
    const a = obj(arg);
    return lettersModule().issuePassword(str(a.caseId, "caseId", 40), str(a.username, "username", 40));
  },
  exportSopPage: (arg) => {
    const a = obj(arg);
    const as = str(a.as, "as", 3);
    if (as !== "pdf" && as !== "doc") throw new Refusal("Permintaan tidak sah: format ekspor.");
    return lettersModule().exportSopPage(str(a.sopId, "sopId", 100), as);
  },
  leavePanel: (arg) => {
    const e = env();
    return lettersModule().leavePanel(e, loadCase(e, str(obj(arg).caseId, "caseId", 40)));
  },
  correctCase: (arg) => {
    const a = obj(arg);
    if (typeof a.expectedVersion !== "number") throw new Refusal("Permintaan tidak sah: versi kasus tidak disertakan; muat ulang panel.");
    const fields = obj(a.fields);
    const clean: Record<string, string> = {};
    for (const [k, v] of Object.entries(fields)) clean[k] = str(v, k);
    const reason = a.reason === undefined || a.reason === null ? "" : str(a.reason, "reason");
    return correctCase({ caseId: str(a.caseId, "caseId", 40), expectedVersion: a.expectedVersion, fields: clean, reason, confirm: a.confirm === true });
  },
  myQueue: () => myQueue(env()),
  selectCase: (arg) => selectCase(env(), str(obj(arg).caseId, "caseId", 40)),
  summary: () => {
    const e = env();
    managersOnly(e);
    return summary(e);
  },
  rebuildReport: () => {
    managersOnly(env());
    const r = updateReport();
    const id = loadIds()?.laporan;
    if (id !== undefined) workbook().getSheetById(id)?.activate();
    return { sheetName: r.sheetName, entries: r.entries, at: new Date(r.at).toISOString() };
  },
  sopPage: (arg) => {
    const e = env();
    const a = obj(arg);
    return { html: renderSopPage(sopById(e.cfg, str(a.sopId, "sopId", 100)), ROLES, { dayMinutes: e.cfg.settings.dayMinutes, signer: sopSigner(e), repairNotes: a.repairNotes === true }) };
  },
  emailPrefs: () => ownDigest(),
  setEmailPrefs: (arg) => {
    const digest = obj(arg).digest;
    if (typeof digest !== "boolean") throw new Refusal("Permintaan tidak sah: pilihan ringkasan harian harus Ya atau Tidak.");
    setOwnDigest(digest);
    return ownDigest();
  },
};

export function alurApi(name: unknown, arg: unknown): ApiResult<unknown> {
  try {
    if (typeof name !== "string" || !(CALL_NAMES as string[]).includes(name)) throw new Refusal("Panggilan server tidak dikenal.");
    const fn = handlers[name as CallName] as (a: unknown) => unknown;
    return { ok: true, data: fn(arg ?? null) };
  } catch (err) {
    // A refusal thrown inside a lazily loaded module is another copy of the class: it is known by its name.
    if (err instanceof Refusal || (err instanceof Error && err.name === "Refusal")) {
      const { fieldErrors, warnings } = err as Refusal;
      return { ok: false, error: err.message, ...(fieldErrors ? { fieldErrors } : {}), ...(warnings?.length ? { warnings } : {}) };
    }
    const message = err instanceof Error ? err.message : String(err);
    logError(`alurApi ${String(name)}: ${message}`);
    const shown = serverErrorText(err);
    if (!shown) return { ok: false, error: "Terjadi kesalahan di server. Coba lagi; bila berulang, hubungi admin." };
    return { ok: false, error: /[a-z]{3,} (sedang|belum|tidak)/i.test(shown) ? shown : `Terjadi kesalahan di server: ${shown}. Coba lagi; bila berulang, hubungi admin.` };
  }
}
