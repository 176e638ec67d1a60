// The SOP sheets round-trip the built-in catalog exactly, and admin mistakes are reported where they are.
import { CATALOG } from "../../src/catalog";
import { ROLES } from "../../src/catalog/roles";
import { BLANK_IDENTITY, type Sop } from "../../src/domain/sop";
import { canonicalJson, IDENTITY_HEADERS, identityRow, readSopSheets, SOP_HEADERS, sopRevision, stepRows } from "../../src/domain/sop-sheet";
import { catalogWarnings, validateCatalog } from "../../src/domain/validate";

const normalise = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe("SOP sheets", () => {
  test("all 28 SOPs survive the trip into the sheets and back, unchanged and valid", () => {
    const identity = CATALOG.map((s) => identityRow(s));
    const steps = CATALOG.flatMap(stepRows);
    const read = readSopSheets(identity, steps);
    expect(read.errors).toEqual([]);
    expect(read.active).toHaveLength(28);
    expect(read.sops.map(normalise)).toEqual(CATALOG.map(normalise));
    expect(read.sops.map((s) => sopRevision(s))).toEqual(CATALOG.map((s) => sopRevision(s)));
    expect(validateCatalog(read.sops, ROLES)).toEqual([]);
  });

  test("an admin's edit changes the revision, and a broken edit is reported with sheet, row and column", () => {
    const sk = CATALOG.find((s) => s.id === "surat-keluar")!;
    const steps = stepRows(sk);
    steps[1][8] = "3 Jam";
    const edited = readSopSheets([identityRow(sk)], steps).sops[0];
    expect(sopRevision(edited)).not.toBe(sopRevision(sk));
    const identity = [identityRow(sk)];
    identity[0][7] = "SEKRETARIS sekretaris";
    steps[2][4] = "Mungkin";
    const bad = readSopSheets(identity, steps);
    expect(bad.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: "SOP Identitas", row: 2, column: "Pelaksana" }),
        expect.objectContaining({ sheet: "SOP", row: 4, column: "Jenis", message: expect.stringContaining("Proses atau Keputusan") }),
      ]),
    );
  });

  test("a step switched off in the Aktif column is no part of the SOP; values Alur completed and the signer survive the trip", () => {
    const pa = CATALOG.find((s) => s.id === "pengembangan-aplikasi")!;
    const aktif = SOP_HEADERS.indexOf("Aktif");
    const steps = stepRows(pa);
    expect(steps.every((r) => r[aktif] === "Ya")).toBe(true);
    expect(steps.find((r) => r[1] === "6")?.[SOP_HEADERS.indexOf("Dilengkapi Alur")]).toBe("Kelengkapan, Output");
    const nine = steps.findIndex((r) => r[1] === "9");
    steps[nine][aktif] = "Tidak";
    const read = readSopSheets([identityRow(pa)], steps).sops[0];
    expect(read.steps.map((s) => s.no)).not.toContain("9");
    expect(read.steps.find((s) => s.no === "6")?.completed).toEqual(["kelengkapan", "output"]);
    expect(validateCatalog([read], ROLES)).toEqual([]);
    // A blank Aktif (a sheet made before the column existed) keeps the step.
    steps[nine][aktif] = "";
    expect(readSopSheets([identityRow(pa)], steps).sops[0].steps.map((s) => s.no)).toContain("9");
    const signed = { ...pa, identity: { ...pa.identity, disahkanOleh: "KEPALA DINAS", pengesahNama: "Budi", pengesahPangkat: "Pembina / IV-a", pengesahNip: "1970" } };
    expect(normalise(readSopSheets([identityRow(signed)], stepRows(signed)).sops[0].identity)).toEqual(normalise(signed.identity));
  });
});

describe("catalog warnings", () => {
  test("Pengembangan Aplikasi's subdomain step reads like a row copied from another SOP; switching it off ends the warning", () => {
    const warnings = catalogWarnings(CATALOG);
    expect(warnings).toContainEqual(expect.objectContaining({ sop: "pengembangan-aplikasi", step: "9", message: expect.stringContaining('menyebut "subdomain"') }));
    expect(warnings.find((w) => w.sop === "subdomain")).toBeUndefined();
    // Shared wording between SOPs of the same kind (Memeriksa berkas, Penandatanganan berkas, SPP's first step) is no warning.
    expect(warnings.map((w) => w.sop)).not.toEqual(expect.arrayContaining(["spp-gu", "spp-ls-gaji", "data-reklame", "jasa-titipan"]));
    const pa = CATALOG.find((s) => s.id === "pengembangan-aplikasi")!;
    const off = { ...pa, steps: pa.steps.filter((s) => s.no !== "9") };
    expect(catalogWarnings(CATALOG.map((s) => (s === pa ? off : s))).find((w) => w.sop === "pengembangan-aplikasi")).toBeUndefined();
  });

  test("Keterkaitan is prefilled from the SOPs the Keterangan column names", () => {
    const by = (id: string) => CATALOG.find((s) => s.id === id)!.identity.keterkaitan;
    expect(by("rka")).toBe("SOP Rapat Internal (langkah 4)");
    expect(by("renstra")).toBe("SOP Renja (langkah 1); SOP Rapat Internal (langkah 4)");
    expect(by("lakip")).toMatch(/^SOP Perjanjian Kinerja \(langkah \d+, \d+\)$/);
    expect(by("surat-masuk")).toBe("");
  });
});

