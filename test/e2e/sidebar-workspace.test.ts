// The sidebar's acceptance in Chromium against the local workspace (issue 6 "Done when"): real bundle, real grid, act-as people.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { sop as cuti } from "../../src/catalog/sops/cuti";
import { sop as suratKeluar } from "../../src/catalog/sops/surat-keluar";
import type { Sop, SopStep } from "../../src/domain/sop";
import { launchBrowser } from "./browser";
import { actAs, ensureServerBuilt, freePort, ROOT, type RunningServer, sidebarOf, startServer, stopServer, useMenu, waitGrid } from "./workspace-helpers";

const SHOTS = join(ROOT, "test-artifacts/sidebar-workspace");
const ADMIN = "admin@dinas.example";
/** Who acts for each lane in this office (emulator/alur-world.ts); the Pemohon's steps are recorded by JFU on their behalf. */
const HOLDER: Record<string, string> = {
  PEMOHON: "jfu@dinas.example",
  JFU: "jfu@dinas.example",
  KASUBBAG: "kasubbag-umum@dinas.example",
  SEKRETARIS: "sekretaris@dinas.example",
  "KEPALA DINAS": "kepala-dinas@dinas.example",
};
const CT_TAB = `${cuti.code} · ${cuti.shortTitle}`;
const SK_TAB = `${suratKeluar.code} · ${suratKeluar.shortTitle}`;

let browser: Browser;
let server: RunningServer;
let dataDir: string;
let page: Page;
/** Every alert()/confirm() the pages raised: typed markup must never run, so this stays empty. */
const dialogs: string[] = [];
let cutiId = "";
let skId = "";

const sb = (): FrameLocator => sidebarOf(page);
const shot = (name: string) => page.locator("#sidebar").screenshot({ path: join(SHOTS, `${name}.png`) });
const timeline = () => sb().locator("#view ol.timeline > li");

const TAB_ID = { Kasus: "case", Antrean: "queue", Baru: "new", SOP: "sop", Ringkas: "summary" };

/** Clicks a panel tab by the label it shows and waits until it is the selected one. */
async function openTab(name: keyof typeof TAB_ID): Promise<void> {
  const tab = sb().getByRole("tab").and(sb().locator(`#tab-${TAB_ID[name]}`));
  expect(await tab.textContent()).toMatch(new RegExp(`^${name}`));
  await tab.click();
  try {
    await sb().locator(`#tab-${TAB_ID[name]}[aria-selected="true"]`).waitFor();
  } catch (e) {
    // Say what the panel showed instead: which tab was selected, as whom, and which page the frame held.
    const seen = await sb()
      .locator("body")
      .evaluate(() => ({ tabs: [...document.querySelectorAll("[role=tab]")].map((b) => `${b.id}=${b.getAttribute("aria-selected")}`), me: document.getElementById("me")?.title, url: location.href }))
      .catch((err: Error) => err.message);
    await page.screenshot({ path: join(SHOTS, `open-tab-${TAB_ID[name]}-failed.png`) });
    throw new Error(`${(e as Error).message}\npanel: ${JSON.stringify(seen)}`);
  }
}

/** Waits until the Kasus view shows caseId at the given step (or finished) and returns that step's history length. */
async function showsCase(caseId: string, step: string | "Selesai"): Promise<number> {
  await sb().locator("#view header .case-id", { hasText: caseId }).waitFor();
  if (step === "Selesai") await sb().locator("#view header .chip", { hasText: "Selesai" }).waitFor();
  else await sb().locator("#view #step-h", { hasText: new RegExp(`^Langkah ${step}(Keputusan)?$`) }).waitFor();
  return timeline().count();
}

/** The step after `step` when it is completed or approved: the decision's yes-branch, else the next row of the table. */
function nextStep(sop: Sop, step: SopStep): SopStep | null {
  if (step.kind === "decision" && step.yesTo) return sop.steps.find((s) => s.no === step.yesTo) ?? null;
  return sop.steps[sop.steps.indexOf(step) + 1] ?? null;
}

/**
 * The holder of the current step takes it over in the panel and presses the forward button; afterwards the panel shows
 * the next step with one more Riwayat entry, and the register row has ▶ in the next lane and ✓ in this one.
 */
