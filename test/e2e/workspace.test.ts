// The local workspace as a new user meets it: `node build/server.cjs` on a fresh data folder, opened in Chromium.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { PDFDocument } from "pdf-lib";
import { textToPdf } from "../../emulator/pdf";
import { launchBrowser } from "./browser";

const ROOT = resolve(__dirname, "../..");
const SHOTS = join(ROOT, "test-artifacts/workspace");
const SERVER = join(ROOT, "build/server.cjs");

let browser: Browser;
let server: ChildProcess;
let dataDir: string;
let base: string;
let log = "";

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** Starts the server and waits for the line a person would read: "Alur lokal: http://localhost:N". */
function startServer(port: number, extra: string[] = []): Promise<ChildProcess> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [SERVER, "--port", String(port), "--data", dataDir, ...extra], { cwd: ROOT, env: { ...process.env, PORT: "" } });
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${log}`)), 90_000);
    const read = (b: Buffer) => {
      log += b.toString();
      if (log.includes(`Alur lokal: http://localhost:${port}`)) {
        clearTimeout(timer);
        ok(child);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code}:\n${log}`));
    });
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (child.exitCode !== null) return ok();
    child.removeAllListeners("exit");
    child.once("exit", () => ok());
    child.kill("SIGTERM");
  });
}

/** Waits until read() gives a value that matches, or fails with the last value seen. */
async function poll(read: () => Promise<string | null>, want: RegExp, ms = 15_000): Promise<string> {
  const until = Date.now() + ms;
  let last: string | null = null;
  while (Date.now() < until) {
    last = await read();
    if (last !== null && want.test(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`expected ${want}, last seen ${JSON.stringify(last)}`);
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

async function openWorkspace(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  const outside: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith("about:") && !r.url().startsWith("data:")) outside.push(r.url());
  });
  (page as Page & { outside?: string[] }).outside = outside;
  await page.goto(base);
  await page.getByRole("tab", { name: "SM · Surat Masuk" }).waitFor();
  return page;
}

async function useMenu(page: Page, item: string): Promise<void> {
  await page.getByRole("button", { name: "Ekstensi" }).click();
  await page.getByRole("menuitem", { name: "Alur" }).hover();
  await page.getByRole("menuitem", { name: item }).click();
}

async function sidebar(page: Page): Promise<Frame> {
  const handle = await page.locator("#sidebar-frame").elementHandle();
  const frame = await handle!.contentFrame();
  await frame!.getByRole("tab", { name: /Kasus/ }).first().waitFor();
  return frame!;
}

async function actAs(page: Page, email: string): Promise<void> {
  await page.locator("#act-as").selectOption(email);
  await page.waitForFunction((e) => (document.getElementById("act-as") as HTMLSelectElement).value === e, email);
}

/** The text of a register cell as the grid shows it, by case ID and column title. */
function gridCell(page: Page, caseId: string, header: string): Promise<string | null> {
  return page.evaluate(
    ([id, h]) => {
      const rows = [...document.querySelectorAll<HTMLTableRowElement>("table.cells tbody tr")];
      const head = rows.find((r) => r.dataset.row === "1");
      const col = [...(head?.querySelectorAll<HTMLTableCellElement>("td") ?? [])].find((td) => td.textContent === h)?.dataset.col;
      const row = rows.find((r) => r.querySelector("td")?.textContent === id);
      return col && row ? (row.querySelector<HTMLTableCellElement>(`td[data-col="${col}"]`)?.textContent ?? null) : null;
    },
    [caseId, header] as const,
  );
}

beforeAll(async () => {
  // A fresh clone has no build: build once, as `npm start` would.
  const newest = (dir: string): number => Math.max(0, ...execFileSync("find", [dir, "-type", "f"], { encoding: "utf8" }).trim().split("\n").filter(Boolean).map((f) => statSync(f).mtimeMs));
  if (!existsSync(SERVER) || ["emulator", "src", "sidebar"].some((d) => newest(join(ROOT, d)) > statSync(SERVER).mtimeMs)) {
    execFileSync(process.execPath, [join(ROOT, "scripts/build.mjs")], { cwd: ROOT, stdio: "pipe" });
  }
  mkdirSync(SHOTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), "alur-ws-"));
  const port = await freePort();
  base = `http://localhost:${port}`;
  server = await startServer(port, ["--reset"]);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test("a new user sees the registers, the Extensions › Alur menu and the sidebar, all from this machine", async () => {
  const page = await openWorkspace();
  // Demo data: the register is not empty at first sight, and the header row is frozen.
  await page.getByRole("tab", { name: "SM · Surat Masuk" }).click();
  await page.locator("table.cells tr.frozen td", { hasText: "Perihal" }).waitFor();
  const dataRows = await page.locator("table.cells tbody tr:not(.frozen) td:first-of-type", { hasText: /^SM-\d{4}-\d{4}$/ }).count();
  expect(dataRows).toBeGreaterThanOrEqual(3);
  // Dates show as dates, late minutes carry the conditional-format colour.
  await expect(page.locator("table.cells td", { hasText: /^\d{1,2} \w{3} \d{4}$/ }).count()).resolves.toBeGreaterThan(0);
  await shot(page, "register");

  await page.getByRole("button", { name: "Ekstensi" }).click();
  await page.getByRole("menuitem", { name: "Alur" }).hover();
  for (const item of ["Buka panel", "Kasus baru", "Antrean saya", "Siapkan Alur", "Bantuan"]) {
    expect(await page.getByRole("menuitem", { name: item }).isVisible()).toBe(true);
  }
  await shot(page, "menu");
  await page.getByRole("menuitem", { name: "Buka panel" }).click();
  const frame = await sidebar(page);
  expect(await page.locator("#sidebar").boundingBox()).toMatchObject({ width: expect.any(Number) });
  expect(Math.round((await page.locator("#sidebar-frame").boundingBox())!.width)).toBe(300);
  await expect(page.locator("#sidebar-title").textContent()).resolves.toBe("Alur");
  // The sidebar talked to the real bundle: it knows who is acting.
  await frame.locator("#me").filter({ hasText: "admin@dinas.example" }).waitFor();
  await shot(page, "sidebar");
  expect((page as Page & { outside?: string[] }).outside).toEqual([]);
  await page.close();
});

