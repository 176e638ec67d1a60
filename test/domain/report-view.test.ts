// The Laporan sheet laid out (src/domain/report-view.ts): the summary, the chooser and its step data, the five tables
// with their formats, and the four charts' ranges, for a small office worked out by hand.
import { ROLES } from "../../src/catalog/roles";
import { jakartaTime } from "../../src/domain/calendar";
import type { OpenCase } from "../../src/domain/open-index";
import type { Official } from "../../src/domain/pejabat";
import { type Aggregates, emptyAggregates, foldEnd, foldPass, foldStart } from "../../src/domain/report-agg";
import { FMT, type ViewInput, buildLaporan, columnLetter, durationText, isLateNow, percentText, sopLabel, stepChartRows, stepChartTitle, tanggalPendek } from "../../src/domain/report-view";
import type { Sop } from "../../src/domain/sop";
import { CTX, NOV, OCT, UJI, UNTIMED, pass } from "./report-fixtures";

const LONG = "Memeriksa kelengkapan berkas permohonan dan menyampaikan hasilnya kepada pemohon";
/** Exactly the 60 characters a step's label keeps whole. */
const SIXTY = "Menyusun konsep surat keluar dan menyampaikannya pada atasan";
/** UNTIMED, its step 2 worded at length and done by a column the SOP has no lane for. */
const TANPA: Sop = { ...UNTIMED, steps: [UNTIMED.steps[0], { ...UNTIMED.steps[1], text: LONG, role: "PEMOHON" }] };
const KOSONG: Sop = { ...UJI, id: "kosong", code: "KS", shortTitle: "Kosong" };
const NOW = jakartaTime("2026-11-20", "10:00");
const H = 3_600_000;

function aggregates(): Aggregates {
  const a = emptyAggregates();
  // A pass of an SOP the catalog no longer has, by a lane it no longer knows, with no actor's email (folded first:
  // the tables order by counts, not by arrival).
  foldPass(a, pass(10, { sopId: "lama", lane: "BENDAHARA", actor: "", standard: null, at: OCT }), CTX);
  foldStart(a, "uji", NOV);
  foldStart(a, "uji", NOV);
  foldStart(a, "uji", OCT);
  foldPass(a, pass(50), CTX);
  foldPass(a, pass(90), CTX);
  foldPass(a, pass(40, { at: OCT }), CTX);
  foldPass(a, pass(20, { stepNo: "2", lane: "KASUBBAG", actor: " Kasubbag@Dinas.Example ", standard: 30, returned: true }), CTX);
  foldPass(a, pass(45, { stepNo: "2", lane: "KASUBBAG", actor: "kasubbag@dinas.example", standard: 30 }), CTX);
  foldEnd(a, { kind: "finish", sopId: "uji", at: NOV, minutes: 120 }, CTX, 1);
  foldEnd(a, { kind: "cancel", sopId: "uji", at: OCT, minutes: 0 }, CTX, 1);
  return a;
}

const open = (id: string, sopId: string, stepNo: string, lane: string, role: string, dueAt: number | null, extra: Partial<OpenCase> = {}): OpenCase => ({
  id,
  sopId,
  sopRev: "1",
  stepNo,
  stepText: "",
  lane,
  role,
  assignee: "",
  status: "Berjalan",
  since: NOV,
  dueAt,
  standard: null,
  perihal: "",
  createdBy: "",
  pemohon: "",
  version: 1,
  rounds: 0,
  ...extra,
});
const OPEN: OpenCase[] = [
  open("TS-1", "tanpa", "2", "PEMOHON", "kasubbag-umum", NOW - 1, { assignee: "Zaki@Dinas.Example" }),
  open("UJ-1", "uji", "2", "KASUBBAG", "kasubbag-umum", NOW - H),
  open("UJ-2", "uji", "1", "JFU", "jfu", NOW + H, { status: "Dikembalikan" }),
  open("TS-2", "tanpa", "1", "JFU", "jfu", null),
];
const official = (name: string, role: string, email: string): Official => ({ role, name, nip: "", jabatan: "", pangkat: "", email, atasan: "" });
const OFFICIALS = [official("Budi", "jfu", "jfu@dinas.example"), official("Rina", "kasubbag-umum", "rina@dinas.example"), official("Tanpa Surel", "kasubbag-umum", ""), official("Zaki", "kasubbag-umum", "ZAKI@dinas.example")];

