// Demo data for a fresh workspace: setup, then a few dozen cases over the past six weeks, all through the bundle's own calls.
import { CATALOG } from "../src/catalog";
import type { Sop } from "../src/domain/sop";
import { applyEdit } from "./server/edit";
import type { Workspace } from "./server/workspace";
import { DEFAULT_TAB, OWNER } from "./server/workspace";
import { mulberry32 } from "./random";

const DAY = 86_400_000;
const MINUTE = 60_000;
const WIB = 7 * 60 * MINUTE;
export const DEMO_MARK = "[DEMO] Data contoh buatan ruang kerja lokal.";
const DEMO_SEED = 35_2012;
const DEMO_SOPS = ["surat-masuk", "surat-keluar", "cuti", "subdomain", "spp-gu", "izin-belajar", "perawatan-jaringan"];

/** The same cases on every machine. */
const prng = mulberry32;

const PERIHAL: Record<string, string[]> = {
  "surat-masuk": ["Undangan rapat koordinasi statistik sektoral", "Permohonan data jumlah menara telekomunikasi", "Pemberitahuan jadwal audit TIK", "Undangan sosialisasi SPBE", "Permohonan narasumber literasi digital", "Laporan gangguan jaringan kecamatan"],
  "surat-keluar": ["Balasan permohonan data menara", "Undangan rapat evaluasi website OPD", "Penyampaian laporan triwulan III", "Permohonan narasumber keamanan informasi"],
  cuti: ["Cuti tahunan", "Cuti alasan penting", "Cuti sakit", "Cuti tahunan akhir tahun"],
  subdomain: ["Subdomain untuk aplikasi perizinan", "Subdomain portal data kecamatan", "Subdomain sistem informasi sekolah"],
  "spp-gu": ["SPP-GU belanja ATK bulan ini", "SPP-GU belanja perjalanan dinas", "SPP-GU langganan internet kantor"],
  "izin-belajar": ["Izin belajar S1 Sistem Informasi", "Izin belajar S2 Ilmu Komputer"],
  "perawatan-jaringan": ["Perawatan jaringan ruang server", "Perbaikan akses internet Kantor Camat", "Penggantian switch lantai 2"],
};
const INSTANSI = ["Bappeda", "BPS Kabupaten", "Dinas Pendidikan", "Kecamatan Raya", "Dinas Kesehatan", "Inspektorat", "BPKAD", "Kantor Camat Tanah Jawa"];
const NAMA = ["Rina Siregar", "Budi Saragih", "Dewi Purba", "Andi Sinaga", "Maria Damanik", "Yusuf Lubis", "Sri Wahyuni", "Hendra Girsang"];
const REASONS = ["Lampiran belum lengkap; mohon dilengkapi.", "Nomor surat tidak sesuai format; perbaiki.", "Anggaran belum sesuai DPA; mohon dicek ulang.", "Konsep perlu disesuaikan dengan arahan pimpinan."];

/** Plausible values for fields many SOPs share, so the demo registers read like an office's. */
const SAMPLES: Record<string, string[]> = {
  tujuan: ["Kepala BPS Kabupaten Simalungun", "Kepala Dinas PUPR", "Camat Raya", "Sekretaris Daerah", "Kepala BPKAD"],
  tujuanPengiriman: ["Sekretariat Daerah", "Inspektorat", "BPKAD"],
  klasifikasi: ["000.5.2", "400.14.1", "500.12", "800.1.11", "900.1.3"],
  jabatan: ["Pranata Komputer Ahli Pertama", "Analis Kebijakan Ahli Muda", "Pengelola Keuangan", "Pranata Humas Ahli Muda"],
  pangkatGolongan: ["Penata Muda / III-a", "Penata Muda Tingkat I / III-b", "Penata / III-c", "Penata Tingkat I / III-d"],
  lampiran: ["1 (satu) berkas", "2 (dua) lembar", "-"],
  namaKegiatan: ["Sosialisasi Keamanan Informasi", "Bimbingan Teknis SPBE", "Rapat Evaluasi Website OPD"],
  tempatKegiatan: ["Aula Kantor Bupati", "Ruang Rapat Dinas Kominfo", "Balai Harungguan"],
  judulBerita: ["Bupati Resmikan Layanan Internet Desa", "Kominfo Gelar Literasi Digital di Kecamatan Raya", "Pemkab Perkuat Keamanan Siber"],
  kegiatanDpa: ["Pengelolaan Aplikasi Informatika", "Pengelolaan Informasi dan Komunikasi Publik", "Penyelenggaraan Statistik Sektoral"],
};