test("a case started in the sidebar reaches the next pelaksana by email, who acts on it and moves the row", async () => {
  const page = await openWorkspace();
  await useMenu(page, "Kasus baru");
  let frame = await sidebar(page);
  await frame.locator("#nf-sop").selectOption("surat-masuk");
  const perihal = "Undangan uji ruang kerja lokal";
  await frame.locator("#nf-perihal").fill(perihal);
  await frame.locator("#nf-asalSurat").fill("Bappeda");
  await frame.locator("#nf-nomorSurat").fill("005/77/Bappeda/2026");
  await frame.locator("#nf-tanggalSurat").fill("2026-11-20");
  await frame.locator("#nf-diterimaTanggal").fill("2026-11-23");
  await frame.locator("#nf-sifat").selectOption("Segera");
  await frame.getByRole("button", { name: "Mulai kasus" }).click();
  await frame.getByRole("heading", { name: perihal }).waitFor();
  const caseId = (await frame.locator(".case-id").first().textContent())!.trim();
  expect(caseId).toMatch(/^SM-\d{4}-\d{4}$/);
  // The grid follows: the new row is on the register, held by JFU.
  await page.getByRole("tab", { name: "SM · Surat Masuk", selected: true }).waitFor();
  await poll(() => gridCell(page, caseId, "▸ JFU"), /^▶ 1/);
  await shot(page, "started");

  // The next pelaksana: JFU, who finds the email in the Outbox.
  await actAs(page, "jfu@dinas.example");
  await page.getByRole("button", { name: /Kotak keluar/ }).click();
  const mail = page.locator(".mail-list button", { hasText: caseId }).filter({ hasText: "jfu@dinas.example" }).first();
  await mail.click();
  const mailFrame = page.frameLocator(".mail-frame");
  await mailFrame.getByText(`Kasus ${caseId} menunggu Anda`).waitFor();
  await shot(page, "outbox");
  const link = mailFrame.locator("main a").first();
  const popupWait = page.context().waitForEvent("page");
  await link.click();
  const next = await popupWait;
  await next.waitForLoadState();
  expect(new URL(next.url()).origin).toBe(base);

  if (new URL(next.url()).pathname === "/exec") {
    // Acting from the email: the page asks for an explicit confirmation (a GET never changes a case).
    await next.getByRole("button", { name: "Selesai & teruskan" }).click();
    await next.getByRole("heading", { name: `Kasus ${caseId} diselesaikan dan diteruskan` }).waitFor();
  } else {
    // The link opens the register in a tab of its own, acting as JFU (whose email it was); as in Sheets, JFU selects
    // the case's row and opens the panel there.
    await next.getByRole("tab", { name: "SM · Surat Masuk" }).click();
    await next.locator("table.cells td", { hasText: caseId }).first().click();
    expect(await next.locator("#act-as").inputValue()).toBe("jfu@dinas.example");
    await useMenu(next, "Buka panel");
    frame = await sidebar(next);
    await frame.locator(`#me[title="Masuk sebagai jfu@dinas.example"]`).waitFor();
    await frame.locator(".case-id", { hasText: caseId }).first().waitFor();
    await frame.getByRole("button", { name: "Selesai & teruskan" }).click();
    await frame.locator(".lane-current", { hasText: "KASUBBAG" }).waitFor();
  }
  await next.close();
  await page.reload();
  await page.getByRole("tab", { name: "SM · Surat Masuk" }).click();
  await poll(() => gridCell(page, caseId, "▸ KASUBBAG"), /^▶ 2/);
  await expect(gridCell(page, caseId, "▸ JFU")).resolves.toMatch(/^✓/);
  await shot(page, "moved");
  await page.close();
});

