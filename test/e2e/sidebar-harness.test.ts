// Browser tests of the built sidebar (dist/Sidebar.html) in Chromium against a stand-in google.script.run; screenshots go to test-artifacts/sidebar/.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { ensureBuilt, type HarnessOptions, harnessPage, ROOT } from "../fixtures/sidebar-harness/harness";
import { englishWordsIn, keyLikeWordsIn } from "../sidebar/english-words";
import { launchBrowser } from "./browser";

const SHOTS = join(ROOT, "test-artifacts/sidebar");
const URL = "http://alur.test/sidebar";
const XSS_SCRIPT = "<script>window.__pwned=1</script>";
const XSS_IMG = '"><img src=x onerror="window.__pwned=2">';
const FORMULA = '=HYPERLINK("http://evil.example","klik")';

let browser: Browser;
let sidebarHtml: string;

interface Opened {
  page: Page;
  outside: string[];
  calls: () => Promise<{ name: string; arg: unknown }[]>;
}

async function open(options: HarnessOptions & { clock?: boolean; height?: number } = {}): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 300, height: options.height ?? 800 } });
  // A fake clock drives the page's timers (polls and the harness's reply delay) from the test.
  if (options.clock) await page.clock.install();
  const outside: string[] = [];
  const html = harnessPage(sidebarHtml, options);
  await page.route("**/*", (route) => {
    if (route.request().url() === URL) return route.fulfill({ contentType: "text/html; charset=utf-8", body: html });
    outside.push(route.request().url());
    return route.abort();
  });
  await page.goto(URL);
  if (options.clock) await page.clock.runFor(1000);
  await page.getByRole("tab", { name: /Kasus/ }).first().waitFor();
  const calls = () => page.evaluate(() => (window as unknown as { __harness: { calls: { name: string; arg: unknown }[] } }).__harness.calls);
  return { page, outside, calls };
}

const harness = (page: Page, fn: string, ...args: unknown[]) =>
  page.evaluate(([f, a]) => (window as unknown as Record<string, Record<string, (...x: unknown[]) => void>>).__harness[f as string](...(a as unknown[])), [fn, args] as const);

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
/** What the person sees (the header is sticky, so a full-page shot would draw it in the middle of a scrolled page). */
const view = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

