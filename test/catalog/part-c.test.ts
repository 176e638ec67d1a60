// Checks part C's SOP data (Bidang Postel data and publicity SOPs, Bidang Sarana news SOPs, website news) against what a reader of the seed sees.
import type { Sop } from "../../src/domain/sop";
import { CATATAN_FIELD, COMMON_FIELDS } from "../../src/domain/sop";
import { parseWaktu, standardMinutes } from "../../src/domain/waktu";
import { validateCatalog } from "../../src/domain/validate";
import { registerHeaders } from "../../src/domain/register";
import { ROLES, roleById } from "../../src/catalog/roles";
import { sop as dataMediaMassa } from "../../src/catalog/sops/data-media-massa";
import { sop as adventorial } from "../../src/catalog/sops/adventorial";
import { sop as dataReklame } from "../../src/catalog/sops/data-reklame";
import { sop as dataMenara } from "../../src/catalog/sops/data-menara";
import { sop as reklameInformasi } from "../../src/catalog/sops/reklame-informasi";
import { sop as jasaTitipan } from "../../src/catalog/sops/jasa-titipan";
import { sop as mediaOnline } from "../../src/catalog/sops/media-online";
import { sop as penerbitanPublikasi } from "../../src/catalog/sops/penerbitan-publikasi";
import { sop as koordinasiKerjasama } from "../../src/catalog/sops/koordinasi-kerjasama";
import { sop as website } from "../../src/catalog/sops/website";
import { EXPECTED_C } from "./expected-c";
import { expectLanesAndRoles, notesOf, stepOf } from "./shape";

const SOPS: Sop[] = [
  dataMediaMassa,
  adventorial,
  dataReklame,
  dataMenara,
  reklameInformasi,
  jasaTitipan,
  mediaOnline,
  penerbitanPublikasi,
  koordinasiKerjasama,
  website,
];
const CODES: Record<string, string> = {
  "data-media-massa": "DMM",
  adventorial: "ADV",
  "data-reklame": "DRK",
  "data-menara": "DMT",
  "reklame-informasi": "PRK",
  "jasa-titipan": "JT",
  "media-online": "MO",
  "penerbitan-publikasi": "PPD",
  "koordinasi-kerjasama": "KK",
  website: "WEB",
};
const UNITS: Record<string, string> = {
  "data-media-massa": "Bidang Pos dan Telekomunikasi",
  adventorial: "Bidang Pos dan Telekomunikasi",
  "data-reklame": "Bidang Pos dan Telekomunikasi",
  "data-menara": "Bidang Pos dan Telekomunikasi",
  "reklame-informasi": "Bidang Pos dan Telekomunikasi",
  "jasa-titipan": "Bidang Pos dan Telekomunikasi",
  "media-online": "Bidang Sarana Komunikasi dan Diseminasi Informasi",
  "penerbitan-publikasi": "Bidang Sarana Komunikasi dan Diseminasi Informasi",
  "koordinasi-kerjasama": "Bidang Sarana Komunikasi dan Diseminasi Informasi",
  website: "Bidang Aplikasi Telematika",
};

// Lower-bound working minutes of a Waktu cell through the app's own parser; NaN when it refuses the cell.
function minutes(waktu: string): number {
  const r = parseWaktu(waktu);
  if (!r.ok) return Number.NaN;
  return r.standard ? standardMinutes(r.standard, 450).min : 0;
}

const step = stepOf;
const roles = (sop: Sop) => sop.steps.map((s) => s.role);

describe.each(SOPS.map((s) => [s.id, s] as const))("%s", (id, sop) => {
  it("has the assigned code and belongs to its bidang", () => {
    expect(sop.code).toBe(CODES[id]);
    expect(sop.unit).toBe("bidang");
    expect(sop.unitName).toBe(UNITS[id]);
  });

  it("matches the hand-read step count and standard time", () => {
    const expected = EXPECTED_C[id];
    expect(expected).toBeDefined();
    expect(sop.steps).toHaveLength(expected.steps);
    expect(sop.steps.reduce((sum, s) => sum + minutes(s.waktu), 0)).toBe(expected.totalMinutes);
  });

  it("passes the catalog validation the add-on runs", () => {
    expect(validateCatalog([sop], ROLES)).toEqual([]);
  });

  it("gives every step one of its lane headers and every lane a known role", () => {
    expectLanesAndRoles(sop);
  });

  it("keeps no list dashes or HTML left over from the text extraction", () => {
    for (const s of sop.steps) {
      for (const cell of [s.text, s.output, ...s.kelengkapan]) {
        expect(cell).not.toMatch(/<|^\s*-\s|^-$/);
        expect(cell).toBe(cell.trim());
      }
    }
  });

  it("starts with the common fields, ends with catatan, and gives its register distinct column headers", () => {
    expect(sop.fields.slice(0, COMMON_FIELDS.length)).toEqual(COMMON_FIELDS);
    expect(sop.fields[sop.fields.length - 1]).toEqual(CATATAN_FIELD);
    const headers = registerHeaders(sop).map((h) => h.toLowerCase());
    expect(new Set(headers).size).toBe(headers.length);
  });
});

