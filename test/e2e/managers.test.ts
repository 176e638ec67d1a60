// The managers' view in Chromium: the demo's Laporan (summary and four charts on one screen), its SOP chooser, the
// semester's Monitoring SOP sheet, and an SOP AP page ready to sign. Screenshots go to test-artifacts/managers/.
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { ROLES } from "../../src/catalog/roles";
import { sop as kenaikanGajiBerkala } from "../../src/catalog/sops/kenaikan-gaji-berkala";
import { CATALOG } from "../../src/catalog";
import { renderSopPage } from "../../src/domain/sop-page";
import { type DemoWorkspace, ROOT, closeDemoWorkspace, openDemoWorkspace } from "./workspace-helpers";

const SHOTS = join(ROOT, "test-artifacts/managers");

let ws: DemoWorkspace;
let browser: Browser;
let base = "";

beforeAll(async () => {
  ws = await openDemoWorkspace("alur-mgr-", SHOTS);
  ({ browser, base } = ws);
});

afterAll(() => closeDemoWorkspace(ws));

async function openSheet(name: string | RegExp): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(base);
  await page.getByRole("tab", { name: "SM · Surat Masuk" }).waitFor();
  await page.getByRole("tab", { name }).click();
  await page.getByRole("tab", { name, selected: true }).waitFor();
  return page;
}

/** Whether a box lies wholly inside the visible part of the grid. */
async function onScreen(page: Page, selector: string): Promise<boolean[]> {
  return page.evaluate((sel) => {
    const grid = document.getElementById("grid") as HTMLElement;
    const g = grid.getBoundingClientRect();
    return [...document.querySelectorAll(sel)].map((e) => {
      const r = e.getBoundingClientRect();
      return r.left >= g.left - 1 && r.right <= g.right + 1 && r.top >= g.top - 1 && r.bottom <= g.bottom + 1;
    });
  }, selector);
}

test("the demo's Laporan shows the summary and the four charts on one screen, titled in Bahasa Indonesia", async () => {
  const page = await openSheet("Laporan");
  await page.getByRole("cell", { name: "Kasus berjalan", exact: true }).waitFor();
  await page.locator(".sheet-chart").nth(3).waitFor();
  const titles = await page.locator(".sheet-chart figcaption").allTextContents();
  expect(titles).toEqual([
    expect.stringMatching(/^Median dan standar per langkah: [A-Z]+ · .+$/),
    "Dalam standar per SOP (%)",
    "Langkah dalam standar per bulan (%)",
    "Kasus terlambat kini per pelaksana",
  ]);
  expect(await onScreen(page, ".sheet-chart")).toEqual([true, true, true, true]);
  const grid = (await page.locator("#grid").boundingBox())!;
  for (const label of ["Kasus berjalan", "Terlambat kini", "Langkah dalam standar bulan ini", "Pengembalian bulan ini", "Kasus selesai bulan ini"]) {
    const box = (await page.getByRole("cell", { name: label, exact: true }).first().boundingBox())!;
    expect({ label, shown: box.y >= grid.y && box.y + box.height <= grid.y + grid.height }).toEqual({ label, shown: true });
  }
  // Indonesian forms: a percentage, a duration in hours and minutes, a decimal comma in the chart's data.
  const cells = await page.locator("table.cells td .v").allTextContents();
  expect(cells.some((t) => /^\d+%$/.test(t))).toBe(true);
  expect(cells.some((t) => /^\d+ j \d+ mnt$/.test(t))).toBe(true);
  expect(cells.some((t) => /^\d+,\d$/.test(t))).toBe(true);
  await page.screenshot({ path: join(SHOTS, "laporan.png") });

  // The chooser: another SOP redraws the first chart.
  const chooser = page.locator('table.cells tr[data-row="10"] td[data-col="3"]');
  const before = (await chooser.locator(".v").textContent()) ?? "";
  await chooser.locator(".dd").click();
  const list = page.locator("#dd-list [role=option]");
  await list.first().waitFor();
  const options = await list.allTextContents();
  const other = options.find((o) => o.trim() && o !== before) as string;
  await page.locator("#dd-list").getByRole("option", { name: other, exact: true }).click();
  await page.locator(".sheet-chart figcaption", { hasText: other }).waitFor();
  await page.screenshot({ path: join(SHOTS, "laporan-pilih-sop.png") });

  // Further down: the tables with their headers.
  await page.locator("#grid").evaluate((g) => {
    const row = [...g.querySelectorAll<HTMLElement>("table.cells tr")].find((r) => r.textContent?.startsWith("33"));
    g.scrollTop = (row?.offsetTop ?? 0) - 30;
  });
  await page.screenshot({ path: join(SHOTS, "laporan-tabel.png") });
  await page.close();
});