beforeAll(async () => {
  sidebarHtml = ensureBuilt();
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

test("the built page is small, self-contained and has no scriptlet markers", () => {
  expect(Buffer.byteLength(sidebarHtml)).toBeLessThan(80 * 1024);
  expect(sidebarHtml).not.toContain("<?");
  expect(sidebarHtml).not.toMatch(/(src|href)\s*=\s*["']?https?:/i);
});

test("opening the panel takes one server call and shows the case on the selected row", async () => {
  const { page, outside, calls } = await open();
  await page.getByRole("heading", { name: "Permohonan narasumber pelatihan keamanan informasi" }).waitFor();
  expect((await calls()).map((c) => c.name)).toEqual(["bootstrap"]);
  await expect(page.locator(".case-id").first().textContent()).resolves.toBe("SK-2026-0009");
  await expect(page.locator(".case-head .chip").textContent()).resolves.toBe("Berjalan");
  await expect(page.locator(".lane-current strong").textContent()).resolves.toBe("KASUBBAG");
  expect(await page.locator(".lane-done").count()).toBeGreaterThan(0);
  await expect(page.locator("#step-h").textContent()).resolves.toContain("Langkah 4");
  expect(await page.getByRole("button", { name: "Setujui" }).isVisible()).toBe(true);
  expect(await page.getByRole("button", { name: "Kembalikan" }).isVisible()).toBe(true);
  // Kelengkapan: the ticked item with its Drive link, times in WIB.
  expect(await page.getByRole("checkbox", { name: "ATK" }).isChecked()).toBe(true);
  expect(await page.getByRole("link", { name: "buka" }).getAttribute("href")).toBe("https://drive.google.com/file/d/1AbCdEf/view");
  await expect(page.locator(".timeline li").count()).resolves.toBe(4);
  await expect(page.locator(".timeline .event-when").first().textContent()).resolves.toMatch(/^27 Nov 2026 \d{2}\.\d{2} · /);
  await shot(page, "case");
  expect(outside).toEqual([]);
  await page.close();
});

test("a return needs a reason, keeps it through a failed call, and the case goes back; approval after the correction moves it on", async () => {
  const { page, calls } = await open();
  await page.getByRole("button", { name: "Kembalikan", exact: true }).click();
  await expect(page.locator("#return-target").textContent()).resolves.toMatch(/^Kasus akan kembali ke langkah 3: Membuat surat/);
  await page.getByRole("button", { name: "Kembalikan kasus" }).click();
  await expect(page.locator(".panel .field-error").textContent()).resolves.toBe("Alasan wajib diisi.");
  expect((await calls()).some((c) => c.name === "act")).toBe(false);

  const reason = `Nomor klasifikasi salah ${XSS_IMG}`;
  await page.getByLabel("Alasan pengembalian").fill(reason);
  const stale = "Kasus ini sudah ditindaklanjuti oleh Siti Rahma pada 27 Nov 2026 09.30; muat ulang.";
  await harness(page, "failNext", "act", { error: stale });
  await page.getByRole("button", { name: "Kembalikan kasus" }).click();
  await expect(page.getByRole("alert").locator(".alert-text").textContent()).resolves.toBe(stale);
  expect(await page.getByLabel("Alasan pengembalian").inputValue()).toBe(reason);
  expect(await page.locator(".panel .field-error").count()).toBe(0);
  await shot(page, "case-return-refused");
  // Reloading the case after the refusal keeps the reason that was typed.
  await page.getByRole("alert").getByRole("button", { name: "Muat ulang" }).click();
  await page.waitForFunction(() => (window as unknown as { __harness: { calls: { name: string }[] } }).__harness.calls.some((c) => c.name === "getCase"));
  await page.locator(".panel-return").waitFor();
  expect(await page.getByLabel("Alasan pengembalian").inputValue()).toBe(reason);
  expect(await page.locator("#alert").textContent()).toBe("");

  await page.getByRole("button", { name: "Kembalikan kasus" }).click();
  await page.locator(".case-head .chip", { hasText: "Dikembalikan" }).waitFor();
  const act = (await calls()).filter((c) => c.name === "act").pop()?.arg as Record<string, unknown>;
  expect(act).toMatchObject({ caseId: "SK-2026-0009", action: "return", reason, toStep: "3", expectedVersion: 4 });
  await expect(page.locator("#step-h").textContent()).resolves.toContain("Langkah 3");
  await expect(page.locator(".lane-current strong").textContent()).resolves.toBe("JFU");
  await expect(page.locator(".timeline li").count()).resolves.toBe(5);
  await expect(page.locator(".timeline .event-note").last().textContent()).resolves.toBe(reason);
  expect(await page.locator("img").count()).toBe(0);
  await shot(page, "case-returned");

  // JFU corrects the letter, Kasubbag approves: the row moves on to the Sekretaris.
  await page.getByRole("button", { name: "Selesai & teruskan" }).click();
  await page.locator("#step-h", { hasText: "Langkah 4" }).waitFor();
  await page.getByRole("button", { name: "Setujui" }).click();
  await page.locator("#step-h", { hasText: "Langkah 5" }).waitFor();
  await expect(page.locator(".lane-current strong").textContent()).resolves.toBe("SEKRETARIS");
  await expect(page.locator(".timeline li").count()).resolves.toBe(7);
  await expect(page.locator(".case-head .chip").textContent()).resolves.toBe("Berjalan");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await page.close();
});

test("kelengkapan: a tick and a Drive link are sent for the current step; a link that is not https is refused in the browser", async () => {
  const { page, calls } = await open();
  await page.getByRole("checkbox", { name: "dokumen pendukung" }).check();
  await page.locator(".checklist li.done", { hasText: "dokumen pendukung" }).waitFor();
  const link = page.getByLabel("Tautan Drive untuk dokumen pendukung");
  await link.fill("javascript:alert(1)");
  await page.locator(".checklist li", { hasText: "dokumen pendukung" }).getByRole("button", { name: "Simpan" }).click();
  await expect(page.locator(".checklist li", { hasText: "dokumen pendukung" }).locator(".field-error").textContent()).resolves.toBe("Tautan harus diawali https://");
  await link.fill("https://drive.google.com/file/d/2XyZ/view");
  await page.locator(".checklist li", { hasText: "dokumen pendukung" }).getByRole("button", { name: "Simpan" }).click();
  await page.locator(".checklist li", { hasText: "dokumen pendukung" }).getByRole("link", { name: "buka" }).waitFor();
  const ticks = (await calls()).filter((c) => c.name === "tickKelengkapan").map((c) => c.arg);
  expect(ticks).toEqual([
    { caseId: "SK-2026-0009", stepNo: "4", item: "dokumen pendukung", done: true, link: "" },
    { caseId: "SK-2026-0009", stepNo: "4", item: "dokumen pendukung", done: true, link: "https://drive.google.com/file/d/2XyZ/view" },
  ]);
  await page.close();
});

test("an admin's reassign asks for a valid email and a reason before anything is sent", async () => {
  const { page, calls } = await open();
  await page.getByRole("button", { name: "Alihkan", exact: true }).click();
  await page.getByLabel(/^Email penerima/).fill("bukan-email");
  await page.getByRole("button", { name: "Alihkan kasus" }).click();
  await expect(page.locator(".panel .field-error").allTextContents()).resolves.toEqual(["Tulis alamat email yang benar, mis. nama@instansi.go.id", "Alasan wajib diisi."]);
  expect((await calls()).some((c) => c.name === "act")).toBe(false);
  await page.getByLabel(/^Email penerima/).fill("ani.lestari@diskominfo.go.id");
  await page.getByLabel(/^Alasan pengalihan/).fill("Budi dinas luar");
  await page.getByRole("button", { name: "Alihkan kasus" }).click();
  await page.locator(".step-who", { hasText: "ani.lestari@diskominfo.go.id" }).waitFor();
  const act = (await calls()).filter((c) => c.name === "act").pop()?.arg;
  expect(act).toEqual({ caseId: "SK-2026-0009", expectedVersion: 4, action: "reassign", reason: "Budi dinas luar", email: "ani.lestari@diskominfo.go.id" });
  await page.close();
});

test("buttons show a busy state while a call is in flight and cannot be pressed twice", async () => {
  const { page, calls } = await open();
  await page.evaluate(() => {
    (window as unknown as { __harness: { delayMs: number } }).__harness.delayMs = 800;
  });
  const approve = page.getByRole("button", { name: "Setujui" });
  await approve.click();
  const busy = page.locator("button[aria-busy=true]");
  await expect(busy.textContent()).resolves.toBe("Memproses…");
  expect(await busy.isDisabled()).toBe(true);
  expect(await page.getByRole("button", { name: "Kembalikan", exact: true }).isDisabled()).toBe(true);
  await page.locator("#step-h", { hasText: "Langkah 5" }).waitFor();
  expect((await calls()).filter((c) => c.name === "act")).toHaveLength(1);
  await page.close();
});

test("Antrean saya lists the waiting cases late first and one click opens the case", async () => {
  const { page, calls } = await open();
  await page.getByRole("tab", { name: /Antrean saya/ }).click();
  const items = page.locator(".queue-item");
  await items.first().waitFor();
  expect(await items.count()).toBe(3);
  await expect(items.first().locator(".case-id").textContent()).resolves.toBe("SK-2026-0008");
  await expect(items.first().locator(".chip").textContent()).resolves.toBe("Terlambat 1 j 35 mnt");
  await shot(page, "queue");
  await items.filter({ hasText: "CT-2026-0004" }).click();
  await page.getByRole("heading", { name: "Cuti tahunan Ani Lestari" }).waitFor();
  expect(await page.getByRole("tab", { name: "Kasus", exact: true }).getAttribute("aria-selected")).toBe("true");
  const names = (await calls()).map((c) => c.name);
  expect(names.slice(names.indexOf("myQueue") + 1)).toEqual(["selectCase", "getCase"]);
  await page.close();
});

test("Kasus baru validates in the browser, keeps the input when the server fails, and typed markup stays text", async () => {
  const { page, calls } = await open();
  await page.getByRole("tab", { name: "Kasus baru" }).click();
  await page.getByRole("combobox", { name: /^SOP/ }).selectOption("cuti");
  await page.getByRole("button", { name: "Mulai kasus" }).click();
  await expect(page.locator("#nf-perihal-err").textContent()).resolves.toBe("Perihal wajib diisi.");
  expect(await page.getByLabel(/^Nama Pegawai/).getAttribute("aria-invalid")).toBe("true");
  expect((await calls()).some((c) => c.name === "startCase")).toBe(false);
  await shot(page, "new-case-errors");

  const perihal = `Cuti ${XSS_SCRIPT}`;
  await page.getByLabel(/^Perihal/).fill(perihal);
  await page.getByLabel(/^Pemohon/).fill(FORMULA);
  await page.getByLabel(/^Nama Pegawai/).fill(XSS_IMG);
  await page.getByLabel(/^NIP/).fill("12345");
  await page.getByLabel(/^Jenis Cuti/).selectOption("Cuti Tahunan");
  await page.getByLabel(/^Mulai Cuti/).fill("2026-12-14");
  await page.getByLabel(/^Selesai Cuti/).fill("2026-12-10");
  await page.getByLabel(/^Alasan Cuti/).fill("Urusan keluarga");
  await page.getByLabel(/^Alamat Selama Cuti/).fill("Jl. Kaliurang km 5");
  await page.getByRole("button", { name: "Mulai kasus" }).click();
  await expect(page.locator("#nf-nip-err").textContent()).resolves.toBe("NIP harus 18 angka.");
  await expect(page.locator("#nf-selesai-err").textContent()).resolves.toBe("Selesai Cuti tidak boleh sebelum tanggal mulai.");
  expect(await page.locator("#nf-perihal-err").count()).toBe(0);
  await page.getByLabel(/^NIP/).fill("198803152010012003");
  await page.getByLabel(/^Selesai Cuti/).fill("2026-12-18");

  await harness(page, "failNext", "startCase", { thrown: "Service invoked too many times for one day: email." });
  await page.getByRole("button", { name: "Mulai kasus" }).click();
  await expect(page.getByRole("alert").locator(".alert-text").textContent()).resolves.toMatch(/^Batas pemakaian harian Google tercapai/);
  expect(await page.getByLabel(/^Perihal/).inputValue()).toBe(perihal);
  expect(await page.getByLabel(/^Alasan Cuti/).inputValue()).toBe("Urusan keluarga");

  await harness(page, "failNext", "startCase", { error: "Periksa isian yang ditandai.", fieldErrors: { telepon: "Nomor telepon tidak dikenal." } });
  await page.getByRole("button", { name: "Mulai kasus" }).click();
  await expect(page.locator("#nf-telepon-err").textContent()).resolves.toBe("Nomor telepon tidak dikenal.");
  expect(await page.getByLabel(/^Nama Pegawai/).inputValue()).toBe(XSS_IMG);
  await shot(page, "new-case-server-error");

  await page.getByRole("button", { name: "Mulai kasus" }).click();
  await page.getByRole("heading", { name: perihal }).waitFor();
  const start = (await calls()).filter((c) => c.name === "startCase").pop()?.arg as { fields: Record<string, string> };
  expect(start.fields).toMatchObject({ perihal, pemohon: FORMULA, namaPegawai: XSS_IMG, nip: "198803152010012003" });
  await page.getByText("Isian kasus").click();
  await page.locator("dd", { hasText: FORMULA }).waitFor();
  expect(await page.locator("img").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await shot(page, "new-case-started");
  await page.close();
});

test("the SOP page shows in a frame that cannot run scripts", async () => {
  const { page } = await open();
  await page.getByRole("tab", { name: "SOP" }).click();
  const frame = page.locator("iframe.sop-frame");
  await frame.waitFor();
  expect(await frame.getAttribute("sandbox")).toBe("");
  expect(await frame.getAttribute("title")).toBe("Halaman SOP Penanganan Surat Keluar");
  await page.frameLocator("iframe.sop-frame").getByText("Menerima Surat yang telah ditandatangani dan menyerahkan kepada Kasubbag Umum").waitFor();
  expect(await page.evaluate(() => (window as unknown as { __sopPageRan?: number }).__sopPageRan)).toBeUndefined();
  await shot(page, "sop");
  await page.getByLabel("Halaman SOP").selectOption("cuti");
  await page.frameLocator("iframe.sop-frame").getByText("Pengajuan permohonan cuti").waitFor();
  await page.close();
});

test("Ringkas counts running, late and finished cases per SOP for a manager", async () => {
  const { page } = await open({ initialView: "report" });
  const table = page.locator("table.summary");
  await table.waitFor();
  expect(await page.getByRole("tab", { name: "Ringkas" }).getAttribute("aria-selected")).toBe("true");
  const sk = table.locator("tbody tr", { hasText: "SK" });
  expect(await sk.locator("td").allTextContents()).toEqual(["2", "1", "0"]);
  expect(await table.locator("tfoot td").allTextContents()).toEqual(["3", "1", "0"]);
  await shot(page, "summary");
  await page.close();
});

test("English switch, keyboard tabs and an English label for every tab", async () => {
  const { page } = await open();
  // The tab names below (Summary for a manager, the queue count) come with the first reply.
  await page.getByRole("heading", { name: "Permohonan narasumber pelatihan keamanan informasi" }).waitFor();
  await page.getByRole("button", { name: "EN", exact: true }).click();
  const names = await page.getByRole("tab").evaluateAll((tabs) => tabs.map((el) => el.getAttribute("aria-label") ?? el.textContent));
  expect(names).toEqual(["Case", "My queue (3)", "New case", "SOP", "Summary"]);
  expect(await page.getByRole("tab").allTextContents()).toEqual(["Case", "Queue3", "New", "SOP", "Summary"]);
  expect(await page.getByRole("button", { name: "Approve" }).isVisible()).toBe(true);
  await shot(page, "case-english");
  await page.getByRole("button", { name: "ID", exact: true }).click();
  await page.getByRole("tab", { name: "Kasus", exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-queue");
  expect(await page.getByRole("tab", { name: /Antrean saya/ }).getAttribute("aria-selected")).toBe("true");
  // The queue arrives and the view is redrawn: the focus stays on the tab.
  await page.locator(".queue-item").first().waitFor();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-queue");
  await page.close();
});

test("a tab clicked while the panel is still loading stays open when the first reply arrives", async () => {
  const { page, calls } = await open({ delayMs: 1500 });
  await page.getByRole("tab", { name: "Antrean saya" }).click();
  expect((await calls()).map((c) => c.name)).toEqual(["bootstrap"]);
  await page.locator(".queue-item").first().waitFor();
  expect(await page.getByRole("tab", { name: /Antrean saya/ }).getAttribute("aria-selected")).toBe("true");
  expect((await calls()).map((c) => c.name)).toEqual(["bootstrap", "myQueue"]);
  expect(await page.locator("#case-h").count()).toBe(0);
  await page.close();
});

test("a tab press survives a redraw of the tabs between mouse down and mouse up (a reply landing mid-click)", async () => {
  const { page } = await open();
  await page.getByRole("heading", { name: "Permohonan narasumber pelatihan keamanan informasi" }).waitFor();
  const tab = page.locator("#tab-new");
  const box = (await tab.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // The language switch redraws the whole panel, tabs included, as a reply that changes the badge redraws the tabs.
  await page.evaluate(() => (document.getElementById("lang-en") as HTMLButtonElement).click());
  expect(await page.locator("#tab-new").textContent()).toBe("New");
  await page.mouse.up();
  expect(await page.locator("#tab-new").getAttribute("aria-selected")).toBe("true");
  // The New case view is open: its SOP choice is there.
  await page.locator("#nf-sop").waitFor();
  await page.close();
});

test("the panel follows the selected row and redraws when the case changes", async () => {
  const { page } = await open();
  await page.getByRole("heading", { name: "Permohonan narasumber pelatihan keamanan informasi" }).waitFor();
  await harness(page, "select", "CT-2026-0004");
  await page.getByRole("heading", { name: "Cuti tahunan Ani Lestari" }).waitFor({ timeout: 8000 });
  await page.close();
});

const REQUEST_ID = /^[A-Za-z0-9_-]{16,64}$/;
const CASE_ID = "SK-2026-0009";

/** Valid Cuti fields, so "Mulai kasus" goes to the server. */
async function fillCuti(page: Page, perihal: string): Promise<void> {
  await page.getByRole("tab", { name: "Kasus baru" }).click();
  await page.getByRole("combobox", { name: /^SOP/ }).selectOption("cuti");
  await page.getByLabel(/^Perihal/).fill(perihal);
  await page.getByLabel(/^Nama Pegawai/).fill("Ani Lestari");
  await page.getByLabel(/^NIP/).fill("198803152010012003");
  await page.getByLabel(/^Jenis Cuti/).selectOption("Cuti Tahunan");
  await page.getByLabel(/^Mulai Cuti/).fill("2026-12-14");
  await page.getByLabel(/^Selesai Cuti/).fill("2026-12-18");
  await page.getByLabel(/^Alasan Cuti/).fill("Urusan keluarga");
  await page.getByLabel(/^Alamat Selama Cuti/).fill("Jl. Kaliurang km 5");
}

const startIds = async (calls: Opened["calls"]) => (await calls()).filter((c) => c.name === "startCase").map((c) => (c.arg as { requestId: string }).requestId);

test("Mulai kasus pressed again after a failed call or a lost reply makes one case, not two; the next form gets a new request id", async () => {
  const { page, calls } = await open();
  const before = await page.evaluate(() => (window as unknown as { __harness: { caseCount: () => number } }).__harness.caseCount());
  await fillCuti(page, "Cuti tahunan Rina");

  // Refused before the server did anything, then done by the server with the reply lost on the way back.
  await harness(page, "failNext", "startCase", { thrown: "Service invoked too many times for one day: email." });
  await page.getByRole("button", { name: "Mulai kasus" }).click();
  await page.getByRole("alert").locator(".alert-text", { hasText: /^Batas pemakaian/ }).waitFor();
  await harness(page, "loseNext", "startCase");
  await page.getByRole("button", { name: "Mulai kasus" }).click();
  await page.getByRole("alert").locator(".alert-text", { hasText: /^Server tidak menjawab/ }).waitFor();
  expect(await page.evaluate(() => (window as unknown as { __harness: { caseCount: () => number } }).__harness.caseCount())).toBe(before + 1);

  // The same press again: the server recognises the request and answers with the case it already made.
  await page.getByRole("button", { name: "Mulai kasus" }).click();
  await page.getByRole("heading", { name: "Cuti tahunan Rina" }).waitFor();
  expect(await page.evaluate(() => (window as unknown as { __harness: { caseCount: () => number } }).__harness.caseCount())).toBe(before + 1);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("case-h");
  const ids = await startIds(calls);
  expect(ids).toHaveLength(3);
  expect(ids[0]).toMatch(REQUEST_ID);
  expect(new Set(ids).size).toBe(1);

  // A new form after that success is a new request.
  await fillCuti(page, "Cuti tahunan Sari");
  await page.getByRole("button", { name: "Mulai kasus" }).click();
  await page.getByRole("heading", { name: "Cuti tahunan Sari" }).waitFor();
  const next = (await startIds(calls))[3];
  expect(next).toMatch(REQUEST_ID);
  expect(next).not.toBe(ids[0]);
  expect(await page.evaluate(() => (window as unknown as { __harness: { caseCount: () => number } }).__harness.caseCount())).toBe(before + 2);
  await page.close();
});

test("limits: long texts stop at 5.000 characters, each field at its own (Perihal 300), counting down before the end; an over-long text is refused in the browser", async () => {
  const { page, calls } = await open();
  const note = page.getByLabel("Catatan (opsional)");
  expect(await note.getAttribute("maxlength")).toBe("5000");
  expect(await page.locator("#act-note-count").isVisible()).toBe(false);
  await note.fill("a".repeat(4600));
  await expect(page.locator("#act-note-count").textContent()).resolves.toBe("4.600/5.000 karakter");
  expect(await note.getAttribute("aria-describedby")).toContain("act-note-count");
  await note.fill("b".repeat(5200));
  expect((await note.inputValue()).length).toBe(5000);
  await expect(page.locator("#act-note-count").textContent()).resolves.toBe("5.000/5.000 karakter");
  await shot(page, "case-note-limit");
  await note.fill("");

  await page.getByRole("button", { name: "Kembalikan", exact: true }).click();
  const reason = page.getByLabel("Alasan pengembalian");
  expect(await reason.getAttribute("maxlength")).toBe("5000");
  // Text put in without typing (a script, an old browser) can still be too long: the panel says so and sends nothing.
  await reason.evaluate((el: HTMLTextAreaElement) => {
    el.value = "x".repeat(5001);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.getByRole("button", { name: "Kembalikan kasus" }).click();
  await expect(page.locator(".panel .field-error").textContent()).resolves.toBe("Alasan pengembalian terlalu panjang (maksimal 5.000 karakter).");
  expect((await calls()).some((c) => c.name === "act")).toBe(false);
  await page.getByRole("button", { name: "Alihkan", exact: true }).click();
  expect(await page.getByLabel(/^Email penerima/).getAttribute("maxlength")).toBe("254");

  await page.getByRole("tab", { name: "Kasus baru" }).click();
  await page.getByRole("combobox", { name: /^SOP/ }).selectOption("cuti");
  // Each field stops at the limit the server sent for it, and counts down in its last fifth.
  const perihal = page.getByLabel(/^Perihal/);
  expect(await perihal.getAttribute("maxlength")).toBe("300");
  expect(await page.getByLabel(/^Nama Pegawai/).getAttribute("maxlength")).toBe("500");
  expect(await page.getByLabel(/^Alasan Cuti/).getAttribute("maxlength")).toBe("5000");
  await perihal.fill("p".repeat(200));
  expect(await page.locator("#nf-perihal-count").isVisible()).toBe(false);
  await perihal.pressSequentially("p".repeat(45));
  await expect(page.locator("#nf-perihal-count").textContent()).resolves.toBe("245/300 karakter");
  expect(await page.locator("#nf-perihal-count.full").count()).toBe(0);
  // Typing on past the limit stops at it: the last keys are not taken.
  await perihal.pressSequentially("q".repeat(60));
  expect(await perihal.inputValue()).toBe(`${"p".repeat(245)}${"q".repeat(55)}`);
  await expect(page.locator("#nf-perihal-count.full").textContent()).resolves.toBe("300/300 karakter");
  await perihal.focus();
  await shot(page, "new-case-perihal-limit");

  const alasan = page.getByLabel(/^Alasan Cuti/);
  for (const [el, n] of [
    [perihal, 301],
    [alasan, 5001],
  ] as const) {
    await el.evaluate((node: HTMLInputElement, len: number) => {
      node.value = "y".repeat(len);
      node.dispatchEvent(new Event("input", { bubbles: true }));
    }, n);
  }
  await page.getByRole("button", { name: "Mulai kasus" }).click();
  await expect(page.locator("#nf-perihal-err").textContent()).resolves.toBe("Perihal terlalu panjang (maksimal 300 karakter).");
  await expect(page.locator("#nf-alasan-err").textContent()).resolves.toBe("Alasan Cuti terlalu panjang (maksimal 5.000 karakter).");
  expect((await calls()).some((c) => c.name === "startCase")).toBe(false);
  await page.close();
});

/** Marks an element so a test can tell whether the view was redrawn (a redraw makes a new element). */
const mark = (page: Page, selector: string) => page.locator(selector).evaluate((el) => el.setAttribute("data-test-mark", "1"));
const marked = (page: Page, selector: string) => page.locator(`${selector}[data-test-mark]`).count();

test("a change found by the poll while someone types waits behind a banner; Muat ulang shows it and keeps the text", async () => {
  const { page } = await open();
  await page.getByRole("heading", { name: "Permohonan narasumber pelatihan keamanan informasi" }).waitFor();
  const note = page.getByLabel("Catatan (opsional)");
  await note.click();
  await page.keyboard.type("Sudah saya periksa, nomor");
  await mark(page, "#act-note");
  const caret = await note.evaluate((el: HTMLTextAreaElement) => el.selectionStart);
  await harness(page, "touch", CASE_ID);

  const banner = page.getByRole("status").filter({ hasText: "Kasus ini baru saja berubah." });
  await banner.waitFor({ timeout: 20_000 });
  // Nothing under the cursor moved: the same textarea, focused, with the caret where it was.
  expect(await marked(page, "#act-note")).toBe(1);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("act-note");
  expect(await note.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(caret);
  await page.keyboard.type(" benar.");
  await shot(page, "case-changed-banner");

  await banner.getByRole("button", { name: "Muat ulang" }).click();
  await page.locator("#banner:empty").waitFor({ state: "attached" });
  expect(await marked(page, "#act-note")).toBe(0);
  expect(await note.inputValue()).toBe("Sudah saya periksa, nomor benar.");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("case-h");
  expect(await page.locator(".notice.moved").count()).toBe(0);

  // This time the case moves on to another step while the note is being typed: the text stays, with a warning.
  await note.click();
  // Back to the end of what is typed (a click lands wherever the pointer is).
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" Lanjut.");
  await harness(page, "move", CASE_ID);
  await banner.waitFor({ timeout: 20_000 });
  await expect(page.locator("#step-h").textContent()).resolves.toContain("Langkah 4");
  await banner.getByRole("button", { name: "Muat ulang" }).click();
  await page.locator("#step-h", { hasText: "Langkah 5" }).waitFor();
  await expect(page.locator(".notice.moved").textContent()).resolves.toBe(
    "Kasus ini sudah pindah dari langkah 4 ke langkah 5. Teks yang Anda ketik masih ada di bawah; periksa lagi sebelum mengirim.",
  );
  expect(await note.inputValue()).toBe("Sudah saya periksa, nomor benar. Lanjut.");
  await shot(page, "case-moved-warning");
  await page.close();
});

test("with nobody typing in the case, a change is drawn at once, and after an action focus lands on the case heading", async () => {
  const { page } = await open();
  await page.getByRole("heading", { name: "Permohonan narasumber pelatihan keamanan informasi" }).waitFor();
  await harness(page, "move", CASE_ID);
  await page.locator("#step-h", { hasText: "Langkah 5" }).waitFor({ timeout: 20_000 });
  expect(await page.locator("#banner").textContent()).toBe("");

  await page.getByRole("button", { name: "Setujui" }).focus();
  await page.keyboard.press("Enter");
  await page.locator("#step-h", { hasText: "Langkah 6" }).waitFor();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("case-h");
  await page.close();
});

test("ticking kelengkapan from the keyboard keeps focus on the box", async () => {
  const { page } = await open();
  const box = page.getByRole("checkbox", { name: "dokumen pendukung" });
  await box.focus();
  await page.keyboard.press("Space");
  await page.locator(".checklist li.done", { hasText: "dokumen pendukung" }).waitFor();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(await box.getAttribute("id"));
  await page.close();
});

test("kelengkapan boxes that someone else must tick are disabled and say why", async () => {
  const { page } = await open();
  await page.evaluate(() => {
    const h = (window as unknown as { __harness: { onlyHolder: boolean; setUser: (u: object) => void; touch: (id: string) => void } }).__harness;
    h.onlyHolder = true;
    h.setUser({ email: "ani.lestari@diskominfo.go.id", name: "Ani Lestari", roles: ["jfu"], admin: false });
    h.touch("SK-2026-0009");
  });
  const hint = page.locator("#kl-hint");
  await hint.waitFor({ timeout: 20_000 });
  expect(await hint.textContent()).toBe("Hanya pemegang langkah ini yang dapat mencentang kelengkapan.");
  const boxes = page.locator(".checklist input[type=checkbox]");
  expect(await boxes.count()).toBe(2);
  for (const box of await boxes.all()) {
    expect(await box.isDisabled()).toBe(true);
    expect(await box.getAttribute("aria-describedby")).toBe("kl-hint");
  }
  await shot(page, "case-not-holder");

  await page.getByRole("button", { name: "EN", exact: true }).click();
  expect(await hint.textContent()).toBe("Only the holder of this step can tick the kelengkapan.");
  await page.close();
});

test("polling slows to once a minute after 10 minutes without use and speeds up on the next key press", async () => {
  const { page, calls } = await open({ clock: true });
  await page.getByRole("heading", { name: "Permohonan narasumber pelatihan keamanan informasi" }).waitFor();
  const polls = async () => (await calls()).filter((c) => c.name === "selectedCase").length;
  await page.clock.runFor(5 * 60 * 1000);
  const early = await polls();
  expect(early).toBeGreaterThan(5);
  await page.clock.runFor(6 * 60 * 1000);
  const atIdle = await polls();
  expect(atIdle).toBeGreaterThan(early);
  // Idle now: another quarter hour brings one poll a minute (a row clicked in the sheet still shows within a minute).
  await page.clock.runFor(15 * 60 * 1000);
  const slow = (await polls()) - atIdle;
  expect(slow).toBeGreaterThanOrEqual(14);
  expect(slow).toBeLessThanOrEqual(16);

  await page.keyboard.press("Shift");
  await page.clock.runFor(4000);
  expect(await polls()).toBe(atIdle + slow + 1);
  await page.close();
});

// ——— Second wave: Ubah isian, managers, the fold, warnings, the badge, the words on screen ———

const PERIHAL = "Permohonan narasumber pelatihan keamanan informasi";
const BUDI = { email: "budi.santoso@diskominfo.go.id", name: "Budi Santoso", roles: ["Kepala Sub Bagian Umum dan Kepegawaian"], admin: true, manager: true };
const ANI = { email: "ani.lestari@diskominfo.go.id", name: "Ani Lestari", roles: ["Jabatan Fungsional Umum (JFU)"], admin: false, manager: false };

type Steer = { onlyHolder: boolean; setUser: (u: object) => void; touch: (id: string) => void; queueCount: () => number; caseCount: () => number; edit: (id: string, f: object) => void };

/** Someone else opens the panel on the case: the harness answers as them, and the case is drawn anew at the next poll. */
async function actAs(page: Page, user: object): Promise<void> {
  await page.evaluate(
    ([u, id]) => {
      // Nobody is busy in the case in the other person's panel: let the poll redraw it.
      (document.activeElement as HTMLElement | null)?.blur();
      const h = (window as unknown as { __harness: Steer }).__harness;
      h.onlyHolder = true;
      h.setUser(u as object);
      h.touch(id as string);
      // The pointer coming back to the panel wakes the poll (as in Sheets).
      document.documentElement.dispatchEvent(new Event("mouseenter"));
    },
    [user, CASE_ID] as const,
  );
}

/** The badge says what the server says is waiting now: the count, or no badge when nothing is. */
async function badgeIsTrue(page: Page): Promise<number> {
  const want = await page.evaluate(() => (window as unknown as { __harness: Steer }).__harness.queueCount());
  await page.waitForFunction((n) => {
    const badge = document.querySelector("#tab-queue .badge");
    return n === 0 ? !badge : badge?.textContent === String(n);
  }, want);
  return want;
}

/** Every word the panel shows (text, labels, titles, placeholders) is Bahasa Indonesia: no English-only word, no strings-table key, no {placeholder}. */
async function expectIndonesian(page: Page): Promise<void> {
  const text = await page.evaluate(() => {
    // innerText, not textContent: what is drawn (a closed <details> or a hidden counter is not shown).
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here
    const parts = [document.body.innerText];
    for (const el of Array.from(document.querySelectorAll("[aria-label], [title], [placeholder]"))) {
      for (const name of ["aria-label", "title", "placeholder"]) parts.push(el.getAttribute(name) ?? "");
    }
    return parts.join("\n");
  });
  expect({ english: englishWordsIn(text), keys: keyLikeWordsIn(text), placeholders: text.match(/\{\w+\}/g) ?? [] }).toEqual({ english: [], keys: [], placeholders: [] });
}

const lastCall = async (calls: Opened["calls"], name: string) => (await calls()).filter((c) => c.name === name).map((c) => c.arg);

test("Ubah isian: a case returned at its decision is corrected by the holder and then approved; the returning lane shows ↩ and the badge is true after every action", async () => {
  const { page, calls } = await open();
  await page.getByRole("heading", { name: PERIHAL }).waitFor();
  await page.evaluate(() => {
    (window as unknown as { __harness: Steer }).__harness.onlyHolder = true;
  });
  expect(await badgeIsTrue(page)).toBe(3);

  // Budi (Kasubbag) returns the letter at his decision.
  const reason = "Tujuan surat kurang lengkap; perbaiki perihalnya.";
  await page.getByRole("button", { name: "Kembalikan", exact: true }).click();
  await page.getByLabel("Alasan pengembalian").fill(reason);
  await page.getByRole("button", { name: "Kembalikan kasus" }).click();
  await page.locator(".case-head .chip", { hasText: "Dikembalikan" }).waitFor();
  // His lane says he sent it back, not ✓ (which reads as approved).
  const kasubbag = page.locator(".lane", { hasText: "KASUBBAG" });
  expect(await kasubbag.getAttribute("class")).toBe("lane lane-returned");
  expect(await kasubbag.locator(".mark").textContent()).toBe("↩");
  expect(await kasubbag.locator(".sr-only").textContent()).toBe(", mengembalikan untuk diperbaiki");
  await expect(page.locator(".returned-note").textContent()).resolves.toBe(`Dikembalikan oleh Budi Santoso: ${reason}`);
  // The case left his queue: the badge says so at once.
  expect(await badgeIsTrue(page)).toBe(2);
  await shot(page, "case-returned-lane");

  // As an admin who no longer holds the step, Budi could change the fields only with a reason.
  await page.locator(".buttons.admin #act-correct").click();
  expect(await page.getByLabel(/^Alasan perubahan/).getAttribute("aria-required")).toBe("true");
  await page.locator("#cf-perihal").fill("Permohonan narasumber");
  await page.locator("#cf-submit").click();
  await expect(page.locator("#cf-reason-err").textContent()).resolves.toBe("Alasan wajib diisi.");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("cf-reason");
  expect(await lastCall(calls, "correctCase")).toEqual([]);
  await page.locator("#cf-back").click();
  expect(await page.locator(".panel-correct").count()).toBe(0);

  // Ani (JFU) holds step 3 now: Ubah isian is among her own buttons, no reason asked.
  await actAs(page, ANI);
  const fix = page.locator(".buttons.main #act-correct");
  await fix.waitFor({ timeout: 20_000 });
  await badgeIsTrue(page);
  await fix.click();
  const perihal = page.locator("#cf-perihal");
  expect(await perihal.inputValue()).toBe(PERIHAL);
  expect(await perihal.getAttribute("maxlength")).toBe("300");
  expect(await page.locator("#cf-tujuan").inputValue()).toBe("Kepala BSSN");
  expect(await page.getByLabel(/^Keterangan/).getAttribute("aria-required")).toBeNull();
  // Nothing changed yet: nothing is sent.
  await page.locator("#cf-submit").click();
  await expect(page.locator("#cf-form-err").textContent()).resolves.toBe("Belum ada isian yang diubah.");
  expect(await lastCall(calls, "correctCase")).toEqual([]);

  const fixed = "Permohonan narasumber pelatihan keamanan siber";
  const tujuan = "Kepala Badan Siber dan Sandi Negara, Jakarta";
  await perihal.fill(fixed);
  await page.locator("#cf-tujuan").fill("BSSN");
  await harness(page, "failNext", "correctCase", { error: "Periksa isian yang ditandai.", fieldErrors: { tujuan: "Tujuan Surat harus menyebut jabatan dan alamat." } });
  await page.locator("#cf-submit").click();
  // The refusal is marked on its field; everything typed stays.
  await expect(page.locator("#cf-tujuan-err").textContent()).resolves.toBe("Tujuan Surat harus menyebut jabatan dan alamat.");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("cf-tujuan");
  expect(await perihal.inputValue()).toBe(fixed);
  await view(page, "case-correction-refused");
  await expectIndonesian(page);

  await page.locator("#cf-tujuan").fill(tujuan);
  await page.getByLabel(/^Keterangan/).fill("Sesuai catatan Kasubbag.");
  await page.locator("#cf-submit").click();
  await page.getByRole("heading", { name: fixed }).waitFor();
  // Only the changed fields went, against the version she saw.
  const sent = await lastCall(calls, "correctCase");
  expect(sent).toHaveLength(2);
  expect(sent[1]).toEqual({ caseId: CASE_ID, expectedVersion: 6, fields: { perihal: fixed, tujuan }, reason: "Sesuai catatan Kasubbag." });
  expect(await page.locator(".panel-correct").count()).toBe(0);
  const latest = page.locator(".timeline li").last();
  await expect(latest.locator(".event-what").textContent()).resolves.toBe("Ubah isian · Langkah 3");
  await expect(latest.locator(".event-note").textContent()).resolves.toBe(`Perihal: ${PERIHAL} → ${fixed}\nTujuan Surat (Yth.): Kepala BSSN → ${tujuan}\nSesuai catatan Kasubbag.`);
  await badgeIsTrue(page);
  await shot(page, "case-corrected");

  // Ani passes it on; Budi approves at the decision, and it goes on to the Sekretaris.
  await page.getByRole("button", { name: "Selesai & teruskan" }).click();
  await page.locator("#step-h", { hasText: "Langkah 4" }).waitFor();
  await badgeIsTrue(page);
  await actAs(page, BUDI);
  const approve = page.getByRole("button", { name: "Setujui" });
  await approve.waitFor({ timeout: 20_000 });
  await badgeIsTrue(page);
  await approve.click();
  await page.locator("#step-h", { hasText: "Langkah 5" }).waitFor();
  expect(await page.locator(".lane", { hasText: "KASUBBAG" }).getAttribute("class")).toBe("lane lane-done");
  await expect(page.locator(".case-head .chip").textContent()).resolves.toBe("Berjalan");
  await badgeIsTrue(page);
  await page.close();
});

test("someone who is not a manager (a Staf whose role name holds “Aplikasi”) sees no Ringkas tab, even when the panel opens for Laporan", async () => {
  const staf = { email: "rudi.hartono@diskominfo.go.id", name: "Rudi Hartono", roles: ["Staf Seksi Layanan E-Government, Standarisasi dan Aplikasi"], admin: false, manager: false };
  const { page, calls } = await open({ initialView: "report", user: staf });
  await page.getByRole("heading", { name: PERIHAL }).waitFor();
  expect(await page.getByRole("tab").allTextContents()).toEqual(["Kasus", "Antrean", "Baru", "SOP"]);
  expect(await page.getByRole("tab", { name: "Kasus", exact: true }).getAttribute("aria-selected")).toBe("true");
  // Keyboard: End goes to the last tab there is.
  await page.getByRole("tab", { name: "Kasus", exact: true }).focus();
  await page.keyboard.press("End");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-sop");
  expect((await calls()).some((c) => c.name === "summary")).toBe(false);
  await page.getByRole("button", { name: "EN", exact: true }).click();
  expect(await page.getByRole("tab").allTextContents()).toEqual(["Case", "Queue", "New", "SOP"]);
  await page.close();

  // A manager by role who is not an admin does see it.
  const kadis = { email: "hendra.wijaya@diskominfo.go.id", name: "Dr. Hendra Wijaya", roles: ["Kepala Dinas"], admin: false, manager: true };
  const other = await open({ initialView: "report", user: kadis });
  await other.page.locator("table.summary").waitFor();
  expect(await other.page.getByRole("tab", { name: "Ringkas" }).getAttribute("aria-selected")).toBe("true");
  await other.page.close();
});

/** The parts of the decision that must be on screen: not under the sticky header, not below the bottom edge. */
async function offScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const top = (document.querySelector(".head") as HTMLElement).getBoundingClientRect().bottom;
    const wanted = ["#case-h", "#step-h", "#step-text", ".step-who", ".sla-label", "#act-approve", "#act-return"];
    return wanted.filter((sel) => {
      const r = (document.querySelector(sel) as HTMLElement | null)?.getBoundingClientRect();
      return !r || r.height === 0 || r.top < top || r.bottom > window.innerHeight;
    });
  });
}

test("at a decision in a 300×620 panel (a 1366×768 screen less the browser's and Sheets' chrome), what the step is, who holds it, its due time and Setujui/Kembalikan are in view without scrolling, even with a 300-character Perihal", async () => {
  const { page } = await open({ height: 620 });
  await page.getByRole("heading", { name: PERIHAL }).waitFor();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(await offScreen(page)).toEqual([]);
  await expect(page.locator(".sla-label").textContent()).resolves.toMatch(/^Melewati batas waktu · Tenggat 27 Nov 2026/);
  await page.screenshot({ path: join(SHOTS, "case-decision-300x620.png") });
  // With room to spare: a maximised browser over a Windows taskbar leaves nearer 500 px, and it still fits.
  await page.setViewportSize({ width: 300, height: 500 });
  expect(await offScreen(page)).toEqual([]);
  await page.setViewportSize({ width: 300, height: 620 });

  // The longest Perihal the server takes is cut to three lines; the whole text stays in the heading for screen readers.
  const long = `${"Permohonan narasumber pelatihan keamanan informasi bagi aparatur sipil negara di lingkungan Pemerintah Kabupaten Simalungun, ".repeat(3)}`.slice(0, 300);
  await harness(page, "edit", CASE_ID, { perihal: long });
  await page.evaluate(() => document.documentElement.dispatchEvent(new Event("mouseenter")));
  await page.locator("#case-h", { hasText: long }).waitFor({ timeout: 20_000 });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(await offScreen(page)).toEqual([]);
  await page.screenshot({ path: join(SHOTS, "case-decision-300x620-long-perihal.png") });
  await page.close();
});

test("warnings: a letter received before it was written, a reassignment outside Pejabat and a correction keeping those dates are shown first; Tetap lanjutkan sends the same call again, confirmed", async () => {
  const { page, calls } = await open();
  const count = () => page.evaluate(() => (window as unknown as { __harness: Steer }).__harness.caseCount());
  const before = await count();
  const perihal = "Undangan rapat koordinasi statistik sektoral";
  await page.getByRole("tab", { name: "Kasus baru" }).click();
  await page.getByRole("combobox", { name: /^SOP/ }).selectOption("surat-masuk");
  await page.getByLabel(/^Perihal/).fill(perihal);
  await page.getByLabel(/^Asal Surat/).fill("BPS Kabupaten Simalungun");
  await page.getByLabel(/^Nomor Surat/).fill("005/123/BPS/2026");
  await page.getByLabel(/^Tanggal Surat/).fill("2026-11-20");
  await page.getByLabel(/^Diterima Tanggal/).fill("2026-11-18");
  await page.getByLabel(/^Sifat Surat/).selectOption("Biasa");
  const start = page.getByRole("button", { name: "Mulai kasus" });
  await start.click();
  const warned = page.locator("#alert.warn");
  const dates = "Diterima Tanggal (2026-11-18) sebelum Tanggal Surat (2026-11-20). Pastikan tanggalnya benar.";
  await warned.locator("li", { hasText: dates }).waitFor();
  await expect(warned.locator(".alert-text").textContent()).resolves.toBe("Periksa peringatan berikut; tidak ada yang diubah.");
  expect(await count()).toBe(before);
  expect(await start.isDisabled()).toBe(false);
  await view(page, "warning-start");
  await expectIndonesian(page);

  // Changing anything takes the offer back: what would be confirmed is no longer what was warned about.
  await page.getByLabel(/^Lampiran/).fill("1 berkas");
  await page.locator("#alert:empty").waitFor({ state: "attached" });
  await start.click();
  await warned.locator("li", { hasText: dates }).waitFor();
  await page.getByRole("button", { name: "Tetap lanjutkan" }).click();
  await page.getByRole("heading", { name: perihal }).waitFor();
  expect(await count()).toBe(before + 1);
  expect(await page.locator("#alert").textContent()).toBe("");
  const starts = (await lastCall(calls, "startCase")) as Record<string, unknown>[];
  expect(starts).toHaveLength(3);
  expect(starts.map((s) => s.confirm)).toEqual([undefined, undefined, true]);
  // The confirmation is the very call that was warned about, with the same request id.
  expect(starts[2]).toEqual({ ...starts[1], confirm: true });
  expect(new Set(starts.map((s) => s.requestId)).size).toBe(1);
  const id = (await page.locator(".case-id").first().textContent()) ?? "";
  expect(id).toMatch(/^SM-2026-\d{4}$/);

  // Budi, an admin, gives the new case to someone outside Pejabat: a warning first, nothing changed until he confirms.
  await page.getByRole("button", { name: "Alihkan", exact: true }).click();
  await page.getByLabel(/^Email penerima/).fill("tamu@bps.go.id");
  await page.getByLabel(/^Alasan pengalihan/).fill("Ditangani langsung oleh BPS.");
  await page.getByRole("button", { name: "Alihkan kasus" }).click();
  await warned.locator("li", { hasText: "tamu@bps.go.id tidak tercatat di sheet Pejabat" }).waitFor();
  expect(await page.locator(".step-who").textContent()).not.toContain("tamu@bps.go.id");
  expect(await page.getByLabel(/^Email penerima/).inputValue()).toBe("tamu@bps.go.id");
  await view(page, "warning-reassign");
  await page.getByRole("button", { name: "Tetap lanjutkan" }).click();
  await page.locator(".step-who", { hasText: "tamu@bps.go.id" }).waitFor();
  const acts = await lastCall(calls, "act");
  const reassign = { caseId: id, expectedVersion: 1, action: "reassign", reason: "Ditangani langsung oleh BPS.", email: "tamu@bps.go.id" };
  expect(acts).toEqual([reassign, { ...reassign, confirm: true }]);

  // A correction that leaves the dates as they are is warned about again; confirmed, it is saved.
  await page.locator("#act-correct").click();
  await page.locator("#cf-perihal").fill(`${perihal} 2026`);
  await page.getByLabel(/^Alasan perubahan/).fill("Tahun kegiatan ditambahkan.");
  await page.locator("#cf-submit").click();
  await warned.locator("li", { hasText: dates }).waitFor();
  await page.getByRole("button", { name: "Tetap lanjutkan" }).click();
  await page.getByRole("heading", { name: `${perihal} 2026` }).waitFor();
  const fixes = await lastCall(calls, "correctCase");
  const fix = { caseId: id, expectedVersion: 2, fields: { perihal: `${perihal} 2026` }, reason: "Tahun kegiatan ditambahkan." };
  expect(fixes).toEqual([fix, { ...fix, confirm: true }]);
  await badgeIsTrue(page);
  await page.close();
});

test("every text the panel shows is Bahasa Indonesia on every view — no English-only word, no strings-table key — and English only under EN", async () => {
  const { page } = await open();
  await page.getByRole("heading", { name: PERIHAL }).waitFor();
  await expectIndonesian(page);
  await page.getByRole("button", { name: "Kembalikan", exact: true }).click();
  await page.getByRole("button", { name: "Kembalikan kasus" }).click();
  await page.locator(".panel .field-error").waitFor();
  await expectIndonesian(page);
  await page.getByRole("tab", { name: /Antrean saya/ }).click();
  await page.locator(".queue-item").first().waitFor();
  await expectIndonesian(page);
  await page.getByRole("tab", { name: "Kasus baru" }).click();
  await page.getByRole("combobox", { name: /^SOP/ }).selectOption("surat-masuk");
  await page.getByRole("button", { name: "Mulai kasus" }).click();
  await page.locator("#nf-perihal-err").waitFor();
  await expectIndonesian(page);
  await page.getByRole("tab", { name: "Ringkas" }).click();
  await page.locator("table.summary").waitFor();
  await expectIndonesian(page);

  // Under EN no key or placeholder shows either.
  await page.getByRole("button", { name: "EN", exact: true }).click();
  await page.getByRole("tab", { name: "Case", exact: true }).click();
  await page.getByRole("button", { name: "Approve" }).waitFor();
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here
  const text = await page.evaluate(() => document.body.innerText);
  expect({ keys: keyLikeWordsIn(text), placeholders: text.match(/\{\w+\}/g) ?? [] }).toEqual({ keys: [], placeholders: [] });
  await page.close();
});