const input = (extra: Partial<ViewInput> = {}): ViewInput => ({
  aggregates: aggregates(),
  open: OPEN,
  sops: [UJI, TANPA, KOSONG],
  roles: ROLES,
  officials: OFFICIALS,
  now: NOW,
  dayMinutes: 450,
  chosen: "",
  durationsAsText: false,
  subtitle: "Dibangun 20 Nov 2026",
  ...extra,
});
/** The view of the office above, built inside each test (a mutation run switches its mutant on as a test starts). */
const built = () => buildLaporan(input());
const table = (key: string, v = built()) => v.tables.find((t) => t.key === key)!;
const twoThirds = (2 / 3) * 100;

describe("words and numbers", () => {
  test("dates, durations and shares as Indonesian text; column letters; late is strictly past the due instant", () => {
    expect(tanggalPendek(jakartaTime("2026-12-04", "23:30"))).toBe("4 Des 2026");
    expect(tanggalPendek(jakartaTime("2026-01-31", "00:10"))).toBe("31 Jan 2026");
    expect(durationText(200)).toBe("3 j 20 mnt");
    expect(durationText(45.4)).toBe("45 mnt");
    expect(durationText(59.6)).toBe("1 j 0 mnt");
    expect(percentText(82.46)).toBe("82,5%");
    expect(percentText(50)).toBe("50%");
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
    expect(isLateNow(OPEN[1], NOW)).toBe(true);
    expect(isLateNow({ ...OPEN[1], dueAt: NOW }, NOW)).toBe(false);
    expect(isLateNow(OPEN[3], NOW)).toBe(false);
    expect(sopLabel(UJI)).toBe("UJ · Uji");
    expect(stepChartTitle("UJ · Uji")).toBe("Median dan standar per langkah: UJ · Uji");
  });
});

