// Ubah isian: the holder of a step (above all after a return for correction) or an admin corrects a case's fields, recorded with old and new values.
import type { CaseView, FieldView } from "../api";
import { ROLES } from "../catalog/roles";
import type { CaseState, FieldValue } from "../domain/case";
import { checkFields, fieldWarnings, maxLengthOf } from "../domain/fields";
import type { Sop } from "../domain/sop";
import { authorize, stepOf } from "../domain/transition";
import { type Env, Refusal, confirmFirst, env, loadCase } from "./cases";
import { calendar } from "./config";
import { recordCase } from "./journal";
import { withLock } from "./lock";
import { caseView } from "./views";

/** What a field looks like in a form (the panel's Kasus baru and Ubah isian share it). */
export function fieldView(f: Sop["fields"][number]): FieldView {
  return { ...f, maxLength: maxLengthOf(f) };
}

const text = (v: FieldValue | undefined) => (v === undefined || v === null ? "" : String(v));

/**
 * Who may correct the case now: the holder of its current step (or its assignee), without a reason; an admin at any
 * step, with one. Nobody once the case is finished or cancelled. Null: the caller may not.
 */
export function correctionRight(e: Env, sop: Sop, c: CaseState): { reasonRequired: boolean } | null {
  if (c.status === "Selesai" || c.status === "Dibatalkan") return null;
  const step = stepOf(sop, c.stepNo);
  if (!step) return null;
  const auth = authorize(sop, c, step, { actor: e.actor, now: e.now, calendar: calendar(e.cfg), officials: e.cfg.officials, roles: ROLES, channel: "sidebar" });
  if (auth.ok && auth.actingFor !== "sebagai admin") return { reasonRequired: false };
  return e.actor.admin ? { reasonRequired: true } : null;
}

export function correctionView(e: Env, sop: Sop, c: CaseState): CaseView["correction"] {
  const right = correctionRight(e, sop, c);
  if (!right) return null;
  return { fields: sop.fields.map(fieldView), values: Object.fromEntries(sop.fields.map((f) => [f.key, text(c.fields[f.key])])), reasonRequired: right.reasonRequired };
}

export interface Correction {
  caseId: string;
  expectedVersion: number;
  fields: Record<string, string>;
  reason: string;
  confirm: boolean;
}

/**
 * Applies a correction under the lock: only the fields given, checked as at the start (a value already wrong on the
 * case but not touched now stops nobody), recorded in Riwayat with each old and new value. The case moves one version
 * on, so a panel that showed the old fields is told to reload before acting.
 */
export function correctCase(input: Correction): CaseView {
  const result = withLock(() => {
    const e = env();
    const loaded = loadCase(e, input.caseId);
    const { c, sop } = loaded;
    if (c.version !== input.expectedVersion) throw new Refusal(`Kasus ${c.id} sudah ditindaklanjuti${c.lastBy ? ` oleh ${c.lastBy}` : ""} sejak Anda membukanya; muat ulang untuk melihat keadaan terbaru.`);
    const right = correctionRight(e, sop, c);
    if (!right) {
      throw new Refusal(
        c.status === "Selesai" || c.status === "Dibatalkan"
          ? `Kasus ${c.id} sudah ${c.status.toLowerCase()}; isiannya tidak dapat diubah lagi.`
          : `Isian kasus ${c.id} hanya dapat diubah oleh pemegang langkah ${c.stepNo} atau admin.`,
      );
    }
    const reason = input.reason.trim();
    if (right.reasonRequired && reason.length < 3) throw new Refusal("Tuliskan alasan perubahan (admin mengubah isian kasus orang lain).", { reason: "Alasan perubahan wajib diisi." });
    const keys = Object.keys(input.fields);
    for (const k of keys) if (!sop.fields.some((f) => f.key === k)) throw new Refusal(`Isian "${k}" tidak ada pada SOP ini.`);
    const merged: Record<string, unknown> = Object.fromEntries(sop.fields.map((f) => [f.key, text(c.fields[f.key])]));
    for (const k of keys) merged[k] = input.fields[k];
    const checked = checkFields(sop.fields, merged);
    const errors = checked.ok ? {} : Object.fromEntries(Object.entries(checked.errors).filter(([k]) => keys.includes(k)));
    if (Object.keys(errors).length) throw new Refusal(Object.values(errors).join(" "), errors);
    // Each touched field as the form normalises it (a number typed "1.250" is 1250); untouched ones stay as they are.
    const values: Record<string, FieldValue> = { ...c.fields };
    for (const f of sop.fields) {
      if (!keys.includes(f.key)) continue;
      const one = checkFields([f], { [f.key]: input.fields[f.key] });
      if (one.ok) values[f.key] = one.values[f.key];
    }
    const changes = sop.fields.filter((f) => keys.includes(f.key) && text(values[f.key]) !== text(c.fields[f.key])).map((f) => ({ key: f.key, label: f.label, from: c.fields[f.key] ?? "", to: values[f.key] }));
    if (!changes.length) throw new Refusal("Tidak ada isian yang berubah; tidak ada yang disimpan.");
    confirmFirst(fieldWarnings(values), input.confirm);
    const step = stepOf(sop, c.stepNo);
    const note = `${changes.map((x) => `${x.label}: "${text(x.from)}" → "${text(x.to)}"`).join("; ")}${reason ? ` · Alasan: ${reason}` : ""}`;
    const fields = { ...c.fields };
    for (const x of changes) fields[x.key] = x.to;
    const actingFor = right.reasonRequired ? "sebagai admin" : "";
    const item = { at: e.now, by: e.actor.email, actingFor, action: "correct" as const, stepNo: c.stepNo, note, minutes: 0, standard: null };
    const next: CaseState = { ...c, fields, version: c.version + 1, lastBy: e.actor.email, lastAt: e.now, history: [...c.history, item] };
    const spec = { kind: "correct" as const, caseId: c.id, sopId: c.sopId, stepNo: c.stepNo, role: step?.role ?? "", actor: e.actor.email, actingFor, note, minutes: 0, standard: null, data: { changes, ...(reason ? { reason } : {}) } };
    recordCase(e, { sop, sheet: loaded.sheet, header: loaded.header, loaded }, next, c, spec, []);
    return { e, loaded, c: next };
  });
  return caseView(result.e, result.loaded.sop, result.c, result.loaded);
}
