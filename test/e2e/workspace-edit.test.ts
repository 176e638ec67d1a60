// The local workspace as a place to try Alur out (issue 14): the grid is edited as in Sheets (typing, dropdowns,
// Enter/Tab/arrows, Escape, Delete, paste, rows), edits go through the fakes with data validation, protections, onEdit
// and onChange, and every browser tab acts as the person chosen in it.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { launchBrowser } from "./browser";
import { ensureServerBuilt, freePort, poll, ROOT, type RunningServer, sidebarOf, startServer, stopServer, useMenu, demoWorkbook } from "./workspace-helpers";

const SHOTS = join(ROOT, "test-artifacts/workspace-edit");
const ADMIN = "admin@dinas.example";
const KADIS = "kepala-dinas@dinas.example";
const JFU = "jfu@dinas.example";

let browser: Browser;
let context: BrowserContext;
let server: RunningServer;
let dataDir: string;
let base: string;
/** alert()/confirm() raised by any page: the workspace asks in its own dialogs, so this stays empty. */
const dialogs: string[] = [];

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

async function openWorkspace(): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(base);
  await page.getByRole("tab", { name: "Pejabat" }).waitFor();
  return page;
}

async function showSheet(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name, exact: true }).click();
  await page.getByRole("tab", { name, exact: true, selected: true }).waitFor();
  await page.locator(`table.cells`).waitFor();
}

const cell = (page: Page, row: number, col: number): Locator => page.locator(`table.cells tr[data-row="${row}"] td[data-col="${col}"]`);
const text = async (page: Page, row: number, col: number) => ((await cell(page, row, col).locator(".v").textContent()) ?? "").trim();

/** A sheet as the server holds it now (the grid's own source). */
async function sheetJson(page: Page, name: string, offset = 0): Promise<{ lastRow: number; rows: { r: number; cells: { t: string; raw?: string; bad?: string }[] }[]; cols: { c: number }[] }> {
  return page.evaluate(([n, o]) => fetch(`/api/sheet?name=${encodeURIComponent(n)}&offset=${o}`).then((r) => r.json()), [name, offset] as const);
}

/** The column number of a header on row 1. */
async function columnOf(page: Page, sheet: string, header: string): Promise<number> {
  const v = await sheetJson(page, sheet);
  const j = v.rows.find((r) => r.r === 1)!.cells.findIndex((c) => c.t === header);
  if (j < 0) throw new Error(`no column ${header} in ${sheet}`);
  return v.cols[j].c;
}

async function actAs(page: Page, email: string): Promise<void> {
  await page.locator("#act-as").selectOption(email);
  await page.locator(".toast", { hasText: `bertindak sebagai ${email}` }).first().waitFor();
}

async function openPanelAs(page: Page, email: string): Promise<void> {
  if ((await page.locator("#sidebar").isHidden()) || !(await sidebarOf(page).locator("#me").count())) await useMenu(page, "Buka panel");
  await sidebarOf(page).locator(`#me[title="Masuk sebagai ${email}"]`).waitFor();
}

/** The workspace's own question or message dialog, by its title. */
const modal = (page: Page, title: string) => page.locator("#modal").filter({ has: page.locator("#modal-title", { hasText: title }) });

