// Riwayat rows cell by cell (src/domain/riwayat.ts): what is written, what is read back, what a row's hash covers,
// and how the chain check reports a row Alur could not have written.
import { createHash } from "node:crypto";
import type { LogEntry } from "../../src/domain/case";
import { ACTION_LABEL, RIWAYAT_HEADERS, canonical, chainHash, parseRiwayatRow, riwayatRow, verifyChain } from "../../src/domain/riwayat";

const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const AT = Date.UTC(2026, 10, 2, 1, 30, 15, 250);
const entry: LogEntry = { at: AT, caseId: "SM-2026-0001", sopId: "surat-masuk", stepNo: "2", role: "JFU", actor: "jfu@dinas.example", actingFor: "Plh. Sekretaris (Siti)", action: "return", note: "Lampiran kurang", minutes: 45, standard: 30, channel: "email" };

describe("a Riwayat row", () => {
  test("is written with the time as a date cell, the action in words and an empty Standar when there is none", () => {
    expect(riwayatRow(entry, "h1")).toEqual([{ dateTime: AT }, "SM-2026-0001", "surat-masuk", "2", "JFU", "jfu@dinas.example", "Plh. Sekretaris (Siti)", "Kembalikan", "Lampiran kurang", 45, 30, "email", "h1"]);
    expect(riwayatRow({ ...entry, standard: null }, "h")[10]).toBe("");
    expect(RIWAYAT_HEADERS).toHaveLength(13);
  });

  test("reads back to the same entry for every action", () => {
    for (const action of Object.keys(ACTION_LABEL) as LogEntry["action"][]) {
      const e = { ...entry, action };
      expect(parseRiwayatRow(riwayatRow(e, "abc"))).toEqual({ entry: e, hash: "abc" });
    }
    const none = { ...entry, standard: null, minutes: 0 };
    expect(parseRiwayatRow(riwayatRow(none, "x"))?.entry).toEqual(none);
  });

  test("cells as a person might leave them read as text, minutes as a number (0 when not one), Standar as a number or none", () => {
    const r = parseRiwayatRow([{ dateTime: AT }, null, 7, null, "JFU", "a@b.id", null, "Mulai", null, "abc", "15", null, null]);
    expect(r).toEqual({ entry: { at: AT, caseId: "", sopId: "7", stepNo: "", role: "JFU", actor: "a@b.id", actingFor: "", action: "start", note: "", minutes: 0, standard: 15, channel: "" }, hash: "" });
    expect(parseRiwayatRow([{ dateTime: AT }, "x", "s", "1", "", "", "", "Mulai", "", "12", null, "sidebar", "h"])?.entry).toMatchObject({ minutes: 12, standard: null });
    expect(parseRiwayatRow([{ dateTime: AT }, "x", "s", "1", "", "", "", "Mulai", "", 12, 0, "sidebar", "h"])?.entry.standard).toBe(0);
    // A row cut short after Aksi: the missing cells read as empty.
    const short = parseRiwayatRow([{ dateTime: AT }, "x", "s", "1", "JFU", "a@b.id", "", "Mulai"]);
    expect(short && [short.entry.note, short.entry.minutes, short.entry.channel, short.hash]).toEqual(["", 0, "", ""]);
  });

  test("is not Alur's without a time cell or a known action", () => {
    expect(parseRiwayatRow(["2026-11-02", "x", "s", "1", "", "", "", "Mulai", "", 0, "", "sidebar", "h"])).toBeNull();
    expect(parseRiwayatRow([{ date: "2026-11-02" }, "x", "s", "1", "", "", "", "Mulai", "", 0, "", "sidebar", "h"])).toBeNull();
    expect(parseRiwayatRow([null, "x", "s", "1", "", "", "", "Mulai", "", 0, "", "sidebar", "h"])).toBeNull();
    expect(parseRiwayatRow([{ dateTime: Number.NaN }, "x", "s", "1", "", "", "", "Mulai", "", 0, "", "sidebar", "h"])).toBeNull();
    expect(parseRiwayatRow([{ dateTime: AT }, "x", "s", "1", "", "", "", "start", "", 0, "", "sidebar", "h"])).toBeNull();
    expect(parseRiwayatRow([{ dateTime: AT }, "x", "s", "1", "", "", "", null, "", 0, "", "sidebar", "h"])).toBeNull();
  });
});

describe("what a hash covers", () => {
  test("every column, the time in whole seconds (a date cell keeps no more)", () => {
    expect(canonical(entry)).toBe(["2026-11-02T01:30:15.000Z", "SM-2026-0001", "surat-masuk", "2", "JFU", "jfu@dinas.example", "Plh. Sekretaris (Siti)", "return", "Lampiran kurang", "45", "30", "email"].join("\u001f"));
    expect(canonical({ ...entry, standard: null }).endsWith("\u001f45\u001f\u001femail")).toBe(true);
    const h = chainHash("prev", entry, sha);
    expect(h).toBe(sha(`prev\u001e${canonical(entry)}`).slice(0, 32));
    expect(h).toHaveLength(32);
    expect(chainHash("prev", { ...entry, at: AT - 250 + 999 }, sha)).toBe(h);
    expect(chainHash("prev", { ...entry, at: AT + 1000 }, sha)).not.toBe(h);
  });
});

describe("verifyChain", () => {
  const rows = () => {
    let prev = "";
    return [entry, { ...entry, stepNo: "3", action: "complete" as const }, { ...entry, stepNo: "4" }].map((e) => {
      prev = chainHash(prev, e, sha);
      return riwayatRow(e, prev) as (string | number | { dateTime: number } | null)[];
    });
  };

  test("names a changed row by case and step, counting rows from where the data starts", () => {
    const r = rows();
    r[1][5] = "orang-lain@dinas.example";
    expect(verifyChain(r, sha, 10)).toEqual([{ row: 11, message: "Baris 11 (SM-2026-0001, langkah 3) diubah, disisipkan atau baris sebelumnya dihapus setelah dicatat." }]);
  });

  test("a row that is not Alur's is reported, and the chain goes on from the hash it holds", () => {
    const r = rows();
    r[1][7] = "Dihapus";
    expect(verifyChain(r, sha)).toEqual([{ row: 3, message: "Baris 3 bukan catatan Alur yang utuh (waktu atau aksi tidak terbaca)." }]);
    const short = rows();
    short[1] = [null, "x"];
    expect(verifyChain(short, sha).map((p) => p.row)).toEqual([3, 4]);
    // After a row without a hash, the chain starts again from nothing.
    const restart = rows();
    restart[1] = [null, "x"];
    const third = { ...entry, stepNo: "4" };
    restart[2] = riwayatRow(third, chainHash("", third, sha)) as (string | number | { dateTime: number } | null)[];
    expect(verifyChain(restart, sha).map((p) => p.row)).toEqual([3]);
  });
});