async function forward(sop: Sop, caseId: string, stepNo: string, note = ""): Promise<void> {
  const step = sop.steps.find((s) => s.no === stepNo)!;
  const next = nextStep(sop, step);
  await actAs(page, HOLDER[step.role]);
  await openTab("Kasus");
  const before = await showsCase(caseId, step.no);
  await sb().locator("#view .lane-current", { hasText: step.role }).waitFor();
  if (note) await sb().getByLabel("Catatan (opsional)").fill(note);
  if ((step.letters ?? []).includes("keputusan")) {
    // A leave decision (BKN VIII): the official picks Disetujui and records it.
    await sb().getByRole("radio", { name: "Disetujui", exact: true }).check();
    await sb().getByRole("button", { name: "Catat keputusan" }).click();
  } else {
    await sb()
      .getByRole("button", { name: step.kind === "decision" ? "Setujui" : "Selesai & teruskan" })
      .click();
  }
  // One entry for the step, and one per number the step takes from Agenda Surat (its "agenda"/"nomor" markers).
  const after = await showsCase(caseId, next ? next.no : "Selesai");
  const numbering = (step.letters ?? []).some((l) => l === "agenda" || l === "nomor");
  if (numbering) expect(after).toBeGreaterThan(before + 1);
  else expect(after).toBe(before + 1);
  if (next) {
    await waitGrid(page, caseId, `▸ ${next.role}`, new RegExp(`^▶ ${next.no} · sejak `));
    if (next.role !== step.role) await waitGrid(page, caseId, `▸ ${step.role}`, /^✓ /);
  } else {
    await waitGrid(page, caseId, "Status", "Selesai");
    for (const lane of sop.lanes) await waitGrid(page, caseId, `▸ ${lane.header}`, /^✓ /);
  }
}

beforeAll(async () => {
  ensureServerBuilt();
  mkdirSync(SHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), "alur-sb-"));
  // A clean workbook (set up on first start, no demo cases): every row on a register is one this file made.
  server = await startServer(await freePort(), dataDir, ["--reset", "--no-demo"]);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(15_000);
  page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`http://localhost:${server.port}`);
  await page.getByRole("tab", { name: CT_TAB }).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server.child);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test("Kasus baru: a Surat Cuti with a wrong NIP is refused next to the field, corrected and started", async () => {
  await useMenu(page, "Kasus baru");
  await sb().locator("#nf-sop").selectOption(cuti.id);
  const typed: Record<string, string> = {
    perihal: "Cuti tahunan Sdr. Budi",
    pemohon: "Budi Santoso",
    namaPegawai: "Budi Santoso",
    nip: "123",
    alasan: "Keperluan keluarga",
    alamatSelamaCuti: "Jl. Merdeka 1, Bandung",
  };
  for (const [key, value] of Object.entries(typed)) await sb().locator(`#nf-${key}`).fill(value);
  await sb().locator("#nf-jenisCuti").selectOption("Cuti Tahunan");
  await sb().locator("#nf-mulai").fill("2026-12-07");
  await sb().locator("#nf-selesai").fill("2026-12-11");
  await sb().getByRole("button", { name: "Mulai kasus" }).click();

  // The message sits next to NIP, the field is marked and focused, and nothing else is flagged.
  const nip = sb().locator("#nf-nip");
  await expectText(sb().locator("#nf-nip-err"), "NIP harus 18 angka.");
  expect(await nip.getAttribute("aria-invalid")).toBe("true");
  expect(await nip.getAttribute("aria-describedby")).toContain("nf-nip-err");
  expect(await nip.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await sb().locator("#view .field-error").count()).toBe(1);
  // What was typed is still there.
  for (const [key, value] of Object.entries(typed)) expect(await sb().locator(`#nf-${key}`).inputValue()).toBe(value);
  await shot("baru-dengan-kesalahan");

  await nip.fill("198701012010011001");
  await sb().getByRole("button", { name: "Mulai kasus" }).click();
  await sb().getByRole("heading", { name: typed.perihal }).waitFor();
  cutiId = (await sb().locator("#view header .case-id").textContent())!.trim();
  expect(cutiId).toMatch(/^CT-\d{4}-\d{4}$/);
  await sb().locator("#view dd", { hasText: "198701012010011001" }).first().waitFor({ state: "attached" });
  // The grid follows to the register, with the new row held by the Pemohon's lane.
  await page.getByRole("tab", { name: CT_TAB, selected: true }).waitFor();
  await waitGrid(page, cutiId, `▸ ${cuti.steps[0].role}`, /^▶ 1 · sejak /);
  await waitGrid(page, cutiId, "NIP", "198701012010011001");

  // Step 1 (the Pemohon's, recorded by JFU) on to step 2 at JFU.
  await forward(cuti, cutiId, "1");
});