describe("the tables", () => {
  test("per SOP: started, finished, running, late now, the finished cases' times against the SOP's standard; an SOP without any data is left out", () => {
    expect(table("sop").rows).toEqual([
      ["UJ · Uji", 3, 1, 2, 1, 120, 120, 120, 90, 0, 60, 1],
      ["TS · Tanpa standar", 0, 0, 2, 1, "", "", "", "", "", "", 0],
    ]);
  });

  test("an SOP with finished cases but no step passes and nothing running still has its row; a case within the SOP's standard counts", () => {
    const a = aggregates();
    foldStart(a, "kosong", OCT);
    foldEnd(a, { kind: "finish", sopId: "kosong", at: NOV, minutes: 30 }, { ...CTX, sops: new Map([["kosong", KOSONG]]) }, 1);
    expect(table("sop", buildLaporan(input({ aggregates: a }))).rows[2]).toEqual(["KS · Kosong", 1, 1, 0, 0, 30, 30, 30, 90, 100, "", 0]);
  });

  test("every table's heading, headers and column kinds", () => {
    const fig = ["Dikerjakan (kali)", "Median", "Persentil ke-90", "Terlama", "Dalam standar", "Dikembalikan (kali)"];
    const figKinds = ["count", "dur", "dur", "dur", "pct", "count"];
    expect(built().tables.map((t) => [t.key, t.heading, t.headers, t.kinds])).toEqual([
      [
        "sop",
        "Per SOP — waktu kerja per kasus selesai (dari mulai sampai selesai) terhadap standar SOP",
        ["SOP", "Dimulai", "Selesai", "Berjalan", "Terlambat kini", "Median per kasus", "Persentil ke-90", "Terlama", "Standar SOP", "Kasus dalam standar", "Langkah dalam standar", "Dikembalikan (kali)"],
        ["text", "count", "count", "count", "count", "dur", "dur", "dur", "dur", "pct", "pct", "count"],
      ],
      ["step", "Per langkah — waktu kerja setiap kali langkah dikerjakan", ["Langkah", ...fig, "Standar", "Terlambat kini", "Pelaksana"], ["text", ...figKinds, "dur", "count", "text"]],
      ["role", "Per pelaksana (peran)", ["Pelaksana", ...fig, "Terlambat kini"], ["text", ...figKinds, "count"]],
      ["person", "Per orang (yang mengerjakan langkah)", ["Nama", ...fig, "Terlambat kini"], ["text", ...figKinds, "count"]],
      ["month", "Per bulan", ["Bulan", "Kasus dimulai", "Kasus selesai", ...fig], ["text", "count", "count", ...figKinds]],
    ]);
  });

  test("per step: each step done or late now, its figures, standard and pelaksana (the lane's short name, else the column)", () => {
    expect(table("step").rows).toEqual([
      ["UJ 1 · Menyusun konsep", 3, 50, 90, 90, twoThirds, 0, 60, 0, "JFU"],
      ["UJ 2 · Memeriksa konsep", 2, 20, 45, 45, 50, 1, 30, 1, "Kasubbag Umum"],
      [`TS 2 · ${LONG.slice(0, 59)}…`, 0, "", "", "", "", 0, "", 1, "PEMOHON"],
    ]);
    expect(SIXTY).toHaveLength(60);
    const whole = { ...UJI, steps: [{ ...UJI.steps[0], text: SIXTY }, UJI.steps[1]] };
    expect(table("step", buildLaporan(input({ sops: [whole] }))).rows[0][0]).toBe(`UJ 1 · ${SIXTY}`);
  });

  test("per role: roles with cases late now first, then by steps done; a lane no SOP knows under its header", () => {
    expect(table("role").rows).toEqual([
      ["Kasubbag Umum dan Kepegawaian", 2, 20, 45, 45, 50, 1, 2],
      ["Jabatan Fungsional Umum (JFU)", 3, 50, 90, 90, twoThirds, 0, 0],
      ["BENDAHARA", 1, 10, 10, 10, "", 0, 0],
    ]);
  });

  test("per person: by steps done, then by cases late now (an assignee's, else every holder's with an email), then by name", () => {
    expect(table("person").rows).toEqual([
      ["Budi (jfu@dinas.example)", 3, 50, 90, 90, twoThirds, 0, 0],
      ["kasubbag@dinas.example", 2, 20, 45, 45, 50, 1, 0],
      ["(tanpa email)", 1, 10, 10, 10, "", 0, 0],
      ["Zaki (zaki@dinas.example)", 0, "", "", "", "", 0, 2],
      ["Rina (rina@dinas.example)", 0, "", "", "", "", 0, 1],
    ]);
  });

  test("per month: from the first active month to this one", () => {
    expect(table("month").rows).toEqual([
      ["Oktober 2026", 1, 0, 2, 10, 40, 40, 100, 0],
      ["November 2026", 2, 1, 4, 45, 90, 90, 50, 1],
    ]);
  });

  test("a quiet month shows as zeros, a month after today is left out, and at most `months` are listed", () => {
    const a = aggregates();
    foldStart(a, "lama", jakartaTime("2026-08-10", "09:00"));
    foldStart(a, "lama", jakartaTime("2026-12-01", "09:00"));
    const months = (v: ReturnType<typeof buildLaporan>) => table("month", v).rows.map((r) => r.slice(0, 4));
    expect(months(buildLaporan(input({ aggregates: a })))).toEqual([
      ["Agustus 2026", 1, 0, 0],
      ["September 2026", 0, 0, 0],
      ["Oktober 2026", 1, 0, 2],
      ["November 2026", 2, 1, 4],
    ]);
    const onlyThisMonth = emptyAggregates();
    foldStart(onlyThisMonth, "uji", NOV);
    expect(months(buildLaporan(input({ aggregates: onlyThisMonth })))).toEqual([["November 2026", 1, 0, 0]]);
    const january = buildLaporan(input({ aggregates: a, now: jakartaTime("2027-01-15", "10:00") }));
    expect(months(january).slice(-3)).toEqual([
      ["November 2026", 2, 1, 4],
      ["Desember 2026", 1, 0, 0],
      ["Januari 2027", 0, 0, 0],
    ]);
    expect(months(buildLaporan(input({ aggregates: a, months: 2 })))).toEqual([
      ["Oktober 2026", 1, 0, 2],
      ["November 2026", 2, 1, 4],
    ]);
  });

  test("tables lie one under the other from row 33: heading, header row, rows (or 'Belum ada data.'), a blank row", () => {
    const view = built();
    expect(view.tables.map((t) => [t.key, t.headerRow, t.rows.length])).toEqual([
      ["sop", 34, 2],
      ["step", 39, 3],
      ["role", 45, 3],
      ["person", 51, 5],
      ["month", 59, 2],
    ]);
    expect(view.grid[32][0]).toBe("Per SOP — waktu kerja per kasus selesai (dari mulai sampai selesai) terhadap standar SOP");
    expect(view.grid[33]).toEqual(["SOP", "Dimulai", "Selesai", "Berjalan", "Terlambat kini", "Median per kasus", "Persentil ke-90", "Terlama", "Standar SOP", "Kasus dalam standar", "Langkah dalam standar", "Dikembalikan (kali)", ""]);
    expect(view.grid[36]).toEqual(Array(13).fill(""));
    expect(view.grid[62][0]).toMatch(/^Median dan persentil ke-90 memakai peringkat terdekat/);
    expect(view.grid).toHaveLength(63);
    const empty = buildLaporan(input({ aggregates: emptyAggregates(), open: [] }));
    expect(empty.tables.map((t) => t.headerRow)).toEqual([34, 38, 42, 46, 50]);
    expect(empty.grid[34][0]).toBe("Belum ada data.");
    expect(empty.grid[50][0]).toBe("Belum ada data.");
  });

  test("durations are days shown as hours and minutes (or text outside an Indonesian locale); shares and counts formatted", () => {
    const view = built();
    const d = (m: number) => m / 1440;
    expect(view.grid[34]).toEqual(["UJ · Uji", 3, 1, 2, 1, d(120), d(120), d(120), d(90), 0, 60, 1, ""]);
    const c = FMT.count;
    const u = FMT.duration;
    expect(view.formats[34]).toEqual(["", c, c, c, c, u, u, u, u, FMT.pct, FMT.pct, c, ""]);
    expect(view.formats[35]).toEqual(["", c, c, c, c, "", "", "", "", "", "", c, ""]);
    const text = buildLaporan(input({ durationsAsText: true }));
    expect(text.grid[34].slice(5, 9)).toEqual(["2 j 0 mnt", "2 j 0 mnt", "2 j 0 mnt", "1 j 30 mnt"]);
    expect(text.formats[34].slice(5, 9)).toEqual([FMT.text, FMT.text, FMT.text, FMT.text]);
    expect(text.grid[41].slice(0, 2)).toEqual(["TS 2 · " + `${LONG.slice(0, 59)}…`, 0]);
  });
});

