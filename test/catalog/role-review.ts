// An independent reader's check of the catalog's inferred Pelaksana: a fixed-rule sample of steps, each read off the seed and compared with the data.
//
// Sample rule (fixed, not hand-picked): walk all steps of CATALOG in catalog order, counting from 1; take
// (1) every step whose running number n has (n - 1) % 4 === 0 (steps 1, 5, 9, … of the whole catalog),
// (2) every step that was a decision in the data at review time, and
// (3) for an SOP that still has fewer than 2 steps sampled, its first step (then its last) until it has 2.
// That gave 79 steps over the 28 SOPs (55 by rule 1, 20 more by rule 2, 4 by rule 3); 78 since RKA rows 6–7 became one step.
// reviewerRole is the lane header the reviewer would choose from the seed row alone. agrees is true when the
// reviewer accepts the data's role and also its kind (and, for a decision, where Ya goes and where Tidak returns).

export interface RoleReviewRow {
  sop: string;
  step: string;
  reviewerRole: string;
  agrees: boolean;
  comment: string;
}

export const ROLE_REVIEW: RoleReviewRow[] = [
  // Pengembangan Aplikasi (seed baris 23–40)
  { sop: "pengembangan-aplikasi", step: "1", reviewerRole: "Web Mobile Programmer", agrees: true, comment: "Lajur pertama memulai alur, seperti di SOP lain buku ini; Staf Seksi atau Instansi Pemilik juga mungkin, tetapi seed tidak memberi petunjuk yang lebih kuat." },
  { sop: "pengembangan-aplikasi", step: "5", reviewerRole: "Web Mobile Programmer", agrees: true, comment: "Dikerjakan System Programmer yang baru ditunjuk di langkah 4; ia mengusulkan kebutuhan programmer yang ditunjuk di langkah 6." },
  { sop: "pengembangan-aplikasi", step: "9", reviewerRole: "Kepala Seksi Layanan E-Gov, Standarisasi dan Aplikasi", agrees: true, comment: "Baris salinan dari SOP Subdomain; pelaksana disamakan dengan langkah 9 SOP itu (Kepala Seksi) dan cacatnya dicatat." },
  { sop: "pengembangan-aplikasi", step: "13", reviewerRole: "Web Mobile Programmer", agrees: true, comment: "Pelatihan user dengan laptop oleh pembuat aplikasi; Staf Seksi juga mungkin." },
  // Perawatan Jaringan (seed baris 44–52)
  { sop: "perawatan-jaringan", step: "3", reviewerRole: "KABID APLIKASI TELEMATIKA", agrees: true, comment: "Disposisi naik berjenjang Teknisi → Kasi (2) → Kabid (3) → Kepala Dinas yang memutuskan dan menugaskan (4); hanya bacaan ini memberi setiap lajur langkah." },
  { sop: "perawatan-jaringan", step: "7", reviewerRole: "Petugas / Teknisi TI", agrees: true, comment: "Penyelesaian perbaikan oleh teknisi yang ditugaskan di langkah 4." },
  // Subdomain (seed baris 56–67)
  { sop: "subdomain", step: "4", reviewerRole: "Admin System", agrees: true, comment: "Pekerjaan teknis di server." },
  { sop: "subdomain", step: "8", reviewerRole: "Admin System", agrees: true, comment: "Admin melapor kepada Kepala Seksi, yang menyerahkan hasil di langkah 9." },
  // DPA (seed baris 72–89)
  { sop: "dpa", step: "3", reviewerRole: "Kasubag Program", agrees: true, comment: "Penyesuaian RKA setelah pencermatan TAPD adalah pekerjaan Kasubag Program, lajur pertama yang memulai alur." },
  { sop: "dpa", step: "6", reviewerRole: "Kepala Dinas", agrees: true, comment: "Langkah 5 menyerahkan draft 'kepada Kepala Dinas untuk dinilai dan koreksi' dan yang menandatangani adalah Kadis. 'Tidak' di lajur Sekretaris = panah kembali yang melintas ke Kasubag Program; Tidak → 5 dan Ya → 8 (baris 7 digabung) tepat." },
  { sop: "dpa", step: "8", reviewerRole: "Pelaksana", agrees: true, comment: "Menggandakan dan mendistribusikan DPA adalah kerja staf pelaksana; Kasubag Program juga mungkin." },
  // LAKIP (seed baris 93–113)
  { sop: "lakip", step: "1", reviewerRole: "Kepala Dinas", agrees: true, comment: "'Memerintahkan' oleh lajur tertinggi dan pertama." },
  { sop: "lakip", step: "5", reviewerRole: "Kasubag Program", agrees: true, comment: "Analisis dan evaluasi menghasilkan Draft LAKIP, lalu staf membuat dokumen (6) dan Kasubag mengoreksi (7); staf sebagai penganalisis juga mungkin." },
  { sop: "lakip", step: "9", reviewerRole: "Sekretaris", agrees: true, comment: "Langkah 8 menyampaikan kepada Sekretaris, yang memeriksa dan meneruskan kepada Kadis. Proses menurut aturan 'uraian yang menentukan', walau 'T' di lajur Sekretaris (dan 'Tidak' di baris 6) mengisyaratkan keputusan yang kembali ke langkah 6; layak ditinjau pemilik SOP." },
  { sop: "lakip", step: "13", reviewerRole: "Staf/Jabatan Fungsional Umum", agrees: true, comment: "Langkah 12 menyerahkan surat 'ke staf untuk dikirimkan'." },
  // Renstra (seed baris 121–134)
  { sop: "renstra", step: "4", reviewerRole: "Kasubag Program", agrees: true, comment: "Konsep disampaikan kepada Kasubag 'untuk ... dijadikan bahan rapat internal' (langkah 3), jadi Kasubag yang menggelar rapat." },
  { sop: "renstra", step: "6", reviewerRole: "Sekretaris", agrees: true, comment: "Langkah 5 mengajukan draft 'kepada sekretaris Dinas'; 'Tidak' di lajur Kasubag Program dan 'Ya' di lajur Kepala Dinas cocok dengan Tidak → 5, Ya → 7." },
  { sop: "renstra", step: "7", reviewerRole: "Kepala Dinas", agrees: true, comment: "Yang menandatangani Buku Renstra; draft yang belum baik kembali ke penyusunnya (langkah 5)." },
  { sop: "renstra", step: "8", reviewerRole: "Kasubag Program", agrees: true, comment: "Langkah 7 memerintahkan Sekretaris, Kasubbag Program dan staf sekaligus; Kasubag Program sebagai koordinator penggandaan wajar, staf juga mungkin." },
  // RKA (seed baris 138–154)
  { sop: "rka", step: "3", reviewerRole: "Staf/Jabatan Fungsional Umum", agrees: true, comment: "Menyerahkan blanko 'kepada Kasubag Program', jadi bukan Kasubag sendiri; staf yang membagikan blanko di langkah 2." },
  { sop: "rka", step: "6", reviewerRole: "Kepala Dinas", agrees: true, comment: "Langkah 5 menyerahkan draft 'kepada Kepala untuk dinilai dan koreksi', 'Tidak' baris 6 ada di lajur Kepala Dinas, dan Ya menurut uraiannya menuju Kasubag Program (finalisasi, langkah 8). Baris 6–7 berteks sama adalah satu keputusan Kadis yang tercetak dua kali (seperti DPA 6–7). Semula data memilih penilaian berjenjang Sekretaris lalu Kadis; setelah tinjauan domain baris 6 dan 7 digabung menjadi keputusan Kadis ini (langkah 7 tidak ada lagi, sampel baris 7 dihapus)." },
  // Surat Keluar (seed baris 159–169)
  { sop: "surat-keluar", step: "1", reviewerRole: "SEKRETARIS", agrees: true, comment: "'Menugaskan Kasubbag Umum' oleh Sekretaris, lajur pertama." },
  { sop: "surat-keluar", step: "4", reviewerRole: "KASUBBAG", agrees: true, comment: "JFU menyampaikan kembali 'kepada kasubbag umum untuk diperiksa' (langkah 3); 'dikembalikan kepada JFU' → langkah 3." },
  { sop: "surat-keluar", step: "5", reviewerRole: "SEKRETARIS", agrees: true, comment: "Satu-satunya lajur di antara Kasubbag dan Kepala Dinas; 'dikembalikan kepada Kasubbag Umum' → langkah pemeriksaan Kasubbag (4), yang bisa meneruskan ke JFU. 'Tidak' di lajur Sekretaris baris 4 cocok dengan panah kembali ini." },
  { sop: "surat-keluar", step: "6", reviewerRole: "KEPALA DINAS", agrees: true, comment: "Menandatangani; 'dikembalikan kepada Kasubbag' → langkah 4." },
  { sop: "surat-keluar", step: "9", reviewerRole: "JFU", agrees: true, comment: "Langkah 8 menyerahkan 'kepada JFU untuk dinomori, digandakan, distempel'." },
  // Surat Masuk (seed baris 175–183)
  { sop: "surat-masuk", step: "1", reviewerRole: "JFU", agrees: true, comment: "Menerima surat, membuat lembar disposisi, 'meneruskan ke kasubbag'." },
  { sop: "surat-masuk", step: "4", reviewerRole: "KEPALA DINAS", agrees: true, comment: "Langkah 3 menyerahkan surat kepada Kepala Dinas, yang mendisposisikan." },
  // Buku Kas Umum (seed baris 187–194)
  { sop: "buku-kas-umum", step: "1", reviewerRole: "BENDAHARA", agrees: true, comment: "Tanda bukti 'diterima dari JFU', jadi yang merekap penerimanya, Bendahara." },
  { sop: "buku-kas-umum", step: "5", reviewerRole: "BENDAHARA", agrees: true, comment: "Pemegang BKU yang melapor kepada Kasubbag (langkah 3 setelah urutan 3–4 dibetulkan) meneruskannya kepada Kepala Dinas setelah diperiksa Kasubbag Keuangan (4)." },
  // SPP LS Barang/Jasa (seed baris 204–211)
  { sop: "spp-ls-barang-jasa", step: "1", reviewerRole: "PPTK", agrees: true, comment: "Uraian menyebut PPTK." },
  { sop: "spp-ls-barang-jasa", step: "3", reviewerRole: "PEJABAT PENATAUSAHAAN KEUANGAN", agrees: true, comment: "PPK-SKPD meneliti kelengkapan; 'Ya' di lajur PPK dan 'Tidak' di lajur Bendahara: yang tidak lengkap kembali ke Bendahara (langkah 2)." },
  // Pensiun Meninggal (seed baris 215–223)
  { sop: "pensiun-meninggal", step: "1", reviewerRole: "PEMOHON", agrees: true, comment: "Mengajukan permohonan." },
  { sop: "pensiun-meninggal", step: "5", reviewerRole: "KEPALA DINAS", agrees: true, comment: "Yang 'menugaskan Kasubbag Umum' harus atasannya; tanpa lajur Sekretaris hanya Kepala Dinas. Frasa 'meneruskan disposisi dari Kepala Dinas' janggal untuk Kadis sendiri (salinan pola Sekretaris), tetapi tidak ada lajur lain yang cocok." },
  // Cuti (seed baris 233–243)
  { sop: "cuti", step: "2", reviewerRole: "JFU", agrees: true, comment: "Mencatat di agenda surat lalu 'menyerahkan kepada Kasubag'." },
  { sop: "cuti", step: "6", reviewerRole: "KEPALA DINAS", agrees: true, comment: "Penandatanganan surat cuti oleh pejabat berwenang." },
  // SPP GU (seed baris 247–255)
  { sop: "spp-gu", step: "1", reviewerRole: "PENGGUNA ANGGARAN", agrees: true, comment: "Uraian menyebut Pengguna Anggaran; '(Mulai)' di lajurnya." },
  { sop: "spp-gu", step: "4", reviewerRole: "PEJABAT PENATA USAHAAN KEUANGAN", agrees: true, comment: "PPK meneliti; 'Penolakan SPM' dan 'yang dinyatakan lengkap' (langkah 5) menjadikannya keputusan seperti SPP LS; yang tidak lengkap kembali ke Bendahara yang membuat SPP-GU (2)." },
  { sop: "spp-gu", step: "5", reviewerRole: "PEJABAT PENATA USAHAAN KEUANGAN", agrees: true, comment: "'dibuatkan rancangan SPM oleh PPK- SKPD'." },
  // Izin Belajar (seed baris 263–273)
  { sop: "izin-belajar", step: "2", reviewerRole: "KASUBBAG UMUM", agrees: true, comment: "Langkah 1 menugaskan Kasubbag Umum; ia 'menugaskan JFU untuk mengetik'." },
  { sop: "izin-belajar", step: "6", reviewerRole: "KEPALA DINAS", agrees: true, comment: "'ditandatangani jika sesuai'; tanpa jalur kembali, jadi proses." },
  // Kenaikan Gaji Berkala (seed baris 277–281)
  { sop: "kenaikan-gaji-berkala", step: "1", reviewerRole: "SEKRETARIS", agrees: true, comment: "Memerintahkan Kasubbag Umum: atasan langsungnya dan lajur pertama, seperti SOP Surat Keluar dan Izin Belajar." },
  { sop: "kenaikan-gaji-berkala", step: "3", reviewerRole: "JFU", agrees: true, comment: "JFU yang ditugaskan menerima berkas (langkah 2); 'jika ada yang belum siap dikembalikan ke kasubbag umum' → langkah 2." },
  // SPP LS Gaji (seed baris 293–301)
  { sop: "spp-ls-gaji", step: "1", reviewerRole: "PENGGUNA ANGGARAN", agrees: true, comment: "Uraian menyebut Pengguna Anggaran." },
  { sop: "spp-ls-gaji", step: "4", reviewerRole: "PEJABAT PENATAUSAHAAN KEUANGAN", agrees: true, comment: "'Bila tidak lengkap PPK menerbitkan Surat Penolakan SPM': keputusan PPK-SKPD, kembali ke Bendahara (langkah 2)." },
  { sop: "spp-ls-gaji", step: "5", reviewerRole: "PEJABAT PENATAUSAHAAN KEUANGAN", agrees: true, comment: "'dibuatkan Rancangan SPM oleh PPK – SKPD'." },
  // Barang Inventaris (seed baris 305–311)
  { sop: "barang-inventaris", step: "1", reviewerRole: "PENYEDIA BARANG", agrees: true, comment: "Penyerahan barang 'dari pihak ketiga'." },
  { sop: "barang-inventaris", step: "2", reviewerRole: "TIM PPHP", agrees: true, comment: "Sisa bagan mermaid: Step2{ } bercabang Ya ke Step3 dan tidak kembali ke Mulai (langkah 1)." },
  // Data Media Massa (seed baris 321–335)
  { sop: "data-media-massa", step: "1", reviewerRole: "Kepala Dinas", agrees: true, comment: "'Memerintahkan' oleh lajur tertinggi dan pertama." },
  { sop: "data-media-massa", step: "5", reviewerRole: "Kabid Postel", agrees: true, comment: "Kasi menyerahkan kepada Kepala Bidang (4), Kabid meneruskan kepada Sekretaris." },
  { sop: "data-media-massa", step: "6", reviewerRole: "Sekretaris", agrees: true, comment: "Menerima dari Kabid, meneruskan kepada Kadis; 'ya' di lajur Sekretaris dan 'Tidak' di lajur Kabid Postel mendukung keputusan dengan Tidak → 5." },
  { sop: "data-media-massa", step: "6a", reviewerRole: "Kepala Dinas", agrees: true, comment: "Kadis memeriksa sebelum menandatangani; 'tidak' di lajur Sekretaris → langkah 6." },
  // Adventorial (seed baris 339–347)
  { sop: "adventorial", step: "1", reviewerRole: "Kepala Dinas", agrees: true, comment: "'Memerintahkan' oleh lajur tertinggi." },
  { sop: "adventorial", step: "4", reviewerRole: "Kabid Postel", agrees: true, comment: "Pemeriksa pertama atasan Kasi; 'tidak ↑' baris 5 di lajur Kabid menunjukkan Kadis mengembalikan ke Kabid, jadi Kabid punya langkah periksa sebelum Kadis." },
  { sop: "adventorial", step: "5", reviewerRole: "Kepala Dinas", agrees: true, comment: "'ya ↓' di lajur Kadis, 'tidak ↑' di lajur Kabid: Tidak → 4." },
  // Data Reklame (seed baris 353–364)
  { sop: "data-reklame", step: "3", reviewerRole: "Kasi Penhkajian Analisa Data dan Informasi", agrees: true, comment: "Kelengkapan 'Tindak lanjut disposisi Kabid': Kasi yang ditugaskan di langkah 2 menyiapkan surat perintah." },
  { sop: "data-reklame", step: "6", reviewerRole: "Kabid Postel", agrees: true, comment: "Langkah 5 menyerahkan kepada Kepala Bidang; 'ya' di lajur Kadis, 'tidak' di lajur Kasi → langkah 5." },
  { sop: "data-reklame", step: "6a", reviewerRole: "Kepala Dinas", agrees: true, comment: "Sisa bagan belah ketupat 'Decision -- Tidak' di lajur Kadis; kembali ke Kabid (6)." },
  // Data Menara (seed baris 368–383)
  { sop: "data-menara", step: "3", reviewerRole: "Kabid Postel", agrees: true, comment: "Kelengkapan 'Perintah Sekretaris'; Kabid menugaskan Kasi." },
  { sop: "data-menara", step: "6", reviewerRole: "Kasi Pengkajian Analisa Data dan Informasi", agrees: true, comment: "JFU menyerahkan 'kepada Kepala seksi' (5); 'ya' di lajur Kasi dan 'tidak' di samping lajur JFU: Tidak → 5." },
  { sop: "data-menara", step: "7", reviewerRole: "Kabid Postel", agrees: true, comment: "Yang menyerahkan kepada Sekretaris adalah Kabid (urutan Kasi → Kabid → Sekretaris → Kadis); Tidak → Kasi (6)." },
  { sop: "data-menara", step: "9", reviewerRole: "Kepala Dinas", agrees: true, comment: "Sekretaris menyerahkan kepada Kadis (8); 'ya' pada baris penandatanganan; Tidak → 8." },
  // Reklame Informasi (seed baris 391–399)
  { sop: "reklame-informasi", step: "1", reviewerRole: "Kepala Dinas", agrees: true, comment: "'Memerintahkan' oleh lajur tertinggi." },
  { sop: "reklame-informasi", step: "5", reviewerRole: "Kepala Dinas", agrees: true, comment: "Pemeriksaan kedua sebelum penandatanganan, sama bentuknya dengan Adventorial; tanpa label ya/tidak, proses dapat diterima." },
  // Jasa Titipan (seed baris 409–420)
  { sop: "jasa-titipan", step: "3", reviewerRole: "Kabid Postel", agrees: true, comment: "Kelengkapan 'Tindak lanjut disposisi Sekretaris'; Kabid menugaskan Kasi." },
  { sop: "jasa-titipan", step: "7", reviewerRole: "Kepala Dinas", agrees: true, comment: "Belah ketupat keputusan bercabang dua di lajur Kadis; Tidak → Sekretaris (6)." },
  // Media Online (seed baris 424–434)
  { sop: "media-online", step: "3", reviewerRole: "Petugas penerima berita /informasi", agrees: true, comment: "Peliputan dengan foto/video adalah kerja petugas; hasilnya diolah Kasi (4)." },
  { sop: "media-online", step: "5", reviewerRole: "Kabid Sarana", agrees: true, comment: "Kelengkapan 'pemberian paraf kabid ... menyetujui dan tidak menyetujui'; Tidak → Kasi (4)." },
  { sop: "media-online", step: "6", reviewerRole: "Kadis", agrees: true, comment: "Output 'Persetujuan Kadis', pemberian tanda tangan; 'Tidak' di lajur Sekretaris = panah kembali ke Kabid (5)." },
  { sop: "media-online", step: "7", reviewerRole: "Petugas penerima berita /informasi", agrees: true, comment: "Penginputan ke media online oleh petugas." },
  // Penerbitan Publikasi (seed baris 438–445)
  { sop: "penerbitan-publikasi", step: "3", reviewerRole: "Kabid Sarana", agrees: true, comment: "'diberi paraf kabid'; 'Tidak' di lajur Kasi → 2, 'Ya' di lajur Kadis → 4." },
  { sop: "penerbitan-publikasi", step: "4", reviewerRole: "Kadis", agrees: true, comment: "'diberi tandatangan'; 'Tidak' di lajur Sekretaris = panah kembali ke Kabid (3)." },
  // Koordinasi dan Kerjasama (seed baris 450–459)
  { sop: "koordinasi-kerjasama", step: "2", reviewerRole: "Petugas penerima berita /informasi", agrees: true, comment: "Menghimpun undangan/informasi kegiatan; Kasi mengolahnya (3)." },
  { sop: "koordinasi-kerjasama", step: "4", reviewerRole: "Kabid Sarana", agrees: true, comment: "'diberi paraf kabid', output 'persetujuan kabid'. Keputusan dari uraian 'yang disetujui dan yang tidak disetujui'; pembaca lain bisa mencatatnya proses (seperti Website 4)." },
  { sop: "koordinasi-kerjasama", step: "5", reviewerRole: "Kadis", agrees: true, comment: "Output 'persetujuan kadis', 'ditandatangani'; 'Tidak' di lajur Kadis baris 4 = panah kembali ke Kabid (4)." },
  { sop: "koordinasi-kerjasama", step: "6", reviewerRole: "Kasi Komunikasi Sosial", agrees: true, comment: "Seksi yang menjalankan koordinasi dan kerjasama; 'Ya' di lajur Kadis adalah panah dari keputusan langkah 5." },
  // Website (seed baris 463–471)
  { sop: "website", step: "1", reviewerRole: "Petugas Penerima", agrees: true, comment: "Menerima berita dan memberi form disposisi." },
  { sop: "website", step: "3", reviewerRole: "Kabid Aptel", agrees: true, comment: "Uraian sama dengan langkah 2, tetapi Kelengkapan 'diberi paraf Kabid'." },
];
