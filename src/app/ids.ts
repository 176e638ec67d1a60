// Sheet ids recorded at setup (script properties), so sheets are found by id whatever admins rename them to.

export interface SheetIds {
  pengaturan: number;
  sop: number;
  identitas: number;
  pejabat: number;
  libur: number;
  riwayat: number;
  /** Ticks were recorded here before Riwayat became the journal; kept in older workbooks, no longer written. */
  kelengkapan?: number;
  arsipSop: number;
  antreanEmail: number;
  /** Made by the first report rebuild (absent in workbooks set up before reports existed). */
  laporan?: number;
  registers: Record<string, number>;
  url: string;
}

const KEY = "alur.sheets";

export function loadIds(): SheetIds | null {
  const raw = PropertiesService.getScriptProperties().getProperty(KEY);
  return raw ? (JSON.parse(raw) as SheetIds) : null;
}

export function saveIds(ids: SheetIds): void {
  PropertiesService.getScriptProperties().setProperty(KEY, JSON.stringify(ids));
}

export function requireIds(): SheetIds {
  const ids = loadIds();
  if (!ids) throw new Error("Alur belum disiapkan di spreadsheet ini. Pilih menu Ekstensi › Alur › Siapkan Alur.");
  return ids;
}