beforeAll(async () => {
  ensureServerBuilt();
  mkdirSync(SHOTS, { recursive: true });
  const demo = demoWorkbook("alur-edit-");
  dataDir = demo.dataDir;
  const port = await freePort();
  base = `http://localhost:${port}`;
  server = await startServer(port, dataDir, demo.args);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1440, height: 860 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server.child);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

afterEach(() => expect(dialogs).toEqual([]));

test("an admin types a new official into Pejabat (name, role from the dropdown, email) and can act as them at once", async () => {
  // A Surat Masuk case waits at its first step, the JFU's, whatever the demo left: the new JFU will see it.
  const started = await fetch(`${base}/api/run`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-alur-as": JFU },
    body: JSON.stringify({ fn: "alurApi", args: ["startCase", { sopId: "surat-masuk", fields: { perihal: "Undangan rapat", asalSurat: "Setda", nomorSurat: "005/9", tanggalSurat: "2026-11-30", diterimaTanggal: "2026-12-01", sifat: "Biasa" } }] }),
  }).then((r) => r.json());
  expect(started).toMatchObject({ ok: true, value: { ok: true } });
  const page = await openWorkspace();
  await showSheet(page, "Pejabat");
  const row = (await sheetJson(page, "Pejabat")).lastRow + 1;
  const [role, name, email] = await Promise.all(["Peran", "Nama", "Email"].map((h) => columnOf(page, "Pejabat", h)));

  await cell(page, row, name).click();
  await page.keyboard.type("Rina Simanjuntak");
  await page.keyboard.press("Tab");
  // Tab moved one cell to the right, as in Sheets; the name is in the sheet.
  await page.locator("#cell-ref", { hasText: `C${row}` }).waitFor();
  await poll(() => text(page, row, name), (t) => t === "Rina Simanjuntak", "name typed");
  await cell(page, row, email).click();
  await page.keyboard.type("rina.simanjuntak@dinas.example");
  await page.keyboard.press("Enter");
  await page.locator("#cell-ref", { hasText: `F${row + 1}` }).waitFor();
  await poll(() => text(page, row, email), (t) => t === "rina.simanjuntak@dinas.example", "email typed");

  await cell(page, row, role).locator(".dd").click();
  const options = page.locator("#dd-list [role=option]");
  await options.first().waitFor();
  expect(await options.allTextContents()).toContain("Kasubbag Umum dan Kepegawaian");
  await shot(page, "pejabat-dropdown");
  await page.locator("#dd-list").getByRole("option", { name: "Jabatan Fungsional Umum (JFU)", exact: true }).click();
  await poll(() => text(page, row, role), (t) => t === "Jabatan Fungsional Umum (JFU)", "role chosen");
  await shot(page, "pejabat-typed");

  // The act-as list reads Pejabat as it is now: she is there at once, with her role.
  const option = page.locator('#act-as option[value="rina.simanjuntak@dinas.example"]');
  await option.waitFor({ state: "attached" });
  expect(await option.textContent()).toBe("Rina Simanjuntak — Jabatan Fungsional Umum (JFU) <rina.simanjuntak@dinas.example>");
  await actAs(page, "rina.simanjuntak@dinas.example");
  await openPanelAs(page, "rina.simanjuntak@dinas.example");
  await sidebarOf(page).locator("#me", { hasText: "Rina Simanjuntak" }).waitFor();
  // onEdit dropped the cached configuration: the panel already knows her as JFU (her Antrean has JFU's waiting cases).
  await sidebarOf(page).locator("#tab-queue .badge, #tab-queue", { hasText: /\d/ }).first().waitFor();
  await shot(page, "acting-as-new-official");
  await page.close();
});

test("two tabs act as two people at the same time: each panel shows its own person, and an action is made by that tab's person", async () => {
  const kadis = await openWorkspace();
  await actAs(kadis, KADIS);
  await openPanelAs(kadis, KADIS);
  const jfu = await openWorkspace();
  await actAs(jfu, JFU);
  await openPanelAs(jfu, JFU);
  // Polls run on both pages for a while: neither takes the other's person.
  await kadis.waitForTimeout(3500);
  expect(await kadis.locator("#act-as").inputValue()).toBe(KADIS);
  await sidebarOf(kadis).locator(`#me[title="Masuk sebagai ${KADIS}"]`).waitFor();
  expect(await jfu.locator("#act-as").inputValue()).toBe(JFU);

  // JFU starts a Surat Masuk in the second tab while the first still acts as the Kepala Dinas.
  await useMenu(jfu, "Kasus baru");
  const sb = sidebarOf(jfu);
  await sb.locator("#nf-sop").selectOption("surat-masuk");
  const perihal = "Undangan rapat dua tab";
  await sb.locator("#nf-perihal").fill(perihal);
  await sb.locator("#nf-asalSurat").fill("Bappeda");
  await sb.locator("#nf-nomorSurat").fill("005/12/Bappeda/2026");
  await sb.locator("#nf-tanggalSurat").fill("2026-11-20");
  await sb.locator("#nf-diterimaTanggal").fill("2026-11-23");
  await sb.locator("#nf-sifat").selectOption("Biasa");
  await sb.getByRole("button", { name: "Mulai kasus" }).click();
  await sb.getByRole("heading", { name: perihal }).waitFor();
  const caseId = ((await sb.locator(".case-id").first().textContent()) ?? "").trim();
  expect(caseId).toMatch(/^SM-\d{4}-\d{4}$/);

  // Riwayat records it as JFU's.
  const actor = await columnOf(kadis, "Riwayat", "Email pelaku");
  // Its newest rows: the grid's window ends at the last row.
  const riwayat = await sheetJson(kadis, "Riwayat", Math.max(0, (await sheetJson(kadis, "Riwayat")).lastRow - 50));
  const idCol = riwayat.rows.find((r) => r.r === 1)!.cells.findIndex((c) => c.t === "ID Kasus");
  const entry = riwayat.rows.find((r) => r.cells[idCol]?.t === caseId)!;
  expect(entry.cells[riwayat.cols.findIndex((c) => c.c === actor)].t).toBe(JFU);
  // The first tab still acts, and reads, as the Kepala Dinas.
  await sidebarOf(kadis).locator(`#me[title="Masuk sebagai ${KADIS}"]`).waitFor();
  expect(await kadis.locator("#act-as").inputValue()).toBe(KADIS);
  await shot(kadis, "tab-kepala-dinas");
  await shot(jfu, "tab-jfu");
  await kadis.close();
  await jfu.close();
});

