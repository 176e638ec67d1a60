// Each browser tab of the workspace is its own person: requests carry the tab and its person, the panel's calls and the
// menu run as them, web-app pages opened from a tab's email run as that tab's person, and a tab's panel is its own.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { handler } from "../../emulator/server/http";
import { Workspace } from "../../emulator/server/workspace";

const SCRIPT = `
function whoAmI() { return Session.getActiveUser().getEmail(); }
function openPanel() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput("<p>panel</p>").setTitle("Alur")); }
function onOpen() { SpreadsheetApp.getUi().createAddonMenu().addItem("Buka panel", "openPanel").addToUi(); }
function doGet(e) {
  return HtmlService.createHtmlOutput("<p id=who>" + Session.getActiveUser().getEmail() + "</p><p id=params>" + JSON.stringify(e.parameter) + "</p>" +
    '<a href="https://docs.google.com/spreadsheets/d/' + SpreadsheetApp.openById(e.parameter.ss).getId() + '/edit">Buka register</a>');
}
function mail() {
  MailApp.sendEmail({ to: "jfu@dinas.example", subject: "Kasus", body: "", htmlBody: '<a href="' + ScriptApp.getService().getUrl() + '?case=SM-1">Lihat kasus</a>' });
}
`;

let root: string;
let ws: Workspace;
let server: Server;
let base: string;

async function call<T = Record<string, unknown>>(path: string, tab: string, as: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { "x-alur-tab": tab, "x-alur-as": as };
  const res = await fetch(base + path, body === undefined ? { headers } : { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) });
  return (await res.json()) as T;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "alur-tabs-"));
  mkdirSync(join(root, "dist"));
  writeFileSync(join(root, "dist/Code.js"), SCRIPT);
  ws = new Workspace({ root, dataDir: join(root, "data"), serviceUrl: "http://localhost:1/exec", reset: true });
  server = createServer(handler(ws, root));
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  rmSync(root, { recursive: true, force: true });
});

test("two tabs call the script at the same time, each as its own person; a panel opened in one is not the other's", async () => {
  await call("/api/open", "tab-1", "kepala-dinas@dinas.example", {});
  const [a, b] = await Promise.all([
    call<{ value: string }>("/api/run", "tab-1", "kepala-dinas@dinas.example", { fn: "whoAmI", args: [] }),
    call<{ value: string }>("/api/run", "tab-2", "jfu@dinas.example", { fn: "whoAmI", args: [] }),
  ]);
  expect([a.value, b.value]).toEqual(["kepala-dinas@dinas.example", "jfu@dinas.example"]);
  expect(await call("/api/menu", "tab-2", "jfu@dinas.example", { fn: "openPanel" })).toMatchObject({ ok: true });
  const s1 = await call<{ actAs: string; sidebar: unknown }>("/api/state", "tab-1", "kepala-dinas@dinas.example");
  const s2 = await call<{ actAs: string; sidebar: { title: string } | null }>("/api/state", "tab-2", "jfu@dinas.example");
  expect(s1).toMatchObject({ actAs: "kepala-dinas@dinas.example", sidebar: null });
  expect(s2).toMatchObject({ actAs: "jfu@dinas.example", sidebar: { title: "Alur" } });
  // The panel's page carries its tab and person, so its calls run as them.
  const panel = await (await fetch(`${base}/sidebar?tab=tab-2&as=jfu%40dinas.example`)).text();
  expect(panel).toContain('var who = {"tab":"tab-2","as":"jfu@dinas.example"}');
  expect((await fetch(`${base}/sidebar?tab=tab-1&as=kepala-dinas%40dinas.example`)).status).toBe(404);
});

test("a web-app link opened from a tab's email runs as that tab's person; the marker never reaches doGet", async () => {
  ws.run("mail", [], "editor", "admin@dinas.example");
  const mail = await (await fetch(`${base}/mail?i=0&as=kepala-dinas%40dinas.example`)).text();
  expect(mail).toContain('href="/exec?case=SM-1&amp;__as=kepala-dinas%40dinas.example"');
  const page = await (await fetch(`${base}/exec?case=SM-1&ss=${ws.world.spreadsheet.id}&__as=kepala-dinas%40dinas.example`)).text();
  expect(page).toContain("<p id=who>kepala-dinas@dinas.example</p>");
  expect(page).toContain(`<p id=params>{"case":"SM-1","ss":"${ws.world.spreadsheet.id}"}</p>`);
  // Its link to the spreadsheet opens the workspace in a tab acting as the same person.
  expect(page).toContain('<a href="/?as=kepala-dinas%40dinas.example">Buka register</a>');
  // Opening it changed no tab's person.
  expect(await call("/api/state", "tab-2", "")).toMatchObject({ actAs: "jfu@dinas.example" });
});

test("choosing a person in one tab changes that tab only; only people in Pejabat (or the owner) can be chosen", async () => {
  expect(await call("/api/act-as", "tab-3", "", { email: "orang.asing@contoh.example" })).toMatchObject({ ok: false, error: "Orang itu tidak ada di Pejabat." });
  expect(await call("/api/act-as", "tab-3", "", { email: "admin@dinas.example" })).toMatchObject({ ok: true });
  expect(await call("/api/state", "tab-3", "")).toMatchObject({ actAs: "admin@dinas.example" });
  expect(await call("/api/state", "tab-1", "")).toMatchObject({ actAs: "kepala-dinas@dinas.example" });
});

test("a restart keeps each tab's person and open panel", () => {
  ws.save();
  const again = new Workspace({ root, dataDir: join(root, "data"), serviceUrl: "http://localhost:1/exec" });
  const t2 = again.tab("tab-2");
  expect(t2.person).toBe("jfu@dinas.example");
  expect(t2.sidebar).toMatchObject({ title: "Alur" });
  expect(t2.sidebar?.html).toContain("<p>panel</p>");
  expect(again.tab("tab-1")).toMatchObject({ person: "kepala-dinas@dinas.example", sidebar: null });
});
