// Pengaturan: the office's settings as key/value rows, parsed with defaults.
import { type DayHours, type WorkingCalendarConfig, checkWorkingCalendar } from "./calendar";

/** Headers of the Pengaturan and Hari Libur sheets (columns are found by these, wherever they stand). */
export const PENGATURAN_HEADERS = ["Pengaturan", "Nilai", "Keterangan"] as const;
export const LIBUR_HEADERS = ["Tanggal", "Keterangan", "Jenis"] as const;

export interface Office {
  pemerintah: string;
  dinas: string;
  alamat: string;
  telepon: string;
  email: string;
  laman: string;
  kota: string;
}

/** How letters look and are numbered (Pengaturan rows; DOMAIN: F4, margins ≥ 3/2/2,5 cm, Arial 12, spacing 1–1,5). */
export interface LetterSettings {
  agendaFormat: string;
  /** A sequence per classification code, besides per book and year. */
  perClassification: boolean;
  /** "Cuti bersama mengurangi cuti tahunan": a cuti bersama day inside a leave counts as a leave day. */
  bersamaCounts: boolean;
  page: { width: number; height: number };
  /** Left, right, top, bottom, in points. */
  margins: [number, number, number, number];
  font: string;
  fontSize: number;
  lineSpacing: number;
  disposisiTujuan: string[];
  disposisiInstruksi: string[];
}

export interface Settings {
  office: Office;
  admins: string[];
  webAppUrl: string;
  dayMinutes: number;
  week: (DayHours | null)[];
  ramadan: { from: string; to: string; week: (DayHours | null)[] } | null;
  nearDuePercent: number;
  /** Share of a step's standard time after which its holder gets a reminder by email (the late notice follows at 100 %, the atasan's at 200 %). */
  reminderPercent: number;
  numberFormat: string;
  unitCode: string;
  /** Monitoring SOP names a step late in at least this share (%) of its passes in the semester… */
  monitorLatePercent: number;
  /** …or returning the case in at least this share (%). */
  monitorReturnPercent: number;
  letters: LetterSettings;
}

export const SETTING_ROWS: [key: string, value: string, help: string][] = [
  ["Nama pemerintah", "PEMERINTAH KABUPATEN SIMALUNGUN", "Baris pertama kop surat"],
  ["Nama dinas", "DINAS KOMUNIKASI DAN INFORMATIKA", "Baris kedua kop surat"],
  ["Alamat", "Jalan Contoh No. 1, Pematang Raya", "Alamat kantor pada kop surat"],
  ["Telepon", "(0622) 000000", ""],
  ["Email kantor", "kominfo@contoh.go.id", ""],
  ["Laman", "kominfo.contoh.go.id", ""],
  ["Kota", "Pematang Raya", "Tempat pada tanggal surat"],
  ["Email admin", "", "Pisahkan dengan koma. Admin boleh mengalihkan, membatalkan dan membuka ulang kasus."],
  ["URL web app", "", "Tempel URL deployment web app (…/exec) agar tautan di email berfungsi"],
  ["Menit kerja per hari", "450", "Satu Hari pada Waktu SOP = menit kerja sebanyak ini"],
  ["Jam kerja Senin-Kamis", "07:30-16:00 istirahat 12:00-13:00", ""],
  ["Jam kerja Jumat", "07:30-16:30 istirahat 11:30-13:00", ""],
  ["Ramadan mulai", "", "Tanggal (yyyy-MM-dd); kosongkan bila tidak dipakai"],
  ["Ramadan selesai", "", ""],
  ["Jam kerja Ramadan Senin-Kamis", "08:00-15:00 istirahat 12:00-12:30", ""],
  ["Jam kerja Ramadan Jumat", "08:00-15:30 istirahat 11:30-12:30", ""],
  ["Peringatan hampir jatuh tempo (%)", "75", "Sel Tenggat berwarna kuning setelah persentase standar waktu ini terpakai"],
  ["Pengingat email (% standar waktu)", "80", "Pemegang langkah diingatkan lewat email setelah persentase standar waktu ini terpakai; pada 100% diberi tahu terlambat, pada 200% atasannya diberi tahu"],
  ["Format nomor surat", "{klasifikasi}/{urut}/{unit}/{tahun}", ""],
  ["Kode unit", "Kominfo", "Dipakai pada nomor surat"],
  ["Monitoring: batas terlambat (%)", "30", "Monitoring SOP menyebut langkah yang terlambat pada sekurang-kurangnya persentase pengerjaan ini dalam semester"],
  ["Monitoring: batas dikembalikan (%)", "20", "Monitoring SOP menyebut langkah yang mengembalikan kasus pada sekurang-kurangnya persentase pengerjaan ini"],
  ["Format nomor agenda", "{urut}/{unit}/{tahun}", "Nomor agenda surat masuk dan permohonan (lembar disposisi, permohonan cuti)"],
  ["Nomor urut per klasifikasi", "Tidak", "Ya: nomor urut surat keluar dihitung sendiri untuk setiap kode klasifikasi"],
  ["Cuti bersama mengurangi cuti tahunan", "Tidak", "PP 11/2017 Pasal 333(2): tidak. Ya: hari cuti bersama di dalam masa cuti tahunan dihitung sebagai hari cuti"],
  ["Ukuran kertas surat", "F4", "F4 (21,5 × 33 cm) atau A4"],
  ["Margin surat (cm)", "3; 2; 2; 2,5", "Kiri; kanan; atas; bawah"],
  ["Huruf surat", "Arial", "Berlaku untuk templat yang dibuat Siapkan Alur"],
  ["Ukuran huruf surat", "12", ""],
  ["Spasi baris surat", "1", "1 sampai 1,5"],
  ["Tujuan disposisi", "Sekretaris; Kepala Bidang Aplikasi Telematika; Kepala Bidang Pos dan Telekomunikasi; Kepala Bidang Sarana Komunikasi dan Diseminasi Informasi; Kasubbag Umum dan Kepegawaian; Kasubbag Program; Kasubbag Keuangan", "Pilihan \"Diteruskan kepada\" pada lembar disposisi; pisahkan dengan titik koma"],
  ["Instruksi disposisi", "Tanggapan dan saran; Proses lebih lanjut; Koordinasikan/konfirmasikan; Untuk diketahui; Untuk diselesaikan; Diarsipkan", "Pilihan \"Dengan hormat harap\" pada lembar disposisi; pisahkan dengan titik koma"],
];