test("a value refused by data validation is refused with its message and changes nothing; a warning-only rule keeps and marks it", async () => {
  const page = await openWorkspace();
  await actAs(page, ADMIN);
  await showSheet(page, "SM · Surat Masuk");
  const [tanggal, sifat, status] = await Promise.all(["Tanggal Surat", "Sifat Surat", "Status"].map((h) => columnOf(page, "SM · Surat Masuk", h)));
  const before = await sheetJson(page, "SM · Surat Masuk");

  // A slow connection: the sheet comes back 1.5 s after it is asked for.
  let inFlight = 0;
  const sheetReads = /\/api\/sheet\?/;
  page.on("request", (r) => void (sheetReads.test(r.url()) && inFlight++));
  page.on("requestfinished", (r) => void (sheetReads.test(r.url()) && inFlight--));
  page.on("requestfailed", (r) => void (sheetReads.test(r.url()) && inFlight--));
  await page.route(sheetReads, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });

  await cell(page, 2, tanggal).click();
  await page.keyboard.type("kemarin");
  await page.keyboard.press("Enter");
  await modal(page, "Ada masalah").locator("#modal-body", { hasText: "Isi dengan tanggal" }).waitFor();
  await shot(page, "refused-date");
  // The refusal put the selection back on the date cell; the person dismisses it and goes on to Sifat Surat at once,
  // before the page has caught up: when the late refresh arrives, the selection stays where they put it.
  await modal(page, "Ada masalah").getByRole("button", { name: "OK", exact: true }).click();
  await cell(page, 2, sifat).click();
  for (let i = 0; inFlight > 0 && i < 150; i++) await page.waitForTimeout(100);
  expect(inFlight).toBe(0);
  await page.unroute(sheetReads);
  expect(await cell(page, 2, sifat).getAttribute("class")).toMatch(/\bactive\b/);

  // A list rule without help text: Sheets' own words name the cell and the allowed values.
  await page.keyboard.type("Kilat");
  await page.keyboard.press("Tab");
  const sifatLetter = String.fromCharCode(64 + sifat);
  await modal(page, "Ada masalah")
    .locator("#modal-body", { hasText: `Data yang Anda masukkan di sel ${sifatLetter}2 melanggar aturan validasi data yang ditetapkan pada sel ini. Masukkan salah satu nilai berikut: Biasa, Segera, Sangat Segera, Rahasia.` })
    .waitFor();
  await modal(page, "Ada masalah").getByRole("button", { name: "OK", exact: true }).click();
  expect((await sheetJson(page, "SM · Surat Masuk")).rows).toEqual(before.rows);

  // Alur's own columns are protected with a warning: the edit is asked about first; Batal changes nothing.
  await cell(page, 2, status).click();
  await page.keyboard.type("Dibatalkan");
  await page.keyboard.press("Enter");
  const ask = modal(page, "Perhatian");
  await ask.locator("#modal-body", { hasText: /^Anda mengedit rentang yang dilindungi( \(Alur: [^)]*\))?\. .*Tetap edit\?/ }).waitFor();
  await shot(page, "protected-ask");
  await ask.getByRole("button", { name: "Batal" }).click();
  expect((await sheetJson(page, "SM · Surat Masuk")).rows).toEqual(before.rows);

  // Pejabat's role list only warns (Sheets' default for a new rule): the value stays, marked with why.
  await showSheet(page, "Pejabat");
  const row = (await sheetJson(page, "Pejabat")).lastRow + 1;
  // On a slow connection the list asked for at the first letter comes back after the later ones: it must not be shown
  // (Enter would pick its first role holding a "b", where nothing offered matches all that was typed).
  let asked = 0;
  let answered = 0;
  const optionReads = /\/api\/options\?/;
  page.on("requestfinished", (r) => void (optionReads.test(r.url()) && answered++));
  await page.route(optionReads, async (route) => {
    if (asked++ === 0) await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await cell(page, row, 1).click();
  await page.keyboard.type("Bukan Peran");
  for (let i = 0; (asked === 0 || answered < asked) && i < 100; i++) await page.waitForTimeout(100);
  expect({ asked, answered }).toEqual({ asked: "Bukan Peran".length, answered: "Bukan Peran".length });
  await page.unroute(optionReads);
  await page.keyboard.press("Enter");
  await poll(() => text(page, row, 1), (t) => t === "Bukan Peran", "kept under a warning rule");
  await expect(cell(page, row, 1).getAttribute("title")).resolves.toMatch(/^Tidak valid: Masukkan salah satu nilai berikut: Kepala Dinas, Sekretaris, /);
  expect(await cell(page, row, 1).evaluate((td) => td.classList.contains("invalid"))).toBe(true);
  await shot(page, "warning-kept-marked");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Delete");
  await poll(() => text(page, row, 1), (t) => t === "", "cleared with Delete");
  await page.close();
});