describe("the top of the sheet", () => {
  test("title, subtitle and the summary: running, late now, in standard, returns and finished, against last month", () => {
    const view = built();
    expect(view.grid[0][0]).toBe("Laporan Alur · waktu kerja terhadap standar SOP");
    expect(view.grid[1][0]).toBe("Dibangun 20 Nov 2026");
    expect(view.grid[2][0]).toBe("Ringkasan");
    expect(view.grid.slice(3, 8).map((r) => r.slice(0, 3))).toEqual([
      ["Kasus berjalan", 4, "1 dikembalikan"],
      ["Terlambat kini", 2, "50% yang berjalan"],
      ["Langkah dalam standar bulan ini", 50, "bulan lalu 100%"],
      ["Pengembalian bulan ini", 1, "bulan lalu 0"],
      ["Kasus selesai bulan ini", 1, "bulan lalu 0"],
    ]);
    expect(view.formats.slice(3, 8).map((r) => r[1])).toEqual([FMT.count, FMT.count, FMT.pct, FMT.count, FMT.count]);
    expect(view.bold).toEqual(["A1", "A3", "A10", "A33", "A38", "A44", "A50", "A58"]);
    expect(view.formats).toHaveLength(view.grid.length);
    expect(view.formats[0]).toEqual(Array(13).fill(""));
    expect(view.bigRanges).toEqual(["B4:B8"]);
    expect(view.width).toBe(13);
    expect(view.columnWidths).toHaveLength(13);
  });

  test("a quiet office: no running case, no share this month or last", () => {
    const quiet = buildLaporan(input({ aggregates: emptyAggregates(), open: [] }));
    expect(quiet.grid.slice(3, 8).map((r) => r.slice(0, 3))).toEqual([
      ["Kasus berjalan", 0, ""],
      ["Terlambat kini", 0, ""],
      ["Langkah dalam standar bulan ini", "–", "bulan lalu –"],
      ["Pengembalian bulan ini", 0, "bulan lalu 0"],
      ["Kasus selesai bulan ini", 0, "bulan lalu 0"],
    ]);
    expect(quiet.formats[5][1]).toBe("");
    expect(quiet.grid[12].slice(0, 3)).toEqual(["", "", ""]);
    expect(quiet.chooser).toEqual({ row: 10, col: 3, options: [], value: "" });
    expect(quiet.charts[0].title).toBe("Median dan standar per langkah: –");
    expect(quiet.charts[0].ranges[0].rows).toBe(2);
  });

  test("the chooser lists the SOPs with data, keeps the SOP chosen before, else shows the busiest; its steps feed the first chart", () => {
    const view = built();
    expect(view.chooser).toEqual({ row: 10, col: 3, options: ["UJ · Uji", "TS · Tanpa standar"], value: "UJ · Uji" });
    expect(view.grid[9].slice(0, 3)).toEqual(["SOP pada grafik per langkah ▸", "", "UJ · Uji"]);
    expect(view.grid[11].slice(0, 3)).toEqual(["Langkah", "Median (jam)", "Standar (jam)"]);
    expect(view.grid[12].slice(0, 3)).toEqual(["1. Menyusun konsep", 50 / 60, 1]);
    expect(view.grid[13].slice(0, 3)).toEqual(["2. Memeriksa konsep", 20 / 60, 0.5]);
    expect(view.grid[14].slice(0, 3)).toEqual(["", "", ""]);
    expect(view.formats[12].slice(0, 3)).toEqual(["", FMT.hours, FMT.hours]);
    expect(view.formats[14].slice(0, 3)).toEqual(["", "", ""]);
    expect(view.headerRanges.slice(0, 2)).toEqual(["A12:C12", "A34:L34"]);
    expect(view.wrapRanges.slice(0, 2)).toEqual(["A12:C12", "A34:L34"]);
    const kept = buildLaporan(input({ chosen: "TS · Tanpa standar" }));
    expect(kept.chooser.value).toBe("TS · Tanpa standar");
    expect(kept.grid[12].slice(0, 3)).toEqual(["1. Menyusun konsep", "", ""]);
    expect(kept.formats[12].slice(0, 3)).toEqual(["", "", ""]);
    expect(buildLaporan(input({ chosen: "KS · Kosong" })).chooser.value).toBe("UJ · Uji");
    expect(buildLaporan(input({ sops: [TANPA, UJI, KOSONG] })).chooser).toMatchObject({ options: ["TS · Tanpa standar", "UJ · Uji"], value: "UJ · Uji" });
  });

  test("the first chart shows at most 18 steps, each named with its number and its text cut to 34 characters", () => {
    const exactly34 = "Menyusun konsep surat dan lampiran";
    expect(exactly34).toHaveLength(34);
    const many: Sop = { ...UJI, steps: Array.from({ length: 20 }, (_, i) => ({ ...UJI.steps[0], no: String(i + 1), text: i === 0 ? LONG : i === 1 ? exactly34 : `Langkah ${i + 1}` })) };
    const rows = stepChartRows(aggregates(), many, 450);
    expect(rows).toHaveLength(18);
    expect(rows[0]).toEqual([`1. ${LONG.slice(0, 33)}…`, 50 / 60, 1]);
    expect(rows[1][0]).toBe(`2. ${exactly34}`);
    expect(rows[17]).toEqual(["18. Langkah 18", "", 1]);
  });
});