// Small literal rows, as an admin would type them into the two sheets.

const tiny = (over: Partial<Sop> = {}): Sop => ({
  id: "uji",
  code: "UJ",
  title: "SOP Uji",
  shortTitle: "Uji",
  unit: "bidang",
  unitName: "Bidang Aplikasi",
  identity: { ...BLANK_IDENTITY, nomor: "800/1", pencatatan: "Buku agenda" },
  lanes: [
    { header: "JFU", role: "jfu" },
    { header: "KEPALA BIDANG", role: "kepala-bidang" },
  ],
  fields: [{ key: "perihal", label: "Perihal", type: "text", required: true }],
  steps: [
    { no: "1", text: "Menyusun konsep", role: "JFU", roleInferred: true, kind: "process", kelengkapan: ["ATK", "Komputer"], waktu: "2 Jam", output: "Konsep", keterangan: "SOP Rapat", letters: ["nota-dinas", "undangan"], notes: ["a", "b"], completed: ["waktu", "output"] },
    { no: "2", text: "Memeriksa konsep", role: "KEPALA BIDANG", roleInferred: false, kind: "decision", yesTo: "selesai", noTo: "1", yesLabel: "Lengkap", kelengkapan: [], waktu: "", output: "", keterangan: "" },
  ],
  notes: ["Catatan satu", "Catatan dua"],
  ...over,
});

/** An SOP Identitas row and SOP rows with the given cells changed (by header). */
const identityWith = (cells: Record<string, string | boolean | null>, sop = tiny()) => {
  const r = identityRow(sop) as (string | boolean | null)[];
  for (const [h, v] of Object.entries(cells)) r[IDENTITY_HEADERS.indexOf(h)] = v;
  return r;
};
const stepWith = (cells: Partial<Record<(typeof SOP_HEADERS)[number], string | null>>, row = stepRows(tiny())[1]) => {
  const r = [...row] as (string | null)[];
  for (const [h, v] of Object.entries(cells)) r[SOP_HEADERS.indexOf(h as (typeof SOP_HEADERS)[number])] = v as string | null;
  return r;
};

