// The sidebar's acceptance in Chromium against the local workspace (issue 6 "Done when"): real bundle, real grid, act-as people.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { sop as cuti } from "../../src/catalog/sops/cuti";
import { sop as suratKeluar } from "../../src/catalog/sops/surat-keluar";
import type { Sop, SopStep } from "../../src/domain/sop";
import { launchBrowser } from "./browser";
import { actAs, ensureServerBuilt, freePort, gridCell, ROOT, type RunningServer, sidebarOf, startServer, stopServer, useMenu, waitGrid } from "./workspace-helpers";

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
  await sb().locator(`#tab-${TAB_ID[name]}[aria-selected="true"]`).waitFor();
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
  await sb()
    .getByRole("button", { name: step.kind === "decision" ? "Setujui" : "Selesai & teruskan" })
    .click();
  expect(await showsCase(caseId, next ? next.no : "Selesai")).toBe(before + 1);
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
