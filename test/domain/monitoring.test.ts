// Monitoring SOP (src/domain/monitoring.ts): the semester of a date, the steps that crossed the office's thresholds
// (the worst first) and the Catatan prefilled for each SOP.
import { ROLES } from "../../src/catalog/roles";
import { jakartaTime } from "../../src/domain/calendar";
import { flaggedSteps, monitoringRows, semesterAt } from "../../src/domain/monitoring";
import { type Tally, emptyAggregates } from "../../src/domain/report-agg";
import type { Sop } from "../../src/domain/sop";
import { UJI, UNTIMED } from "./report-fixtures";

const SEM = "2026-2";
const TH = { latePercent: 50, returnPercent: 25 };
const t = (n: number, timed: number, within: number, returns = 0): Tally => ({ h: {}, n, timed, within, returns });

/** Five steps, by JFU, Kasubbag and a column the SOP has no lane for. */
const FIVE: Sop = {
  ...UJI,
  id: "lima",
  title: "SOP Lima Langkah",
  steps: ["JFU", "KASUBBAG", "PEMOHON", "JFU", "JFU"].map((role, i) => ({ ...UJI.steps[0], no: String(i + 1), role })),
};

describe("semesters", () => {
  test("January to June is semester I, July to December semester II, by the date in WIB", () => {
    expect(semesterAt(jakartaTime("2026-06-30", "23:59"))).toEqual({ key: "2026-1", label: "Semester I (Januari–Juni) 2026", sheetName: "Monitoring SOP 2026-I" });
    expect(semesterAt(jakartaTime("2026-07-01", "00:00"))).toEqual({ key: "2026-2", label: "Semester II (Juli–Desember) 2026", sheetName: "Monitoring SOP 2026-II" });
    expect(semesterAt(jakartaTime("2027-01-01", "00:30")).key).toBe("2027-1");
  });
});

describe("flagged steps", () => {
  test("a step late or returning at or above its threshold is named with its figures and pelaksana; below it, or without passes, it is not", () => {
    const sem = {
      [`lima|1|${SEM}`]: t(4, 4, 2), // late 2 of 4: exactly 50 %
      [`lima|2|${SEM}`]: t(4, 4, 3, 1), // late 25 % (under); returns 1 of 4: exactly 25 %
      [`lima|3|${SEM}`]: t(3, 0, 0, 0), // no standard, no returns
      [`lima|4|${SEM}`]: t(0, 0, 0),
      [`lima|5|2026-1`]: t(9, 9, 0, 9), // another semester
    };
    expect(flaggedSteps(FIVE, sem, SEM, TH, ROLES)).toEqual(["langkah 1 (JFU) terlambat 2 dari 4 kali (50%)", "langkah 2 (Kasubbag Umum) mengembalikan 1 dari 4 kali (25%)"]);
    expect(flaggedSteps(FIVE, sem, SEM, { latePercent: 51, returnPercent: 26 }, ROLES)).toEqual([]);
  });

  test("both figures are named together; the worst share first, ties in step order; a column without a lane is named as it is", () => {
    const sem = {
      [`lima|1|${SEM}`]: t(3, 3, 1, 1), // late 2/3, returns 1/3
      [`lima|2|${SEM}`]: t(10, 10, 0), // late 100 %
      [`lima|3|${SEM}`]: t(3, 3, 1), // late 2/3: ties step 1
      [`lima|5|${SEM}`]: t(2, 0, 0, 2), // returns 100 %, nothing timed
    };
    expect(flaggedSteps(FIVE, sem, SEM, TH, ROLES)).toEqual([
      "langkah 2 (Kasubbag Umum) terlambat 10 dari 10 kali (100%)",
      "langkah 5 (JFU) mengembalikan 2 dari 2 kali (100%)",
      "langkah 1 (JFU) terlambat 2 dari 3 kali (67%) dan mengembalikan 1 dari 3 kali (33%)",
      "langkah 3 (PEMOHON) terlambat 2 dari 3 kali (67%)",
    ]);
  });
});

describe("the form's rows", () => {
  test("one row per SOP in order: its passes this semester, the share in standard, the steps needing attention (three named, the rest counted)", () => {
    const a = emptyAggregates();
    a.sem = {
      [`uji|1|${SEM}`]: t(6, 4, 3),
      [`uji|2|${SEM}`]: t(2, 4, 4),
      [`uji|1|2026-1`]: t(50, 50, 0),
      [`lima|1|${SEM}`]: t(2, 2, 0),
      [`lima|2|${SEM}`]: t(2, 2, 0),
      [`lima|3|${SEM}`]: t(2, 2, 0),
      [`lima|4|${SEM}`]: t(2, 2, 0),
      [`lima|5|${SEM}`]: t(2, 2, 0),
      [`tanpa|1|${SEM}`]: t(3, 0, 0),
    };
    const rows = monitoringRows(a, [UJI, FIVE, UNTIMED, { ...UJI, id: "diam", title: "SOP Diam" }], SEM, TH, ROLES);
    expect(rows.map((r) => [r.no, r.sopId, r.prosedur, r.flagged])).toEqual([
      [1, "uji", "SOP Uji", false],
      [2, "lima", "SOP Lima Langkah", true],
      [3, "tanpa", "SOP Uji", false],
      [4, "diam", "SOP Diam", false],
    ]);
    expect(rows[0].catatan).toBe("Data Alur: 8 kali langkah dikerjakan, 87,5% dalam standar waktu. Tidak ada langkah yang terlambat ≥ 50% atau mengembalikan ≥ 25% dari pengerjaannya.");
    expect(rows[1].catatan).toBe(
      "Data Alur: 10 kali langkah dikerjakan, 0% dalam standar waktu. Perlu perhatian: langkah 1 (JFU) terlambat 2 dari 2 kali (100%); langkah 2 (Kasubbag Umum) terlambat 2 dari 2 kali (100%); langkah 3 (PEMOHON) terlambat 2 dari 2 kali (100%); dan 2 langkah lain di atas batas.",
    );
    expect(rows[2].catatan).toBe("Data Alur: 3 kali langkah dikerjakan. Tidak ada langkah yang terlambat ≥ 50% atau mengembalikan ≥ 25% dari pengerjaannya.");
    expect(rows[3].catatan).toBe("Data Alur: belum ada langkah SOP ini yang dikerjakan lewat Alur pada semester ini.");
  });

  test("exactly three steps flagged are all named, with nothing counted after them", () => {
    const a = emptyAggregates();
    a.sem = { [`lima|1|${SEM}`]: t(1, 1, 0), [`lima|2|${SEM}`]: t(1, 1, 0), [`lima|4|${SEM}`]: t(1, 1, 0) };
    expect(monitoringRows(a, [FIVE], SEM, TH, ROLES)[0].catatan).toBe(
      "Data Alur: 3 kali langkah dikerjakan, 0% dalam standar waktu. Perlu perhatian: langkah 1 (JFU) terlambat 1 dari 1 kali (100%); langkah 2 (Kasubbag Umum) terlambat 1 dari 1 kali (100%); langkah 4 (JFU) terlambat 1 dari 1 kali (100%).",
    );
  });
});