async function expectText(loc: ReturnType<FrameLocator["locator"]>, text: string): Promise<void> {
  await loc.filter({ hasText: text }).waitFor();
  expect((await loc.textContent())?.trim()).toBe(text);
}

/** Fills the Kasus baru form for an SOP: text fields by key, choices by option. */
async function fillNewCase(sopId: string, text: Record<string, string>, choices: Record<string, string> = {}): Promise<void> {
  await openTab("Baru");
  await sb().locator("#nf-sop").selectOption(sopId);
  for (const [key, value] of Object.entries(text)) await sb().locator(`#nf-${key}`).fill(value);
  for (const [key, value] of Object.entries(choices)) await sb().locator(`#nf-${key}`).selectOption(value);
}

async function startCase(perihal: string): Promise<string> {
  await sb().getByRole("button", { name: "Mulai kasus" }).click();
  await sb().getByRole("heading", { name: perihal, exact: true }).waitFor();
  return (await sb().locator("#view header .case-id").textContent())!.trim();
}

test("Surat Keluar started by the Sekretaris and carried by each pelaksana to the decision at step 4", async () => {
  await actAs(page, HOLDER.SEKRETARIS);
  await fillNewCase(suratKeluar.id, { perihal: "Undangan rapat koordinasi SPBE", tujuan: "Kepala Bappeda", klasifikasi: "000.1.2" }, { sifat: "Segera" });
  skId = await startCase("Undangan rapat koordinasi SPBE");
  expect(skId).toMatch(/^SK-\d{4}-\d{4}$/);
  await waitGrid(page, skId, "▸ SEKRETARIS", /^▶ 1 · sejak /);
  for (const no of ["1", "2", "3"]) await forward(suratKeluar, skId, no);
});

test("Antrean saya: JFU sees the Cuti case at its JFU step, Kasubbag sees the Surat Keluar case at step 4", async () => {
  const queue = sb().locator("#view ol.queue");
  const item = (id: string) => queue.locator(".queue-item", { has: sb().locator(".case-id", { hasText: id }) });

  await actAs(page, HOLDER.JFU);
  await openTab("Antrean");
  await item(cutiId).waitFor();
  expect(await item(cutiId).locator(".q-step").textContent()).toMatch(/^Langkah 2: Mencatat permohonan cuti/);
  expect(await item(skId).count()).toBe(0);

  await actAs(page, HOLDER.KASUBBAG);
  await openTab("Antrean");
  await item(skId).waitFor();
  expect(await item(skId).locator(".q-step").textContent()).toMatch(/^Langkah 4: Memeriksa dan meneruskan surat/);
  expect(await item(skId).locator(".q-perihal").textContent()).toBe("Undangan rapat koordinasi SPBE");
  expect(await item(cutiId).count()).toBe(0);
  await expect(sb().locator("#tab-queue .badge").textContent()).resolves.toBe("1");
  await shot("antrean");

  // One click opens the case in Kasus and selects its row on the register.
  await item(skId).click();
  await showsCase(skId, "4");
  await page.getByRole("tab", { name: SK_TAB, selected: true }).waitFor();
});

test("the panel opened on a register row shows that row's case, and follows when another row is chosen", async () => {
  await page.locator("#sidebar-close").click();
  await page.locator("#sidebar").waitFor({ state: "hidden" });
  await page.getByRole("tab", { name: CT_TAB }).click();
  await page.getByRole("tab", { name: CT_TAB, selected: true }).waitFor();
  await page.locator("table.cells tbody tr:not(.frozen) td:first-of-type", { hasText: cutiId }).click();
  await useMenu(page, "Buka panel");
  await showsCase(cutiId, "2");
  expect(await sb().locator("#view h2.perihal").textContent()).toBe("Cuti tahunan Sdr. Budi");
  // Kasubbag is acting: the step is JFU's, so the panel says so instead of offering buttons.
  await sb().locator("#view .actions", { hasText: "Langkah ini dipegang Jabatan Fungsional Umum (JFU)" }).waitFor();
  await page.screenshot({ path: join(SHOTS, "ruang-kerja-kasus.png") });

  await page.getByRole("tab", { name: SK_TAB }).click();
  await page.locator("table.cells tbody tr:not(.frozen) td:first-of-type", { hasText: skId }).click();
  // The panel polls the selection (every 3 s while nothing changes at first).
  await sb().locator("#view header .case-id", { hasText: skId }).waitFor({ timeout: 20_000 });
  await showsCase(skId, "4");
  await shot("kasus");
});

