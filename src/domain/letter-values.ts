// What a letter's placeholders are filled with: the case, its SOP, the kop settings, Agenda numbers and the signer.
import { BULAN, formatTanggal, jakartaDateString, jakartaTime } from "./calendar";
import type { CaseState, FieldValue } from "./case";
import { type Balance, type CutiKind, type Length, decisionOf } from "./cuti";
import { formatNumber } from "./agenda";
import { KEPEGAWAIAN, klasifikasiOf, rupiah, terbilang } from "./letters";
import { findOfficial, holdersOf, type Official } from "./pejabat";
import type { LetterSettings, Office } from "./settings";
import type { Role, Sop } from "./sop";

export interface Person {
  nama: string;
  nip: string;
  jabatan: string;
  pangkat: string;
}

/** What the app knows of a leave case beyond its row: the employee, the length and the annual balance. */
export interface CutiFacts {
  employee: Person & { unit: string; masaKerja: string };
  kind: CutiKind;
  length: Length;
  balance: Balance;
  /** Other kinds taken this year (section V, right column), by kind. */
  others: Partial<Record<CutiKind, string>>;
}

export interface LetterContext {
  sop: Sop;
  c: CaseState;
  template: string;
  /** The step the letter is made at. */
  stepNo: string;
  office: Office;
  settings: LetterSettings;
  numberFormat: string;
  unitCode: string;
  officials: Official[];
  roles: Role[];
  now: number;
  /** The role whose holder signs, and the role signed for ("a.n."), from the template. */
  signer: string;
  onBehalfOf: string;
  /** Who asked for the letter (the reporter of a Laporan). */
  maker: string;
  cuti?: CutiFacts;
  /** Only the printed account page sees the password; every saved copy is masked. */
  password?: string;
}

export interface Values {
  text: Record<string, string>;
  lists: Record<string, Record<string, string>[]>;
}

export const MASK = "••••••••••••";
const DOTS = "........................";
export const CHECKED = "☒";
export const UNCHECKED = "☐";

const s = (v: FieldValue | undefined): string => (v === undefined || v === null ? "" : String(v).trim());
const tanggal = (ymd: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(ymd) ? formatTanggal(jakartaTime(ymd)) : ymd);
const HARI = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

/** "empat bulan Desember tahun dua ribu dua puluh enam": a date written out, as berita acara write it. */
export function tanggalKata(ymd: string): string {
  const [y, m, d] = ymd.split("-").map(Number);
  return `${terbilang(d)} bulan ${BULAN[m - 1]} tahun ${terbilang(y)}`;
}

function hari(ymd: string): string {
  return HARI[new Date(`${ymd}T00:00:00Z`).getUTCDay()];
}

/** "PEMERINTAH KABUPATEN SIMALUNGUN" → "Kabupaten Simalungun". */
function daerah(o: Office): string {
  const t = o.pemerintah.replace(/^pemerintah\s+/i, "").toLowerCase();
  return t.replace(/\b\p{L}/gu, (ch) => ch.toUpperCase());
}

function personOf(officials: Official[], roles: Role[], roleId: string, ymd: string): Person & { prefix: string } {
  const role = roles.find((r) => r.id === roleId);
  const roleName = role?.name ?? roleId;
  const holder = holdersOf(officials, roleId, ymd, roleName)[0];
  const own = officials.find((o) => o.role === roleId && o.email);
  if (!holder) return { nama: DOTS, nip: DOTS, jabatan: own?.jabatan || roleName, pangkat: "", prefix: "" };
  const kind = holder.actingFor ? (own?.acting?.kind ?? "Plt.") : "";
  const who = findOfficial(officials, holder.email);
  const jabatan = own?.jabatan || roleName;
  return { nama: holder.name || who?.name || holder.email, nip: who?.nip || DOTS, jabatan, pangkat: who?.pangkat ?? "", prefix: kind ? `${kind} ` : "" };
}

