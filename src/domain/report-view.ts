// The Laporan sheet laid out for a screen: summary on top, four charts where they are seen, then the tables; pure, positions 1-based.
import { BULAN, jakartaDateString } from "./calendar";
import type { OpenCase } from "./open-index";
import type { Official } from "./pejabat";
import { type Aggregates, type Figures, type Tally, figures, sopStandardMinutes } from "./report-agg";
import type { Role, Sop } from "./sop";
import { stepStandard } from "./transition";

/** A cell Laporan writes: numbers stay numbers; every string is written as text. */
export type ViewCell = string | number;

/** Number formats (Sheets patterns); the spreadsheet's locale decides the decimal comma and grouping dot. */
export const FMT = {
  count: "#,##0",
  /** Working time in days (minutes / 1440) shown as elapsed hours and minutes: "3 j 20 mnt". */
  duration: '[h] "j" m "mnt"',
  /** Shares are written as percentages (0–100, unrounded) and shown whole: "82%". */
  pct: '0"%"',
  hours: "0.0#",
  text: "@",
} as const;

export type ColumnKind = "text" | "count" | "dur" | "pct";

export interface ChartView {
  key: "steps" | "sops" | "months" | "late";
  type: "COLUMN" | "BAR" | "LINE";
  title: string;
  /** Data ranges: the first gives the labels, the others the series (each with its header row). */
  ranges: { row: number; col: number; rows: number; cols: number }[];
  anchor: { row: number; col: number };
  width: number;
  height: number;
  /** Axis title of the values. */
  vAxis: string;
  percent: boolean;
}

export interface TableView {
  key: "sop" | "step" | "role" | "person" | "month";
  heading: string;
  /** Sheet row of the header row. */
  headerRow: number;
  headers: string[];
  kinds: ColumnKind[];
  rows: ViewCell[][];
}

export interface LaporanView {
  grid: ViewCell[][];
  formats: string[][];
  width: number;
  /** A1 ranges: titles, headers, the summary's figures. */
  bold: string[];
  headerRanges: string[];
  bigRanges: string[];
  wrapRanges: string[];
  columnWidths: number[];
  charts: ChartView[];
  chooser: { row: number; col: number; options: string[]; value: string };
  tables: TableView[];
}

export interface ViewInput {
  aggregates: Aggregates;
  open: OpenCase[];
  sops: Sop[];
  roles: Role[];
  officials: Official[];
  now: number;
  dayMinutes: number;
  /** The SOP the chooser showed before ("KODE · Judul"), kept across rebuilds. */
  chosen: string;
  /** Durations as text ("3 j 20 mnt") when the spreadsheet is not in an Indonesian locale. */
  durationsAsText: boolean;
  /** Words under the title: when and from what the report was built. */
  subtitle: string;
  /** How many months "Per bulan" lists (12). */
  months?: number;
}

/** Fixed places of the top of the sheet, shared with the chooser's onEdit. */
export const LAYOUT = {
  summaryRow: 4,
  chooserRow: 10,
  chooserCol: 3,
  /** The chosen SOP's steps (the first chart's data) start under this header row, in columns A–C. */
  stepDataRow: 12,
  stepDataRows: 18,
  chartCol: 4,
  chartRows: [3, 17] as const,
  chartWidth: 452,
  chartHeight: 290,
  /** Column of the right-hand charts: four columns of 114 px from D. */
  chartCol2: 8,
  tablesRow: 33,
  columnWidths: [228, 100, 150, 114, 114, 114, 114, 114, 114, 114, 114, 114, 114],
};

const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

/** "4 Des 2026" (WIB). */
export function tanggalPendek(ms: number): string {
  const ymd = jakartaDateString(ms);
  return `${Number(ymd.slice(8, 10))} ${SHORT_MONTHS[Number(ymd.slice(5, 7)) - 1]} ${ymd.slice(0, 4)}`;
}

/** "3 j 20 mnt", "45 mnt": working minutes as Indonesian text. */
export function durationText(minutes: number): string {
  const m = Math.round(minutes);
  const h = Math.floor(m / 60);
  return h ? `${h} j ${m % 60} mnt` : `${m} mnt`;
}

/** "82%", "82,5%": a share (0–100) as Indonesian text, one decimal at most. */
export function percentText(p: number): string {
  const r = Math.round(p * 10) / 10;
  return `${String(r).replace(".", ",")}%`;
}