const CM = 72 / 2.54;
const PAPER: Record<string, { width: number; height: number }> = { F4: { width: 215 * 72 / 25.4, height: 330 * 72 / 25.4 }, A4: { width: 210 * 72 / 25.4, height: 297 * 72 / 25.4 } };

const HOURS = /^(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})(?:\s+istirahat\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2}))?$/i;

export function parseHours(s: string): DayHours | null | undefined {
  const t = s.trim();
  if (t === "" || /^libur$/i.test(t)) return null;
  const m = HOURS.exec(t);
  if (!m) return undefined;
  const pad = (x: string) => x.padStart(5, "0");
  return m[3] ? { start: pad(m[1]), end: pad(m[2]), breakStart: pad(m[3]), breakEnd: pad(m[4]) } : { start: pad(m[1]), end: pad(m[2]) };
}

function week(monThu: DayHours | null, fri: DayHours | null): (DayHours | null)[] {
  return [null, monThu, monThu, monThu, monThu, fri, null];
}

/** The settings that make the working calendar: a mistake in one of them must never silently change the office's hours. */
export const CALENDAR_KEYS = [
  "Menit kerja per hari",
  "Jam kerja Senin-Kamis",
  "Jam kerja Jumat",
  "Ramadan mulai",
  "Ramadan selesai",
  "Jam kerja Ramadan Senin-Kamis",
  "Jam kerja Ramadan Jumat",
] as const;

/** The calendar part of the settings (kept as the last good one, and put back when a later edit breaks it). */
export type CalendarSettings = Pick<Settings, "dayMinutes" | "week" | "ramadan">;

/**
 * Settings from the Pengaturan rows. A value that cannot be read is reported (`bad` names its key); the caller decides
 * what stands in for it — the last good calendar, or the default for the other settings.
 */