test("the workbook survives a restart, and the clock says in words what its triggers did", async () => {
  const page = await openWorkspace();
  const before = await page.locator("#clock").textContent();
  // The tooltip names the triggers in words, never by their function names.
  const tip = (await page.locator("#clock").getAttribute("title")) ?? "";
  expect(tip).toMatch(/^Pemicu berikutnya: /);
  expect(tip).toMatch(/pemicu per jam, \w+, \d+ \w{3} \d{4} \d{2}\.\d{2} WIB/);
  expect(tip).toMatch(/pemicu harian pukul 05\.00, \w+, \d+ \w{3} \d{4} 05\.00 WIB/);
  expect(tip).not.toMatch(/hourlyRefresh|dailyReport|onSheetChange/);
  await page.getByRole("button", { name: "+1 hari" }).click();
  const toast = (await page.locator(".toast", { hasText: /^Waktu maju 1 hari/ }).first().textContent()) ?? "";
  // A day always passes 05.00, when Laporan is rebuilt; the words say what changed, not how many runs there were.
  expect(toast).toMatch(/^Waktu maju 1 hari \(kini \w+, \d+ \w{3} \d{4} \d{2}\.\d{2} WIB\)\. .*Laporan dibangun ulang/);
  expect(toast).not.toMatch(/pemicu berjalan|lewat|hourlyRefresh|dailyReport|onSheetChange/);
  await shot(page, "clock-words");
  expect(await page.locator("#clock").textContent()).not.toBe(before);
  const sheetUrl = `/api/sheet?name=${encodeURIComponent("SM · Surat Masuk")}`;
  const register = await page.evaluate((u) => fetch(u).then((r) => r.text()), sheetUrl);
  await page.close();

  const saved = JSON.parse(readFileSync(join(dataDir, "workbook.json"), "utf8"));
  const port = Number(new URL(base).port);
  await stopServer(server);
  server = await startServer(port);
  // Only the first start set a workbook up; the second loaded it.
  expect(log.match(/Buku kerja baru disiapkan/g)).toHaveLength(1);
  expect(log.match(/Alur lokal:/g)).toHaveLength(2);
  const again = await openWorkspace();
  const state = await again.evaluate(() => fetch("/api/state").then((r) => r.json()));
  expect(state.outbox).toBe(saved.outbox.length);
  expect(state.now).toBeGreaterThanOrEqual(saved.now);
  // Every cell of the register, with its formats, validations and rule colours, came back as it was.
  expect(JSON.parse(await again.evaluate((u) => fetch(u).then((r) => r.text()), sheetUrl)).rows).toEqual(JSON.parse(register).rows);
  await again.close();
});

test("npm run export writes the workbook as .xlsx with sheets, dates as dates and the frozen header", async () => {
  const ExcelJS = (await import("exceljs")).default;
  const file = join(dataDir, "ekspor.xlsx");
  execFileSync(process.execPath, [join(ROOT, "scripts/export-xlsx.mjs"), file, "--data", dataDir], { cwd: ROOT, stdio: "pipe" });
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet("SM · Surat Masuk")!;
  expect(sheet).toBeDefined();
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(sheet.getCell("A1").value).toBe("ID");
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const dateCol = header.indexOf("Tanggal Surat");
  expect(sheet.getRow(2).getCell(dateCol).value).toBeInstanceOf(Date);
  expect(String(sheet.getCell("A2").value)).toMatch(/^SM-\d{4}-\d{4}$/);
  expect(book.getWorksheet("Pejabat")!.rowCount).toBeGreaterThan(10);
});

test("documents become PDFs in pure JavaScript: title, long text over several A4 pages, odd characters survive", async () => {
  const letter = Array.from({ length: 120 }, (_, i) => `${i + 1}. Dengan hormat, bersama ini kami sampaikan ▸ hal yang perlu ditindaklanjuti — ✓`).join("\n");
  const pdf = await PDFDocument.load(await textToPdf("Nota Dinas 005/77", letter));
  expect(pdf.getTitle()).toBe("Nota Dinas 005/77");
  expect(pdf.getPageCount()).toBeGreaterThanOrEqual(3);
  expect(pdf.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
});
