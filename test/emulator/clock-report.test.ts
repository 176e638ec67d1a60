// The workspace clock says what the triggers did in words read off the workbook (Outbox, Antrean Email, registers,
// Riwayat, other sheets), and names triggers by their schedule, never by their function's name.
import { createWorld } from "../../emulator/fakes";
import { clockSentence, describe as describeRun, observe, spanText, triggerName } from "../../emulator/server/clock-report";

function world() {
  const w = createWorld({ user: "admin@dinas.example", seed: 3, sheets: ["SM · Surat Masuk", "Antrean Email", "Riwayat"] });
  w.fill("SM · Surat Masuk", [
    ["ID", "Perihal", "Terlambat"],
    ["SM-2026-0001", "a", 0],
    ["SM-2026-0002", "b", 10],
    ["SM-2026-0003", "c", 0],
  ]);
  w.fill("Antrean Email", [
    ["Waktu", "Kepada", "Subjek", "Isi", "Status"],
    ["1", "a@x", "Kasus SM-1", "…", "Menunggu"],
    ["2", "b@x", "Kasus SM-2", "…", "Menunggu"],
    ["3", "c@x", "Kasus SM-3", "…", "Menunggu"],
  ]);
  w.fill("Riwayat", [["Waktu", "ID Kasus", "Aksi", "Jenis"]]);
  return w;
}

const mail = (w: ReturnType<typeof createWorld>, subject: string) =>
  w.outbox.push({ to: ["x@dinas.example"], cc: [], bcc: [], subject, body: "", from: "admin@dinas.example", at: w.now() } as never);

test("emails from the queue, reminders, Terlambat and a rebuilt Laporan are said in words", () => {
  const w = world();
  const before = observe(w);
  mail(w, "Kasus SM-1");
  mail(w, "Kasus SM-2");
  mail(w, "Pengingat: SM-2026-0002 menunggu Anda");
  const q = w.sheet("Antrean Email")!;
  q.grid.setValue(1, 4, "Terkirim 30 Nov 2026 09.00");
  q.grid.setValue(2, 4, "Terkirim 30 Nov 2026 09.00");
  q.grid.setValue(3, 4, "Gagal: alamat tidak sah");
  const sm = w.sheet("SM · Surat Masuk")!;
  sm.grid.setValue(2, 2, 25);
  sm.grid.setValue(3, 2, 5);
  w.fill("Riwayat", [["t", "SM-2026-0002", "Pengingat", "reminder"]], { row: 2 });
  w.fill("Laporan", [["Laporan", "30 Nov 2026"]]);
  const parts = describeRun(before, observe(w), { failed: [], skipped: [] });
  expect(parts).toEqual(["1 pengingat terkirim", "2 email menunggu kuota terkirim", "1 email di Antrean Email gagal dikirim", "Terlambat diperbarui untuk 2 kasus", "Laporan dibuat"]);
  expect(clockSentence("1 hari", "Senin, 30 Nov 2026 09.00 WIB", parts)).toBe(
    "Waktu maju 1 hari (kini Senin, 30 Nov 2026 09.00 WIB). 1 pengingat terkirim, 2 email menunggu kuota terkirim, 1 email di Antrean Email gagal dikirim, Terlambat diperbarui untuk 2 kasus, Laporan dibuat.",
  );
  const again = observe(w);
  w.fill("Laporan", [["Laporan", "1 Des 2026"]]);
  expect(describeRun(again, observe(w), { failed: [], skipped: [] })).toEqual(["Laporan dibangun ulang"]);
});

test("nothing changed, runs left out and failures are said too, with triggers named by schedule", () => {
  const w = world();
  const o = observe(w);
  expect(clockSentence("1 jam", "Senin, 30 Nov 2026 10.00 WIB", describeRun(o, observe(w), { failed: [], skipped: [] }))).toBe("Waktu maju 1 jam (kini Senin, 30 Nov 2026 10.00 WIB). Tidak ada yang berubah.");
  const parts = describeRun(o, observe(w), { failed: [{ name: "pemicu harian pukul 05.00", error: "x" }], skipped: [{ name: "pemicu per jam", runs: 48 }] });
  expect(parts).toEqual(["pemicu per jam hanya dijalankan untuk 48 putaran terakhir", "pemicu harian pukul 05.00 gagal"]);
  expect(triggerName({ eventType: "CLOCK", schedule: { everyHours: 1 } })).toBe("pemicu per jam");
  expect(triggerName({ eventType: "CLOCK", schedule: { everyDays: 1, atHour: 5, timezone: "Asia/Jakarta" } })).toBe("pemicu harian pukul 05.00");
  expect(triggerName({ eventType: "ON_CHANGE", schedule: {} })).toBe("pemicu perubahan sheet");
  expect(triggerName({ eventType: "CLOCK", schedule: { everyMinutes: 15 } })).toBe("pemicu tiap 15 menit");
  expect([spanText(3_600_000), spanText(86_400_000), spanText(604_800_000), spanText(5_400_000)]).toEqual(["1 jam", "1 hari", "1 minggu", "1 jam 30 menit"]);
});
