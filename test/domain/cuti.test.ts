// Cuti PNS: Lamanya across weekends, holidays and cuti bersama; the annual balance N-2/N-1/N with the carry-over caps.
import { HOLIDAYS_2026 } from "../../src/catalog/holidays-2026";
import { DEFAULT_WEEK } from "../../src/catalog/settings";
import { cutiBalance, leaveLength, leaveProblems, type Opening } from "../../src/domain/cuti";

const calendar = { week: DEFAULT_WEEK, holidays: HOLIDAYS_2026.map((h) => h.date), dayMinutes: 450 };
const cutiBersama = HOLIDAYS_2026.filter((h) => h.kind === "cuti bersama").map((h) => h.date);
const opts = { calendar, cutiBersama, bersamaCounts: false };

describe("Lamanya", () => {
  test("cuti tahunan counts working days: a full week is 5, a span over a weekend leaves Saturday and Sunday out", () => {
    expect(leaveLength("tahunan", "2026-11-23", "2026-11-27", opts)).toEqual({ value: 5, unit: "hari kerja", text: "5 (lima) hari kerja" });
    // Thursday to the next Tuesday: Thu, Fri, Mon, Tue.
    expect(leaveLength("tahunan", "2026-11-19", "2026-11-24", opts).value).toBe(4);
    expect(leaveLength("tahunan", "2026-11-21", "2026-11-22", opts).value).toBe(0);
  });

  test("a national holiday inside the leave is not a leave day (17 August)", () => {
    // Friday 14, (Sat, Sun), Monday 17 is Hari Kemerdekaan, Tuesday 18.
    expect(leaveLength("tahunan", "2026-08-14", "2026-08-18", opts).value).toBe(2);
  });

  test("cuti bersama: not a leave day by PP 11/2017, a leave day where the office's setting says it reduces cuti tahunan", () => {
    // 21–31 December: 24 December is cuti bersama, 25 December Natal.
    expect(leaveLength("tahunan", "2026-12-21", "2026-12-31", opts).value).toBe(7);
    expect(leaveLength("tahunan", "2026-12-21", "2026-12-31", { ...opts, bersamaCounts: true }).value).toBe(8);
    // Idul Fitri 1447 H: 18, 20, 23, 24 March cuti bersama; 19 and 21–22 holidays.
    expect(leaveLength("tahunan", "2026-03-16", "2026-03-27", opts)).toMatchObject({ value: 5, text: "5 (lima) hari kerja" });
    expect(leaveLength("tahunan", "2026-03-16", "2026-03-27", { ...opts, bersamaCounts: true }).value).toBe(9);
  });

  test("other kinds count calendar days, and whole months for cuti besar, melahirkan and di luar tanggungan negara", () => {
    expect(leaveLength("sakit", "2026-11-20", "2026-11-24", opts)).toEqual({ value: 5, unit: "hari", text: "5 (lima) hari" });
    expect(leaveLength("melahirkan", "2026-01-05", "2026-04-04", opts)).toEqual({ value: 3, unit: "bulan", text: "3 (tiga) bulan" });
    expect(leaveLength("besar", "2026-02-10", "2026-03-09", opts).text).toBe("1 (satu) bulan");
    expect(leaveLength("besar", "2026-02-10", "2026-03-12", opts).text).toBe("31 (tiga puluh satu) hari");
    expect(leaveLength("penting", "2026-11-02", "2026-12-11", opts).value).toBe(40);
  });

  test("the rules' limits are named", () => {
    expect(leaveProblems("penting", leaveLength("penting", "2026-11-02", "2026-12-11", opts), null)).toEqual(["Cuti karena alasan penting paling lama 1 (satu) bulan."]);
    expect(leaveProblems("tahunan", leaveLength("tahunan", "2026-11-02", "2026-11-20", opts), 12)).toEqual(["Cuti tahunan 15 hari kerja melebihi sisa hak cuti (12 hari kerja)."]);
    expect(leaveProblems("tahunan", leaveLength("tahunan", "2026-11-21", "2026-11-22", opts), 12)[0]).toMatch(/kurang dari 1 hari kerja/);
  });
});

describe("sisa cuti tahunan N-2, N-1, N", () => {
  const open = (entries: [number, number, number?][]) => new Map<number, Opening>(entries.map(([y, taken, entitlement]) => [y, { taken, entitlement: entitlement ?? 12 }]));

  test("worked example over three years: 4 days before Alur in 2024, 3 in 2025, 5 so far in 2026", () => {
    // 2024: 12 − 4 = 8 left. Into 2025 at most 6 carry (2024's 2 are lost); 2025's 3 days come from those 6 first: 3 of
    // 2024 left, 12 of 2025. Into 2026: leave was taken in 2025, so 2024's days lapse; 2025's 12 carry at most 6.
    // 2026's 5 days come from 2025's 6 first: 1 of 2025 left, all 12 of 2026. Available: 13.
    const b = cutiBalance(2026, open([[2024, 4]]), new Map([[2025, 3], [2026, 5]]));
    expect(b.rows).toEqual([
      { year: 2024, sisa: 0, note: "hangus (diambil 4 hari)" },
      { year: 2025, sisa: 1, note: "sisa tahun 2025, diambil 3 hari" },
      { year: 2026, sisa: 12, note: "hak 12 hari, diambil 5 hari" },
    ]);
    expect(b.available).toBe(13);
  });

  test("two years without leave carry 6 + 6 into the third: 24 days with the new year's 12", () => {
    const b = cutiBalance(2026, open([[2024, 0], [2025, 0]]), new Map());
    expect(b.rows.map((r) => r.sisa)).toEqual([6, 6, 12]);
    expect(b.available).toBe(24);
  });

  test("one year without leave carries at most 6: 18 days with the new year's 12", () => {
    const b = cutiBalance(2026, open([[2025, 0]]), new Map());
    expect(b.rows.map((r) => r.sisa)).toEqual([0, 6, 12]);
    expect(b.rows[0].note).toBe("tidak ada data");
    expect(b.available).toBe(18);
  });

  test("an entitlement set by the admin (first year of service: 0) and an overdrawn year are shown as they are", () => {
    const b = cutiBalance(2026, open([[2026, 0, 0]]), new Map([[2026, 2]]));
    expect(b.rows[2]).toEqual({ year: 2026, sisa: -2, note: "hak 0 hari, diambil 2 hari (melebihi hak)" });
    expect(b.available).toBe(0);
  });

  test("no opening balance and no earlier case: a full year, nothing carried, and said so", () => {
    const b = cutiBalance(2026, new Map(), new Map());
    expect(b.rows.map((r) => r.sisa)).toEqual([0, 0, 12]);
    expect(b.assumed).toBe(true);
  });
});
