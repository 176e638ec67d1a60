// The catalog validator reports every defect of an SOP at once, with where it is and what to do, in Bahasa Indonesia.
import type { CaseField, Role, Sop, SopStep } from "../../src/domain/sop";
import { BLANK_IDENTITY } from "../../src/domain/sop";
import { formatValidationError, nextStep, stepIndex, validateCatalog, type ValidationError } from "../../src/domain/validate";

const ROLES: Role[] = [
  { id: "jfu", name: "Jabatan Fungsional Umum", short: "JFU", external: false },
  { id: "kasubbag-umum", name: "Kasubbag Umum", short: "Kasubbag", external: false },
  { id: "pemohon", name: "Pemohon", short: "Pemohon", external: true },
];

const step = (no: string, role: string, extra: Partial<SopStep> = {}): SopStep => ({
  no,
  text: `Kegiatan ${no}`,
  role,
  roleInferred: false,
  kind: "process",
  kelengkapan: [],
  waktu: "15 Menit",
  output: "",
  keterangan: "",
  ...extra,
});

const field = (key: string, label: string, extra: Partial<CaseField> = {}): CaseField => ({ key, label, type: "text", required: false, ...extra });

/** A small valid SOP: JFU drafts, Kasubbag checks (Tidak → back to 1), JFU sends. */
function sample(over: Partial<Sop> = {}): Sop {
  return {
    id: "surat-uji",
    code: "SU",
    title: "SOP Surat Uji",
    shortTitle: "Surat Uji",
    unit: "sekretariat",
    unitName: "Sekretariat",
    identity: { ...BLANK_IDENTITY },
    lanes: [
      { header: "JFU", role: "jfu" },
      { header: "KASUBBAG", role: "kasubbag-umum" },
    ],
    fields: [field("perihal", "Perihal", { required: true }), field("sifat", "Sifat", { type: "choice", options: ["Biasa", "Segera"] })],
    steps: [step("1", "JFU", { waktu: "2 Hari" }), step("2", "KASUBBAG", { kind: "decision", yesTo: "3", noTo: "1", waktu: "10 - 20 Menit" }), step("3", "JFU", { waktu: "" })],
    notes: [],
    ...over,
  };
}

const check = (...sops: Sop[]): ValidationError[] => validateCatalog(sops, ROLES);
const messages = (errors: ValidationError[]) => errors.map((e) => e.message);