const pick = <T>(rnd: () => number, xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
const ymd = (ms: number) => new Date(ms + WIB).toISOString().slice(0, 10);

/** A plausible value for one field of the form, by its key and type. */
function fieldValue(rnd: () => number, sop: Sop, f: Sop["fields"][number], now: number, nth: number): string {
  // Subjects take turns, so a register's few demo rows read as different letters.
  if (f.key === "perihal") {
    const list = PERIHAL[sop.id] ?? [sop.shortTitle];
    return list[nth % list.length];
  }
  if (f.key === "catatan") return DEMO_MARK;
  if (f.key === "pemohon") return pick(rnd, NAMA);
  if (f.key === "nip") return `19${80 + Math.floor(rnd() * 15)}0${1 + Math.floor(rnd() * 9)}1${Math.floor(rnd() * 9)}200${Math.floor(rnd() * 9)}0${1 + Math.floor(rnd() * 2)}1${String(Math.floor(rnd() * 999)).padStart(3, "0")}`.slice(0, 18).padEnd(18, "1");
  switch (f.type) {
    case "date":
      // A letter is received on the day it is recorded, after the date it bears (Alur asks to confirm the reverse).
      if (f.key === "diterimaTanggal") return ymd(now);
      return f.key === "selesai" ? ymd(now + 5 * DAY) : f.key === "mulai" ? ymd(now + 2 * DAY) : ymd(now - Math.floor(rnd() * 5) * DAY);
    case "number":
      return String(1 + Math.floor(rnd() * (f.key.toLowerCase().includes("hari") ? 10 : 25)) * (f.key.toLowerCase().match(/nilai|jumlah|anggaran|biaya/) ? 100000 : 1));
    case "choice":
      return f.options?.[Math.floor(rnd() * f.options.length)] ?? "";
    case "email":
      return `${pick(rnd, NAMA).toLowerCase().replace(/\s+/g, ".")}@contoh.go.id`;
    case "person":
      return OWNER;
    case "longtext":
      return f.required ? "Rincian terlampir pada berkas fisik." : "";
    default: {
      const k = f.key.toLowerCase();
      if (!f.required && rnd() < 0.5) return "";
      if (k.includes("nomor")) return `${100 + Math.floor(rnd() * 900)}/${Math.floor(rnd() * 400)}/${pick(rnd, ["Bappeda", "Kominfo", "Setda", "Disdik"])}/2026`;
      if (k.includes("instansi") || k.includes("asal")) return pick(rnd, INSTANSI);
      if (k.includes("nama") || k.includes("penanggung")) return pick(rnd, NAMA);
      if (k.includes("subdomain")) return `${pick(rnd, ["perizinan", "data", "sekolah", "kecamatan"])}.simalungunkab.go.id`;
      if (k.includes("telepon") || k.includes("hp")) return `0812${String(Math.floor(rnd() * 1e8)).padStart(8, "0")}`;
      const known = SAMPLES[f.key];
      if (known) return pick(rnd, known);
      if (k.startsWith("tautan")) return `https://simalungunkab.go.id/${pick(rnd, ["berita", "data", "dokumen", "galeri"])}/${100 + Math.floor(rnd() * 900)}`;
      if (k.startsWith("tahun")) return "2026";
      return `${f.label} ${1 + Math.floor(rnd() * 9)}`;
    }
  }
}

/** Adds working minutes in a plain office day (08:00–16:00 WIB, Monday to Friday): good enough for a demo's pace. */
function addWorking(ms: number, minutes: number): number {
  let t = ms;
  let left = minutes;
  for (let guard = 0; left > 0 && guard < 2000; guard++) {
    const local = new Date(t + WIB);
    const dow = local.getUTCDay();
    const dayStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 8) - WIB;
    const dayEnd = dayStart + 8 * 60 * MINUTE;
    if (dow === 0 || dow === 6 || t >= dayEnd) {
      t = dayStart + DAY;
      continue;
    }
    if (t < dayStart) t = dayStart;
    const step = Math.min(left, (dayEnd - t) / MINUTE);
    t += step * MINUTE;
    left -= step;
  }
  return t;
}

