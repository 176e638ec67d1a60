// The panel issue's acceptance in the local workspace: Ubah isian after a return, the decision in view at 1366×768, managers by role.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, FrameLocator, Page } from "playwright-core";
import { launchBrowser } from "./browser";
import { ensureServerBuilt, freePort, ROOT, type RunningServer, sidebarOf, startServer, stopServer, useMenu, waitGrid, demoWorkbook } from "./workspace-helpers";

const SHOTS = join(ROOT, "test-artifacts/panel-workspace");
const P = (role: string) => `${role}@dinas.example`;
const SK_TAB = "SK · Surat Keluar";

let browser: Browser;
let context: BrowserContext;
let server: RunningServer;
let dataDir: string;
let base: string;
let caseId = "";

type Api = { ok: boolean; error?: string; warnings?: string[]; data?: { id: string; version: number } };

/** A server call as a person, as the panel makes it (the workspace's google.script.run endpoint). */
async function api(as: string, name: string, arg: unknown): Promise<Api> {
  const r = await fetch(`${base}/api/run`, { method: "POST", headers: { "content-type": "application/json", "x-alur-as": as }, body: JSON.stringify({ fn: "alurApi", args: [name, arg] }) });
  const body = (await r.json()) as { ok: boolean; value?: Api; error?: string };
  if (!body.ok) throw new Error(body.error);
  return body.value as Api;
}

async function openAs(email: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  page.setDefaultTimeout(20_000);
  await page.goto(base);
  await page.locator("#act-as").waitFor();
  await page.locator("#act-as").selectOption(email);
  await page.locator(".toast", { hasText: `bertindak sebagai ${email}` }).first().waitFor();
  if ((await page.locator("#sidebar").isHidden()) || !(await sidebarOf(page).locator("#me").count())) await useMenu(page, "Buka panel");
  await sidebarOf(page).locator(`#me[title="Masuk sebagai ${email}"]`).waitFor();
  return page;
}

/** Selects the case's row in its register, so the panel shows it. */
async function selectCase(page: Page, sheet: string, id: string): Promise<FrameLocator> {
  await page.getByRole("tab", { name: sheet, exact: true }).click();
  await page.locator("table.cells tbody tr:not(.frozen) td:first-of-type", { hasText: id }).click();
  const sb = sidebarOf(page);
  await sb.locator("#view header .case-id", { hasText: id }).waitFor();
  return sb;
}

beforeAll(async () => {
  ensureServerBuilt();
  mkdirSync(SHOTS, { recursive: true });
  const demo = demoWorkbook("alur-panel-");
  dataDir = demo.dataDir;
  const port = await freePort();
  server = await startServer(port, dataDir, demo.args);
  base = `http://localhost:${port}`;
  browser = await launchBrowser();
  context = await browser.newContext();
  // A Surat Keluar case brought to the Kasubbag's decision (step 4) through the same calls the panel makes.
  const fields = { perihal: "Permohonan data statistik", tujuan: "Kepala BPS", sifat: "Biasa", klasifikasi: "000.5.2" };
  let v = await api(P("sekretaris"), "startCase", { sopId: "surat-keluar", fields });
  if (!v.ok || !v.data) throw new Error(v.error);
  caseId = v.data.id;
  for (const who of [P("sekretaris"), P("kasubbag-umum"), P("jfu")]) {
    v = await api(who, "act", { caseId, expectedVersion: v.data!.version, action: "complete" });
    if (!v.ok) throw new Error(v.error);
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server.child);
  rmSync(dataDir, { recursive: true, force: true });
});

test("at 1366×768 the decision's buttons and the step's essentials are in view without scrolling the panel", async () => {
  const page = await openAs(P("kasubbag-umum"));
  const sb = await selectCase(page, SK_TAB, caseId);
  await sb.locator("#step-h", { hasText: "Langkah 4" }).waitFor();
  const frame = await page.locator("#sidebar-frame").boundingBox();
  if (!frame) throw new Error("no panel");
  for (const name of ["Setujui", "Kembalikan"]) {
    const box = await sb.getByRole("button", { name, exact: true }).boundingBox();
    expect({ name, inView: !!box && box.y >= frame.y && box.y + box.height <= Math.min(frame.y + frame.height, 768) }).toEqual({ name, inView: true });
  }
  const scrolled = await page.frame({ url: /sidebar|Sidebar|html/ })?.evaluate(() => document.scrollingElement?.scrollTop ?? 0);
  expect(scrolled ?? 0).toBe(0);
  await page.screenshot({ path: join(SHOTS, "decision-1366x768.png") });
  await page.close();
});