test("Surat Keluar: Kasubbag returns it at step 4 with a reason, JFU redoes step 3, then it is approved through to the end", async () => {
  await actAs(page, HOLDER.KASUBBAG);
  await openTab("Kasus");
  const before = await showsCase(skId, "4");
  await sb().getByRole("button", { name: "Kembalikan", exact: true }).click();
  await expectText(sb().locator("#return-target"), "Kasus akan kembali ke langkah 3: Membuat surat, kemudian menyampaikannya kembali kepada kasubbag umum untuk diperiksa atau mengagendakan surat dari bidang terkait");
  // A return needs a reason.
  await sb().getByRole("button", { name: "Kembalikan kasus" }).click();
  await sb().locator("#view .panel-return .field-error", { hasText: "Alasan wajib diisi." }).waitFor();
  expect(await timeline().count()).toBe(before);
  const reason = "Nomor klasifikasi salah; perbaiki paragraf kedua.";
  await sb().getByLabel("Alasan pengembalian").fill(reason);
  await sb().getByRole("button", { name: "Kembalikan kasus" }).click();

  expect(await showsCase(skId, "3")).toBe(before + 1);
  await sb().locator("#view header .chip", { hasText: "Dikembalikan" }).waitFor();
  await sb().locator("#view .lane-current", { hasText: "JFU" }).waitFor();
  const newest = timeline().last();
  await expectText(newest.locator(".event-note"), reason);
  expect(await newest.locator(".event-what").textContent()).toContain("Langkah 4");
  await waitGrid(page, skId, "Status", "Dikembalikan");
  await waitGrid(page, skId, "▸ JFU", /^▶ 3 · sejak /);
  // The Kasubbag's column says it sent the case back, not a ✓ that reads as approved.
  await waitGrid(page, skId, "▸ KASUBBAG", /^↩ dikembalikan /);
  await newest.scrollIntoViewIfNeeded();
  await shot("dikembalikan");

  await forward(suratKeluar, skId, "3", "Sudah diperbaiki.");
  await waitGrid(page, skId, "Status", "Berjalan");
  for (const no of ["4", "5", "6", "7", "8", "9"]) await forward(suratKeluar, skId, no);
  await sb().locator("#view header .chip", { hasText: "Selesai" }).waitFor();
  await waitGrid(page, skId, "▸ KASUBBAG", /^✓ /);
});

test("Surat Cuti: each pelaksana in turn takes it from step 2 until it is Selesai", async () => {
  // Select the Cuti row again: the panel follows the register row, as in Sheets.
  await page.getByRole("tab", { name: CT_TAB }).click();
  await page.locator("table.cells tbody tr:not(.frozen) td:first-of-type", { hasText: cutiId }).click();
  await sb().locator("#view header .case-id", { hasText: cutiId }).waitFor({ timeout: 20_000 });
  for (const step of cuti.steps.slice(1)) await forward(cuti, cutiId, step.no);
  // Every step left one entry: the start, then one per step, and the numbers of steps 2 (agenda) and 7a (the letter).
  expect(await timeline().count()).toBeGreaterThanOrEqual(cuti.steps.length + 3);
});

const SCRIPT = "<script>alert(1)</script>";
const IMG = '"><img src=x onerror=alert(1)>';
const FORMULA = '=HYPERLINK("http://x","y")';