describe("validateCatalog", () => {
  it("accepts a well-formed SOP", () => {
    expect(check(sample())).toEqual([]);
  });

  it("reports an SOP too long to keep as a revision in one cell of Arsip SOP (a step text pasted 50,000 characters long)", () => {
    const s = sample();
    s.steps[0].text = "A".repeat(50_000);
    expect(check(s)).toMatchObject([{ sop: "surat-uji", message: expect.stringMatching(/terlalu panjang untuk disimpan sebagai revisi \(\d+ karakter; maksimal 45000\)/) }]);
  });

  it("accepts a decision whose Ya ends the SOP", () => {
    const s = sample({ steps: [step("1", "JFU"), step("2", "KASUBBAG", { kind: "decision", yesTo: "selesai", noTo: "1" })] });
    expect(check(s)).toEqual([]);
  });

  it("reports a step whose Pelaksana is not one of the SOP's lanes, naming the lanes", () => {
    const s = sample();
    s.steps[0].role = "KEPALA DINAS";
    expect(check(s)).toEqual([
      { sop: "surat-uji", step: "1", message: 'Pelaksana "KEPALA DINAS" pada langkah 1 bukan salah satu kolom Pelaksana SOP ini (JFU, KASUBBAG).' },
    ]);
  });

  it("reports a step with no Pelaksana", () => {
    const s = sample();
    s.steps[2].role = "";
    expect(check(s)).toMatchObject([{ step: "3", message: expect.stringContaining("belum memiliki Pelaksana") }]);
  });

  it("reports a lane mapped to a role that does not exist", () => {
    const s = sample({ lanes: [{ header: "JFU", role: "jfu" }, { header: "KASUBBAG", role: "kasubag" }] });
    expect(messages(check(s))).toEqual(['Pelaksana "KASUBBAG" dipetakan ke peran "kasubag" yang tidak ada di daftar peran.']);
  });

  it("reports decisions without both exits, with targets that do not exist, or returning forward", () => {
    const s = sample({
      steps: [
        step("1", "JFU"),
        step("2", "KASUBBAG", { kind: "decision", yesTo: "3" }),
        step("3", "KASUBBAG", { kind: "decision", yesTo: "9", noTo: "1" }),
        step("4", "KASUBBAG", { kind: "decision", yesTo: "5", noTo: "5" }),
        step("5", "JFU", { kind: "decision", noTo: "4" }),
      ],
    });
    const errors = check(s);
    expect(errors.filter((e) => e.step === "2").map((e) => e.message)).toContain('Langkah keputusan 2 tidak menyebut ke langkah mana jawaban "Tidak" kembali.');
    expect(errors.filter((e) => e.step === "3").map((e) => e.message)).toContain('Jawaban "Ya" langkah 3 menuju langkah 9 yang tidak ada.');
    expect(errors.filter((e) => e.step === "4").map((e) => e.message)).toContain('Jawaban "Tidak" langkah 4 harus kembali ke langkah sebelumnya, bukan ke langkah 5.');
    expect(errors.filter((e) => e.step === "5").map((e) => e.message)).toContain('Langkah keputusan 5 tidak menyebut ke mana jawaban "Ya" menuju.');
  });

  it("reports a process step that carries Ya/Tidak targets", () => {
    const s = sample();
    s.steps[0].yesTo = "2";
    expect(check(s)).toMatchObject([{ step: "1", message: expect.stringContaining("adalah proses, tetapi memiliki tujuan Ya/Tidak") }]);
  });

  it("reports steps from which the flow never reaches the end", () => {
    // 3 always returns to 2 and 2 always to 1 or 3: a loop with no way out.
    const s = sample({
      steps: [
        step("1", "JFU"),
        step("2", "KASUBBAG", { kind: "decision", yesTo: "3", noTo: "1" }),
        step("3", "JFU", { kind: "decision", yesTo: "2", noTo: "2" }),
      ],
    });
    const stuck = check(s).filter((e) => e.message.includes("tidak pernah sampai ke akhir"));
    expect(stuck.map((e) => e.step)).toEqual(["1", "2", "3"]);
  });

  it("reports duplicate step numbers", () => {
    const s = sample({ steps: [step("1", "JFU"), step("1", "KASUBBAG"), step("2", "JFU")] });
    expect(messages(check(s))).toEqual(["Nomor langkah 1 dipakai lebih dari sekali."]);
  });

  it("reports an unreadable Waktu naming the cell's text", () => {
    const s = sample();
    s.steps[1].waktu = "1 Minggu";
    expect(check(s)).toEqual([{ sop: "surat-uji", step: "2", message: 'Waktu "1 Minggu" tidak dikenali; tulis misalnya "30 Menit", "2 Jam" atau "1 Hari"' }]);
  });

  it("reports duplicate SOP ids and codes, and badly formed codes", () => {
    const a = sample();
    const b = sample({ code: "SX" });
    const c = sample({ id: "surat-lain" });
    const d = sample({ id: "surat-keempat", code: "Sm" });
    const e = sample({ id: "surat-kelima", code: "ABCDE" });
    const errors = check(a, b, c, d, e);
    expect(errors).toEqual([
      { sop: "surat-uji", message: 'ID SOP "surat-uji" dipakai lebih dari satu SOP.' },
      { sop: "surat-lain", message: 'Kode SOP "SU" sudah dipakai SOP surat-uji; kode dipakai pada nomor kasus dan harus unik.' },
      { sop: "surat-keempat", message: 'Kode SOP "Sm" harus 2–4 huruf kapital, misalnya "SM".' },
      { sop: "surat-kelima", message: 'Kode SOP "ABCDE" harus 2–4 huruf kapital, misalnya "SM".' },
    ]);
  });

  it("reports field problems: duplicate keys, choices without options, labels that clash with lanes or system columns", () => {
    const s = sample({
      fields: [
        field("perihal", "Perihal"),
        field("perihal", "Perihal Lain"),
        field("sifat", "Sifat", { type: "choice", options: [] }),
        field("petugas", "jfu"),
        field("status", "status"),
        field("nomor", "Nomor"),
        field("nomor2", " NOMOR "),
      ],
    });
    expect(check(s)).toEqual([
      { sop: "surat-uji", field: "perihal", message: 'Kunci isian "perihal" dipakai lebih dari sekali.' },
      { sop: "surat-uji", field: "sifat", message: 'Isian pilihan "Sifat" belum memiliki daftar pilihan.' },
      { sop: "surat-uji", field: "petugas", message: 'Judul kolom "jfu" sama dengan kolom Pelaksana; pakai nama lain.' },
      { sop: "surat-uji", field: "status", message: 'Judul kolom "status" sama dengan kolom bawaan register; pakai nama lain.' },
      { sop: "surat-uji", field: "nomor2", message: 'Judul kolom " NOMOR " dipakai oleh dua isian; kolom register dicari menurut judulnya.' },
    ]);
  });

  it("lets the Pemohon field share its name with the PEMOHON lane it identifies, but not another field", () => {
    const lanes = [...sample().lanes, { header: "PEMOHON", role: "pemohon" }];
    expect(check(sample({ lanes, fields: [field("pemohon", "Pemohon")] }))).toEqual([]);
    expect(messages(check(sample({ lanes, fields: [field("namaPemohon", "Pemohon")] })))).toEqual(['Judul kolom "Pemohon" sama dengan kolom Pelaksana; pakai nama lain.']);
  });

  it("reports everything at once across SOPs, each with its place", () => {
    const a = sample();
    a.steps[0].waktu = "lama";
    a.steps[2].role = "SEKRETARIS";
    const b = sample({ id: "surat-dua", code: "SD" });
    b.steps[1].noTo = "7";
    const errors = check(a, b);
    expect(errors.map((e) => [e.sop, e.step])).toEqual([
      ["surat-uji", "1"],
      ["surat-uji", "3"],
      ["surat-dua", "2"],
    ]);
  });

  it("formats an error with its place for the command line", () => {
    expect(formatValidationError({ sop: "surat-uji", step: "2", message: "Ada masalah." })).toBe("SOP surat-uji, langkah 2: Ada masalah.");
    expect(formatValidationError({ sop: "surat-uji", field: "sifat", message: "Ada masalah." })).toBe("SOP surat-uji, isian sifat: Ada masalah.");
  });
});

describe("flow helpers", () => {
  it("finds a step's position and the step after it", () => {
    const s = sample({ steps: [step("1", "JFU"), step("7", "JFU"), step("7a", "KASUBBAG")] });
    expect(stepIndex(s, "7a")).toBe(2);
    expect(stepIndex(s, "8")).toBe(-1);
    expect(nextStep(s, "1")).toBe("7");
    expect(nextStep(s, "7")).toBe("7a");
    expect(nextStep(s, "7a")).toBeNull();
    expect(nextStep(s, "99")).toBeNull();
  });
});