/** Field keys an SOP's letters read the addressee from, first found wins. */
const KEPADA = ["tujuan", "tujuanPengiriman", "instansiTujuan", "instansiKoordinasi", "tujuanPermintaanData"];
const SPP_JENIS: Record<string, [string, string]> = {
  "spp-gu": ["GANTI UANG (SPP-GU)", "SPP-GU"],
  "spp-ls-gaji": ["LANGSUNG GAJI (SPP-LS GAJI)", "SPP-LS Gaji"],
  "spp-ls-barang-jasa": ["LANGSUNG BARANG DAN JASA (SPP-LS)", "SPP-LS Barang dan Jasa"],
};

/** What a surat pengantar sends, per SOP. */
function kiriman(ctx: LetterContext, f: Record<string, FieldValue>): string {
  const who = `a.n. ${s(f.namaPegawai)}, NIP ${s(f.nip)}`;
  switch (ctx.sop.id) {
    case "izin-belajar":
      return `Usul ${s(f.jenisUsulan)} ${who}, ${s(f.jenjangPendidikan)} ${s(f.programStudi)} pada ${s(f.perguruanTinggi)}`;
    case "kenaikan-gaji-berkala":
      return `Usul kenaikan gaji berkala ${who}, TMT ${tanggal(s(f.tmtKgbBaru))}`;
    case "pensiun-meninggal":
      return `Usul pensiun janda/duda/anak almarhum ${s(f.namaPegawai)}, NIP ${s(f.nip)}, meninggal ${tanggal(s(f.tanggalMeninggal))}`;
    case "cuti":
      return `Surat izin ${s(f.jenisCuti).toLowerCase()} ${who}`;
    case "lakip":
      return `Dokumen Laporan Akuntabilitas Kinerja Instansi Pemerintah (LAKIP) Tahun ${s(f.tahunKinerja)}`;
    default:
      return s(f.perihal);
  }
}

/** Surat tugas/perintah: on what basis, to whom, to do what. */
function tugas(ctx: LetterContext, f: Record<string, FieldValue>, text: Record<string, string>): [string, string, string] {
  const step = ctx.sop.steps.find((x) => x.no === ctx.stepNo);
  switch (ctx.sop.id) {
    case "pengembangan-aplikasi":
      return [`Permintaan pengembangan aplikasi ${s(f.namaAplikasi)} dari ${s(f.instansiPengguna)}.`, s(f.programmerDitunjuk) || text["pejabat.web-programmer.nama"], `${step?.text ?? "Melaksanakan pengembangan"} aplikasi ${s(f.namaAplikasi)} sampai implementasi${s(f.targetImplementasi) ? ` paling lambat ${tanggal(s(f.targetImplementasi))}` : ""}.`];
    case "data-reklame":
      return [`Perintah Kepala Dinas untuk pemetaan papan reklame/baliho (${s(f.perihal)}).`, s(f.petugasLapangan) || text["pejabat.jfu.nama"], `Meninjau langsung lapangan dan mengumpulkan data papan reklame/baliho di ${s(f.wilayahPemetaan)}${s(f.tanggalPeninjauan) ? ` pada ${tanggal(s(f.tanggalPeninjauan))}` : ""}.`];
    case "barang-inventaris":
      return [`Berita acara serah terima barang berdasarkan SPK/Kontrak Nomor ${s(f.nomorSpk)} tanggal ${tanggal(s(f.tanggalSpk))}.`, text["pejabat.penyimpan-barang.nama"], `Menyimpan ${s(f.namaBarang)} sebanyak ${s(f.jumlahBarang)} ${s(f.satuan)}${s(f.lokasiPenyimpanan) ? ` di ${s(f.lokasiPenyimpanan)}` : ""} dan mencatatnya dalam Buku Inventaris Barang.`];
    default:
      return [s(f.dasarSurat) || s(f.perihal), s(f.tujuan) || DOTS, s(f.isiSurat) || s(f.perihal)];
  }
}

