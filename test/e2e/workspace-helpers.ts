// Shared by browser tests of the local workspace: build check, the server on a free port, and reading the grid as a person sees it.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { launchBrowser } from "./browser";

export const ROOT = resolve(__dirname, "../..");
const SERVER = join(ROOT, "build/server.cjs");

/** A fresh clone has no build: build once, as `npm start` would, and again when sources are newer than the build. */
export function ensureServerBuilt(): void {
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...execFileSync("find", [dir, "-type", "f"], { encoding: "utf8" })
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((f) => statSync(f).mtimeMs),
    );
  if (!existsSync(SERVER) || ["emulator", "src", "sidebar"].some((d) => newest(join(ROOT, d)) > statSync(SERVER).mtimeMs)) {
    execFileSync(process.execPath, [join(ROOT, "scripts/build.mjs")], { cwd: ROOT, stdio: "pipe" });
  }
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

export interface RunningServer {
  child: ChildProcess;
  port: number;
  /** Everything the server printed so far. */
  log: () => string;
}

/**
 * A data folder holding the demo workbook as `npm start -- --reset` makes it: a copy of the one the run's global setup
 * prepared (made once, not per suite), or, run without it, an empty folder and `--reset` for the server to make it.
 */
export function demoWorkbook(prefix: string): { dataDir: string; args: string[] } {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const made = process.env.ALUR_E2E_DEMO;
  if (!made || !existsSync(made)) return { dataDir, args: ["--reset"] };
  cpSync(made, dataDir, { recursive: true });
  return { dataDir, args: [] };
}

/** Starts `node build/server.cjs` and waits for the line a person would read: "Alur lokal: http://localhost:N". */
export function startServer(port: number, dataDir: string, extra: string[] = []): Promise<RunningServer> {
  return new Promise((ok, fail) => {
    let log = "";
    const child = spawn(process.execPath, [SERVER, "--port", String(port), "--data", dataDir, ...extra], { cwd: ROOT, env: { ...process.env, PORT: "" } });
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${log}`)), 90_000);
    const read = (b: Buffer) => {
      log += b.toString();
      if (log.includes(`Alur lokal: http://localhost:${port}`)) {
        clearTimeout(timer);
        ok({ child, port, log: () => log });
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

export function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) return ok();
    child.removeAllListeners("exit");
    child.once("exit", () => ok());
    child.kill("SIGTERM");
  });
}

/** A browser and a workspace server on a copy of the demo workbook: what most browser test files run against. */
export interface DemoWorkspace {
  browser: Browser;
  server: RunningServer;
  dataDir: string;
  base: string;
}

/** Opens a DemoWorkspace (the demo copied to a fresh folder named after `prefix`, a free port); `shots` is made ready. */
export async function openDemoWorkspace(prefix: string, shots: string): Promise<DemoWorkspace> {
  ensureServerBuilt();
  mkdirSync(shots, { recursive: true });
  const demo = demoWorkbook(prefix);
  const port = await freePort();
  const server = await startServer(port, demo.dataDir, demo.args);
  const browser = await launchBrowser();
  return { browser, server, dataDir: demo.dataDir, base: `http://localhost:${port}` };
}

/** Closes the browser, stops the server and removes the data folder (whatever of them was opened). */
export async function closeDemoWorkspace(ws: DemoWorkspace | undefined): Promise<void> {
  if (!ws) return;
  await ws.browser.close();
  await stopServer(ws.server.child);
  rmSync(ws.dataDir, { recursive: true, force: true });
}

/** Waits until read() gives a value that matches, or fails with the last value seen. */
export async function poll<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < until) {
    last = await read();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`waited ${ms} ms for ${what}; last seen ${JSON.stringify(last)}`);
}

export async function useMenu(page: Page, item: string): Promise<void> {
  await page.getByRole("button", { name: "Ekstensi" }).click();
  await page.getByRole("menuitem", { name: "Alur" }).hover();
  await page.getByRole("menuitem", { name: item }).click();
}

/** The add-on panel; a FrameLocator follows the frame across the reloads act-as causes. */
export const sidebarOf = (page: Page): FrameLocator => page.frameLocator("#sidebar-frame");

/**
 * Switches "Bertindak sebagai" and waits until the reloaded panel has booted as that person. Choosing the person
 * already acting changes nothing (and waiting on the old panel would race its reload), so that is skipped.
 */
export async function actAs(page: Page, email: string): Promise<void> {
  const select = page.locator("#act-as");
  if ((await select.inputValue()) === email) return;
  await select.selectOption(email);
  await sidebarOf(page).locator(`#me[title="Masuk sebagai ${email}"]`).waitFor();
}

export interface GridCell {
  text: string;
  /** The formula bar's text when it differs from the shown text (a formula, or a date). */
  raw: string | null;
}

/**
 * One register cell as the grid on the page draws it, by case ID and column title; null while the grid shows another
 * sheet or has no such row yet. The raw value comes from the same sheet read the grid is drawn from.
 */
export async function gridCell(page: Page, caseId: string, header: string): Promise<GridCell | null> {
  const text = await page.evaluate(
    ([id, h]) => {
      const rows = [...document.querySelectorAll<HTMLTableRowElement>("table.cells tbody tr")];
      const head = rows.find((r) => r.dataset.row === "1");
      const col = [...(head?.querySelectorAll<HTMLTableCellElement>("td") ?? [])].find((td) => td.textContent === h)?.dataset.col;
      const row = rows.find((r) => r.querySelector("td")?.textContent === id);
      const td = col && row ? row.querySelector<HTMLTableCellElement>(`td[data-col="${col}"] .v`) : null;
      return td ? { text: td.textContent ?? "", row: Number(row?.dataset.row), col: Number(col) } : null;
    },
    [caseId, header] as const,
  );
  if (!text) return null;
  const sheet = await page.evaluate(async () => {
    const tab = document.querySelector<HTMLElement>('#tabs [role="tab"][aria-selected="true"]')?.textContent ?? "";
    return (await fetch(`/api/sheet?name=${encodeURIComponent(tab)}`)).json();
  });
  const cells = (sheet.rows as { r: number; cells: { raw?: string }[] }[]).find((r) => r.r === text.row)?.cells ?? [];
  const j = (sheet.cols as { c: number }[]).findIndex((c) => c.c === text.col);
  return { text: text.text, raw: cells[j]?.raw ?? null };
}

/** Waits until the grid shows the case's cell under header with text matching want. */
export function waitGrid(page: Page, caseId: string, header: string, want: RegExp | string): Promise<GridCell | null> {
  const ok = (c: GridCell | null) => c !== null && (typeof want === "string" ? c.text === want : want.test(c.text));
  return poll(() => gridCell(page, caseId, header), ok, `${caseId} "${header}" ~ ${want}`);
}