describe("the charts", () => {
  test("each chart reads its table's label column and its figures, with one row at least, at its fixed place", () => {
    const view = built();
    const place = { width: 452, height: 290 };
    expect(view.charts).toEqual([
      { key: "steps", type: "COLUMN", title: "Median dan standar per langkah: UJ · Uji", ranges: [{ row: 12, col: 1, rows: 3, cols: 3 }], anchor: { row: 3, col: 4 }, ...place, vAxis: "jam kerja", percent: false },
      {
        key: "sops",
        type: "BAR",
        title: "Dalam standar per SOP (%)",
        ranges: [
          { row: 34, col: 1, rows: 3, cols: 1 },
          { row: 34, col: 10, rows: 3, cols: 2 },
        ],
        anchor: { row: 3, col: 8 },
        ...place,
        vAxis: "%",
        percent: true,
      },
      {
        key: "months",
        type: "LINE",
        title: "Langkah dalam standar per bulan (%)",
        ranges: [
          { row: 59, col: 1, rows: 3, cols: 1 },
          { row: 59, col: 8, rows: 3, cols: 1 },
        ],
        anchor: { row: 17, col: 4 },
        ...place,
        vAxis: "%",
        percent: true,
      },
      {
        key: "late",
        type: "BAR",
        title: "Kasus terlambat kini per pelaksana",
        ranges: [
          { row: 45, col: 1, rows: 2, cols: 1 },
          { row: 45, col: 8, rows: 2, cols: 1 },
        ],
        anchor: { row: 17, col: 8 },
        ...place,
        vAxis: "kasus",
        percent: false,
      },
    ]);
    const empty = buildLaporan(input({ aggregates: emptyAggregates(), open: [] }));
    expect(empty.charts.map((c) => c.ranges.map((r) => r.rows))).toEqual([[2], [2, 2], [2, 2], [2, 2]]);
    // Two roles late now: the late chart reads both.
    const twoLate = buildLaporan(input({ open: [...OPEN, open("UJ-3", "uji", "1", "JFU", "jfu", NOW - H)] }));
    expect(twoLate.charts[3].ranges.map((r) => r.rows)).toEqual([3, 3]);
  });
});