test("typed markup and formulas stay text: in the panel, in the timeline and on the register", async () => {
  await actAs(page, HOLDER.SEKRETARIS);
  await fillNewCase(suratKeluar.id, { perihal: SCRIPT, tujuan: IMG, klasifikasi: FORMULA, isiSurat: `${SCRIPT}\n${IMG}\n${FORMULA}` }, { sifat: "Biasa" });
  const id = await startCase(SCRIPT);
  expect(await sb().locator("#view h2.perihal").textContent()).toBe(SCRIPT);
  const fact = (label: string) => sb().locator("#view dl.facts dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
  expect(await fact("Tujuan Surat").textContent()).toBe(IMG);
  expect(await fact("Kode Klasifikasi Arsip").textContent()).toBe(FORMULA);
  expect(await fact("Isi Surat").textContent()).toBe(`${SCRIPT}\n${IMG}\n${FORMULA}`);

  // A note typed on a step comes back in Riwayat as the same text.
  await forward(suratKeluar, id, "1", IMG);
  await expectText(timeline().last().locator(".event-note"), IMG);
  const made = await sb()
    .locator("body")
    .evaluate(() => ({ img: document.querySelectorAll("img").length, script: document.querySelectorAll("#view script, #alert script").length }));
  expect(made).toEqual({ img: 0, script: 0 });

  // On the register: the same literal text, stored as a value (the formula bar would show a formula as raw).
  await page.getByRole("tab", { name: SK_TAB, selected: true }).waitFor();
  expect(await waitGrid(page, id, "Perihal", SCRIPT)).toEqual({ text: SCRIPT, raw: null });
  expect(await waitGrid(page, id, "Tujuan Surat (Yth.)", IMG)).toEqual({ text: IMG, raw: null });
  expect(await waitGrid(page, id, "Kode Klasifikasi Arsip", FORMULA)).toEqual({ text: FORMULA, raw: null });
  expect(await page.locator("#grid img, #grid script").count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test("SOP and Ringkas views, as the admin sees them", async () => {
  await actAs(page, ADMIN);
  await openTab("SOP");
  await sb().locator("#sop-page-select").selectOption(cuti.id);
  const sopFrame = sb().frameLocator("iframe.sop-frame");
  await sopFrame.getByText(cuti.steps[1].text).first().waitFor();
  await shot("sop");

  await openTab("Ringkas");
  const row = (code: string) => sb().locator("#view table.summary tbody tr", { has: sb().locator("th", { hasText: new RegExp(`^${code}`) }) });
  await row(suratKeluar.code).waitFor();
  // One Surat Keluar finished, one still running (the markup one); the Cuti case finished.
  expect(await row(suratKeluar.code).locator("td").allTextContents()).toEqual(["1", "0", "1"]);
  expect(await row(cuti.code).locator("td").allTextContents()).toEqual(["0", "0", "1"]);
  await shot("ringkas");

  // Perbarui Laporan: the sheet opens in the grid with its summary and tables, and its four charts are drawn over it and in Grafik.
  await sb().getByRole("button", { name: "Perbarui Laporan" }).click();
  await sb().locator(".report-note", { hasText: /^Laporan diperbarui: \d+ catatan Riwayat dihitung/ }).waitFor();
  await page.getByRole("tab", { name: "Laporan", selected: true }).waitFor();
  await page.locator("#grid", { hasText: "Median per kasus" }).waitFor();
  await page.locator("#n-charts", { hasText: /^4$/ }).waitFor();
  await page.locator(".sheet-chart").nth(3).waitFor();
  await page.getByRole("button", { name: /^Grafik/ }).click();
  await page.locator(".drawer figure.chart").nth(3).waitFor();
  expect(await page.locator(".drawer figure.chart figcaption").allTextContents()).toEqual([
    expect.stringMatching(/^Median dan standar per langkah: .+ · Laporan$/),
    "Dalam standar per SOP (%) · Laporan",
    "Langkah dalam standar per bulan (%) · Laporan",
    "Kasus terlambat kini per pelaksana · Laporan",
  ]);
  await page.screenshot({ path: join(SHOTS, "laporan.png") });
  await page.getByRole("button", { name: /^Grafik/ }).click();
});

test("a server call that fails keeps what was typed and says so (role=alert); the same press works once the server is back", async () => {
  const typed = { perihal: "Permohonan data menara", tujuan: "Kepala Dinas PUPR", klasifikasi: "500" };
  await fillNewCase(suratKeluar.id, typed, { sifat: "Sangat Segera" });
  await stopServer(server.child);
  await sb().getByRole("button", { name: "Mulai kasus" }).click();
  const alert = sb().getByRole("alert");
  await alert.filter({ hasText: "Server tidak menjawab. Periksa sambungan internet, lalu coba lagi." }).waitFor();
  for (const [key, value] of Object.entries(typed)) expect(await sb().locator(`#nf-${key}`).inputValue()).toBe(value);
  expect(await sb().locator("#nf-sifat").inputValue()).toBe("Sangat Segera");
  await expect(sb().getByRole("button", { name: "Mulai kasus" }).isEnabled()).resolves.toBe(true);
  await shot("gagal-server");

  server = await startServer(server.port, dataDir);
  const id = await startCase(typed.perihal);
  expect(id).toMatch(/^SK-\d{4}-\d{4}$/);
  await waitGrid(page, id, "Perihal", typed.perihal);
});
