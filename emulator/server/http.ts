// The workspace's HTTP face on loopback: the page, its JSON API, HtmlService pages with google.script.run, /exec, PDFs.
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { PDF_MIME, blobAs } from "../fakes/drive-record";
import { receiveResult } from "../transport";
import { triggerName } from "./clock-report";
import { addSheet, applyEdit, changeRows, type EditRequest, type RowsRequest } from "./edit";
import { withShim } from "./shim";
import { sheetView, tabs } from "./sheet-view";
import { listOptions, ruleAt } from "./validation";
import { charts, clockText, documentHtml, documentList, localLinks, mailHtml, outboxList, people } from "./views";
import { DEFAULT_TAB, personOf, type TabSession, type Workspace } from "./workspace";

type Handler = (req: IncomingMessage, url: URL, body: string, who: Caller) => Promise<Reply> | Reply;

/** Who sent a request: the browser tab (its own selection and panels) and the person that tab acts as. */
interface Caller {
  tab: TabSession;
  person: string;
}
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

function parse(body: string): Record<string, unknown> {
  try {
    const v = JSON.parse(body || "{}");
    return v && typeof v === "object" ? v : {};
  } catch {
    return {};
  }
}

/** The workspace's own marker of the person on a web-app link; the script never sees it. */
const WEB_AS = "__as";

