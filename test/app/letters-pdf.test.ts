// The letters a Kepala Dinas signs, as the PDFs Drive keeps beside them, rendered to PNG with poppler (pdftoppm) and
// kept in test-artifacts/letters/ to be looked at: lembar disposisi, surat dinas, nota dinas and the BKN leave form.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { ADMIN, type Alur, P, setupAlur } from "../../emulator/alur-world";
import { ROOT } from "../../emulator/paths";
import { CATALOG } from "../../src/catalog/index";
import { fullFields, runWorker, walkTo } from "./letters-helpers";

const OUT = join(ROOT, "test-artifacts/letters");
const F4 = { width: (215 * 72) / 25.4, height: (330 * 72) / 25.4 };

function office(alur: Alur): void {
  const rows = alur.world.read("Pejabat");
  const sheet = alur.world.spreadsheet.getSheetByName("Pejabat")!;
  const set = (role: string, name: string, nip: string, pangkat: string, jabatan: string) => {
    const r = rows.findIndex((x) => x[5] === P(role)) + 1;
    sheet.getRange(r, 2, 1, 4).setValues([[name, `'${nip}`, jabatan, pangkat]]);
  };
  set("kepala-dinas", "Drs. Hotman Siregar, M.Si.", "196805121994031007", "Pembina Utama Muda (IV/c)", "Kepala Dinas Komunikasi dan Informatika");
  set("sekretaris", "Rosmawati Purba, S.Sos.", "197203151998032004", "Pembina (IV/a)", "Sekretaris");
  set("kasubbag-umum", "Benny Saragih, S.E.", "198001102006041003", "Penata Tingkat I (III/d)", "Kepala Subbagian Umum dan Kepegawaian");
  set("jfu", "Sari Damanik", "199004242015032002", "Pengatur (II/c)", "Pengadministrasi Umum");
  // As a person's edit would: onEdit drops the cached configuration.
  alur.world.within({ user: ADMIN }, () => alur.ctx.onEdit({ range: sheet.getRange(2, 2) }));
}

function pdfOf(alur: Alur, prefix: string): Buffer {
  const d = [...alur.world.documents.values()].filter((x) => x.name.startsWith(prefix) && x.mimeType === "application/pdf").pop();
  if (!d) throw new Error(`no PDF ${prefix}`);
  return d.bytes();
}

async function keep(name: string, pdf: Buffer): Promise<void> {
  const parsed = await PDFDocument.load(new Uint8Array(pdf));
  const page = parsed.getPage(0);
  // F4 paper, as DOMAIN.md and Pengaturan say.
  expect(Math.round(page.getWidth())).toBe(Math.round(F4.width));
  expect(Math.round(page.getHeight())).toBe(Math.round(F4.height));
  writeFileSync(join(OUT, `${name}.pdf`), pdf);
  execFileSync("pdftoppm", ["-r", "80", "-png", join(OUT, `${name}.pdf`), join(OUT, name)]);
}

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
});

test("lembar disposisi, surat dinas, nota dinas and the cuti form render as letters and are kept as PNG", async () => {
  const alur = setupAlur({ admins: [ADMIN] });
  office(alur);
  const sm = CATALOG.find((s) => s.id === "surat-masuk")!;
  const masuk = alur.ok(P("jfu"), "startCase", { sopId: "surat-masuk", fields: { ...fullFields(sm), perihal: "Undangan Rapat Koordinasi Satu Data Indonesia", asalSurat: "Sekretariat Daerah Kabupaten Simalungun", nomorSurat: "000.1.4/2157/Setda/2026", tanggalSurat: "2026-10-30", diterimaTanggal: "2026-11-02", sifat: "Segera", diteruskanKepada: "Kepala Bidang Aplikasi Telematika", isiDisposisi: "Hadiri dan laporkan hasilnya." } });
  alur.ok(P("jfu"), "makeDocument", { caseId: masuk.id, template: "lembar-disposisi" });

  const sk = CATALOG.find((s) => s.id === "surat-keluar")!;
  let keluar = alur.ok(P("sekretaris"), "startCase", {
    sopId: "surat-keluar",
    fields: {
      ...fullFields(sk),
      perihal: "Permohonan Data Statistik Sektoral Tahun 2026",
      tujuan: "Kepala Badan Pusat Statistik Kabupaten Simalungun",
      sifat: "Biasa",
      klasifikasi: "000.5.2",
      lampiran: "1 (satu) berkas",
      isiSurat:
        "Sehubungan dengan penyusunan Data Statistik Sektoral Kabupaten Simalungun Tahun 2026, bersama ini kami mohon bantuan Saudara untuk menyampaikan data jumlah penduduk per kecamatan dan data indeks pembangunan teknologi informasi dan komunikasi tahun 2025.\nData tersebut kami perlukan paling lambat tanggal 18 Desember 2026 dan dapat disampaikan melalui pos-el kominfo@contoh.go.id.\nDemikian kami sampaikan, atas perhatian dan kerja sama Saudara diucapkan terima kasih.",
    },
  });
  keluar = walkTo(alur, sk, keluar, "3");
  alur.ok(P("jfu"), "makeDocument", { caseId: keluar.id, template: "surat-dinas" });
  alur.ok(P("jfu"), "makeDocument", { caseId: keluar.id, template: "nota-dinas" });

  const ct = CATALOG.find((s) => s.id === "cuti")!;
  let cuti = alur.ok(P("jfu"), "startCase", { sopId: "cuti", fields: { ...fullFields(ct), perihal: "Permohonan cuti tahunan", namaPegawai: "Sari Damanik", nip: "199004242015032002", jenisCuti: "Cuti Tahunan", mulai: "2026-12-21", selesai: "2026-12-31", alasan: "Mengunjungi orang tua di Medan.", alamatSelamaCuti: "Jalan Sisingamangaraja No. 12, Medan", telepon: "0812 6000 1234" } });
  alur.ok(P("jfu"), "makeDocument", { caseId: cuti.id, template: "formulir-cuti" });
  cuti = walkTo(alur, ct, cuti, "6");
  alur.ok(P("kepala-dinas"), "decideLeave", { caseId: cuti.id, expectedVersion: cuti.version, level: "pejabat", choice: "Disetujui", reason: "" });
  runWorker(alur);

  await keep("lembar-disposisi", pdfOf(alur, `${masuk.id} · Lembar Disposisi`));
  await keep("surat-dinas", pdfOf(alur, `${keluar.id} · Surat Dinas`));
  await keep("nota-dinas", pdfOf(alur, `${keluar.id} · Nota Dinas`));
  await keep("formulir-cuti", pdfOf(alur, `${cuti.id} · Formulir Permintaan`));
  expect(readdirSync(OUT).filter((f) => f.endsWith(".png")).length).toBeGreaterThanOrEqual(4);
}, 60000);