describe("SOP sheets, cell by cell", () => {
  test("a step is written as the admin reads it: kind in words, lists joined, the decision's own labels", () => {
    const [one, two] = stepRows(tiny());
    expect(one).toEqual(["uji", "1", "Menyusun konsep", "JFU", "Proses", "", "", "ATK; Komputer", "2 Jam", "Konsep", "SOP Rapat", "nota-dinas, undangan", "Ya", "a | b", "", "Ya", "Waktu, Output"]);
    expect(two).toEqual(["uji", "2", "Memeriksa konsep", "KEPALA BIDANG", "Keputusan", "selesai", "1", "", "", "", "", "", "Tidak", "", "Lengkap / Tidak", "Ya", ""]);
    const onlyNo = stepRows(tiny({ steps: [{ ...tiny().steps[1], yesLabel: undefined, noLabel: "Belum" }] }))[0];
    expect(onlyNo[SOP_HEADERS.indexOf("Label keputusan")]).toBe("Ya / Belum");
    const every = stepRows(tiny({ steps: [{ ...tiny().steps[0], completed: ["langkah", "uraian", "kelengkapan"] }] }))[0];
    expect(every[SOP_HEADERS.indexOf("Dilengkapi Alur")]).toBe("Langkah, Uraian, Kelengkapan");
  });

  test("an SOP's identity row: lanes as 'HEADER = role', fields as JSON, blanks where the identity has no value, the signer last", () => {
    const row = identityRow(tiny(), false);
    expect(row).toEqual([
      "uji", "UJ", "SOP Uji", "Uji", "bidang", "Bidang Aplikasi", false, "JFU = jfu; KEPALA BIDANG = kepala-bidang", JSON.stringify(tiny().fields),
      "800/1", "", "", "", "", "", "", "", "", "", "Buku agenda", "Catatan satu | Catatan dua", "", "", "",
    ]);
    expect(row).toHaveLength(IDENTITY_HEADERS.length);
    expect(identityRow(tiny())[6]).toBe(true);
    // An identity that lacks a key (an older catalog file) leaves its cell blank rather than writing "undefined".
    const partial = tiny({ identity: { nomor: "9" } as never });
    expect(identityRow(partial).slice(9, 12)).toEqual(["9", "", ""]);
  });

  test("the rows read back into the same SOP, from any first row", () => {
    const read = readSopSheets([identityRow(tiny())], stepRows(tiny()), 5);
    expect(read.errors).toEqual([]);
    expect(read.active).toEqual(["uji"]);
    expect(normalise(read.sops)).toEqual(normalise([{ ...tiny(), steps: [tiny().steps[0], { ...tiny().steps[1], noLabel: "Tidak" }] }]));
  });

  test("SOP Identitas as typed: a blank ID skips the row but counts it, a short title falls back to the title, unit and Aktif words", () => {
    const rows = [
      identityWith({ SOP: " ", Kode: "XX" }),
      identityWith({ "Judul singkat": "", Unit: "Bidang", Aktif: "ya", Catatan: "satu | dua|tiga" }),
      identityWith({ SOP: "b", Unit: "sekretariat", Aktif: "TRUE" }),
      identityWith({ SOP: "c", Aktif: "1" }),
      identityWith({ SOP: "d", Aktif: "Tidak" }),
      identityWith({ SOP: "e", Aktif: "yak" }),
      identityWith({ SOP: "f", Aktif: false }),
      identityWith({ SOP: "g", Aktif: null, Pelaksana: "JFU = jfu; KASUBBAG kasubbag; = x; A=b", Isian: '{"key":"x"}' }),
    ];
    const read = readSopSheets(rows, []);
    expect(read.sops.map((s) => s.id)).toEqual(["uji", "b", "c", "d", "e", "f", "g"]);
    expect(read.active).toEqual(["uji", "b", "c"]);
    const uji = read.sops[0];
    expect([uji.shortTitle, uji.unit, uji.notes]).toEqual(["SOP Uji", "sekretariat", ["satu", "dua|tiga"]]);
    expect(read.sops[1].unit).toBe("sekretariat");
    expect(read.sops[2].unit).toBe("bidang");
    expect(read.sops[6].lanes).toEqual([{ header: "JFU", role: "jfu" }, { header: "", role: "x" }, { header: "A", role: "b" }]);
    expect(read.sops[6].fields).toEqual([]);
    expect(read.errors).toEqual([
      { sheet: "SOP Identitas", row: 9, column: "Pelaksana", sop: "g", message: 'Pelaksana "KASUBBAG kasubbag" harus ditulis "JUDUL KOLOM = id-peran".' },
      { sheet: "SOP Identitas", row: 9, column: "Isian", sop: "g", message: "Kolom Isian harus JSON daftar isian yang sah." },
    ]);
    const broken = readSopSheets([identityWith({ Isian: "[{" })], []);
    expect(broken.errors.map((e) => e.message)).toEqual(["Kolom Isian harus JSON daftar isian yang sah."]);
    // A blank Isian is an SOP without fields of its own, not an error.
    expect(readSopSheets([identityWith({ Isian: "" })], []).errors).toEqual([]);
    expect(readSopSheets([identityWith({ Isian: "" })], []).sops[0].fields).toEqual([]);
  });

  test("a row cut short (its last cells never written) reads as blanks, and words must fill their cell to count", () => {
    const identity = [identityWith({ SOP: "pendek" }).slice(0, 3), identityWith({ SOP: "hanya", Aktif: "Hanya", Pelaksana: "JFU = jfu umum" })];
    const read = readSopSheets(identity, [["pendek", "1", "Menerima"], stepWith({ No: "x", Aktif: "10", "Pelaksana disimpulkan": "Bukan tidak" }, stepRows(tiny({ id: "hanya" }))[0])]);
    expect(read.active).toEqual([]);
    const short = read.sops[0];
    expect([short.shortTitle, short.unitName, short.notes, short.identity.nomor, short.lanes, short.fields]).toEqual(["SOP Uji", "", [], "", [], []]);
    expect(short.steps).toEqual([{ no: "1", text: "Menerima", role: "", roleInferred: true, kind: "process", kelengkapan: [], waktu: "", output: "", keterangan: "" }]);
    expect(read.sops[1].steps.map((st) => [st.no, st.roleInferred])).toEqual([["x", true]]);
    // A cell read as null (a column the sheet lacks) is blank too.
    expect(readSopSheets([identityWith({ "Nama unit": null, Catatan: null })], []).sops[0]).toMatchObject({ unitName: "", notes: [] });
    expect(read.errors.map((e) => e.message)).toEqual(['Pelaksana "JFU = jfu umum" harus ditulis "JUDUL KOLOM = id-peran".']);
  });

  test("the signer's cells are kept only when filled, so an SOP without them keeps its revision", () => {
    const cells = { "Nama pengesah": " Budi ", "Pangkat/Gol. pengesah": "", "NIP pengesah": "1970" };
    const read = readSopSheets([identityWith(cells)], []).sops[0].identity;
    expect(read.pengesahNama).toBe("Budi");
    expect("pengesahPangkat" in read).toBe(false);
    expect(read.pengesahNip).toBe("1970");
    expect(read.pencatatan).toBe("Buku agenda");
  });

  test("SOP rows as typed: unknown SOP, Aktif words, kind words, inferred Pelaksana, decision labels, lists", () => {
    const steps = [
      stepWith({ SOP: "" }),
      stepWith({ SOP: "lain" }),
      stepWith({ No: "a", Aktif: "TIDAK" }),
      stepWith({ No: "b", Aktif: "false" }),
      stepWith({ No: "c", Aktif: "0" }),
      stepWith({ No: "d", Aktif: "No" }),
      stepWith({ No: "e", Aktif: "Notes" }),
      stepWith({ No: "f", Jenis: "keputusan", "Label keputusan": "Ya / Tidak", "Pelaksana disimpulkan": "tidak" }),
      stepWith({ No: "g", Jenis: "PROSES", "Ya ke": "9", "Label keputusan": "Lengkap / Belum", "Pelaksana disimpulkan": "" }),
      stepWith({ No: "h", Jenis: "Mungkin", "Pelaksana disimpulkan": "Tidak tahu" }),
      stepWith({ No: "i", Jenis: "", "Label keputusan": "Lengkap / ", Kelengkapan: " ATK ;; Map ", Surat: "nota-dinas,, undangan", Catatan: "x | y|z", "Dilengkapi Alur": "Waktu; output, lainnya,KELENGKAPAN" }),
      stepWith({ No: "j", Jenis: "Kep.", "Label keputusan": "Lengkap / Belum / Lain" }),
      stepWith({ No: "k", Jenis: "keputusan", "Label keputusan": "Ya / Belum" }),
      stepWith({ No: "l", Jenis: "keputusan", "Label keputusan": "/ Belum" }),
    ];
    const read = readSopSheets([identityRow(tiny())], steps, 10);
    expect(read.errors).toEqual([
      { sheet: "SOP", row: 11, column: "SOP", sop: "lain", message: 'SOP "lain" tidak ada di sheet SOP Identitas.' },
      { sheet: "SOP", row: 19, column: "Jenis", sop: "uji", message: 'Jenis "Mungkin" tidak dikenal; tulis Proses atau Keputusan.' },
    ]);
    const by = new Map(read.sops[0].steps.map((s) => [s.no, s]));
    expect([...by.keys()]).toEqual(["e", "f", "g", "h", "i", "j", "k", "l"]);
    expect(by.get("f")).toEqual({ no: "f", text: "Memeriksa konsep", role: "KEPALA BIDANG", roleInferred: false, kind: "decision", yesTo: "selesai", noTo: "1", kelengkapan: [], waktu: "", output: "", keterangan: "" });
    expect(by.get("g")).toEqual({ no: "g", text: "Memeriksa konsep", role: "KEPALA BIDANG", roleInferred: true, kind: "process", kelengkapan: [], waktu: "", output: "", keterangan: "" });
    expect(by.get("h")).toMatchObject({ kind: "process", roleInferred: true });
    expect(by.get("i")).toEqual({
      no: "i", text: "Memeriksa konsep", role: "KEPALA BIDANG", roleInferred: false, kind: "process", kelengkapan: ["ATK", "Map"], waktu: "", output: "", keterangan: "",
      letters: ["nota-dinas", "undangan"], notes: ["x", "y|z"], completed: ["waktu", "output", "kelengkapan"],
    });
    expect(by.get("j")).toMatchObject({ kind: "decision" });
    expect(by.get("j")).not.toHaveProperty("yesLabel");
    expect(by.get("k")).toMatchObject({ yesLabel: "Ya", noLabel: "Belum" });
    expect(by.get("l")).not.toHaveProperty("yesLabel");
    expect(by.get("l")).not.toHaveProperty("noLabel");
  });

  test("canonical JSON: keys sorted at every depth, undefined dropped, so the same SOP always has the same revision", () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: "x", e: undefined }, 2, "t"], u: undefined })).toBe('{"a":[{"c":"x","d":null},2,"t"],"b":1}');
    expect(canonicalJson(null)).toBe("null");
    expect(canonicalJson([])).toBe("[]");
    expect(canonicalJson({})).toBe("{}");
    expect(sopRevision(tiny())).toBe(sopRevision({ ...tiny(), steps: tiny().steps.map((s) => ({ ...s, letters: s.letters })) }));
    expect(sopRevision(tiny({ title: "SOP Uji " }))).not.toBe(sopRevision(tiny()));
  });
});