/** The three berita acara of receiving goods: who hands over to whom at each step. */
function beritaAcara(ctx: LetterContext, f: Record<string, FieldValue>, ymd: string, text: Record<string, string>): Record<string, string> {
  const p = (role: string) => ({ nama: text[`pejabat.${role}.nama`], jabatan: text[`pejabat.${role}.jabatan`], nip: `NIP. ${text[`pejabat.${role}.nip`]}` });
  const penyedia = { nama: s(f.namaPenyedia) || DOTS, jabatan: `Penyedia Barang (${s(f.namaPenyedia)})`, nip: "" };
  const [judul, a, b] =
    ctx.stepNo === "2"
      ? ["BERITA ACARA PEMERIKSAAN DAN PENERIMAAN BARANG", penyedia, p("tim-pphp")]
      : ctx.stepNo === "4"
        ? ["BERITA ACARA SERAH TERIMA HASIL PENGADAAN BARANG", p("pejabat-pembuat-komitmen"), p("pengguna-anggaran")]
        : ["BERITA ACARA SERAH TERIMA BARANG", p("tim-pphp"), p("pejabat-pembuat-komitmen")];
  return {
    "ba.judul": judul,
    "ba.hari": hari(ymd),
    "ba.tanggalKata": tanggalKata(ymd),
    "ba.dasar": `SPK/Kontrak Nomor ${s(f.nomorSpk) || "-"}${s(f.tanggalSpk) ? ` tanggal ${tanggal(s(f.tanggalSpk))}` : ""}`,
    "ba.pihak1.nama": a.nama,
    "ba.pihak1.jabatan": a.jabatan,
    "ba.pihak1.nip": a.nip,
    "ba.pihak2.nama": b.nama,
    "ba.pihak2.jabatan": b.jabatan,
    "ba.pihak2.nip": b.nip,
  };
}

function cutiValues(ctx: LetterContext, f: Record<string, FieldValue>, t: Record<string, string>): void {
  const facts = ctx.cuti;
  const e = facts?.employee;
  const kind = facts?.kind;
  t["cuti.nama"] = e?.nama || s(f.namaPegawai) || DOTS;
  t["cuti.nip"] = e?.nip || s(f.nip) || DOTS;
  t["cuti.jabatan"] = e?.jabatan || s(f.jabatan) || DOTS;
  t["cuti.pangkat"] = e?.pangkat || DOTS;
  t["cuti.unit"] = e?.unit || ctx.office.dinas;
  t["cuti.masaKerja"] = e?.masaKerja || DOTS;
  t["cuti.alasan"] = s(f.alasan) || DOTS;
  t["cuti.lama"] = facts?.length.text ?? DOTS;
  t["cuti.mulai"] = tanggal(s(f.mulai));
  t["cuti.selesai"] = tanggal(s(f.selesai));
  t["cuti.alamat"] = s(f.alamatSelamaCuti) || DOTS;
  t["cuti.telepon"] = s(f.telepon) || "-";
  const jenis = s(f.jenisCuti) || "Cuti";
  t["cuti.jenisHuruf"] = jenis.toUpperCase();
  t["cuti.jenisKecil"] = jenis.toLowerCase();
  t["cuti.untukTahun"] = kind === "tahunan" ? ` untuk tahun ${s(f.mulai).slice(0, 4)}` : "";
  for (const k of ["tahunan", "besar", "sakit", "melahirkan", "penting", "cltn"] as CutiKind[]) {
    t[`cuti.cek.${k}`] = kind === k ? "✓" : "";
    if (k !== "tahunan") t[`cuti.catatan.${k}`] = facts?.others[k] ?? "-";
  }
  const rows = facts?.balance.rows;
  (["n2", "n1", "n"] as const).forEach((key, i) => {
    const r = rows?.[i];
    t[`cuti.${key}.tahun`] = r ? String(r.year) : "";
    t[`cuti.${key}.sisa`] = r ? String(r.sisa) : "";
    t[`cuti.${key}.ket`] = r ? r.note : "";
  });
  t["cuti.kepada"] = t["pejabat.kepala-dinas.jabatan"];
  for (const [level, prefix] of [
    ["atasan", "pertimbangan"],
    ["pejabat", "keputusan"],
  ] as const) {
    const d = decisionOf(ctx.c, level);
    for (const [choice, key] of [
      ["Disetujui", "disetujui"],
      ["Perubahan", "perubahan"],
      ["Ditangguhkan", "ditangguhkan"],
      ["Tidak disetujui", "tidak"],
    ] as const) {
      t[`${prefix}.cek.${key}`] = d?.choice === choice ? "✓" : "";
    }
    const atasan = officialByNip(ctx.officials, t["cuti.nip"])?.atasan;
    // An employee with no superior in Pejabat has none: a blank email must not match a Pejabat row without one.
    const fallback = level === "atasan" && atasan ? findOfficial(ctx.officials, atasan) : undefined;
    t[`${prefix}.alasan`] = d ? [d.reason, d.to ? `Menjadi ${tanggal(d.to.mulai)} s.d. ${tanggal(d.to.selesai)}.` : "", d.until ? `Ditangguhkan sampai ${tanggal(d.until)}.` : ""].filter(Boolean).join(" ") : "";
    t[`${prefix}.nama`] = d?.nama || fallback?.name || (level === "pejabat" ? t["pejabat.kepala-dinas.nama"] : DOTS);
    t[`${prefix}.nip`] = d?.nip || fallback?.nip || (level === "pejabat" ? t["pejabat.kepala-dinas.nip"] : DOTS);
    t[`${prefix}.jabatan`] = d?.jabatan || fallback?.jabatan || (level === "pejabat" ? t["pejabat.kepala-dinas.jabatan"] : "Atasan Langsung");
  }
}

