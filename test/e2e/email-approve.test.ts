// Acting from an email in the local workspace, in Chromium: the Outbox email's link opens the confirm page served by
// the bundle's doGet at a phone's size, its button reaches the bundle through google.script.run, the register row
// moves, and the same link again says the case was already handled. Screenshots in test-artifacts/email/.
import { join } from "node:path";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { type DemoWorkspace, ROOT, closeDemoWorkspace, openDemoWorkspace, waitGrid } from "./workspace-helpers";

const SHOTS = join(ROOT, "test-artifacts/email");
const PHONE = { width: 390, height: 844 };
const SEKRETARIS = "sekretaris@dinas.example";
const KASUBBAG = "kasubbag-umum@dinas.example";
const JFU = "jfu@dinas.example";
const SK_TAB = "SK · Surat Keluar";

let ws: DemoWorkspace;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ws = await openDemoWorkspace("alur-email-", SHOTS);
  ({ browser, base } = ws);
}, 180000);

afterAll(() => closeDemoWorkspace(ws));

interface View {
  id: string;
  version: number;
}

/** A call of the sidebar's server function as `person` (the panel's own route): sets the scene quickly. */
async function api(page: Page, person: string, name: string, arg: unknown): Promise<View> {
  const res = await page.evaluate(
    async ([who, n, a]) => {
      const r = await fetch("/api/run", { method: "POST", headers: { "content-type": "application/json", "x-alur-as": who as string }, body: JSON.stringify({ fn: "alurApi", args: [n, a], page: "sidebar" }) });
      return r.json();
    },
    [person, name, arg] as const,
  );
  if (!res.ok || !res.value?.ok) throw new Error(`${name} as ${person}: ${JSON.stringify(res)}`);
  return res.value.data as View;
}

/** A Surat Keluar case at step 4, Kasubbag's decision, typed with markup and a formula that must stay text. */
async function caseAtDecision(page: Page, perihal: string): Promise<View> {
  const fields = { perihal, tujuan: "Kepala BPS Kabupaten", sifat: "Biasa", klasifikasi: "000.5.2" };
  let v = await api(page, SEKRETARIS, "startCase", { sopId: "surat-keluar", fields });
  v = await api(page, SEKRETARIS, "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
  v = await api(page, KASUBBAG, "act", { caseId: v.id, expectedVersion: v.version, action: "complete" });
  return api(page, JFU, "act", { caseId: v.id, expectedVersion: v.version, action: "complete", note: "Sudah diketik <i>rapi</i>, mohon diperiksa" });
}

async function openWorkspace(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await page.goto(base);
  await page.getByRole("tab", { name: "SM · Surat Masuk" }).waitFor();
  return page;
}

async function actAs(page: Page, email: string): Promise<void> {
  await page.locator("#act-as").selectOption(email);
  await page.waitForFunction((e) => (document.getElementById("act-as") as HTMLSelectElement).value === e, email);
}

/** Opens the Outbox and the newest email about the case to `to`; returns the email's frame. */
async function openMail(page: Page, caseId: string, to: string): Promise<FrameLocator> {
  await page.getByRole("button", { name: /Kotak keluar/ }).click();
  await page.locator(".mail-list button", { hasText: caseId }).filter({ hasText: to }).first().click();
  const mail = page.frameLocator(".mail-frame");
  await mail.getByText(`Kasus ${caseId} menunggu Anda`).waitFor();
  return mail;
}

/** Follows a link of the email: it opens in a tab of its own, shown here at a phone's size. */
async function follow(page: Page, mail: FrameLocator, name: string): Promise<Page> {
  const popup = page.context().waitForEvent("page");
  await mail.getByRole("link", { name }).click();
  const phone = await popup;
  await phone.setViewportSize(PHONE);
  await phone.waitForLoadState();
  return phone;
}

const shot = (p: Page, name: string, fullPage = false) => p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });

