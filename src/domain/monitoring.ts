// Monitoring SOP (Permenpan RB 35/2012): the semester's form, one row per SOP, prefilled from Alur's measurements.
import { jakartaDateString } from "./calendar";
import type { Aggregates, Tally } from "./report-agg";
import type { Role, Sop } from "./sop";

export const MONITORING_HEADERS = ["No", "Prosedur", "Penilaian terhadap penerapan", "Catatan hasil penilaian", "Tindakan yang harus diambil", "Paraf penilai"] as const;
export const PENILAIAN = ["Berjalan dengan baik", "Tidak berjalan dengan baik"] as const;

/** The evaluation checklist of the SOP AP (Ya/Tidak for each). */
export const EVALUASI = [
  "Mampu mendorong peningkatan kinerja",
  "Mudah dipahami",
  "Mudah dilaksanakan",
  "Semua orang dapat menjalankan perannya masing-masing",
  "Mampu mengatasi permasalahan yang berkaitan dengan proses",
  "Mampu menjawab kebutuhan peningkatan kinerja organisasi",
  "Sistem berjalan dengan baik, bersinergi satu dengan lainnya",
] as const;

/** Alur's own text in the Catatan column starts so: a later run refreshes it, an evaluator's text it leaves. */
export const PREFILL = "Data Alur";

export interface Semester {
  /** "2026-2" */
  key: string;
  /** "Semester II (Juli–Desember) 2026" */
  label: string;
  /** Sheet name: "Monitoring SOP 2026-II" */
  sheetName: string;
}

export function semesterAt(now: number): Semester {
  const ymd = jakartaDateString(now);
  const year = ymd.slice(0, 4);
  const first = Number(ymd.slice(5, 7)) <= 6;
  return {
    key: `${year}-${first ? 1 : 2}`,
    label: `Semester ${first ? "I (Januari–Juni)" : "II (Juli–Desember)"} ${year}`,
    sheetName: `Monitoring SOP ${year}-${first ? "I" : "II"}`,
  };
}

export interface Thresholds {
  /** A step late in at least this share of its passes is named (percent). */
  latePercent: number;
  /** A step that sent the case back in at least this share of its passes is named (percent). */
  returnPercent: number;
}

export interface MonitoringRow {
  no: number;
  sopId: string;
  prosedur: string;
  catatan: string;
  /** Some step crossed a threshold. */
  flagged: boolean;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** How many flagged steps the Catatan names; the rest are counted. */
export const NAMED_STEPS = 3;

/** The steps of an SOP that crossed a threshold this semester, each with its figures, the worst first. */
export function flaggedSteps(sop: Sop, sem: Record<string, Tally>, semKey: string, th: Thresholds, roles: Role[]): string[] {
  const roleName = new Map(roles.map((r) => [r.id, r.short]));
  const out: { text: string; worst: number; order: number }[] = [];
  for (const step of sop.steps) {
    const t = sem[`${sop.id}|${step.no}|${semKey}`];
    if (!t || t.n === 0) continue;
    const lateN = t.timed - t.within;
    const lateShare = t.timed ? lateN / t.timed : 0;
    const parts: string[] = [];
    if (t.timed > 0 && (lateN / t.timed) * 100 >= th.latePercent) parts.push(`terlambat ${lateN} dari ${t.timed} kali (${pct(lateN / t.timed)})`);
    if ((t.returns / t.n) * 100 >= th.returnPercent) parts.push(`mengembalikan ${t.returns} dari ${t.n} kali (${pct(t.returns / t.n)})`);
    if (!parts.length) continue;
    const lane = sop.lanes.find((l) => l.header === step.role);
    const who = (lane && roleName.get(lane.role)) || step.role;
    out.push({ text: `langkah ${step.no} (${who}) ${parts.join(" dan ")}`, worst: Math.max(lateShare, t.returns / t.n), order: out.length });
  }
  return out.sort((a, b) => b.worst - a.worst || a.order - b.order).map((x) => x.text);
}

/** One row per SOP in the catalog's order, the Catatan prefilled from the semester's passes. */
export function monitoringRows(a: Aggregates, sops: Sop[], semKey: string, th: Thresholds, roles: Role[]): MonitoringRow[] {
  return sops.map((sop, i) => {
    let n = 0;
    let timed = 0;
    let within = 0;
    for (const step of sop.steps) {
      const t = a.sem[`${sop.id}|${step.no}|${semKey}`];
      if (!t) continue;
      n += t.n;
      timed += t.timed;
      within += t.within;
    }
    const flags = flaggedSteps(sop, a.sem, semKey, th, roles);
    let catatan: string;
    if (n === 0) catatan = `${PREFILL}: belum ada langkah SOP ini yang dikerjakan lewat Alur pada semester ini.`;
    else {
      const share = timed ? `, ${String(Math.round((within / timed) * 1000) / 10).replace(".", ",")}% dalam standar waktu` : "";
      const head = `${PREFILL}: ${n} kali langkah dikerjakan${share}.`;
      const more = flags.length > NAMED_STEPS ? `; dan ${flags.length - NAMED_STEPS} langkah lain di atas batas` : "";
      catatan = flags.length
        ? `${head} Perlu perhatian: ${flags.slice(0, NAMED_STEPS).join("; ")}${more}.`
        : `${head} Tidak ada langkah yang terlambat ≥ ${th.latePercent}% atau mengembalikan ≥ ${th.returnPercent}% dari pengerjaannya.`;
    }
    return { no: i + 1, sopId: sop.id, prosedur: sop.title, catatan, flagged: flags.length > 0 };
  });
}
