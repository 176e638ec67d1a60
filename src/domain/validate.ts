// Checks a whole SOP catalog at once and reports every problem with where it is, plus the flow helpers the case engine shares.
import type { FieldType, Role, Sop, SopStep } from "./sop";
import { SYSTEM_HEADERS } from "./register";
import { parseWaktu } from "./waktu";

export interface ValidationError {
  sop: string;
  step?: string;
  field?: string;
  message: string;
}

/** The yesTo of a decision whose Ya ends the SOP. */
export const END = "selesai";


const FIELD_TYPES: FieldType[] = ["text", "longtext", "date", "number", "choice", "email", "person"];
const SOP_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SOP_CODE = /^[A-Z]{2,4}$/;
const FIELD_KEY = /^[a-z][A-Za-z0-9]*$/;

const norm = (s: string): string =>
  String(s ?? "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

/** Position of step `no` in the SOP's order, or -1. */
export function stepIndex(sop: Sop, no: string): number {
  return sop.steps.findIndex((s) => s.no === no);
}

/** The step that follows `no` in the SOP's order, or null after the last step (or for an unknown step). */
export function nextStep(sop: Sop, stepNo: string): string | null {
  const i = stepIndex(sop, stepNo);
  return i >= 0 && i + 1 < sop.steps.length ? sop.steps[i + 1].no : null;
}

/** Where the flow can go from a step: process → the next step or END; decision → its Ya and Tidak targets. */
export function exitsOf(sop: Sop, step: SopStep): string[] {
  if (step.kind === "decision") return [step.yesTo, step.noTo].filter((t): t is string => !!t);
  return [nextStep(sop, step.no) ?? END];
}

/**
 * Every problem of every SOP, each with its location and a message in Bahasa Indonesia; empty when all is well.
 * `owners` (code → SOP id) are the codes cases were started under: such a code stays its SOP's (its cases' IDs carry
 * it) even after that SOP's Kode changed, so another SOP given it is held back — not the one whose cases bear it.
 */
export function validateCatalog(sops: Sop[], roles: Role[], owners: Readonly<Record<string, string>> = {}): ValidationError[] {
  const errors: ValidationError[] = [];
  const roleIds = new Set(roles.map((r) => r.id));
  const ids = new Map<string, number>();
  const codes = new Map<string, string>();
  // Asked only for a well-formed code (2–4 capitals): no Object member is named like one.
  const ownerOf = (code: string): string | undefined => owners[code];
  for (const sop of sops) {
    const at = (message: string, step?: string, field?: string): void => {
      errors.push({ sop: sop.id, ...(step !== undefined ? { step } : {}), ...(field !== undefined ? { field } : {}), message });
    };
    if (!SOP_ID.test(sop.id ?? "")) at(`ID SOP "${sop.id}" harus huruf kecil, angka dan tanda hubung, misalnya "surat-masuk".`);
    ids.set(sop.id, (ids.get(sop.id) ?? 0) + 1);
    if (ids.get(sop.id) === 2) at(`ID SOP "${sop.id}" dipakai lebih dari satu SOP.`);
    if (!SOP_CODE.test(sop.code ?? "")) at(`Kode SOP "${sop.code}" harus 2–4 huruf kapital, misalnya "SM".`);
    else if (ownerOf(sop.code) !== undefined && ownerOf(sop.code) !== sop.id) {
      at(`Kode SOP "${sop.code}" sudah dipakai pada nomor kasus SOP ${ownerOf(sop.code)} (${sop.code}-…); kode dipakai pada nomor kasus dan harus unik, juga setelah kode SOP itu diganti. Pakai kode lain.`);
    } else if (codes.has(sop.code) && ownerOf(sop.code) !== sop.id) at(`Kode SOP "${sop.code}" sudah dipakai SOP ${codes.get(sop.code)}; kode dipakai pada nomor kasus dan harus unik.`);
    else codes.set(sop.code, sop.id);
    if (!norm(sop.title)) at("Judul SOP kosong.");
    checkLanes(sop, roleIds, at);
    checkFields(sop, at);
    checkSteps(sop, at);
    // Each revision a case starts with is kept whole in one cell of Arsip SOP, and a cell holds 50,000 characters.
    const size = JSON.stringify(sop).length;
    if (size > MAX_SOP_CHARS) at(`SOP ini terlalu panjang untuk disimpan sebagai revisi (${size} karakter; maksimal ${MAX_SOP_CHARS}). Persingkat uraian, kelengkapan atau catatannya.`);
  }
  return errors;
}

/** The most characters an SOP may take as JSON: one cell of Arsip SOP (50,000), less room for what a revision adds. */
export const MAX_SOP_CHARS = 45_000;

type At = (message: string, step?: string, field?: string) => void;

function checkLanes(sop: Sop, roleIds: Set<string>, at: At): void {
  if (sop.lanes.length === 0) at("SOP tidak memiliki kolom Pelaksana.");
  const seen = new Set<string>();
  for (const lane of sop.lanes) {
    const h = norm(lane.header);
    if (!h) at("Ada kolom Pelaksana tanpa nama.");
    else if (seen.has(h)) at(`Kolom Pelaksana "${lane.header}" tertulis lebih dari sekali.`);
    seen.add(h);
    if (!roleIds.has(lane.role)) at(`Pelaksana "${lane.header}" dipetakan ke peran "${lane.role}" yang tidak ada di daftar peran.`);
    if (SYSTEM_HEADERS.some((s) => norm(s) === h)) at(`Nama Pelaksana "${lane.header}" sama dengan kolom bawaan register; pakai nama lain.`);
  }
}

function checkFields(sop: Sop, at: At): void {
  const keys = new Set<string>();
  const labels = new Set<string>();
  const lanes = new Map(sop.lanes.map((l) => [norm(l.header), l.role]));
  const system = new Set(SYSTEM_HEADERS.map(norm));
  for (const f of sop.fields) {
    const where = f.key || f.label;
    if (!FIELD_KEY.test(f.key ?? "")) at(`Kunci isian "${f.key}" harus camelCase tanpa spasi, misalnya "asalSurat".`, undefined, where);
    else if (keys.has(f.key)) at(`Kunci isian "${f.key}" dipakai lebih dari sekali.`, undefined, where);
    keys.add(f.key);
    const label = norm(f.label);
    if (!label) at(`Isian "${f.key}" tidak memiliki judul kolom.`, undefined, where);
    else if (labels.has(label)) at(`Judul kolom "${f.label}" dipakai oleh dua isian; kolom register dicari menurut judulnya.`, undefined, where);
    else if (system.has(label)) at(`Judul kolom "${f.label}" sama dengan kolom bawaan register; pakai nama lain.`, undefined, where);
    // The Pemohon field names the person behind the PEMOHON lane (field key = lane role): one party, so one name.
    else if (lanes.has(label) && lanes.get(label) !== f.key) at(`Judul kolom "${f.label}" sama dengan kolom Pelaksana; pakai nama lain.`, undefined, where);
    labels.add(label);
    if (!FIELD_TYPES.includes(f.type)) at(`Jenis isian "${f.type}" tidak dikenal; pilih salah satu: ${FIELD_TYPES.join(", ")}.`, undefined, where);
    if (f.type === "choice" && !(f.options ?? []).some((o) => norm(o))) at(`Isian pilihan "${f.label}" belum memiliki daftar pilihan.`, undefined, where);
  }
}

function checkSteps(sop: Sop, at: At): void {
  if (sop.steps.length === 0) {
    at("SOP tidak memiliki langkah.");
    return;
  }
  const headers = new Set(sop.lanes.map((l) => l.header));
  const seen = new Set<string>();
  const known = new Set(sop.steps.map((s) => s.no));
  sop.steps.forEach((step, i) => {
    const no = step.no;
    if (!norm(no)) at(`Langkah ke-${i + 1} tidak bernomor.`, no);
    else if (seen.has(no)) at(`Nomor langkah ${no} dipakai lebih dari sekali.`, no);
    // A Ya that goes to END finishes the case, so a step numbered like END could never be reached by its number.
    else if (no === END) at(`Nomor langkah ${no} tidak boleh dipakai: kata itu menandai akhir SOP. Pakai nomor lain.`, no);
    seen.add(no);
    if (!norm(step.text)) at(`Langkah ${no} tidak memiliki uraian kegiatan.`, no);
    if (!norm(step.role)) at(`Langkah ${no} belum memiliki Pelaksana; pilih satu dari: ${[...headers].join(", ")}.`, no);
    else if (!headers.has(step.role)) at(`Pelaksana "${step.role}" pada langkah ${no} bukan salah satu kolom Pelaksana SOP ini (${[...headers].join(", ")}).`, no);
    const p = parseWaktu(step.waktu ?? "");
    if (!p.ok) at(p.message, no);
    if (step.kind === "decision") {
      if (!step.yesTo) at(`Langkah keputusan ${no} tidak menyebut ke mana jawaban "Ya" menuju.`, no);
      else if (step.yesTo !== END && !known.has(step.yesTo)) at(`Jawaban "Ya" langkah ${no} menuju langkah ${step.yesTo} yang tidak ada.`, no);
      else if (step.yesTo === no) at(`Jawaban "Ya" langkah ${no} menuju langkah itu sendiri.`, no);
      if (!step.noTo) at(`Langkah keputusan ${no} tidak menyebut ke langkah mana jawaban "Tidak" kembali.`, no);
      else if (!known.has(step.noTo)) at(`Jawaban "Tidak" langkah ${no} kembali ke langkah ${step.noTo} yang tidak ada.`, no);
      else if (stepIndex(sop, step.noTo) >= i) at(`Jawaban "Tidak" langkah ${no} harus kembali ke langkah sebelumnya, bukan ke langkah ${step.noTo}.`, no);
    } else if (step.kind === "process") {
      if (step.yesTo || step.noTo) at(`Langkah ${no} adalah proses, tetapi memiliki tujuan Ya/Tidak; jadikan keputusan atau hapus tujuannya.`, no);
    } else {
      at(`Jenis langkah ${no} "${step.kind}" tidak dikenal; pilih "process" (proses) atau "decision" (keputusan).`, no);
    }
  });
  // With duplicate numbers (or a step numbered like END) the flow itself is ambiguous; that number is the error worth reading.
  if (seen.size === sop.steps.length && !known.has(END)) checkReachesEnd(sop, at);
}

/** Every step must be able to reach the end; otherwise a case could circle forever. */
function checkReachesEnd(sop: Sop, at: At): void {
  const incoming = new Map<string, string[]>();
  for (const step of sop.steps) {
    for (const to of exitsOf(sop, step)) incoming.set(to, [...(incoming.get(to) ?? []), step.no]);
  }
  const reaches = new Set<string>([END]);
  const queue = [END];
  while (queue.length > 0) {
    const to = queue.pop() as string;
    for (const from of incoming.get(to) ?? []) {
      if (!reaches.has(from)) {
        reaches.add(from);
        queue.push(from);
      }
    }
  }
  for (const step of sop.steps) {
    if (!reaches.has(step.no)) at(`Dari langkah ${step.no} alur tidak pernah sampai ke akhir SOP; periksa tujuan Ya/Tidak.`, step.no);
  }
}

/** "SOP surat-masuk, langkah 3: …" for logs and the command line. */
export function formatValidationError(e: ValidationError): string {
  const where = [`SOP ${e.sop}`, e.step !== undefined ? `langkah ${e.step}` : "", e.field !== undefined ? `isian ${e.field}` : ""].filter(Boolean).join(", ");
  return `${where}: ${e.message}`;
}

const WORD = /[a-z0-9]+/g;
/** Words too common in SOP wording to tell one SOP from another. */
const COMMON = new Set(["kepada", "dengan", "untuk", "sesuai", "dokumen", "berkas", "surat", "melakukan", "membuat", "menerima", "menyerahkan", "memeriksa", "proses", "hasil", "tersebut", "kembali", "bidang", "kepala", "seksi", "instansi", "dinas"]);
const words = (s: string): string[] => (norm(s).match(WORD) ?? []).filter((w) => w.length >= 5 && !COMMON.has(w));

/**
 * Warnings, not errors: steps that read word for word like a step of another SOP and name something their own SOP
 * never mentions elsewhere (Pengembangan Aplikasi's step about handing over a subdomain) — likely rows copied into the
 * wrong SOP. The admin may switch such a step off in the SOP sheet (Aktif = Tidak).
 */
export function catalogWarnings(sops: Sop[]): ValidationError[] {
  const out: ValidationError[] = [];
  const vocabulary = (sop: Sop, except?: SopStep) => new Set([...words(sop.title), ...sop.steps.filter((s) => s !== except).flatMap((s) => words(s.text))]);
  // Each step's text normalised once, and for each text the first step of each SOP that has it, in catalog order
  // (setup checks all 28 SOPs twice: comparing every step with every other SOP's steps was most of its CPU).
  const firstWith = new Map<string, Map<Sop, SopStep>>();
  for (const sop of sops) {
    for (const step of sop.steps) {
      const text = norm(step.text);
      let bySop = firstWith.get(text);
      if (!bySop) {
        bySop = new Map();
        firstWith.set(text, bySop);
      }
      if (!bySop.has(sop)) bySop.set(sop, step);
    }
  }
  for (const sop of sops) {
    for (const step of sop.steps) {
      const text = norm(step.text);
      if (!text) continue;
      const bySop = firstWith.get(text);
      if (!bySop || bySop.size < 2) continue;
      for (const [other, twin] of bySop) {
        if (other === sop) continue;
        const own = vocabulary(sop, step);
        const theirs = vocabulary(other, twin);
        const foreign = [...new Set(words(step.text))].filter((w) => !own.has(w) && theirs.has(w));
        if (!foreign.length) continue;
        out.push({
          sop: sop.id,
          step: step.no,
          message: `Peringatan: langkah ${step.no} sama persis dengan langkah ${twin.no} ${other.title} dan menyebut "${foreign.join('", "')}", yang tidak muncul di bagian lain SOP ini: mungkin baris salinan. Bila bukan bagian SOP ini, isi kolom Aktif langkah ini dengan "Tidak".`,
        });
        break;
      }
    }
  }
  return out;
}
