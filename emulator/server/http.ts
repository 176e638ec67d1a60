// The workspace's HTTP face on loopback: the page, its JSON API, HtmlService pages with google.script.run, /exec, PDFs.
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { isDate } from "../fakes/errors";
import { PDF_MIME, blobAs } from "../fakes/drive-record";
import { withShim } from "./shim";
import { sheetView, tabs } from "./sheet-view";
import { charts, clockText, documentHtml, documentList, mailHtml, outboxList, people } from "./views";
import type { Workspace } from "./workspace";

type Handler = (req: IncomingMessage, url: URL, body: string) => Promise<Reply> | Reply;
interface Reply {
  status?: number;
  type?: string;
  body: string | Uint8Array;
  headers?: Record<string, string>;
  /** The request ran script code or moved the clock: the workbook is saved. */
  changed?: boolean;
}

const json = (v: unknown, changed = false): Reply => ({ type: "application/json; charset=utf-8", body: JSON.stringify(v), changed });
const html = (s: string, changed = false): Reply => ({ type: "text/html; charset=utf-8", body: s, changed });
const notFound = (what = "Tidak ditemukan."): Reply => ({ status: 404, type: "text/plain; charset=utf-8", body: what });

/** JSON-like only, as google.script.run allows: a result holding a Date or function arrives as null. */
function crossable(v: unknown): boolean {
  if (typeof v === "function" || isDate(v)) return false;
  if (Array.isArray(v)) return v.every(crossable);
  if (v && typeof v === "object") return Object.values(v).every(crossable);
  return true;
}

function parse(body: string): Record<string, unknown> {
  try {
    const v = JSON.parse(body || "{}");
    return v && typeof v === "object" ? v : {};
  } catch {
    return {};
  }
}

/** The e of doGet(e)/doPost(e): parameter holds the first value of each name, parameters all of them. */
function webEvent(url: URL, form?: URLSearchParams, post?: { contents: string; type: string }) {
  const parameter: Record<string, string> = {};
  const parameters: Record<string, string[]> = {};
  for (const [k, v] of [...url.searchParams, ...(form ?? [])]) {
    if (!(k in parameter)) parameter[k] = v;
    if (!parameters[k]) parameters[k] = [];
    parameters[k].push(v);
  }
  const e: Record<string, unknown> = { parameter, parameters, queryString: url.search.slice(1), contextPath: "", contentLength: post ? Buffer.byteLength(post.contents) : -1, pathInfo: "" };
  if (post) e.postData = { contents: post.contents, type: post.type, length: Buffer.byteLength(post.contents), name: "postData" };
  return e;
}