interface Plan {
  sop: Sop;
  at: number;
  /** How many actions to take after starting (Infinity: to the end). */
  actions: number;
  returned: boolean;
  caseId?: string;
  version?: number;
  starter: string;
}

interface CaseViewLite {
  id: string;
  version: number;
  status: string;
  current: { kind: "process" | "decision"; lane: string; standardMinutes: number | null } | null;
  actions: string[];
}

type ApiOut = { ok: true; data: CaseViewLite } | { ok: false; error: string };

/** Who holds a lane in the example Pejabat list (setup writes role-id@dinas.example); outsiders are recorded by the starter. */
function holder(sop: Sop, laneHeader: string, starter: string, known: Set<string>): string {
  const lane = sop.lanes.find((l) => l.header === laneHeader);
  const email = lane ? `${lane.role}@dinas.example` : "";
  return known.has(email) ? email : starter;
}

export interface DemoResult {
  cases: number;
  actions: number;
  refused: string[];
}

/** Sets the workbook up as its owner would, then plays the demo history; the clock ends where it started. */
export function loadDemo(ws: Workspace, options: { cases?: boolean; count?: number } = {}): DemoResult {
  const world = ws.world;
  const end = world.now();
  const rnd = prng(DEMO_SEED);
  const result: DemoResult = { cases: 0, actions: 0, refused: [] };
  const begin = Date.UTC(new Date(end - 42 * DAY).getUTCFullYear(), new Date(end - 42 * DAY).getUTCMonth(), new Date(end - 42 * DAY).getUTCDate(), 8) - WIB;
  if (options.cases !== false) world.clock.advance(begin - end);

  ws.run("onOpen", [{ authMode: "NONE" }], "open-none", "");
  const setup = ws.run("menuSetup", [], "editor", OWNER);
  if (!setup.ok) throw new Error(`Siapkan Alur gagal: ${setup.error}`);
  // The owner fills two settings by hand, as the setup alert asks; onEdit drops the cached configuration.
  const pengaturan = world.sheet("Pengaturan");
  if (pengaturan) {
    const owner = ws.tab(DEFAULT_TAB);
    for (let r = 1; r < pengaturan.grid.lastRow(); r++) {
      const key = String(pengaturan.grid.value(r, 0) ?? "");
      const value = key === "Email admin" ? OWNER : key === "URL web app" ? world.serviceUrl : null;
      if (value !== null) applyEdit(ws, owner, OWNER, { sheet: pengaturan.name, row: r + 1, col: 2, values: [[value]] });
    }
  }
  ws.demo = options.cases !== false;
  if (!ws.demo) {
    ws.notices.length = 0;
    return result;
  }

  const known = new Set<string>();
  const pejabat = world.sheet("Pejabat");
  for (let r = 1; pejabat && r < pejabat.grid.lastRow(); r++) known.add(String(pejabat.grid.value(r, 5) ?? "").toLowerCase());
  const sops = DEMO_SOPS.map((id) => CATALOG.find((s) => s.id === id)).filter((s): s is Sop => !!s);
  const count = options.count ?? 36;
  const plans: Plan[] = [];
  for (let i = 0; i < count; i++) {
    const sop = sops[i % sops.length];
    const day = Math.floor((i / count) * 42);
    const at = addWorking(begin + day * DAY, Math.floor(rnd() * 400));
    const first = sop.steps[0];
    const starter = holder(sop, first?.role ?? "", "petugas-adm-surat@dinas.example", known);
    // Cases run at the office's pace until today; a few stall at some step and show up late.
    const stall = rnd() < 0.15;
    plans.push({ sop, at, actions: stall ? 1 + Math.floor(rnd() * Math.max(1, sop.steps.length - 2)) : Number.POSITIVE_INFINITY, returned: false, starter });
  }

  const queue = [...plans];
  while (queue.length) {
    queue.sort((a, b) => a.at - b.at);
    const p = queue.shift()!;
    if (p.at > end) continue;
    const gap = p.at - world.now();
    if (gap > 0) world.clock.advance(gap);
    let out: ApiOut;
    if (!p.caseId) {
      const fields: Record<string, string> = {};
      const nth = plans.filter((x) => x.sop === p.sop && x.caseId).length;
      for (const f of p.sop.fields) fields[f.key] = fieldValue(rnd, p.sop, f, world.now(), nth);
      out = ws.run("alurApi", ["startCase", { sopId: p.sop.id, fields }], "editor", p.starter).value as ApiOut;
      if (!out?.ok) {
        result.refused.push(`${p.sop.id}: ${out?.ok === false ? out.error : "?"}`);
        continue;
      }
      result.cases++;
    } else {
      const view = p as Plan & { view: CaseViewLite };
      const cur = view.view.current!;
      const decide = cur.kind === "decision";
      // About one decision in three sends the case back once, with a reason, as reviewers do.
      const goBack = decide && !p.returned && rnd() < 0.35;
      const forward = { caseId: p.caseId, expectedVersion: p.version, action: decide ? "approve" : "complete", note: "" };
      const input = goBack ? { caseId: p.caseId, expectedVersion: p.version, action: "return", reason: pick(rnd, REASONS) } : forward;
      if (goBack) p.returned = true;
      const actor = holder(p.sop, cur.lane, p.starter, known);
      out = ws.run("alurApi", ["act", input], "editor", actor).value as ApiOut;
      if (!out?.ok && goBack) out = ws.run("alurApi", ["act", forward], "editor", actor).value as ApiOut;
      // A leave request's decision step is decided (BKN's form: the official who grants leave approves it).
      if (out?.ok === false && /keputusan cuti/.test(out.error)) {
        for (const level of ["pejabat", "atasan"]) {
          out = ws.run("alurApi", ["decideLeave", { caseId: p.caseId, expectedVersion: p.version, level, choice: "Disetujui", reason: "" }], "editor", actor).value as ApiOut;
          if (out?.ok) break;
        }
      }
      if (!out?.ok) out = ws.run("alurApi", ["act", forward], "editor", OWNER).value as ApiOut;
      if (!out?.ok) {
        result.refused.push(`${p.caseId}: ${out?.ok === false ? out.error : "?"}`);
        continue;
      }
      result.actions++;
      p.actions--;
    }
    // The every-minute trigger makes the documents a step queued (letters of the SOP's outputs) as the office works.
    const waiting = world.stores.script.map.get("alur.docs.queue");
    if (waiting && waiting !== "[]") ws.run("runDocumentQueue", [{ authMode: "FULL" }], "time-trigger", OWNER);
    const v = out.data;
    p.caseId = v.id;
    p.version = v.version;
    (p as Plan & { view: CaseViewLite }).view = v;
    if (!v.current || v.status === "Selesai" || v.status === "Dibatalkan" || p.actions <= 0) continue;
    const standard = v.current.standardMinutes ?? 60;
    // Most steps are done within their standard; about one in four runs late, and a late one has often waited in
    // someone's queue for hours, now and then a couple of days.
    const late = rnd() < 0.25;
    const minutes = late ? standard * (1.1 + rnd() * 1.5) + rnd() * rnd() * 1800 : standard * (0.15 + rnd() * 0.8);
    p.at = addWorking(world.now(), Math.max(5, Math.round(minutes)));
    queue.push(p);
  }

  const rest = end - world.now();
  if (rest > 0) world.clock.advance(rest);
  // The hourly trigger would have kept Terlambat current all along: one run now stands for all of them.
  ws.settleTriggers();
  ws.run("hourlyRefresh", [{ authMode: "FULL" }], "time-trigger", OWNER);
  // So does the morning's report: Laporan and its charts are there at first sight.
  ws.run("dailyReport", [{ authMode: "FULL" }], "time-trigger", OWNER);
  // The semester's Monitoring SOP form, as the admin would make it from the menu.
  ws.run("menuMonitoring", [], "editor", OWNER);
  // Opening the workbook lands on the busiest register, so the demo shows something at first sight.
  const first = world.spreadsheet.sheets.find((s) => s.name.startsWith("SM ·"));
  if (first) world.spreadsheet.activeSheet = first;
  ws.notices.length = 0;
  return result;
}
