// Shared by the letters tests: fully filled cases, walking a case to a step as its holders, and running the document worker.
import { ADMIN, type Alur, P } from "../../emulator/alur-world";
import type { DocRecord } from "../../emulator/fakes";
import type { CaseView } from "../../src/api";
import { ROLES } from "../../src/catalog/roles";
import type { CaseField, Sop } from "../../src/domain/sop";

/** A value for every field, as an office would type them. */
export function fullFields(sop: Sop): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of sop.fields) out[f.key] = fieldValue(sop, f);
  return out;
}

function fieldValue(sop: Sop, f: CaseField): string {
  if (f.key === "nip") return "198503142010011002";
  if (f.key === "klasifikasi") return "000.8.3.3";
  if (f.key === "tembusan") return "Sekretaris Daerah Kabupaten Simalungun\nInspektur Kabupaten Simalungun";
  if (f.key === "jenisCuti") return "Cuti Tahunan";
  if (f.key === "mulai") return "2026-11-23";
  if (f.key === "selesai") return "2026-11-27";
  if (f.key === "tanggalDiterima" && sop.id === "barang-inventaris") return "2026-11-04";
  if (f.key === "programmerDitunjuk") return P("web-programmer");
  switch (f.type) {
    case "date":
      return "2026-10-28";
    case "number":
      return f.key === "tahunKinerja" ? "2025" : /\(Rp\)/.test(f.label) ? "15.750.000" : "12";
    case "choice":
      return (f.options ?? [""])[0];
    case "email":
      return "pengelola@instansi.example";
    case "person":
      return P("jfu");
    case "longtext":
      return `${f.label} baris pertama.\n${f.label} baris kedua.`;
    default:
      return `${f.label} contoh`;
  }
}

/** Who acts at a step: the lane's role holder (steps of outside parties are recorded by the JFU). */
export function holderOf(sop: Sop, stepNo: string): string {
  const step = sop.steps.find((s) => s.no === stepNo);
  const lane = sop.lanes.find((l) => l.header === step?.role);
  const role = ROLES.find((r) => r.id === lane?.role);
  return !role || role.external ? P("jfu") : P(role.id);
}

/** Moves a case on, as its holders, until it stands at `stepNo`. */
export function walkTo(alur: Alur, sop: Sop, v: CaseView, stepNo: string): CaseView {
  let view = v;
  for (let guard = 0; view.current && view.current.no !== stepNo && guard < 40; guard++) {
    const who = holderOf(sop, view.current.no);
    const step = sop.steps.find((s) => s.no === view.current?.no);
    if ((step?.letters ?? []).includes("keputusan")) {
      view = alur.ok(who, "decideLeave", { caseId: view.id, expectedVersion: view.version, level: "pejabat", choice: "Disetujui", reason: "" });
      continue;
    }
    view = alur.ok(who, "act", { caseId: view.id, expectedVersion: view.version, action: view.current.kind === "decision" ? "approve" : "complete" });
  }
  if (view.current?.no !== stepNo) throw new Error(`${sop.id}: could not reach step ${stepNo}`);
  return view;
}

/** Runs the document worker as its trigger does: as the admin who owns the Alur folder. */
export function runWorker(alur: Alur): void {
  alur.world.within(alur.world.execution("time-trigger", ADMIN), () => alur.ctx.runDocumentQueue());
}

export function docsNamed(alur: Alur, prefix: string): DocRecord[] {
  return [...alur.world.documents.values()].filter((d) => d.name.startsWith(prefix));
}

export function sopOf(alur: Alur, id: string): Sop {
  const raw = alur.world.read("SOP Identitas");
  if (!raw.length) throw new Error("no SOP Identitas");
  // The catalog as built into the bundle: the same SOPs setup wrote.
  const catalog = require("../../src/catalog/index").CATALOG as Sop[];
  const sop = catalog.find((s) => s.id === id);
  if (!sop) throw new Error(`no SOP ${id}`);
  return sop;
}