test("Outbox email → Setujui link → confirm page on a phone → Setujui: the row moves to the next pelaksana; the same link again says it was handled", async () => {
  const page = await openWorkspace();
  const perihal = `=HYPERLINK("https://jahat.example","klik") <b>Permohonan data</b> statistik`;
  const v = await caseAtDecision(page, perihal);
  await actAs(page, KASUBBAG);
  const mail = await openMail(page, v.id, KASUBBAG);
  await shot(page, "01-outbox");
  // The email as a phone shows it.
  const mailPhone = await browser.newPage({ viewport: PHONE });
  const outbox = await page.evaluate(() => fetch("/api/outbox").then((r) => r.json()));
  const item = (outbox as { i: number; to: string; subject: string }[]).find((m) => m.to === KASUBBAG && m.subject.includes(v.id));
  await mailPhone.goto(`${base}/mail?i=${item?.i}&as=${encodeURIComponent(KASUBBAG)}`);
  await mailPhone.getByText(perihal).waitFor();
  await shot(mailPhone, "02-email-phone", true);
  await mailPhone.close();

  const phone = await follow(page, mail, "Setujui");
  expect(new URL(phone.url()).pathname).toBe("/exec");
  const href = phone.url();
  // The confirm page: the case, the step and what it expects, the previous note, the buttons; typed text as text.
  await phone.getByRole("heading", { name: "Tindakan Anda" }).waitFor();
  expect(await phone.getByRole("heading", { level: 1 }).textContent()).toBe(perihal);
  // On the phone's first screen: the step, the note, what is missing and the button the email named.
  expect(await phone.getByRole("button", { name: "Setujui" }).isVisible()).toBe(true);
  expect((await phone.getByRole("button", { name: "Setujui" }).boundingBox())!.y + 48).toBeLessThanOrEqual(PHONE.height);
  await phone.getByText("Sudah diketik <i>rapi</i>, mohon diperiksa").waitFor();
  await phone.getByText("Langkah 4 · Keputusan").waitFor();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await shot(phone, "03-confirm-phone");
  await shot(phone, "04-confirm-phone-full", true);
  // Opening the page changed nothing: the row still waits at Kasubbag.
  await page.getByRole("tab", { name: SK_TAB }).click();
  await waitGrid(page, v.id, "▸ KASUBBAG", /^▶ 4 /);

  await phone.getByRole("button", { name: "Setujui" }).click();
  await phone.getByRole("heading", { name: `Kasus ${v.id} disetujui` }).waitFor();
  await phone.getByText(/Kini di langkah 5/).waitFor();
  await shot(phone, "05-approved-phone");

  // The register: the row moved on to the Sekretaris (step 5), Kasubbag's lane ticked.
  await page.reload();
  await page.getByRole("tab", { name: SK_TAB }).click();
  await waitGrid(page, v.id, "▸ SEKRETARIS", /^▶ 5 /);
  await waitGrid(page, v.id, "▸ KASUBBAG", /^✓ /);
  await page.locator("table.cells td", { hasText: /^▶ 5 · / }).last().scrollIntoViewIfNeeded();
  await shot(page, "06-register-moved");

  // The same link again: the "sudah ditindaklanjuti" page, with no button.
  await phone.goto(href);
  await phone.getByRole("heading", { name: "Kasus ini sudah ditindaklanjuti" }).waitFor();
  expect(await phone.getByRole("button").count()).toBe(0);
  await shot(phone, "07-used-phone");
  await phone.close();
  await page.close();
}, 120000);

test("Kembalikan asks for a reason on the page first; a link changed by hand gets its own page", async () => {
  const page = await openWorkspace();
  const v = await caseAtDecision(page, "Surat undangan rapat koordinasi");
  await actAs(page, KASUBBAG);
  const mail = await openMail(page, v.id, KASUBBAG);
  const phone = await follow(page, mail, "Kembalikan");
  await phone.getByRole("heading", { name: "Tindakan Anda" }).waitFor();
  await phone.getByRole("button", { name: "Kembalikan" }).click();
  const warning = phone.getByText("Tuliskan alasan pengembalian (apa yang harus diperbaiki) sebelum menekan Kembalikan.");
  await warning.waitFor();
  await warning.scrollIntoViewIfNeeded();
  await shot(phone, "08-return-needs-reason");
  await phone.getByLabel(/Alasan pengembalian/).fill("Nomor klasifikasi salah; perbaiki lalu kirim lagi.");
  await phone.getByRole("button", { name: "Kembalikan" }).click();
  await phone.getByRole("heading", { name: `Kasus ${v.id} dikembalikan` }).waitFor();
  await shot(phone, "09-returned-phone");
  // A link changed by hand: refused on a page of its own, nothing changed.
  const altered = phone.url().replace(/k=([^&.]+)\.([^&]{5})/, (_m, a, b) => `k=${a}.${b === "AAAAA" ? "BBBBB" : "AAAAA"}`);
  await phone.goto(altered);
  await phone.getByRole("heading", { name: "Tautan tidak sah" }).waitFor();
  await shot(phone, "10-altered-phone");
  await phone.close();
  await page.reload();
  await page.getByRole("tab", { name: SK_TAB }).click();
  await waitGrid(page, v.id, "▸ JFU", /^▶ 3 /);
  await page.close();
}, 120000);

test("a person turns the morning digest on from the panel (Antrean saya), and Pejabat records it", async () => {
  const page = await openWorkspace();
  await actAs(page, JFU);
  await page.getByRole("button", { name: "Ekstensi" }).click();
  await page.getByRole("menuitem", { name: "Alur" }).hover();
  await page.getByRole("menuitem", { name: "Antrean saya" }).click();
  const sb = page.frameLocator("#sidebar-frame");
  await sb.locator(`#me[title="Masuk sebagai ${JFU}"]`).waitFor();
  await sb.getByText("Ringkasan harian lewat email").click();
  const box = sb.getByLabel("Kirimi saya ringkasan harian");
  await box.check();
  await sb.locator("#digest-pref:checked:not([disabled])").waitFor();
  await page.locator("#sidebar").screenshot({ path: join(SHOTS, "11-digest-panel.png") });
  const pejabat = await page.evaluate(() => fetch(`/api/sheet?name=${encodeURIComponent("Pejabat")}`).then((r) => r.json()));
  const text = JSON.stringify(pejabat.rows);
  expect(text).toContain(JFU);
  expect(text).toContain('"Ya"');
  await page.close();
}, 120000);
