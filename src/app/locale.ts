// The spreadsheet's locale: Indonesian numbers, dates and durations (18,8 · 4 Des 2026 · 3 j 20 mnt).
import { loadIds } from "./ids";

const KEY = "alur.locale";
export const INDONESIA = "in_ID";

/** Sheets' codes for Indonesia: "in_ID" (the older Java code Sheets keeps) and "id_ID". */
export const isIndonesian = (locale: string): boolean => /^(in|id)(_|$)/i.test(String(locale ?? ""));

/**
 * First setup sets the locale to Indonesia. A workbook already in use whose locale is not Indonesian is left as the
 * office chose it and the admin is told (Laporan then writes durations as text). Decided once: a second run writes nothing.
 * Call it before setup records the sheets (it knows a first setup by their absence).
 */
export function ensureLocale(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, changes: string[]): void {
  const props = PropertiesService.getScriptProperties();
  if (props.getProperty(KEY)) return;
  const locale = ss.getSpreadsheetLocale();
  if (isIndonesian(locale)) return;
  if (!loadIds()) {
    ss.setSpreadsheetLocale(INDONESIA);
    props.setProperty(KEY, "diatur");
    changes.push("Lokal spreadsheet diatur ke Indonesia: angka memakai koma desimal (18,8), tanggal dan durasi berbentuk Indonesia (4 Des 2026, 3 j 20 mnt).");
    return;
  }
  props.setProperty(KEY, `dibiarkan ${locale}`);
  changes.push(
    `Perhatian: lokal spreadsheet ini ${locale}, bukan Indonesia. Alur tidak mengubah pilihan kantor; durasi di Laporan ditulis sebagai teks. Untuk angka dan tanggal Indonesia: File › Setelan › Lokal › Indonesia.`,
  );
}