test("the grid edits as in Sheets: arrows, Escape, paste of tab-separated text, Delete over a block, rows inserted and deleted", async () => {
  const page = await openWorkspace();
  await actAs(page, ADMIN);
  // A sheet of one's own to try things on: the "+" beside the tabs adds one, as in Sheets.
  await page.getByRole("button", { name: "Tambah sheet" }).click();
  const mine = page.getByRole("tab", { name: /^Sheet\d+$/, selected: true });
  await mine.waitFor();
  const name = (await mine.textContent()) ?? "";
  const sheetJsonOf = (p: Page, _n: string) => sheetJson(p, name);
  await cell(page, 1, 1).click();
  await page.keyboard.type("Nama");
  await page.keyboard.press("Tab");
  await page.keyboard.type("42");
  await page.keyboard.press("Enter");
  await poll(() => text(page, 1, 2), (t) => t === "42", "number typed");
  expect((await sheetJsonOf(page, name)).rows[0].cells[1]).toMatchObject({ t: "42" });
  await page.locator("#cell-ref", { hasText: "B2" }).waitFor();
  await page.keyboard.press("ArrowLeft");
  await page.locator("#cell-ref", { hasText: "A2" }).waitFor();
  // Escape drops what was typed.
  await page.keyboard.type("tidak jadi");
  await page.keyboard.press("Escape");
  expect(await text(page, 2, 1)).toBe("");
  // Typing a leading apostrophe keeps text; a formula is a formula.
  await page.keyboard.type("'007");
  await page.keyboard.press("Enter");
  await poll(() => text(page, 2, 1), (t) => t === "007", "text kept");
  await page.keyboard.type("=B1*2");
  await page.keyboard.press("Enter");
  await poll(async () => (await sheetJsonOf(page, name)).rows[2]?.cells[0]?.raw ?? "", (t) => t === "=B1*2", "formula");
  await poll(() => text(page, 3, 1), (t) => t === "84", "formula result shown");

  // Paste from the clipboard: a block of tab-separated rows, a quoted cell with a new line in it.
  await cell(page, 5, 3).click();
  await page.evaluate(() => navigator.clipboard.writeText('Bappeda\t2026-11-20\n"Dinas\nKesehatan"\t12'));
  await page.keyboard.press("Control+V");
  await poll(() => text(page, 6, 4), (t) => t === "12", "pasted block");
  expect([await text(page, 5, 3), await text(page, 6, 3)]).toEqual(["Bappeda", "Dinas\nKesehatan"]);
  expect((await sheetJsonOf(page, name)).rows.find((r) => r.r === 5)!.cells[3].raw).toMatch(/^20\/11\/2026/);
  await shot(page, "pasted");

  // A row inserted above row 5 moves the block down; deleting it brings it back.
  await page.locator('table.cells tr[data-row="5"] th.rowh').click({ button: "right" });
  await page.getByRole("menuitem", { name: "Sisipkan 1 baris di atas" }).click();
  await poll(() => text(page, 6, 3), (t) => t === "Bappeda", "row inserted");
  await page.locator('table.cells tr[data-row="5"] th.rowh').click({ button: "right" });
  await page.getByRole("menuitem", { name: "Hapus baris 5" }).click();
  await poll(() => text(page, 5, 3), (t) => t === "Bappeda", "row deleted");

  // Shift+click selects a block; Delete empties it.
  await cell(page, 5, 3).click();
  await cell(page, 6, 4).click({ modifiers: ["Shift"] });
  await page.locator("#cell-ref", { hasText: "C5:D6" }).waitFor();
  await page.keyboard.press("Delete");
  await poll(async () => [await text(page, 5, 3), await text(page, 6, 4)].join("|"), (t) => t === "|", "block cleared");
  await page.close();
});
