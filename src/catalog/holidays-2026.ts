// The 2026 national holidays and cuti bersama (SKB 3 Menteri) that seed the Hari Libur sheet; each row stays editable there.
import type { Holiday } from "../domain/holidays";

const n = (date: string, name: string): Holiday => ({ date, name, kind: "libur nasional" });
const c = (date: string, name: string): Holiday => ({ date, name, kind: "cuti bersama" });

export const HOLIDAYS_2026: Holiday[] = [
  n("2026-01-01", "Tahun Baru 2026 Masehi"),
  n("2026-01-16", "Isra Mikraj Nabi Muhammad SAW"),
  c("2026-02-16", "Cuti Bersama Tahun Baru Imlek 2577 Kongzili"),
  n("2026-02-17", "Tahun Baru Imlek 2577 Kongzili"),
  c("2026-03-18", "Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)"),
  n("2026-03-19", "Hari Suci Nyepi (Tahun Baru Saka 1948)"),
  c("2026-03-20", "Cuti Bersama Idul Fitri 1447 Hijriah"),
  n("2026-03-21", "Hari Raya Idul Fitri 1447 Hijriah"),
  n("2026-03-22", "Hari Raya Idul Fitri 1447 Hijriah"),
  c("2026-03-23", "Cuti Bersama Idul Fitri 1447 Hijriah"),
  c("2026-03-24", "Cuti Bersama Idul Fitri 1447 Hijriah"),
  n("2026-04-03", "Wafat Yesus Kristus"),
  n("2026-04-05", "Kebangkitan Yesus Kristus (Paskah)"),
  n("2026-05-01", "Hari Buruh Internasional"),
  n("2026-05-14", "Kenaikan Yesus Kristus"),
  c("2026-05-15", "Cuti Bersama Kenaikan Yesus Kristus"),
  n("2026-05-27", "Hari Raya Idul Adha 1447 Hijriah"),
  c("2026-05-28", "Cuti Bersama Idul Adha 1447 Hijriah"),
  n("2026-05-31", "Hari Raya Waisak 2570 BE"),
  n("2026-06-01", "Hari Lahir Pancasila"),
  n("2026-06-16", "Tahun Baru Islam 1448 Hijriah"),
  n("2026-08-17", "Hari Proklamasi Kemerdekaan Republik Indonesia"),
  n("2026-08-25", "Maulid Nabi Muhammad SAW"),
  c("2026-12-24", "Cuti Bersama Hari Raya Natal"),
  n("2026-12-25", "Hari Raya Natal"),
];
