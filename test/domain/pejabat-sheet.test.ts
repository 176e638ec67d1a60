// The Pejabat sheet (src/domain/pejabat-sheet.ts): the example list, the digest column, and rows read back into officials.
import { DIGEST_HEADER, PEJABAT_HEADERS, digestOn, examplePejabat, readPejabat } from "../../src/domain/pejabat-sheet";
import type { Role } from "../../src/domain/sop";

const role = (id: string, name: string, short: string, external = false): Role => ({ id, name, short, external });
const ROLES = [
  role("kepala-dinas", "Kepala Dinas", "Kadis"),
  role("sekretaris", "Sekretaris", "Sekretaris"),
  role("pemohon", "Pemohon", "Pemohon", true),
  role("jfu", "Jabatan Fungsional Umum", "JFU"),
  role("kasi-data", "Kepala Seksi Data", "Kasi Data"),
  role("staf-data", "Staf Seksi Data", "Staf Data"),
  role("kabid-aptika", "Kepala Bidang Aptika", "Kabid Aptika"),
];

describe("the example list", () => {
  test("one fictional person per internal role, each reporting to the right superior, with unreachable addresses", () => {
    const rows = examplePejabat(ROLES);
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.length === PEJABAT_HEADERS.length)).toBe(true);
    expect(rows[0]).toEqual(["Kepala Dinas", "Kadis (Contoh)", "198001012005011000", "Kepala Dinas", "Penata / III-c", "kepala-dinas@dinas.example", "", "", "", "", "", "", ""]);
    expect(rows.map((r) => [r[5], r[6]])).toEqual([
      ["kepala-dinas@dinas.example", ""],
      ["sekretaris@dinas.example", "kepala-dinas@dinas.example"],
      ["jfu@dinas.example", "kasubbag-umum@dinas.example"],
      ["kasi-data@dinas.example", "kepala-dinas@dinas.example"],
      ["staf-data@dinas.example", "kepala-dinas@dinas.example"],
      ["kabid-aptika@dinas.example", "sekretaris@dinas.example"],
    ]);
    expect(rows.map((r) => r[2].slice(-4))).toEqual(["1000", "1001", "1002", "1003", "1004", "1005"]);
    expect(PEJABAT_HEADERS[12]).toBe(DIGEST_HEADER);
  });
});

describe("the Ringkasan harian column", () => {
  test.each([true, "Ya", " ya ", "Y", "TRUE", "1", 1, "✓"])("%j asks for the digest", (v) => expect(digestOn(v)).toBe(true));
  test.each([false, "", null, undefined, "Tidak", "yaa", "0", 0, "ya tentu", "bukan ya", "Tidak 1"])("%j does not", (v) => expect(digestOn(v)).toBe(false));
});

describe("readPejabat", () => {
  const row = (cells: Record<number, unknown>): (string | number | boolean | { date: string } | null)[] => Array.from({ length: 13 }, (_, i) => (cells[i] ?? "") as string);

  test("reads a person by role name, id or short name (any case), email lower-cased; blank rows are skipped", () => {
    const { officials, problems } = readPejabat(
      [
        row({ 0: "Sekretaris", 1: " Siti ", 2: " 198001012005011001 ", 3: "Sekretaris Dinas", 4: "Pembina", 5: " Siti@Dinas.Example ", 6: "KADIS@dinas.example" }),
        row({}),
        row({ 0: "jfu", 1: "Joko", 5: "joko@dinas.example", 12: "Ya" }),
        row({ 0: "kadis", 1: "Kardi", 5: "kardi@dinas.example", 12: "Tidak" }),
        ["jabatan fungsional umum", null, null, "", "", "dua@dinas.example", null, null, null, null, null, null, null],
        ["JFU", "Pendek", "", "", "", "tiga@dinas.example"],
      ],
      ROLES,
    );
    expect(problems).toEqual([]);
    expect(officials).toEqual([
      { role: "sekretaris", name: "Siti", nip: "198001012005011001", jabatan: "Sekretaris Dinas", pangkat: "Pembina", email: "siti@dinas.example", atasan: "kadis@dinas.example" },
      { role: "jfu", name: "Joko", nip: "", jabatan: "", pangkat: "", email: "joko@dinas.example", atasan: "", digest: true },
      { role: "kepala-dinas", name: "Kardi", nip: "", jabatan: "", pangkat: "", email: "kardi@dinas.example", atasan: "" },
      { role: "jfu", name: "", nip: "", jabatan: "", pangkat: "", email: "dua@dinas.example", atasan: "" },
      { role: "jfu", name: "Pendek", nip: "", jabatan: "", pangkat: "", email: "tiga@dinas.example", atasan: "" },
    ]);
  });

  test("an unknown role or a missing email is reported by sheet row and the row left out", () => {
    const { officials, problems } = readPejabat([row({ 0: "Bupati", 5: "b@x.id" }), row({ 0: "Sekretaris", 1: "Siti" }), row({ 0: "Sekretaris" }), row({ 5: "tanpa-peran@x.id" })], ROLES, 5);
    expect(officials).toEqual([]);
    expect(problems).toEqual([
      'Pejabat baris 5: peran "Bupati" tidak dikenal; pilih dari daftar.',
      "Pejabat baris 6: email Siti kosong; orang ini tidak akan menerima tugas.",
      "Pejabat baris 7: email Sekretaris kosong; orang ini tidak akan menerima tugas.",
      'Pejabat baris 8: peran "" tidak dikenal; pilih dari daftar.',
    ]);
    expect(readPejabat([row({ 0: "Bupati" })], ROLES).problems[0]).toMatch(/^Pejabat baris 2:/);
  });

  test("a Plt. or Plh. with an email acts for the role over its dates; another mark or no email is ignored", () => {
    const acting = (kind: string, email = "plt@dinas.example") =>
      readPejabat([row({ 0: "Sekretaris", 1: "Siti", 5: "siti@dinas.example", 7: kind, 8: "Pak Plt", 9: email, 10: { date: "2026-11-01" } as never, 11: "2026-11-30" })], ROLES).officials[0].acting;
    expect(acting("Plt.")).toEqual({ kind: "Plt.", name: "Pak Plt", email: "plt@dinas.example", from: "2026-11-01", to: "2026-11-30" });
    expect(acting("Plt")?.kind).toBe("Plt.");
    expect(acting("Plh.")?.kind).toBe("Plh.");
    expect(acting("Plh")?.kind).toBe("Plh.");
    expect(acting("Plh", " PLH@Dinas.Example ")?.email).toBe("plh@dinas.example");
    expect(acting("Pjs")).toBeUndefined();
    expect(acting("Plt.", "")).toBeUndefined();
  });
});
