// Uji mandiri in the local workspace: the admin opens it from the menu and starts it, a colleague in another tab runs
// Alur › Uji akses Drive when the dialog asks, and the table ends all green. Screenshot: test-artifacts/uji/.
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { type DemoWorkspace, ROOT, closeDemoWorkspace, openDemoWorkspace, useMenu } from "./workspace-helpers";

const SHOTS = join(ROOT, "test-artifacts/uji");
const OWNER = "admin@dinas.example";

/** "Bertindak sebagai" in this tab (the panel stays closed: the menu items run as the tab's person). */
async function actAs(page: Page, email: string): Promise<void> {
  const select = page.locator("#act-as");
  await select.waitFor();
  if ((await select.inputValue()) === email) return;
  await Promise.all([page.waitForResponse((r) => r.url().endsWith("/api/act-as")), select.selectOption(email)]);
}

let ws: DemoWorkspace;
let browser: Browser;
let base = "";

beforeAll(async () => {
  ws = await openDemoWorkspace("alur-uji-", SHOTS);
  ({ browser, base } = ws);
});

afterAll(() => closeDemoWorkspace(ws));

test("the admin runs Uji mandiri, a colleague answers the Drive probe from their own tab, and every row is 'lulus'", async () => {
  const admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await admin.goto(base);
  await actAs(admin, OWNER);
  await useMenu(admin, "Uji mandiri (admin)");
  const dialog = admin.frameLocator(".dialog-frame");
  await dialog.locator("#start").click();
  // The dialog pauses at the second person's Drive probe.
  const colleague = (await admin.locator("#act-as option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).find((e) => e && e !== OWNER) as string;
  await dialog.locator("#drive2-email").waitFor({ timeout: 60_000 });
  await dialog.locator("#drive2-email").fill(colleague);
  await dialog.locator("#drive2-prepare").click();
  await dialog.locator("#drive2-check").waitFor();

  const other = await browser.newPage({ viewport: { width: 1100, height: 700 } });
  await other.goto(base);
  await actAs(other, colleague);
  await useMenu(other, "Uji akses Drive");
  await other.getByText(/TIDAK dapat membuka folder uji admin lewat Alur/).waitFor();
  await other.close();

  await dialog.locator("#drive2-check").click();
  await dialog.locator("#summary").filter({ hasText: "19 lulus · 0 berbeda · 0 gagal" }).waitFor({ timeout: 60_000 });
  const statuses = await dialog.locator("tbody tr").evaluateAll((rows) => rows.map((r) => `${(r as HTMLElement).dataset.step}:${(r as HTMLElement).dataset.status}`));
  expect(statuses).toHaveLength(19);
  expect(statuses.filter((s) => !s.endsWith(":passed"))).toEqual([]);
  await expect(dialog.locator("#copy-text").inputValue()).resolves.toMatch(/^langkah\thasil\tteramati\tharapan\tgalat\nsiapkan\tpassed\t/);
  await admin.screenshot({ path: join(SHOTS, "uji-mandiri.png") });
  // The English switch relabels the dialog.
  await dialog.locator("#lang-en").click();
  await dialog.locator("#summary").filter({ hasText: "19 passed · 0 differ · 0 failed" }).waitFor();
  await admin.screenshot({ path: join(SHOTS, "uji-mandiri-en.png") });
});