describe("SOP Data Media Massa", () => {
  it("merges the wordless row after step 6 into the Sekretaris decision that returns to the Kabid", () => {
    expect(step(dataMediaMassa, "6")).toMatchObject({ role: "Sekretaris", kind: "decision", yesTo: "6a", noTo: "5", waktu: "1 hari", output: "Data Base" });
    expect(notesOf(dataMediaMassa, "6")).toMatch(/sambungan/);
  });

  it("numbers the Kepala Dinas's unnumbered check and signature 6a and 6b", () => {
    expect(dataMediaMassa.steps.slice(-2).map((s) => [s.no, s.role, s.text])).toEqual([
      ["6a", "Kepala Dinas", "Memeriksa berkas"],
      ["6b", "Kepala Dinas", "Penandatanganan berkas"],
    ]);
  });

  it("runs the order down Kadis → Sekretaris → Kabid → Kasi and back up", () => {
    expect(roles(dataMediaMassa).slice(0, 6)).toEqual([
      "Kepala Dinas",
      "Sekretaris",
      "Kabid Postel",
      "Kasi Bina Pembedayaan Media Massa",
      "Kabid Postel",
      "Sekretaris",
    ]);
  });
});

describe("SOP Adventorial", () => {
  it("has the Kabid check first and the Kepala Dinas send it back to the Kabid, then sign", () => {
    expect(step(adventorial, "4")).toMatchObject({ role: "Kabid Postel", kind: "decision", noTo: "3" });
    expect(step(adventorial, "5")).toMatchObject({ role: "Kepala Dinas", kind: "decision", yesTo: "5a", noTo: "4" });
    expect(step(adventorial, "5a")).toMatchObject({ role: "Kepala Dinas", text: "Penandatanganan berkas", waktu: "10 menit" });
  });

  it("has the Kasi acting as PPTK prepare the papers", () => {
    expect(step(adventorial, "3").role).toBe("Kasi Bina Pemberdayaan Media Massa (PPTK)");
    expect(step(adventorial, "3").kelengkapan).toEqual(["DPA SKPD", "HSPK", "Komputer", "Printer", "ATK"]);
  });
});

describe("SOP Data Reklame", () => {
  it("has the Kasi write the surat perintah and the JFU process the field data", () => {
    expect(step(dataReklame, "3")).toMatchObject({ role: "Kasi Penhkajian Analisa Data dan Informasi", letters: ["surat-tugas"], waktu: "6 hari" });
    expect(step(dataReklame, "4").role).toBe("JFU");
  });

  it("has the Kabid decide and return to the Kasi, then the Kepala Dinas check and sign", () => {
    expect(step(dataReklame, "6")).toMatchObject({ role: "Kabid Postel", kind: "decision", yesTo: "6a", noTo: "5" });
    expect(step(dataReklame, "6a")).toMatchObject({ role: "Kepala Dinas", kind: "decision", noTo: "6", waktu: "" });
    expect(step(dataReklame, "6b").role).toBe("Kepala Dinas");
  });
});

describe("SOP Data Menara", () => {
  it("does not take the shifted arrow label 'tidak' for a kelengkapan", () => {
    for (const no of ["6", "7"]) {
      expect(step(dataMenara, no).kelengkapan).toEqual([]);
      expect(notesOf(dataMenara, no)).toMatch(/label panah/);
    }
  });

  it("has the Sekretaris relay the order and the Kasi check the JFU's data", () => {
    expect(step(dataMenara, "2").role).toBe("Sekretaris");
    expect(step(dataMenara, "5").role).toBe("JFU");
    expect(step(dataMenara, "6")).toMatchObject({ role: "Kasi Pengkajian Analisa Data dan Informasi", kind: "decision", noTo: "5" });
    expect(step(dataMenara, "9")).toMatchObject({ role: "Kepala Dinas", kind: "decision", yesTo: "10", noTo: "8" });
  });
});