const monthLabel = (ym: string) => `${BULAN[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;
const previousMonth = (ym: string) => {
  const [y, m] = ym.split("-").map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
};
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export const sopLabel = (sop: Sop) => `${sop.code} · ${sop.shortTitle}`;

/** Late now: running cases whose step is past its due instant. */
export function isLateNow(c: OpenCase, now: number): boolean {
  return c.dueAt !== null && now > c.dueAt;
}

/** Columns shared by the step-level tables: count, median, p90, longest, share within standard, returns. */
const FIG_HEADERS = ["Dikerjakan (kali)", "Median", "Persentil ke-90", "Terlama", "Dalam standar", "Dikembalikan (kali)"];
const FIG_KINDS: ColumnKind[] = ["count", "dur", "dur", "dur", "pct", "count"];

function figCells(f: Figures): ViewCell[] {
  const dur = (m: number | null): ViewCell => (m === null ? "" : m);
  return [f.n, dur(f.median), dur(f.p90), dur(f.longest), f.withinShare === null ? "" : f.withinShare * 100, f.returns];
}

export function buildLaporan(input: ViewInput): LaporanView {
  const { aggregates: a, open, sops, roles, officials, now, dayMinutes } = input;
  const roleName = new Map(roles.map((r) => [r.id, r.name]));
  const roleShort = new Map(roles.map((r) => [r.id, r.short]));
  const late = open.filter((c) => isLateNow(c, now));
  const count = <K>(xs: OpenCase[], key: (c: OpenCase) => K[]): Map<K, number> => {
    const m = new Map<K, number>();
    for (const c of xs) for (const k of key(c)) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const lateBySop = count(late, (c) => [c.sopId]);
  const runningBySop = count(open, (c) => [c.sopId]);
  const lateByStep = count(late, (c) => [`${c.sopId}|${c.stepNo}`]);
  const lateByRole = count(late, (c) => [c.role]);
  /** A late step waits on its assignee, else on every holder of its role. */
  const lateByPerson = count(late, (c) => (c.assignee ? [c.assignee.toLowerCase()] : officials.filter((o) => o.role === c.role && o.email).map((o) => o.email.toLowerCase())));

  // ---- tables ----
  const sopRows: ViewCell[][] = [];
  for (const sop of sops) {
    const cases = a.sopCases[sop.id];
    const steps = a.sopSteps[sop.id];
    const running = runningBySop.get(sop.id) ?? 0;
    if (!cases && !steps && !running) continue;
    const f = figures(cases ? { ...cases, returns: 0 } : undefined);
    const stepShare = steps?.timed ? (steps.within / steps.timed) * 100 : "";
    const std = sopStandardMinutes(sop, dayMinutes);
    sopRows.push([
      sopLabel(sop),
      cases?.started ?? 0,
      f.n,
      running,
      lateBySop.get(sop.id) ?? 0,
      f.median ?? "",
      f.p90 ?? "",
      f.longest ?? "",
      std ?? "",
      f.withinShare === null ? "" : f.withinShare * 100,
      stepShare,
      steps?.returns ?? 0,
    ]);
  }
  const stepRows: ViewCell[][] = [];
  for (const sop of sops) {
    for (const step of sop.steps) {
      const key = `${sop.id}|${step.no}`;
      const t = a.step[key];
      const lateHere = lateByStep.get(key) ?? 0;
      if (!t && !lateHere) continue;
      const std = stepStandard(step, dayMinutes);
      const lane = sop.lanes.find((l) => l.header === step.role);
      stepRows.push([`${sop.code} ${step.no} · ${cut(step.text, 60)}`, ...figCells(figures(t)), std ?? "", lateHere, (lane && roleShort.get(lane.role)) || step.role]);
    }
  }
  const byCount = (m: Record<string, Tally>, extra: Map<string, number>) =>
    [...new Set([...Object.keys(m), ...extra.keys()])].sort((x, y) => (m[y]?.n ?? 0) - (m[x]?.n ?? 0) || (extra.get(y) ?? 0) - (extra.get(x) ?? 0) || x.localeCompare(y));
  // Roles with cases late now come first (the late-now chart reads the table's first rows), then by steps done.
  const roleRows: ViewCell[][] = byCount(a.role, lateByRole)
    .sort((x, y) => (lateByRole.get(y) ?? 0) - (lateByRole.get(x) ?? 0))
    .map((k) => [roleName.get(k) ?? k, ...figCells(figures(a.role[k])), lateByRole.get(k) ?? 0]);
  const names = new Map(officials.map((o) => [o.email.toLowerCase(), o.name]));
  const personRows: ViewCell[][] = byCount(a.person, lateByPerson).map((k) => [k ? (names.get(k) ? `${names.get(k)} (${k})` : k) : "(tanpa email)", ...figCells(figures(a.person[k])), lateByPerson.get(k) ?? 0]);

  const thisMonth = jakartaDateString(now).slice(0, 7);
  const lastMonth = previousMonth(thisMonth);
  const months = input.months ?? 12;
  const active = Object.keys(a.month)
    .filter((k) => k <= thisMonth)
    .sort();
  const monthKeys: string[] = [];
  if (active.length) for (let k = thisMonth; monthKeys.length < months && k >= active[0]; k = previousMonth(k)) monthKeys.unshift(k);
  const monthRows: ViewCell[][] = monthKeys.map((k) => {
    const m = a.month[k];
    const f = figures(m?.steps);
    return [monthLabel(k), m?.started ?? 0, m?.finished ?? 0, ...figCells(f)];
  });

  const tablesSpec: Omit<TableView, "headerRow">[] = [
    {
      key: "sop",
      heading: "Per SOP — waktu kerja per kasus selesai (dari mulai sampai selesai) terhadap standar SOP",
      headers: ["SOP", "Dimulai", "Selesai", "Berjalan", "Terlambat kini", "Median per kasus", "Persentil ke-90", "Terlama", "Standar SOP", "Kasus dalam standar", "Langkah dalam standar", "Dikembalikan (kali)"],
      kinds: ["text", "count", "count", "count", "count", "dur", "dur", "dur", "dur", "pct", "pct", "count"],
      rows: sopRows,
    },
    {
      key: "step",
      heading: "Per langkah — waktu kerja setiap kali langkah dikerjakan",
      headers: ["Langkah", ...FIG_HEADERS, "Standar", "Terlambat kini", "Pelaksana"],
      kinds: ["text", ...FIG_KINDS, "dur", "count", "text"],
      rows: stepRows,
    },
    { key: "role", heading: "Per pelaksana (peran)", headers: ["Pelaksana", ...FIG_HEADERS, "Terlambat kini"], kinds: ["text", ...FIG_KINDS, "count"], rows: roleRows },
    { key: "person", heading: "Per orang (yang mengerjakan langkah)", headers: ["Nama", ...FIG_HEADERS, "Terlambat kini"], kinds: ["text", ...FIG_KINDS, "count"], rows: personRows },
    { key: "month", heading: "Per bulan", headers: ["Bulan", "Kasus dimulai", "Kasus selesai", ...FIG_HEADERS], kinds: ["text", "count", "count", ...FIG_KINDS], rows: monthRows },
  ];

  // ---- grid ----
  const width = Math.max(LAYOUT.columnWidths.length, ...tablesSpec.map((t) => t.headers.length));
  const grid: ViewCell[][] = [];
  const formats: string[][] = [];
  const bold: string[] = [];
  const headerRanges: string[] = [];
  const bigRanges: string[] = [];
  const wrapRanges: string[] = [];
  const put = (row: number, col: number, v: ViewCell, fmt = "") => {
    while (grid.length < row) {
      grid.push(Array(width).fill(""));
      formats.push(Array(width).fill(""));
    }
    grid[row - 1][col - 1] = v;
    if (fmt) formats[row - 1][col - 1] = fmt;
  };
  const asDuration = (v: number): [ViewCell, string] => (input.durationsAsText ? [durationText(v), FMT.text] : [v / 1440, FMT.duration]);
  const kindCell = (kind: ColumnKind, v: ViewCell): [ViewCell, string] => {
    if (typeof v === "string") return [v, ""];
    if (kind === "dur") return asDuration(v);
    if (kind === "pct") return [v, FMT.pct];
    if (kind === "count") return [v, FMT.count];
    return [v, ""];
  };

  put(1, 1, "Laporan Alur · waktu kerja terhadap standar SOP");
  bold.push("A1");
  put(2, 1, input.subtitle);

  // Summary: label, figure, comparison.
  const mThis = a.month[thisMonth];
  const mLast = a.month[lastMonth];
  const share = (m: { steps: Tally } | undefined) => (m?.steps.timed ? (m.steps.within / m.steps.timed) * 100 : null);
  const returned = open.filter((c) => c.status === "Dikembalikan").length;
  const shareThis = share(mThis);
  const shareLast = share(mLast);
  const summary: [string, ViewCell, string, string][] = [
    ["Kasus berjalan", open.length, FMT.count, returned ? `${returned} dikembalikan` : ""],
    ["Terlambat kini", late.length, FMT.count, open.length ? `${percentText((late.length / open.length) * 100)} yang berjalan` : ""],
    ["Langkah dalam standar bulan ini", shareThis ?? "–", shareThis === null ? "" : FMT.pct, `bulan lalu ${shareLast === null ? "–" : percentText(shareLast)}`],
    ["Pengembalian bulan ini", mThis?.steps.returns ?? 0, FMT.count, `bulan lalu ${mLast?.steps.returns ?? 0}`],
    ["Kasus selesai bulan ini", mThis?.finished ?? 0, FMT.count, `bulan lalu ${mLast?.finished ?? 0}`],
  ];
  summary.forEach(([label, value, fmt, note], i) => {
    const row = LAYOUT.summaryRow + i;
    put(row, 1, label);
    put(row, 2, value, fmt);
    put(row, 3, note);
  });
  bigRanges.push(`B${LAYOUT.summaryRow}:B${LAYOUT.summaryRow + summary.length - 1}`);
  put(LAYOUT.summaryRow - 1, 1, "Ringkasan");
  bold.push(`A${LAYOUT.summaryRow - 1}`);

  // The chooser and the chosen SOP's steps (the first chart's data).
  const withData = sops.filter((s) => a.sopSteps[s.id] || runningBySop.get(s.id));
  const options = withData.map(sopLabel);
  const busiest = [...withData].sort((x, y) => (a.sopSteps[y.id]?.n ?? 0) - (a.sopSteps[x.id]?.n ?? 0))[0];
  const value = options.includes(input.chosen) ? input.chosen : busiest ? sopLabel(busiest) : "";
  put(LAYOUT.chooserRow, 1, "SOP pada grafik per langkah ▸");
  bold.push(`A${LAYOUT.chooserRow}`);
  put(LAYOUT.chooserRow, LAYOUT.chooserCol, value);
  const chosenSop = withData.find((s) => sopLabel(s) === value);
  const stepData = chosenSop ? stepChartRows(a, chosenSop, dayMinutes) : [];
  put(LAYOUT.stepDataRow, 1, "Langkah");
  put(LAYOUT.stepDataRow, 2, "Median (jam)");
  put(LAYOUT.stepDataRow, 3, "Standar (jam)");
  headerRanges.push(`A${LAYOUT.stepDataRow}:C${LAYOUT.stepDataRow}`);
  wrapRanges.push(`A${LAYOUT.stepDataRow}:C${LAYOUT.stepDataRow}`);
  for (let i = 0; i < LAYOUT.stepDataRows; i++) {
    const r = stepData[i];
    put(LAYOUT.stepDataRow + 1 + i, 1, r ? r[0] : "");
    put(LAYOUT.stepDataRow + 1 + i, 2, r ? r[1] : "", r && r[1] !== "" ? FMT.hours : "");
    put(LAYOUT.stepDataRow + 1 + i, 3, r ? r[2] : "", r && r[2] !== "" ? FMT.hours : "");
  }

  // Tables, one under the other.
  let row = LAYOUT.tablesRow;
  const tables: TableView[] = [];
  for (const t of tablesSpec) {
    put(row, 1, t.heading);
    bold.push(`A${row}`);
    row++;
    t.headers.forEach((h, j) => {
      put(row, j + 1, h);
    });
    headerRanges.push(`A${row}:${columnLetter(t.headers.length)}${row}`);
    wrapRanges.push(`A${row}:${columnLetter(t.headers.length)}${row}`);
    const headerRow = row;
    row++;
    if (!t.rows.length) {
      put(row, 1, "Belum ada data.");
      row++;
    }
    for (const r of t.rows) {
      r.forEach((v, j) => {
        const [cell, fmt] = kindCell(t.kinds[j], v);
        put(row, j + 1, cell, fmt);
      });
      row++;
    }
    tables.push({ ...t, headerRow });
    row++;
  }
  put(row, 1, "Median dan persentil ke-90 memakai peringkat terdekat (nearest-rank): dari n pengerjaan yang diurutkan, persentil ke-p adalah nilai ke-⌈p/100 · n⌉. Waktu dihitung dalam jam kerja (tanpa malam, akhir pekan dan hari libur).");

  const find = (k: TableView["key"]) => tables.find((t) => t.key === k) as TableView;
  const sopT = find("sop");
  const monthT = find("month");
  const roleT = find("role");
  const col = (t: TableView, header: string) => t.headers.indexOf(header) + 1;
  const n = (t: TableView) => Math.max(1, t.rows.length);
  const lateRoles = roleT.rows.filter((r) => Number(r[r.length - 1]) > 0).length;
  const charts: ChartView[] = [
    {
      key: "steps",
      type: "COLUMN",
      title: stepChartTitle(value || "–"),
      ranges: [{ row: LAYOUT.stepDataRow, col: 1, rows: Math.max(1, stepData.length) + 1, cols: 3 }],
      anchor: { row: LAYOUT.chartRows[0], col: LAYOUT.chartCol },
      width: LAYOUT.chartWidth,
      height: LAYOUT.chartHeight,
      vAxis: "jam kerja",
      percent: false,
    },
    {
      key: "sops",
      type: "BAR",
      title: "Dalam standar per SOP (%)",
      ranges: [
        { row: sopT.headerRow, col: 1, rows: n(sopT) + 1, cols: 1 },
        { row: sopT.headerRow, col: col(sopT, "Kasus dalam standar"), rows: n(sopT) + 1, cols: 2 },
      ],
      anchor: { row: LAYOUT.chartRows[0], col: LAYOUT.chartCol2 },
      width: LAYOUT.chartWidth,
      height: LAYOUT.chartHeight,
      vAxis: "%",
      percent: true,
    },
    {
      key: "months",
      type: "LINE",
      title: "Langkah dalam standar per bulan (%)",
      ranges: [
        { row: monthT.headerRow, col: 1, rows: n(monthT) + 1, cols: 1 },
        { row: monthT.headerRow, col: col(monthT, "Dalam standar"), rows: n(monthT) + 1, cols: 1 },
      ],
      anchor: { row: LAYOUT.chartRows[1], col: LAYOUT.chartCol },
      width: LAYOUT.chartWidth,
      height: LAYOUT.chartHeight,
      vAxis: "%",
      percent: true,
    },
    {
      key: "late",
      type: "BAR",
      title: "Kasus terlambat kini per pelaksana",
      ranges: [
        { row: roleT.headerRow, col: 1, rows: Math.max(1, lateRoles) + 1, cols: 1 },
        { row: roleT.headerRow, col: col(roleT, "Terlambat kini"), rows: Math.max(1, lateRoles) + 1, cols: 1 },
      ],
      anchor: { row: LAYOUT.chartRows[1], col: LAYOUT.chartCol2 },
      width: LAYOUT.chartWidth,
      height: LAYOUT.chartHeight,
      vAxis: "kasus",
      percent: false,
    },
  ];
  return {
    grid,
    formats,
    width,
    bold,
    headerRanges,
    bigRanges,
    wrapRanges,
    columnWidths: LAYOUT.columnWidths,
    charts,
    chooser: { row: LAYOUT.chooserRow, col: LAYOUT.chooserCol, options, value },
    tables,
  };
}

/** The first chart's title: the chosen SOP named, the units in the legend ("Median (jam)", "Standar (jam)"). */
export const STEP_CHART_PREFIX = "Median dan standar per langkah: ";
export const stepChartTitle = (sopLabel: string) => `${STEP_CHART_PREFIX}${sopLabel}`;

/** The first chart's data for one SOP: each step's median and standard, in hours. */
export function stepChartRows(a: Aggregates, sop: Sop, dayMinutes: number): [string, ViewCell, ViewCell][] {
  return sop.steps.slice(0, LAYOUT.stepDataRows).map((step) => {
    const f = figures(a.step[`${sop.id}|${step.no}`]);
    const std = stepStandard(step, dayMinutes);
    return [`${step.no}. ${cut(step.text, 34)}`, f.median === null ? "" : f.median / 60, std === null ? "" : std / 60];
  });
}

export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