/** The e of doGet(e)/doPost(e): parameter holds the first value of each name, parameters all of them. */
function webEvent(url: URL, form?: URLSearchParams, post?: { contents: string; type: string }) {
  const parameter: Record<string, string> = {};
  const parameters: Record<string, string[]> = {};
  const query = new URLSearchParams(url.search);
  query.delete(WEB_AS);
  for (const [k, v] of [...query, ...(form ?? [])]) {
    if (!(k in parameter)) parameter[k] = v;
    if (!parameters[k]) parameters[k] = [];
    parameters[k].push(v);
  }
  const e: Record<string, unknown> = { parameter, parameters, queryString: query.toString(), contextPath: "", contentLength: post ? Buffer.byteLength(post.contents) : -1, pathInfo: "" };
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

  r.set("GET /api/state", (_q, _u, _b, { tab, person }) => {
    const ss = world.spreadsheet;
    return json({
      seq: ws.seq,
      title: ss.name,
      now: world.now(),
      clock: clockText(world.now(), world.timeZone),
      tab: tab.id,
      actAs: person,
      people: people(world),
      menus: world.ui.menus,
      sheets: tabs(ss),
      activeSheet: ws.activeSheetOf(tab).name,
      selSeq: tab.selSeq,
      sidebar: tab.sidebar && { seq: tab.sidebar.seq, title: tab.sidebar.title, width: tab.sidebar.width },
      dialog: tab.dialog && { seq: tab.dialog.seq, title: tab.dialog.title, width: tab.dialog.width, height: tab.dialog.height, modal: tab.dialog.modal },
      notices: ws.notices.filter((n) => !n.tab || n.tab === tab.id).slice(-20),
      outbox: world.outbox.length,
      quota: Math.max(0, world.mail.quota - world.mailUsedToday_()),
      documents: documentList(world).length,
      charts: charts(ss).length,
      triggers: ws.dueList().map((t) => ({ name: triggerName(world.triggers.find((x) => x.id === t.id)!), at: clockText(t.at, world.timeZone) })),
      demo: ws.demo,
    });
  });

  r.set("GET /api/sheet", (_q, url, _b, { tab }) => {
    const sheet = world.spreadsheet.sheetNamed_(url.searchParams.get("name") ?? "") ?? ws.activeSheetOf(tab);
    const a = tab.range && ws.activeSheetOf(tab) === sheet ? tab.range : null;
    return json(sheetView(sheet, Number(url.searchParams.get("offset")) || 0, a && { row: a[0], col: a[1], numRows: a[2], numCols: a[3] }));
  });

  /** Clicking a cell or a tab moves this tab's active range, as the user would in Sheets (getActiveRange sees it). */
  r.set("POST /api/select", (_q, _u, body, { tab }) => {
    const b = parse(body);
    const ok = ws.select(tab, String(b.sheet ?? ""), Number(b.row), Number(b.col), Number(b.numRows) || 1, Number(b.numCols) || 1);
    return ok ? json({ ok: true, selSeq: tab.selSeq }) : notFound("Sheet tidak ada.");
  });

  /** Typing, pasting, Delete and checkbox clicks in the grid, as the tab's person. */
  r.set("POST /api/edit", (_q, _u, body, { tab, person }) => json(applyEdit(ws, tab, person, parse(body) as unknown as EditRequest), true));
  r.set("POST /api/rows", (_q, _u, body, { tab, person }) => json(changeRows(ws, tab, person, parse(body) as unknown as RowsRequest), true));
  r.set("POST /api/sheets/add", (_q, _u, _b, { tab, person }) => json({ ...addSheet(ws, tab, person), selSeq: tab.selSeq }, true));

  /** What a dropdown cell offers (its list, or the values of its range as they show now). */
  r.set("GET /api/options", (_q, url) => {
    const sheet = world.spreadsheet.sheetNamed_(url.searchParams.get("sheet") ?? "");
    const rule = sheet ? ruleAt(sheet, Number(url.searchParams.get("row")), Number(url.searchParams.get("col"))) : undefined;
    return json({ options: (rule && listOptions(rule)) ?? null, strict: rule ? !rule.spec.allowInvalid : false });
  });

  r.set("POST /api/open", (_q, _u, _b, { tab }) => {
    // An add-on's onOpen runs in AuthMode.NONE until it is used in the document; installable ON_OPEN triggers run in FULL.
    const out = ws.run("onOpen", [{ authMode: "NONE", user: "" }], "open-none", "", { tab });
    for (const t of world.triggers.filter((x) => x.eventType === "ON_OPEN")) ws.run(t.handler, [{ authMode: "FULL", triggerUid: t.id }], "trigger", t.owner, { tab });
    if (!out.ok) ws.notify("error", "Menu Alur tidak dapat dibuat", out.error ?? "", tab);
    return json({ ok: out.ok, error: out.error }, true);
  });

  r.set("POST /api/menu", (_q, _u, body, { tab, person }) => {
    const fn = String(parse(body).fn ?? "");
    const known = world.ui.menus.some((m) => JSON.stringify(m.items).includes(`"fn":${JSON.stringify(fn)}`));
    if (!known) return json({ ok: false, error: "Menu itu tidak dikenal." });
    const out = ws.run(fn, [], "editor", person, { tab });
    if (!out.ok) ws.notify("error", "Skrip gagal", out.error ?? "", tab);
    return json({ ok: out.ok, error: out.error, ms: out.ms }, true);
  });

  /** google.script.run from a served page: any top-level function, as in Apps Script (which is why the bundle exposes few). */
  r.set("POST /api/run", (_q, _u, body, { tab, person }) => {
    const b = parse(body);
    const fn = String(b.fn ?? "");
    const args = Array.isArray(b.args) ? b.args : [];
    if (!/^[A-Za-z$][\w$]*$/.test(fn) || fn.endsWith("_")) return json({ ok: false, error: `Script function not found: ${fn}` });
    const kind = b.page === "webapp" ? "webapp" : "editor";
    const out = ws.run(fn, args, kind, person, { tab: kind === "webapp" ? null : tab });
    if (!out.ok) return json({ ok: false, error: out.error }, true);
    // What the page's success handler receives (emulator/transport.ts): a result holding a Date arrives as null.
    let value: unknown;
    try {
      value = receiveResult(out.value);
    } catch (err) {
      return json({ ok: false, error: (err as Error).message }, true);
    }
    return json({ ok: true, value }, true);
  });

  /** This tab acts as another person from now on (and a new tab starts as them); other tabs keep theirs. */
  r.set("POST /api/act-as", (_q, _u, body, { tab }) => {
    const email = String(parse(body).email ?? "").toLowerCase();
    if (!people(world).some((p) => p.email === email)) return json({ ok: false, error: "Orang itu tidak ada di Pejabat." });
    tab.person = email;
    ws.actAs = email;
    return json({ ok: true, actAs: email });
  });

  r.set("POST /api/clock", (_q, _u, body) => {
    const ms = Number(parse(body).ms);
    if (!(ms > 0 && ms <= 366 * 86400000)) return json({ ok: false, error: "Lompatan waktu tidak sah." });
    return json({ ok: true, ...ws.advance(ms), clock: clockText(world.now(), world.timeZone) }, true);
  });

  r.set("POST /api/sidebar/close", (_q, _u, _b, { tab }) => {
    tab.sidebar = null;
    return json({ ok: true }, true);
  });
  r.set("POST /api/dialog/close", (_q, _u, _b, { tab }) => {
    tab.dialog = null;
    return json({ ok: true });
  });

  r.set("GET /sidebar", (_q, _u, _b, { tab, person }) => (tab.sidebar ? html(withShim(tab.sidebar.html, "sidebar", { tab: tab.id, as: person })) : notFound("Panel belum dibuka.")));
  r.set("GET /dialog", (_q, _u, _b, { tab, person }) => (tab.dialog ? html(withShim(tab.dialog.html, "dialog", { tab: tab.id, as: person })) : notFound("Tidak ada dialog.")));

  r.set("GET /api/outbox", () => json(outboxList(world)));
  r.set("GET /mail", (_q, url, _b, { person }) => {
    const page = mailHtml(world, Number(url.searchParams.get("i")), person);
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
  const web = (fn: "doGet" | "doPost", e: Record<string, unknown>, person: string): Reply => {
    const out = ws.runWith(fn, [e], "webapp", (v) => {
      const o = v as { getContent?: () => string; getTitle?: () => string; getMimeType?: () => string; toString(): string };
      const kind = String(o);
      if (kind === "HtmlOutput") return { html: o.getContent!(), title: o.getTitle!() };
      if (kind === "TextOutput") return { text: o.getContent!(), mime: String(o.getMimeType!()) };
      throw new Error(`The script completed but the returned value is not a supported return type.`);
    }, person);
    if (!out.ok) return { status: 500, ...html(`<!doctype html><meta charset="utf-8"><title>Error</title><body style="font:14px Arial;margin:40px"><h1 style="font-size:18px">Error</h1><p>${out.error.replace(/</g, "&lt;")}</p></body>`, true) };
    const v = out.value as { html?: string; title?: string; text?: string; mime?: string };
    if (v.html !== undefined) {
      const titled = v.title && !/<title>/i.test(v.html) ? v.html.replace(/<head[^>]*>/i, (m) => `${m}<title>${v.title}</title>`) : v.html;
      return html(withShim(localLinks(titled, world, person), "webapp", { as: person }), true);
    }
    return { type: `${v.mime === "JSON" ? "application/json" : "text/plain"}; charset=utf-8`, body: v.text ?? "", changed: true };
  };
  r.set("GET /exec", (_q, url, _b, { person }) => web("doGet", webEvent(url), person));
  r.set("POST /exec", (q, url, body, { person }) => {
    const type = String(q.headers["content-type"] ?? "").split(";")[0];
    const form = type === "application/x-www-form-urlencoded" ? new URLSearchParams(body) : undefined;
    return web("doPost", webEvent(url, form, { contents: body, type }), person);
  });
  r.set("GET /favicon.ico", () => ({ status: 204, body: "" }));
  return r;
}

const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * The tab and person of a request: the page and the pages it serves (panel, dialogs) send them as headers; pages opened
 * by a link (the panel's frame, an email, a web-app page) carry them in the address. Without either: the default tab.
 */
function caller(ws: Workspace, req: IncomingMessage, url: URL): Caller {
  const id = header(req, "x-alur-tab") || url.searchParams.get("tab") || "";
  const tab = ws.tab(id || DEFAULT_TAB);
  const named = personOf(header(req, "x-alur-as")) ?? personOf(url.searchParams.get(url.pathname === "/exec" ? WEB_AS : "as"));
  // A tab's own page speaks for it; a request from no tab (a web-app page) acts as its person without changing any tab.
  if (named && id) tab.person = named;
  return { tab, person: named ?? tab.person };
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
          reply = route ? await route(req, url, Buffer.concat(chunks).toString("utf8"), caller(ws, req, url)) : notFound();
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