describe("SOP Penyebarluasan Informasi melalui Baliho", () => {
  it("reads Waktu and Output one column right of their headers", () => {
    expect(step(reklameInformasi, "1").waktu).toBe("10 Menit");
    expect(step(reklameInformasi, "3")).toMatchObject({ waktu: "4 hari", output: "Dokumen Administrasi baliho", kelengkapan: [] });
    expect(step(reklameInformasi, "6").waktu).toBe("");
    expect(reklameInformasi.notes.join(" ")).toMatch(/kolom/);
  });

  it("maps the procurement lanes to their canonical roles", () => {
    const byHeader = new Map(reklameInformasi.lanes.map((l) => [l.header, l.role]));
    expect(byHeader.get("PPK")).toBe("pejabat-pembuat-komitmen");
    expect(byHeader.get("Pj. Pengadaan")).toBe("pejabat-pengadaan");
    expect(byHeader.get("Penerima dan Pemeriksa")).toBe("tim-pphp");
    expect(roleById(byHeader.get("Rekanan") ?? "")?.external).toBe(true);
  });
});

describe("SOP Penertiban Jasa Titipan", () => {
  it("has the Kasi write the coordination letter and the Kepala Dinas decide before signing", () => {
    expect(step(jasaTitipan, "4")).toMatchObject({ role: "Kasi Pos dan Telekomunikasi", letters: ["surat-dinas"], waktu: "3 hari" });
    expect(step(jasaTitipan, "7")).toMatchObject({ role: "Kepala Dinas", kind: "decision", yesTo: "8", noTo: "6" });
    expect(roles(jasaTitipan).slice(4, 6)).toEqual(["Kabid Postel", "Sekretaris"]);
  });
});

describe("SOP Layanan Informasi Media Online", () => {
  it("has the Kabid edit and the Kadis verify, each able to send the news back", () => {
    expect(step(mediaOnline, "5")).toMatchObject({ role: "Kabid Sarana", kind: "decision", yesTo: "6", noTo: "4" });
    expect(step(mediaOnline, "6")).toMatchObject({ role: "Kadis", kind: "decision", yesTo: "7", noTo: "5" });
  });

  it("has the petugas cover, post and archive the news", () => {
    for (const no of ["3", "7", "8"]) expect(step(mediaOnline, no).role).toBe("Petugas penerima berita /informasi");
  });
});

describe("SOP Penerbitan, Publikasi dan Dokumentasi", () => {
  it("has the Kabid return clippings to the Kasi and the Kadis return them to the Kabid", () => {
    expect(step(penerbitanPublikasi, "2").role).toBe("Kasi Penerbitan, Publikasi dan Pameran");
    expect(step(penerbitanPublikasi, "3")).toMatchObject({ role: "Kabid Sarana", kind: "decision", yesTo: "4", noTo: "2" });
    expect(step(penerbitanPublikasi, "4")).toMatchObject({ role: "Kadis", kind: "decision", yesTo: "5", noTo: "3" });
  });
});

describe("SOP Pelaksanaan Koordinasi dan Kerjasama", () => {
  it("is ordered by the Kadis and archived by the petugas", () => {
    expect(step(koordinasiKerjasama, "1").role).toBe("Kadis");
    expect(step(koordinasiKerjasama, "7").role).toBe("Petugas penerima berita /informasi");
  });

  it("splits 'uraian / butir' kelengkapan cells into items", () => {
    expect(step(koordinasiKerjasama, "1").kelengkapan).toEqual(["Informasi kegiatan", "Undangan"]);
  });

  it("has the Kabid sort and the Kadis approve before the Kasi carries it out", () => {
    expect(step(koordinasiKerjasama, "4")).toMatchObject({ role: "Kabid Sarana", kind: "decision", noTo: "3" });
    expect(step(koordinasiKerjasama, "5")).toMatchObject({ role: "Kadis", kind: "decision", yesTo: "6", noTo: "4" });
    expect(step(koordinasiKerjasama, "6").role).toBe("Kasi Komunikasi Sosial");
  });
});

describe("SOP Layanan Informasi Media Online Melalui Website", () => {
  it("drops the dot from the seed's step numbers", () => {
    expect(website.steps.map((s) => s.no)).toEqual(["1", "2", "3", "4", "5", "6"]);
  });

  it("tells the Kasi's and the Kabid's identical check rows apart by whose paraf they carry", () => {
    expect(step(website, "2").text).toBe(step(website, "3").text);
    expect(step(website, "2").role).toBe("Kasi Pusat Informasi Publik");
    expect(step(website, "3").role).toBe("Kabid Aptel");
    expect(step(website, "5").role).toBe("Operator Website");
  });
});