test("a case returned at the decision is corrected with Ubah isian and re-approved; Riwayat shows the old and new values", async () => {
  let page = await openAs(P("kasubbag-umum"));
  let sb = await selectCase(page, SK_TAB, caseId);
  await sb.getByRole("button", { name: "Kembalikan", exact: true }).click();
  await sb.getByLabel("Alasan pengembalian").fill("Tujuan kurang lengkap: tulis Kepala BPS Kabupaten Simalungun");
  await sb.getByRole("button", { name: "Kembalikan kasus" }).click();
  await sb.locator("#view header .chip", { hasText: "Dikembalikan" }).waitFor();
  await waitGrid(page, caseId, "▸ KASUBBAG", /^↩ dikembalikan /);
  await page.close();

  page = await openAs(P("jfu"));
  sb = await selectCase(page, SK_TAB, caseId);
  await sb.getByRole("button", { name: "Ubah isian" }).click();
  const tujuan = sb.getByLabel(/^Tujuan Surat/);
  await tujuan.fill("Kepala BPS Kabupaten Simalungun");
  await page.screenshot({ path: join(SHOTS, "ubah-isian.png") });
  await sb.getByRole("button", { name: "Simpan perubahan" }).click();
  await sb.locator("#view ol.timeline > li", { hasText: "Ubah isian" }).first().waitFor();
  await waitGrid(page, caseId, "Tujuan Surat (Yth.)", "Kepala BPS Kabupaten Simalungun");
  await sb.getByRole("button", { name: "Selesai & teruskan" }).click();
  await sb.locator("#step-h", { hasText: "Langkah 4" }).waitFor();
  await page.close();

  page = await openAs(P("kasubbag-umum"));
  sb = await selectCase(page, SK_TAB, caseId);
  await sb.getByRole("button", { name: "Setujui", exact: true }).click();
  await sb.locator("#step-h", { hasText: "Langkah 5" }).waitFor();
  // The panel's timeline shows the correction; Riwayat records it, by the JFU, with the old and the new value.
  await sb.locator("#view ol.timeline > li", { hasText: "Ubah isian" }).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, "timeline-ubah-isian.png") });
  await page.close();
  const sheet = async (offset: number) => (await fetch(`${base}/api/sheet?name=Riwayat&offset=${offset}`)).json() as Promise<{ lastRow: number; rows: { r: number; cells: { t: string }[] }[] }>;
  const first = await sheet(0);
  const tail = await sheet(Math.max(0, first.lastRow - 60));
  const entry = tail.rows.find((r) => r.cells.some((c) => c.t === caseId) && r.cells.some((c) => c.t === "Ubah isian"));
  expect(entry?.cells.map((c) => c.t)).toEqual(expect.arrayContaining([P("jfu"), 'Tujuan Surat (Yth.): "Kepala BPS" → "Kepala BPS Kabupaten Simalungun"']));
});

test("Staf Aplikasi sees no Ringkas, and the server refuses its Laporan rebuild; the Kepala Dinas sees Ringkas", async () => {
  const page = await openAs(P("staf-egov"));
  const tabs = await sidebarOf(page).getByRole("tab").allTextContents();
  expect(tabs.some((t) => t.startsWith("Ringkas"))).toBe(false);
  await page.screenshot({ path: join(SHOTS, "staf-no-ringkas.png") });
  await page.close();
  const refused = await api(P("staf-egov"), "rebuildReport", null);
  expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/hanya untuk pimpinan/) });
  const kadis = await openAs(P("kepala-dinas"));
  await sidebarOf(kadis).getByRole("tab", { name: /^Ringkas/ }).waitFor();
  await kadis.close();
});