test("the Monitoring SOP sheet for the demo's semester, in the official form with the evaluation checklist beside it", async () => {
  const page = await openSheet(/^Monitoring SOP 20\d\d-(I|II)$/);
  for (const h of ["No", "Prosedur", "Penilaian terhadap penerapan", "Catatan hasil penilaian", "Tindakan yang harus diambil", "Paraf penilai", "Kriteria evaluasi"]) {
    await page.locator("table.cells td", { hasText: h }).first().waitFor();
  }
  const notes = await page.locator("table.cells td .v", { hasText: /^Data Alur: / }).allTextContents();
  expect(notes.length).toBeGreaterThanOrEqual(20);
  expect(notes.some((n) => n.includes("kali langkah dikerjakan"))).toBe(true);
  await page.screenshot({ path: join(SHOTS, "monitoring.png") });
  await page.close();
});

test("an SOP AP page ready to sign: identity filled, Disahkan oleh as a block, values Alur completed marked, no repair notes", async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const signer = { jabatan: "KEPALA DINAS KOMUNIKASI DAN INFORMATIKA", nama: "Drs. Contoh Saragih, M.Si.", pangkat: "Pembina Utama Muda (IV/c)", nip: "19700101 199003 1 001" };
  const identity = {
    ...kenaikanGajiBerkala.identity,
    nomor: "800/112/Kominfo/2026",
    tanggalPembuatan: "2 Januari 2026",
    tanggalRevisi: "-",
    tanggalEfektif: "5 Januari 2026",
    dasarHukum: "PP 15/2019 tentang Peraturan Gaji PNS; Permenpan RB 35/2012",
    kualifikasiPelaksana: "Memahami administrasi kepegawaian",
    peralatan: "Komputer, printer, ATK",
    peringatan: "Usulan terlambat menunda kenaikan gaji pegawai",
    pencatatan: "Register usulan KGB",
  };
  for (const [name, sop] of [
    ["sop-kgb", { ...kenaikanGajiBerkala, identity }],
    ["sop-rka", CATALOG.find((s) => s.id === "rka")!],
  ] as const) {
    await page.setContent(renderSopPage(sop, ROLES, { signer }), { waitUntil: "load" });
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  }
  await page.setContent(renderSopPage({ ...kenaikanGajiBerkala, identity }, ROLES, { signer }), { waitUntil: "load" });
  expect(await page.locator(".identity .sig .nm").textContent()).toBe("Drs. Contoh Saragih, M.Si.");
  expect(await page.locator(".catatan.total").textContent()).toBe("Jumlah waktu baku bila setiap langkah dijalankan sekali: 2 jam 30 menit (1 hari = 450 menit kerja).");
  expect(await page.locator(".sheet").count()).toBe(1);
  expect(await page.locator("text=Lampiran: catatan perbaikan").count()).toBe(0);
  expect(await page.locator(".foot .fn").first().textContent()).toContain("† Dilengkapi Alur");
  // Nothing clipped in the identity block.
  const clipped = await page.$$eval(".identity .c", (els) => els.filter((e) => e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent));
  expect(clipped).toEqual([]);
  await page.close();
});
