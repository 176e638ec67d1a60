// The built-in SOP catalog in the seed book's order.
import type { Sop } from "../domain/sop";
import { withKeterkaitan } from "../domain/sop-related";
import { sop as pengembanganAplikasi } from "./sops/pengembangan-aplikasi";
import { sop as perawatanJaringan } from "./sops/perawatan-jaringan";
import { sop as subdomain } from "./sops/subdomain";
import { sop as dpa } from "./sops/dpa";
import { sop as lakip } from "./sops/lakip";
import { sop as renstra } from "./sops/renstra";
import { sop as rka } from "./sops/rka";
import { sop as suratKeluar } from "./sops/surat-keluar";
import { sop as suratMasuk } from "./sops/surat-masuk";
import { sop as bukuKasUmum } from "./sops/buku-kas-umum";
import { sop as sppLsBarangJasa } from "./sops/spp-ls-barang-jasa";
import { sop as pensiunMeninggal } from "./sops/pensiun-meninggal";
import { sop as cuti } from "./sops/cuti";
import { sop as sppGu } from "./sops/spp-gu";
import { sop as izinBelajar } from "./sops/izin-belajar";
import { sop as kenaikanGajiBerkala } from "./sops/kenaikan-gaji-berkala";
import { sop as sppLsGaji } from "./sops/spp-ls-gaji";
import { sop as barangInventaris } from "./sops/barang-inventaris";
import { sop as dataMediaMassa } from "./sops/data-media-massa";
import { sop as adventorial } from "./sops/adventorial";
import { sop as dataReklame } from "./sops/data-reklame";
import { sop as dataMenara } from "./sops/data-menara";
import { sop as reklameInformasi } from "./sops/reklame-informasi";
import { sop as jasaTitipan } from "./sops/jasa-titipan";
import { sop as mediaOnline } from "./sops/media-online";
import { sop as penerbitanPublikasi } from "./sops/penerbitan-publikasi";
import { sop as koordinasiKerjasama } from "./sops/koordinasi-kerjasama";
import { sop as website } from "./sops/website";

/** Keterkaitan is prefilled from the SOPs each step's Keterangan names (the seed leaves the identity blank). */
export const CATALOG: Sop[] = [
  pengembanganAplikasi,
  perawatanJaringan,
  subdomain,
  dpa,
  lakip,
  renstra,
  rka,
  suratKeluar,
  suratMasuk,
  bukuKasUmum,
  sppLsBarangJasa,
  pensiunMeninggal,
  cuti,
  sppGu,
  izinBelajar,
  kenaikanGajiBerkala,
  sppLsGaji,
  barangInventaris,
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
].map(withKeterkaitan);
