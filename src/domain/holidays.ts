// A non-working day of the Hari Libur sheet: its date, name and kind.

/** "libur daerah" is for days the regional head declares, which no national list knows. */
export type HolidayKind = "libur nasional" | "cuti bersama" | "libur daerah";

export interface Holiday {
  /** yyyy-MM-dd, Jakarta calendar date. */
  date: string;
  name: string;
  kind: HolidayKind;
}