export function parseSettings(rows: Record<string, string>): { settings: Settings; problems: string[]; bad: string[] } {
  const problems: string[] = [];
  const bad = new Set<string>();
  const def = Object.fromEntries(SETTING_ROWS.map(([k, v]) => [k, v]));
  const get = (k: string) => (Object.prototype.hasOwnProperty.call(rows, k) ? rows[k] : (def[k] ?? "")).trim();
  const hours = (k: string): DayHours | null => {
    // A day off is written "Libur": an emptied cell (or a formula whose value is empty) never turns working days off.
    const h = get(k) === "" ? undefined : parseHours(get(k));
    if (h === undefined) {
      problems.push(`Pengaturan "${k}" ${get(k) === "" ? "kosong" : `tidak terbaca ("${get(k)}")`}; tulis seperti "07:30-16:00 istirahat 12:00-13:00", atau "Libur".`);
      bad.add(k);
      return parseHours(def[k]) as DayHours | null;
    }
    return h;
  };
  const num = (k: string, min: number, max: number): number => {
    const n = Number(get(k));
    if (!Number.isFinite(n) || n < min || n > max) {
      problems.push(`Pengaturan "${k}" harus angka ${min}–${max} (tertulis "${get(k)}").`);
      bad.add(k);
      return Number(def[k]);
    }
    return n;
  };
  const ymd = (k: string): string => {
    const v = get(k);
    if (v && !/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      problems.push(`Pengaturan "${k}" harus tanggal (ketik sebagai tanggal, atau yyyy-MM-dd), tertulis "${v}".`);
      bad.add(k);
      return "";
    }
    return v;
  };
  const from = ymd("Ramadan mulai");
  const to = ymd("Ramadan selesai");
  const list = (k: string) => get(k).split(";").map((x) => x.trim()).filter(Boolean);
  const margins = get("Margin surat (cm)").split(";").map((x) => Number(x.trim().replace(",", ".")));
  const goodMargins = margins.length === 4 && margins.every((m) => m >= 0.5 && m <= 6);
  if (!goodMargins) problems.push(`Pengaturan "Margin surat (cm)" harus empat angka 0,5–6 dipisah titik koma (kiri; kanan; atas; bawah). Dipakai nilai bawaan.`);
  const paper = PAPER[get("Ukuran kertas surat").toUpperCase()];
  if (!paper) problems.push(`Pengaturan "Ukuran kertas surat" harus F4 atau A4. Dipakai F4.`);
  const spacing = Number(get("Spasi baris surat").replace(",", "."));
  const yes = (k: string) => /^(ya|y|true|1)$/i.test(get(k));
  const letters: LetterSettings = {
    agendaFormat: get("Format nomor agenda"),
    perClassification: yes("Nomor urut per klasifikasi"),
    bersamaCounts: yes("Cuti bersama mengurangi cuti tahunan"),
    page: paper ?? PAPER.F4,
    margins: (goodMargins ? margins : [3, 2, 2, 2.5]).map((m) => Math.round(m * CM * 10) / 10) as [number, number, number, number],
    font: get("Huruf surat") || "Arial",
    fontSize: num("Ukuran huruf surat", 8, 16),
    lineSpacing: spacing >= 1 && spacing <= 2 ? spacing : 1,
    disposisiTujuan: list("Tujuan disposisi"),
    disposisiInstruksi: list("Instruksi disposisi"),
  };
  const settings: Settings = {
    office: {
      pemerintah: get("Nama pemerintah"),
      dinas: get("Nama dinas"),
      alamat: get("Alamat"),
      telepon: get("Telepon"),
      email: get("Email kantor"),
      laman: get("Laman"),
      kota: get("Kota"),
    },
    admins: get("Email admin")
      .split(/[,;\s]+/)
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
    webAppUrl: get("URL web app"),
    dayMinutes: num("Menit kerja per hari", 60, 720),
    week: week(hours("Jam kerja Senin-Kamis"), hours("Jam kerja Jumat")),
    ramadan: from && to ? { from, to, week: week(hours("Jam kerja Ramadan Senin-Kamis"), hours("Jam kerja Ramadan Jumat")) } : null,
    nearDuePercent: num("Peringatan hampir jatuh tempo (%)", 1, 100),
    reminderPercent: num("Pengingat email (% standar waktu)", 1, 99),
    numberFormat: get("Format nomor surat"),
    unitCode: get("Kode unit"),
    monitorLatePercent: num("Monitoring: batas terlambat (%)", 1, 100),
    monitorReturnPercent: num("Monitoring: batas dikembalikan (%)", 1, 100),
    letters,
  };
  // Hours that read but make no sense (end before start, a break outside the day) would give wrong deadlines.
  const calProblems = checkWorkingCalendar(calendarOf(settings, []));
  if (calProblems.length) {
    problems.push(...calProblems.map((p) => `Pengaturan: ${p}`));
    for (const k of CALENDAR_KEYS) if (k.startsWith("Jam kerja") || k.startsWith("Ramadan")) bad.add(k);
  }
  if ([...bad].some((k) => (CALENDAR_KEYS as readonly string[]).includes(k))) {
    settings.week = week(parseHours(def["Jam kerja Senin-Kamis"]) as DayHours, parseHours(def["Jam kerja Jumat"]) as DayHours);
    settings.ramadan = null;
  }
  return { settings, problems, bad: [...bad] };
}

export function calendarOf(s: Settings, holidays: string[]): WorkingCalendarConfig {
  return { week: s.week, holidays, dayMinutes: s.dayMinutes, ...(s.ramadan ? { ramadan: s.ramadan } : {}) };
}
