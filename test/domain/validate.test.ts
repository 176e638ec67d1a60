// The catalog validator reports every defect of an SOP at once, with where it is and what to do, in Bahasa Indonesia.
import type { CaseField, Role, Sop, SopStep } from "../../src/domain/sop";
import { BLANK_IDENTITY } from "../../src/domain/sop";
import { catalogWarnings, exitsOf, formatValidationError, MAX_SOP_CHARS, nextStep, stepIndex, validateCatalog, type ValidationError } from "../../src/domain/validate";

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

  it("keeps a code cases were started under for its SOP: another SOP given it is refused, before or after it, and after the owner's Kode changed", () => {
    const owner = sample({ id: "surat-uji", code: "SU" });
    const other = sample({ id: "surat-lain", code: "SU" });
    const owners = { SU: "surat-uji" };
    const taken = 'Kode SOP "SU" sudah dipakai pada nomor kasus SOP surat-uji (SU-…); kode dipakai pada nomor kasus dan harus unik, juga setelah kode SOP itu diganti. Pakai kode lain.';
    // The other SOP's row first: it is still the one refused (without owners, the first row keeps the code).
    expect(validateCatalog([other, owner], ROLES, owners)).toEqual([{ sop: "surat-lain", message: taken }]);
    expect(validateCatalog([owner, other], ROLES, owners)).toEqual([{ sop: "surat-lain", message: taken }]);
    expect(validateCatalog([other, owner], ROLES)).toEqual([{ sop: "surat-uji", message: 'Kode SOP "SU" sudah dipakai SOP surat-lain; kode dipakai pada nomor kasus dan harus unik.' }]);
    // The owner's Kode is now "SB": "SU" is still its cases', so no other SOP may take it.
    expect(validateCatalog([sample({ id: "surat-uji", code: "SB" }), other], ROLES, owners)).toEqual([{ sop: "surat-lain", message: taken }]);
    // The owner keeping its own code is no problem.
    expect(validateCatalog([owner], ROLES, owners)).toEqual([]);
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

describe("validateCatalog: each defect of an edited catalog, word for word", () => {
  const only = (s: Sop) => check(s).map((e) => e.message);

  it("an SOP's ID, title, lanes and steps: each missing or malformed one named, with no step or field where there is none", () => {
    const errors = check(sample({ id: "Surat Uji", title: "  " }));
    expect(errors).toStrictEqual([
      { sop: "Surat Uji", message: 'ID SOP "Surat Uji" harus huruf kecil, angka dan tanda hubung, misalnya "surat-masuk".' },
      { sop: "Surat Uji", message: "Judul SOP kosong." },
    ]);
    // An SOP read from a JSON file may lack a title altogether.
    expect(only({ ...sample(), title: undefined as unknown as string })).toEqual(["Judul SOP kosong."]);
    expect(only(sample({ code: undefined as unknown as string }))).toEqual(['Kode SOP "undefined" harus 2–4 huruf kapital, misalnya "SM".']);
    expect(only(sample({ id: undefined as unknown as string }))).toEqual(['ID SOP "undefined" harus huruf kecil, angka dan tanda hubung, misalnya "surat-masuk".']);
    const laneless = check(sample({ lanes: [], steps: [step("1", "JFU")] }));
    expect(laneless[0]).toStrictEqual({ sop: "surat-uji", message: "SOP tidak memiliki kolom Pelaksana." });
    expect(only(sample({ steps: [] }))).toEqual(["SOP tidak memiliki langkah."]);
  });

  it("lanes: a blank header, one written twice (whatever its spacing and case), one named like a register column", () => {
    const lanes = [
      { header: "JFU", role: "jfu" },
      { header: "KASUBBAG", role: "kasubbag-umum" },
      { header: " ", role: "jfu" },
      { header: "Kasubbag ", role: "kasubbag-umum" },
      { header: "STATUS", role: "jfu" },
    ];
    expect(only(sample({ lanes }))).toEqual([
      "Ada kolom Pelaksana tanpa nama.",
      'Kolom Pelaksana "Kasubbag " tertulis lebih dari sekali.',
      'Nama Pelaksana "STATUS" sama dengan kolom bawaan register; pakai nama lain.',
    ]);
    // Runs of spaces count as one: "KEPALA  DINAS" is "KEPALA DINAS".
    const spaced = [
      { header: "KEPALA DINAS", role: "jfu" },
      { header: "KEPALA  DINAS", role: "jfu" },
    ];
    expect(only(sample({ lanes: [...sample().lanes, ...spaced] }))).toEqual(['Kolom Pelaksana "KEPALA  DINAS" tertulis lebih dari sekali.']);
    // A lane named after no register column is fine, even one that contains such a name.
    expect(only(sample({ lanes: [...sample().lanes, { header: "STATUS SURAT", role: "jfu" }] }))).toEqual([]);
  });

  it("fields: a malformed or missing key, no label, an unknown type, a choice with no options listed at all", () => {
    const s = sample({
      fields: [
        field("Asal Surat", "Asal"),
        { ...field("x", "X"), key: undefined as unknown as string },
        field("tanpaJudul", " "),
        field("lampiran", "Lampiran", { type: "file" as never }),
        field("sifat", "Sifat", { type: "choice" }),
        field("kategori", "Kategori", { type: "choice", options: ["", " "] }),
        field("jenis", "Jenis", { type: "choice", options: ["", "Biasa"] }),
      ],
    });
    expect(check(s)).toStrictEqual([
      { sop: "surat-uji", field: "Asal Surat", message: 'Kunci isian "Asal Surat" harus camelCase tanpa spasi, misalnya "asalSurat".' },
      { sop: "surat-uji", field: "X", message: 'Kunci isian "undefined" harus camelCase tanpa spasi, misalnya "asalSurat".' },
      { sop: "surat-uji", field: "tanpaJudul", message: 'Isian "tanpaJudul" tidak memiliki judul kolom.' },
      { sop: "surat-uji", field: "lampiran", message: 'Jenis isian "file" tidak dikenal; pilih salah satu: text, longtext, date, number, choice, email, person.' },
      { sop: "surat-uji", field: "sifat", message: 'Isian pilihan "Sifat" belum memiliki daftar pilihan.' },
      { sop: "surat-uji", field: "kategori", message: 'Isian pilihan "Kategori" belum memiliki daftar pilihan.' },
    ]);
  });

  it("steps: no number, no wording, no Pelaksana (naming the lanes), an unknown kind, a Ya or Tidak to the step itself", () => {
    const s = sample({
      steps: [
        step("1", "JFU"),
        step(" ", "JFU"),
        step("3", "JFU", { text: " " }),
        step("4", "", {}),
        step("5", "JFU", { kind: "loop" as never }),
        step("7", "KASUBBAG", { kind: "decision", yesTo: "selesai", noTo: "7" }),
        step("8", "KASUBBAG", { kind: "decision", yesTo: "selesai", noTo: "99" }),
      ],
    });
    expect(check(s).map((e) => [e.step, e.message])).toEqual([
      [" ", "Langkah ke-2 tidak bernomor."],
      ["3", "Langkah 3 tidak memiliki uraian kegiatan."],
      ["4", "Langkah 4 belum memiliki Pelaksana; pilih satu dari: JFU, KASUBBAG."],
      ["5", 'Jenis langkah 5 "loop" tidak dikenal; pilih "process" (proses) atau "decision" (keputusan).'],
      ["7", 'Jawaban "Tidak" langkah 7 harus kembali ke langkah sebelumnya, bukan ke langkah 7.'],
      ["8", 'Jawaban "Tidak" langkah 8 kembali ke langkah 99 yang tidak ada.'],
    ]);
    const self = sample({ steps: [step("1", "JFU"), step("2", "KASUBBAG", { kind: "decision", yesTo: "2", noTo: "1" }), step("3", "JFU")] });
    expect(check(self).map((e) => [e.step, e.message])).toEqual([
      ["2", 'Jawaban "Ya" langkah 2 menuju langkah itu sendiri.'],
      ["1", "Dari langkah 1 alur tidak pernah sampai ke akhir SOP; periksa tujuan Ya/Tidak."],
      ["2", "Dari langkah 2 alur tidak pernah sampai ke akhir SOP; periksa tujuan Ya/Tidak."],
    ]);
  });

  it("a step without Waktu (a JSON file that leaves it out) is fine: Waktu may be blank", () => {
    const s = sample();
    delete (s.steps[2] as Partial<SopStep>).waktu;
    expect(check(s)).toEqual([]);
  });

  it("a step numbered like the end of the SOP is refused (a Ya to it would finish the case), and its flow is not judged", () => {
    const s = sample({ steps: [step("1", "JFU"), step("selesai", "JFU", { kind: "decision", yesTo: "9", noTo: "9" })] });
    expect(check(s).map((e) => [e.step, e.message])).toEqual([
      ["selesai", "Nomor langkah selesai tidak boleh dipakai: kata itu menandai akhir SOP. Pakai nomor lain."],
      ["selesai", 'Jawaban "Ya" langkah selesai menuju langkah 9 yang tidak ada.'],
      ["selesai", 'Jawaban "Tidak" langkah selesai kembali ke langkah 9 yang tidak ada.'],
    ]);
  });

  it("an SOP of exactly the most characters a revision may take is kept; one more is refused", () => {
    const s = sample();
    s.steps[0].text = "";
    s.steps[0].text = "A".repeat(MAX_SOP_CHARS - JSON.stringify(s).length);
    expect(JSON.stringify(s).length).toBe(MAX_SOP_CHARS);
    expect(check(s)).toEqual([]);
    s.steps[0].text += "A";
    expect(only(s)).toEqual([`SOP ini terlalu panjang untuk disimpan sebagai revisi (${MAX_SOP_CHARS + 1} karakter; maksimal ${MAX_SOP_CHARS}). Persingkat uraian, kelengkapan atau catatannya.`]);
  });

  it("where the flow can go: a process to the next step or the end, a decision to the exits it names", () => {
    const s = sample();
    expect(exitsOf(s, s.steps[0])).toEqual(["2"]);
    expect(exitsOf(s, s.steps[1])).toEqual(["3", "1"]);
    expect(exitsOf(s, s.steps[2])).toEqual(["selesai"]);
    expect(exitsOf(s, step("2", "KASUBBAG", { kind: "decision", yesTo: "3" }))).toStrictEqual(["3"]);
  });
});

describe("catalogWarnings", () => {
  const sop = (id: string, title: string, texts: string[]): Sop => sample({ id, code: id.slice(0, 2).toUpperCase(), title, steps: texts.map((t, i) => step(String(i + 1), "JFU", { text: t })) });

  it("a step copied word for word from another SOP, naming what only that SOP speaks of, is flagged with both places", () => {
    const web = sop("subdomain", "SOP Subdomain", ["Menerima permohonan", "Menyiapkan server", "Menyerahkan akun hosting dan subdomain", "Mengaktifkan hosting dan subdomain"]);
    const app = sop("aplikasi", "SOP Aplikasi", ["Menerima permohonan", "Menyusun rancangan aplikasi", "Menyerahkan akun hosting dan subdomain"]);
    expect(catalogWarnings([web, app])).toStrictEqual([
      {
        sop: "aplikasi",
        step: "3",
        message:
          'Peringatan: langkah 3 sama persis dengan langkah 3 SOP Subdomain dan menyebut "hosting", "subdomain", yang tidak muncul di bagian lain SOP ini: mungkin baris salinan. Bila bukan bagian SOP ini, isi kolom Aktif langkah ini dengan "Tidak".',
      },
    ]);
  });

  it("the twin named is the first step of the other SOP with that wording", () => {
    const web = sop("subdomain", "SOP Subdomain", ["Menerima permohonan", "Menyerahkan subdomain", "Memeriksa server", "Menyerahkan subdomain"]);
    const app = sop("aplikasi", "SOP Aplikasi", ["Menerima permohonan", "Menyerahkan subdomain"]);
    expect(catalogWarnings([web, app]).map((w) => w.message.slice(0, 52))).toEqual(["Peringatan: langkah 2 sama persis dengan langkah 2 S"]);
  });

  it("words of five letters count, shorter ones and words common to every SOP do not; SOPs that share nothing give no warning", () => {
    const a = sop("rapat", "SOP Rapat", ["Membuat notulen", "Mengirim paraf"]);
    const b = sop("tte", "SOP TTE", ["Memberi paraf", "Mengirim paraf"]);
    expect(catalogWarnings([a, b]).map((w) => [w.sop, w.step, w.message.match(/menyebut "([^"]*)"/)?.[1]])).toEqual([["rapat", "2", "paraf"]]);
    const c = sop("kirim", "SOP Kirim", ["Mengirim surat kepada dinas"]);
    const d = sop("arsip", "SOP Arsip", ["Mengirim surat kepada dinas", "Mengarsipkan"]);
    expect(catalogWarnings([c, d])).toEqual([]);
    const e = sop("tik", "SOP TIK", ["Membuat notulen", "Mengirim tte"]);
    const f = sop("sdm", "SOP SDM", ["Memasang tte", "Mengirim tte"]);
    expect(catalogWarnings([e, f])).toEqual([]);
  });

  it("a step holding no word at all (a dash) is no copied row", () => {
    const a = sop("rapat", "SOP Rapat", ["Membuat notulen", "-"]);
    const b = sop("tte", "—", ["-", "…"]);
    expect(catalogWarnings([a, b])).toEqual([]);
  });
});