export function officialByNip(officials: Official[], nip: string): Official | undefined {
  const n = nip.replace(/\s+/g, "");
  return n ? officials.find((o) => o.nip.replace(/\s+/g, "") === n) : undefined;
}

/** A field as a letter prints it: dates the Indonesian way, amounts in rupiah, nothing as "-". */
function fieldText(sop: Sop, key: string, v: FieldValue | undefined): string {
  const f = sop.fields.find((x) => x.key === key);
  const t = s(v);
  if (!t) return "-";
  if (f?.type === "date") return tanggal(t);
  if (f?.type === "number" && /\(Rp\)/.test(f.label)) return rupiah(Number(v));
  return t;
}

/**
 * Every placeholder a letter of this case may use, filled. Keys that do not apply to this SOP are still filled (with
 * "-" or a dotted blank), so no {{…}} is ever left in a generated letter; a key not listed here is unknown.
 */
export function letterValues(ctx: LetterContext): Values {
  const { sop, c, office } = ctx;
  const f = c.fields;
  const ymd = jakartaDateString(ctx.now);
  const number = c.letters?.numbers?.[ctx.template];
  const dated = number ? jakartaDateString(number.at) : ymd;
  const t: Record<string, string> = {};
  for (const r of ctx.roles) {
    if (r.external) continue;
    const p = personOf(ctx.officials, ctx.roles, r.id, ymd);
    t[`pejabat.${r.id}.nama`] = p.nama;
    t[`pejabat.${r.id}.nip`] = p.nip;
    t[`pejabat.${r.id}.jabatan`] = `${p.prefix}${p.jabatan}`;
    t[`pejabat.${r.id}.pangkat`] = p.pangkat;
  }
  Object.assign(t, {
    "kop.pemerintah": office.pemerintah,
    "kop.dinas": office.dinas,
    "kop.alamat": office.alamat,
    "kop.telepon": office.telepon,
    "kop.email": office.email,
    "kop.laman": office.laman,
    "kasus.id": c.id,
    "kasus.perihal": s(f.perihal),
    "kasus.sop": sop.title,
    "surat.tempat": office.kota,
    "surat.tanggal": formatTanggal(jakartaTime(dated)),
    "surat.tahun": dated.slice(0, 4),
    "surat.nomor":
      number?.nomor ?? formatNumber(ctx.numberFormat, { klasifikasi: klasifikasiOf(sop, c), urut: 0, urutText: "......", unit: ctx.unitCode, ymd: dated }),
    "surat.sifat": s(f.sifat) || "Biasa",
    "surat.lampiran": s(f.lampiran) || "-",
    "surat.hal": s(f.perihal),
    "surat.kepada": KEPADA.map((k) => s(f[k])).find(Boolean) ?? (KEPEGAWAIAN.has(sop.id) ? `Kepala Badan Kepegawaian Daerah ${daerah(office)}` : DOTS),
    "surat.tujuanTempat": "Tempat",
    "agenda.nomor": c.letters?.agenda?.nomor ?? "-",
  });
  for (const field of sop.fields) t[`isian.${field.key}`] = fieldText(sop, field.key, f[field.key]);
  const signer = personOf(ctx.officials, ctx.roles, ctx.signer || "kepala-dinas", ymd);
  const behalf = ctx.onBehalfOf && ctx.onBehalfOf !== ctx.signer ? t[`pejabat.${ctx.onBehalfOf}.jabatan`] : "";
  Object.assign(t, {
    "ttd.an": behalf ? `a.n. ${behalf}` : "",
    "ttd.jabatan": `${signer.prefix}${signer.jabatan}`,
    "ttd.nama": signer.nama,
    "ttd.nip": signer.nip,
    "ttd.pangkat": signer.pangkat,
  });
  const tembusan = s(f.tembusan)
    .split(/\r?\n/)
    .map((x) => x.replace(/^\s*\d+[.)]\s*/, "").trim())
    .filter(Boolean);
  if (!tembusan.length && ctx.template === "surat-izin-cuti") tembusan.push(`Kepala Badan Kepegawaian Daerah ${daerah(office)}`, "Yang bersangkutan");
  t["surat.tembusan"] = tembusan.join("; ") || "-";
  const isi = s(f.isiSurat) || s(f.catatan);
  t.isi =
    isi ||
    (ctx.template === "penolakan-spm"
      ? "Dokumen kelengkapan SPP belum lengkap atau tidak sesuai dengan SPD dan DPA perangkat daerah."
      : `Sehubungan dengan ${s(f.perihal) || sop.shortTitle.toLowerCase()}, bersama ini kami sampaikan hal tersebut untuk dapat dipergunakan dan ditindaklanjuti sebagaimana mestinya.\nDemikian kami sampaikan. Atas perhatian dan kerja sama Bapak/Ibu, diucapkan terima kasih.`);
  const [dasar, kepada, untuk] = tugas(ctx, f, t);
  Object.assign(t, { "tugas.dasar": dasar, "tugas.kepada": kepada, "tugas.untuk": untuk });
  Object.assign(t, beritaAcara(ctx, f, s(f.tanggalDiterima) || ymd, t));
  Object.assign(t, {
    "undangan.hari": s(f.hariTanggal) || DOTS,
    "undangan.waktu": s(f.waktu) || DOTS,
    "undangan.tempat": s(f.tempat) || DOTS,
    "undangan.acara": s(f.acara) || s(f.perihal),
    "keterangan.nama": s(f.namaPegawai) || DOTS,
    "keterangan.nip": s(f.nip) || DOTS,
    "keterangan.pangkat": s(f.pangkatGolongan) || DOTS,
    "keterangan.jabatan": s(f.jabatan) || DOTS,
    "notulen.hari": `${hari(ymd)}, ${formatTanggal(jakartaTime(ymd))}`,
    "notulen.waktu": `${DOTS} WIB`,
    "notulen.tempat": `Ruang rapat ${office.dinas}`,
    "notulen.acara": sop.id === "pengembangan-aplikasi" ? `Review prototipe aplikasi ${s(f.namaAplikasi)} dan penentuan jadwal pelatihan pengguna` : s(f.perihal),
    "notulen.pimpinan": sop.id === "pengembangan-aplikasi" ? t["pejabat.kasi-egov.nama"] : t["pejabat.kepala-dinas.nama"],
    "notulen.notulis": sop.id === "pengembangan-aplikasi" ? t["pejabat.staf-egov.nama"] : t["pejabat.jfu.nama"],
    "notulen.peserta": sop.id === "pengembangan-aplikasi" ? `Bidang Aplikasi Telematika; ${s(f.instansiPengguna)}` : DOTS,
    "notulen.kesimpulan": DOTS,
  });
  const step = sop.steps.find((x) => x.no === ctx.stepNo);
  const maker = findOfficial(ctx.officials, ctx.maker);
  Object.assign(t, {
    "laporan.judul": (step?.output && step.output !== "Laporan" ? step.output : `Hasil ${sop.shortTitle}`) + (s(f.namaAplikasi) ? ` Aplikasi ${s(f.namaAplikasi)}` : s(f.namaSubdomain) ? ` ${s(f.namaSubdomain)}` : ""),
    "laporan.pendahuluan": `Laporan ini disusun sebagai hasil pelaksanaan ${sop.title} untuk kasus ${c.id} (${s(f.perihal)}), pada langkah ${ctx.stepNo}: ${step?.text ?? ""}.`,
    "pelapor.nama": maker?.name || ctx.maker,
    "pelapor.nip": maker?.nip || DOTS,
    "pelapor.jabatan": maker?.jabatan || "",
  });
  const jenis = SPP_JENIS[sop.id] ?? ["", "SPP"];
  const nilai = Number(f.nilai) || 0;
  Object.assign(t, {
    "spp.jenis": jenis[0],
    "spp.jenisSpp": jenis[1],
    "spp.nilai": rupiah(nilai),
    "spp.terbilang": `${terbilang(nilai)} rupiah`.replace(/^./, (ch) => ch.toUpperCase()),
    "spp.dasar": sop.id === "spp-ls-barang-jasa" ? `SPK/Kontrak Nomor ${s(f.nomorKontrak)}` : `SPD Nomor ${s(f.nomorSpd)} tanggal ${tanggal(s(f.tanggalSpd))}`,
    "spp.keperluan":
      sop.id === "spp-gu"
        ? `Penggantian uang persediaan berdasarkan pengesahan SPJ Nomor ${s(f.nomorPengesahanSpj)}`
        : sop.id === "spp-ls-gaji"
          ? `Pembayaran gaji bulan ${s(f.bulanGaji)}${s(f.jumlahPegawai) ? ` untuk ${s(f.jumlahPegawai)} pegawai` : ""}`
          : sop.id === "spp-ls-barang-jasa"
            ? `Pembayaran ${s(f.kegiatan)} kepada ${s(f.rekanan)}`
            : s(f.perihal),
    "spp.nomorSpp": s(f.nomorSpp) || c.letters?.numbers?.spp?.nomor || "-",
    "spm.kepada": sop.id === "spp-ls-barang-jasa" ? s(f.rekanan) : `Bendahara Pengeluaran ${office.dinas}`,
  });
  const account = c.letters?.account;
  Object.assign(t, {
    "akun.subdomain": s(f.namaSubdomain) || "-",
    "akun.instansi": s(f.instansiPemohon) || "-",
    "akun.permohonan": s(f.nomorSuratPermohonan) ? `Nomor ${s(f.nomorSuratPermohonan)} tanggal ${tanggal(s(f.tanggalSuratPermohonan))}` : "-",
    "akun.pengelola": s(f.penanggungJawab) || DOTS,
    "akun.username": account?.username || DOTS,
    "akun.password": ctx.password ?? MASK,
    "akun.diterbitkan": account ? formatTanggal(account.at) : DOTS,
  });
  const sifat = s(f.sifat);
  Object.assign(t, {
    "masuk.dari": s(f.asalSurat) || s(f.instansiPemohon) || s(f.instansiPelapor) || s(f.asalBerita) || s(f.pemohon) || "-",
    "masuk.nomor": s(f.nomorSurat) || s(f.nomorSuratPermohonan) || "-",
    "masuk.tanggal": tanggal(s(f.tanggalSurat) || s(f.tanggalSuratPermohonan) || s(f.tanggalGangguan) || s(f.tanggalDiterima)) || "-",
    "masuk.diterima": tanggal(s(f.diterimaTanggal) || s(f.tanggalDiterima) || jakartaDateString(c.createdAt)),
    "sifat.sangatSegera": sifat === "Sangat Segera" ? CHECKED : UNCHECKED,
    "sifat.segera": sifat === "Segera" ? CHECKED : UNCHECKED,
    "sifat.rahasia": sifat === "Rahasia" ? CHECKED : UNCHECKED,
    "disposisi.catatan": s(f.isiDisposisi) || "",
    "disposisi.tanggal": formatTanggal(jakartaTime(ymd)),
  });
  cutiValues(ctx, f, t);
  const diteruskan = s(f.diteruskanKepada).toLowerCase();
  const tujuan = ctx.settings.disposisiTujuan;
  const instruksi = ctx.settings.disposisiInstruksi;
  const lists: Values["lists"] = {
    tembusan: tembusan.map((isi, i) => ({ no: String(i + 1), isi })),
    kiriman: [{ no: "1", naskah: kiriman(ctx, f), banyak: "1 (satu) berkas", keterangan: "Dikirim dengan hormat untuk diproses lebih lanjut" }],
    barang: [{ no: "1", nama: s(f.namaBarang).replace(/\s*\n\s*/g, "; ") || "-", jumlah: s(f.jumlahBarang) || "-", satuan: s(f.satuan) || "-", keterangan: Number(f.nilai) ? `Nilai ${rupiah(Number(f.nilai))}` : "Baik" }],
    data: sop.fields.filter((x) => x.key !== "catatan" && s(f[x.key])).map((x) => ({ label: x.label, nilai: fieldText(sop, x.key, f[x.key]) })),
    teruskan: Array.from({ length: Math.max(tujuan.length, instruksi.length) }, (_, i) => ({
      tujuan: tujuan[i] ? `${diteruskan.includes(tujuan[i].toLowerCase()) ? CHECKED : UNCHECKED} ${tujuan[i]}` : "",
      instruksi: instruksi[i] ? `${UNCHECKED} ${instruksi[i]}` : "",
    })),
  };
  return { text: t, lists };
}

/** Every placeholder name this case's letters may use (lists as "list.field", conditionals as "?key"). */
export function knownPlaceholders(v: Values): Set<string> {
  const out = new Set<string>(["kop"]);
  for (const k of Object.keys(v.text)) out.add(k).add(`?${k}`);
  for (const [name, rows] of Object.entries(v.lists)) {
    out.add(`?${name}`);
    const fields = new Set(rows.flatMap((r) => Object.keys(r)));
    for (const field of LIST_FIELDS[name] ?? fields) out.add(`${name}.${field}`);
  }
  return out;
}

/** Fields of each list (known even when the list is empty). */
export const LIST_FIELDS: Record<string, string[]> = {
  tembusan: ["no", "isi"],
  kiriman: ["no", "naskah", "banyak", "keterangan"],
  barang: ["no", "nama", "jumlah", "satuan", "keterangan"],
  data: ["label", "nilai"],
  teruskan: ["tujuan", "instruksi"],
};