export function routes(ws: Workspace, root: string): Map<string, Handler> {
  const world = ws.world;
  const ui = (file: string, type: string): Handler => () => ({ type, body: readFileSync(join(root, "build/ui", file)) });
  const r = new Map<string, Handler>();

  r.set("GET /", ui("index.html", "text/html; charset=utf-8"));
  r.set("GET /ui/app.js", ui("app.js", "text/javascript; charset=utf-8"));
  r.set("GET /ui/style.css", ui("style.css", "text/css; charset=utf-8"));

  r.set("GET /api/state", () => {
    const ss = world.spreadsheet;
    return json({
      seq: ws.seq,
      title: ss.name,
      now: world.now(),
      clock: clockText(world.now(), world.timeZone),
      actAs: ws.actAs,
      people: people(world),
      menus: world.ui.menus,
      sheets: tabs(ss),
      activeSheet: ss.active_().name,
      sidebar: ws.sidebar && { seq: ws.sidebar.seq, title: ws.sidebar.title, width: ws.sidebar.width },
      dialog: ws.dialog && { seq: ws.dialog.seq, title: ws.dialog.title, width: ws.dialog.width, height: ws.dialog.height, modal: ws.dialog.modal },
      notices: ws.notices.slice(-20),
      outbox: world.outbox.length,
      quota: Math.max(0, world.mail.quota - world.mailUsedToday_()),
      documents: documentList(world).length,
      charts: charts(ss).length,
      triggers: ws.dueList().map((t) => ({ handler: t.handler, at: clockText(t.at, world.timeZone) })),
      demo: ws.demo,
    });
  });

  r.set("GET /api/sheet", (_q, url) => {
    const sheet = world.spreadsheet.sheetNamed_(url.searchParams.get("name") ?? "") ?? world.spreadsheet.active_();
    return json(sheetView(sheet, Number(url.searchParams.get("offset")) || 0));
  });

  /**
   * Picking a value from a cell's dropdown, as a person would in Sheets: the value is written and the simple onEdit
   * trigger runs with the edit's event. Only a listed choice of a dropdown cell is accepted (the grid is otherwise a viewer).
   */
  r.set("POST /api/edit", (_q, _u, body) => {
    const b = parse(body);
    const sheet = world.spreadsheet.sheetNamed_(String(b.sheet ?? ""));
    const row = Number(b.row);
    const col = Number(b.col);
    const value = String(b.value ?? "");
    if (!sheet || !(row >= 1 && col >= 1 && row <= sheet.grid.maxRows && col <= sheet.grid.maxCols)) return notFound("Sel tidak ada.");
    const range = world.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet.name)!.getRange(row, col);
    const rule = range.getDataValidation();
    const choices = rule && String(rule.getCriteriaType()) === "VALUE_IN_LIST" ? (rule.getCriteriaValues()[0] as unknown[]).map(String) : [];
    if (!choices.includes(value)) return json({ ok: false, error: "Pilihan itu tidak ada di daftar sel ini." });
    const oldValue = range.getValue();
    range.setValue(value);
    const out = ws.run("onEdit", [{ range, value, oldValue, source: world.globals.SpreadsheetApp.getActiveSpreadsheet(), authMode: "LIMITED", user: "" }], "simple-trigger", "");
    if (!out.ok) ws.notify("error", "onEdit gagal", out.error ?? "");
    return json({ ok: true }, true);
  });

  /** Clicking a cell or a tab moves the active range, as the user would in Sheets (getActiveRange sees it). */
  r.set("POST /api/select", (_q, _u, body) => {
    const b = parse(body);
    const ss = world.spreadsheet;
    const sheet = ss.sheetNamed_(String(b.sheet ?? ""));
    if (!sheet) return notFound("Sheet tidak ada.");
    ss.activeSheet = sheet;
    const row = Number(b.row);
    const col = Number(b.col);
    ss.activeRange = row >= 1 && col >= 1 && row <= sheet.grid.maxRows && col <= sheet.grid.maxCols ? sheet.range_(row, col, 1, 1) : null;
    return json({ ok: true }, true);
  });

  r.set("POST /api/open", () => {
    // An add-on's onOpen runs in AuthMode.NONE until it is used in the document; installable ON_OPEN triggers run in FULL.
    const out = ws.run("onOpen", [{ authMode: "NONE", user: "" }], "open-none", "");
    for (const t of world.triggers.filter((x) => x.eventType === "ON_OPEN")) ws.run(t.handler, [{ authMode: "FULL", triggerUid: t.id }], "trigger", t.owner);
    if (!out.ok) ws.notify("error", "onOpen gagal", out.error ?? "");
    return json({ ok: out.ok, error: out.error }, true);
  });

  r.set("POST /api/menu", (_q, _u, body) => {
    const fn = String(parse(body).fn ?? "");
    const known = world.ui.menus.some((m) => JSON.stringify(m.items).includes(`"fn":${JSON.stringify(fn)}`));
    if (!known) return json({ ok: false, error: `Menu tidak mengenal ${fn}.` });
    const out = ws.run(fn, [], "editor");
    if (!out.ok) ws.notify("error", "Skrip gagal", out.error ?? "");
    return json({ ok: out.ok, error: out.error, ms: out.ms }, true);
  });

  /** google.script.run from a served page: any top-level function, as in Apps Script (which is why the bundle exposes few). */
  r.set("POST /api/run", (_q, _u, body) => {
    const b = parse(body);
    const fn = String(b.fn ?? "");
    const args = Array.isArray(b.args) ? b.args : [];
    if (!/^[A-Za-z$][\w$]*$/.test(fn) || fn.endsWith("_")) return json({ ok: false, error: `Script function not found: ${fn}` });
    const kind = b.page === "webapp" ? "webapp" : "editor";
    const out = ws.run(fn, args, kind);
    if (!out.ok) return json({ ok: false, error: out.error }, true);
    return json({ ok: true, value: crossable(out.value) ? (out.value ?? null) : null }, true);
  });

  r.set("POST /api/act-as", (_q, _u, body) => {
    const email = String(parse(body).email ?? "").toLowerCase();
    if (!people(world).some((p) => p.email === email)) return json({ ok: false, error: "Orang itu tidak ada di Pejabat." });
    ws.actAs = email;
    ws.seq++;
    return json({ ok: true }, true);
  });

  r.set("POST /api/clock", (_q, _u, body) => {
    const ms = Number(parse(body).ms);
    if (!(ms > 0 && ms <= 366 * 86400000)) return json({ ok: false, error: "Lompatan waktu tidak sah." });
    return json({ ok: true, ...ws.advance(ms), clock: clockText(world.now(), world.timeZone) }, true);
  });

  r.set("POST /api/sidebar/close", () => {
    ws.sidebar = null;
    ws.seq++;
    return json({ ok: true });
  });
  r.set("POST /api/dialog/close", () => {
    ws.dialog = null;
    ws.seq++;
    return json({ ok: true });
  });

  r.set("GET /sidebar", () => (ws.sidebar ? html(withShim(ws.sidebar.html, "sidebar")) : notFound("Panel belum dibuka.")));
  r.set("GET /dialog", () => (ws.dialog ? html(withShim(ws.dialog.html, "dialog")) : notFound("Tidak ada dialog.")));

  r.set("GET /api/outbox", () => json(outboxList(world)));
  r.set("GET /mail", (_q, url) => {
    const page = mailHtml(world, Number(url.searchParams.get("i")));
    return page ? html(page) : notFound("Email tidak ada.");
  });

  r.set("GET /api/documents", () => json(documentList(world)));
  /** A Doc as a page, or (as=pdf) the very PDF Document.getAs("application/pdf") gives the script. */
  r.set("GET /document", (_q, url) => {
    const doc = world.documents.get(url.searchParams.get("id") ?? "");
    if (!doc || doc.isFolder) return notFound("Dokumen tidak ada.");
    if (url.searchParams.get("as") === "pdf") {
      if (!doc.isDoc && !doc.mimeType.startsWith("text/") && doc.mimeType !== PDF_MIME) return notFound("Berkas ini tidak bisa dijadikan PDF.");
      const blob = blobAs(world, doc, PDF_MIME);
      const file = `${doc.name.replace(/\.pdf$/i, "").replace(/[^\w .-]+/g, "_") || "dokumen"}.pdf`;
      return { type: PDF_MIME, body: blob.data, headers: { "content-disposition": `attachment; filename="${file}"` } };
    }
    if (doc.mimeType === PDF_MIME) return { type: PDF_MIME, body: doc.bytes() };
    return html(documentHtml(doc));
  });

  r.set("GET /api/charts", () => json(charts(world.spreadsheet)));

  /** The web app, as deployed: doGet/doPost run as the deployer with the person clicking as the active user. */
  const web = (fn: "doGet" | "doPost", e: Record<string, unknown>): Reply => {
    const out = ws.runWith(fn, [e], "webapp", (v) => {
      const o = v as { getContent?: () => string; getTitle?: () => string; getMimeType?: () => string; toString(): string };
      const kind = String(o);
      if (kind === "HtmlOutput") return { html: o.getContent!(), title: o.getTitle!() };
      if (kind === "TextOutput") return { text: o.getContent!(), mime: String(o.getMimeType!()) };
      throw new Error(`The script completed but the returned value is not a supported return type.`);
    });
    if (!out.ok) return { status: 500, ...html(`<!doctype html><meta charset="utf-8"><title>Error</title><body style="font:14px Arial;margin:40px"><h1 style="font-size:18px">Error</h1><p>${out.error.replace(/</g, "&lt;")}</p></body>`, true) };
    const v = out.value as { html?: string; title?: string; text?: string; mime?: string };
    if (v.html !== undefined) {
      const titled = v.title && !/<title>/i.test(v.html) ? v.html.replace(/<head[^>]*>/i, (m) => `${m}<title>${v.title}</title>`) : v.html;
      return html(withShim(titled, "webapp"), true);
    }
    return { type: `${v.mime === "JSON" ? "application/json" : "text/plain"}; charset=utf-8`, body: v.text ?? "", changed: true };
  };
  r.set("GET /exec", (_q, url) => web("doGet", webEvent(url)));
  r.set("POST /exec", (q, url, body) => {
    const type = String(q.headers["content-type"] ?? "").split(";")[0];
    const form = type === "application/x-www-form-urlencoded" ? new URLSearchParams(body) : undefined;
    return web("doPost", webEvent(url, form, { contents: body, type }));
  });
  r.set("GET /favicon.ico", () => ({ status: 204, body: "" }));
  return r;
}

const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** Answers one request; anything not from this machine, or addressed by another host name, is refused. */
export function handler(ws: Workspace, root: string) {
  const table = routes(ws, root);
  return (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      let reply: Reply;
      try {
        const remote = req.socket.remoteAddress ?? "";
        if (!/^(127\.|::1$|::ffff:127\.)/.test(remote) || !LOOPBACK_HOST.test(req.headers.host ?? "")) {
          reply = { status: 403, type: "text/plain", body: "Hanya untuk komputer ini." };
        } else {
          const url = new URL(req.url ?? "/", "http://localhost");
          const route = table.get(`${req.method} ${url.pathname}`);
          reply = route ? await route(req, url, Buffer.concat(chunks).toString("utf8")) : notFound();
          if (reply.changed) ws.save();
        }
      } catch (err) {
        reply = { status: 500, type: "text/plain; charset=utf-8", body: `Kesalahan ruang kerja: ${err instanceof Error ? err.stack : String(err)}` };
      }
      res.writeHead(reply.status ?? 200, { "content-type": reply.type ?? "text/plain", "cache-control": "no-store", ...reply.headers });
      res.end(reply.body);
    });
  };
}
