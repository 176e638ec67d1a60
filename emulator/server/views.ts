// Read-only views of the World for the page: people to act as, the clock, the outbox, documents and charts.
import { isDate } from "../fakes/errors";
import { formatJavaDate } from "../fakes/date-format";
import { type Block, type ParagraphBlock, styleAt } from "../fakes/doc-model";
import type { DocRecord } from "../fakes/drive-record";
import type { SentMail } from "../fakes/mail";
import type { FakeSpreadsheet } from "../fakes/spreadsheet";
import type { World } from "../fakes/world";
import { OWNER } from "./workspace";

export interface Person {
  email: string;
  name: string;
  role: string;
}

const cellText = (v: unknown) => (v === undefined || v === null ? "" : String(v).trim());

/** Everyone in Pejabat (and their Plt/Plh), plus the spreadsheet's owner, who ran setup. */
export function people(world: World): Person[] {
  const out: Person[] = [{ email: OWNER, name: "Admin (pemilik spreadsheet)", role: "Admin" }];
  const sheet = world.sheet("Pejabat");
  if (!sheet) return out;
  const header = Array.from({ length: sheet.grid.lastCol() }, (_, c) => cellText(sheet.grid.value(0, c)));
  const col = (h: string) => header.indexOf(h);
  const [role, name, email, actingName, actingEmail] = [col("Peran"), col("Nama"), col("Email"), col("Nama Plt/Plh"), col("Email Plt/Plh")];
  if (email < 0) return out;
  const seen = new Set([OWNER]);
  for (let r = 1; r < sheet.grid.lastRow(); r++) {
    const add = (e: string, n: string, what: string) => {
      const key = e.toLowerCase();
      if (!key || seen.has(key)) return;
      seen.add(key);
      out.push({ email: key, name: n || key, role: what });
    };
    const roleText = role >= 0 ? cellText(sheet.grid.value(r, role)) : "";
    add(cellText(sheet.grid.value(r, email)), cellText(sheet.grid.value(r, name)), roleText);
    if (actingEmail >= 0) add(cellText(sheet.grid.value(r, actingEmail)), cellText(sheet.grid.value(r, actingName)), `Plt/Plh ${roleText}`);
  }
  return out;
}

const DAYS = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

/** "Senin, 30 Nov 2026 09.15 WIB": Indonesian, formatted here rather than by Intl. */
export function clockText(ms: number, tz: string): string {
  const [dow, d, m, y, hm] = formatJavaDate(ms, tz, "u|d|M|yyyy|HH.mm").split("|");
  return `${DAYS[Number(dow) % 7]}, ${d} ${MONTHS[Number(m) - 1]} ${y} ${hm} ${tz === "Asia/Jakarta" ? "WIB" : tz}`;
}

export function outboxList(world: World): { i: number; to: string; subject: string; from: string; name: string; at: number; when: string }[] {
  return world.outbox
    .map((m: SentMail, i) => ({ i, to: [...m.to, ...m.cc].join(", "), subject: m.subject, from: m.from, name: m.name ?? "", at: m.at, when: clockText(m.at, world.timeZone) }))
    .reverse();
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Links to the web app and to the spreadsheet, pointed at this workspace whatever port it ran on, and carrying the
 * person of the tab they are opened from: the web app and a workspace tab opened from them act as that person.
 */
export function localLinks(html: string, world: World, person: string): string {
  const as = encodeURIComponent(person);
  return html
    .replace(/https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\]):\d+\/exec/g, "/exec")
    .replace(/https:\/\/script\.google\.com\/macros\/s\/[^/"'\s]+\/(?:exec|dev)/g, "/exec")
    .replace(/(["'])\/exec(\?[^"']*)?\1/g, (_m, q: string, query: string | undefined) => `${q}/exec?${query ? `${query.slice(1)}&amp;` : ""}__as=${as}${q}`)
    .replace(new RegExp(`https://docs\\.google\\.com/spreadsheets/d/${world.spreadsheet.id}[^"'\\s<]*`, "g"), `/?as=${as}`);
}

/** One email as the page shows it: its HTML body (or the plain body), with its links made local (localLinks). */
export function mailHtml(world: World, i: number, person: string): string | null {
  const m = world.outbox[i];
  if (!m) return null;
  const body = m.htmlBody ?? `<pre style="white-space:pre-wrap;font:14px Arial,sans-serif">${esc(m.body)}</pre>`;
  const local = localLinks(body, world, person);
  const head = [
    ["Dari", `${m.name ? `${m.name} ` : ""}&lt;${esc(m.from)}&gt;`],
    ["Kepada", esc(m.to.join(", "))],
    ...(m.cc.length ? [["Cc", esc(m.cc.join(", "))]] : []),
    ...(m.replyTo ? [["Balas ke", esc(m.replyTo)]] : []),
    ["Waktu", esc(clockText(m.at, world.timeZone))],
  ];
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><base target="_blank"><title>${esc(m.subject)}</title><style>body{font:14px Arial,sans-serif;margin:0;color:#202124}header{background:#f1f3f4;padding:10px 14px;border-bottom:1px solid #dadce0}h1{font-size:16px;margin:0 0 6px}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:0;font-size:12px}dt{color:#5f6368}dd{margin:0}main{padding:12px 14px}</style></head><body><header><h1>${esc(m.subject)}</h1><dl>${head.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl></header><main>${local}</main></body></html>`;
}

const TAGS: Record<string, string> = { TITLE: "h1", SUBTITLE: "h2", HEADING1: "h1", HEADING2: "h2", HEADING3: "h3", HEADING4: "h4", HEADING5: "h5", HEADING6: "h6" };

/** A paragraph's text with its bold, italic and underlined runs. */
function runsHtml(p: ParagraphBlock): string {
  let out = "";
  let i = 0;
  for (const ch of p.text) {
    const st = styleAt(p, i);
    let h = esc(ch);
    if (st.bold) h = `<b>${h}</b>`;
    if (st.italic) h = `<i>${h}</i>`;
    if (st.underline) h = `<u>${h}</u>`;
    out += h;
    i += ch.length;
  }
  return out.replace(/<\/(b|i|u)><\1>/g, "");
}

function paragraphHtml(b: ParagraphBlock): string {
  if (b.pageBreak) return `<hr class="page">`;
  if (b.hr) return `<hr class="rule">`;
  const tag = TAGS[b.heading ?? ""] ?? "p";
  const css = [b.align && b.align !== "LEFT" ? `text-align:${b.align.toLowerCase()}` : "", b.style?.size ? `font-size:${b.style.size}pt` : "", b.indentStart ? `padding-left:${b.indentStart}pt` : ""].filter(Boolean).join(";");
  return `<${tag}${css ? ` style="${css}"` : ""}>${runsHtml(b) || "<br>"}</${tag}>`;
}

function blocksHtml(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      if (b.type === "table") {
        const cls = b.border === 0 ? ' class="plain"' : "";
        return `<table${cls}>${b.rows.map((r) => `<tr>${r.map((c, j) => `<td${b.widths?.[j] ? ` style="width:${b.widths[j]}pt"` : ""}>${c.paras.map(paragraphHtml).join("")}</td>`).join("")}</tr>`).join("")}</table>`;
      }
      return paragraphHtml(b);
    })
    .join("");
}

/** A Doc as a page (header, body, footer), or a text file as text. */
export function documentHtml(doc: DocRecord): string {
  const c = doc.content;
  const inner = c
    ? `${c.header ? `<header>${blocksHtml(c.header)}</header>` : ""}<main>${blocksHtml(c.body)}</main>${c.footer ? `<footer>${blocksHtml(c.footer)}</footer>` : ""}`
    : `<main><pre>${esc(doc.text)}</pre></main>`;
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${esc(doc.name)}</title><style>body{font:14px/1.5 "Times New Roman",serif;max-width:680px;margin:24px auto;padding:32px 48px;background:#fff;box-shadow:0 1px 4px #0003}p,h1,h2,h3,h4,h5,h6{margin:0 0 4px;white-space:pre-wrap}table{border-collapse:collapse;width:100%;margin:6px 0}td{border:1px solid #555;padding:3px 6px;vertical-align:top;white-space:pre-wrap}header,footer{color:#555;font-size:12px}header{border-bottom:1px solid #ccc;margin-bottom:12px}footer{border-top:1px solid #ccc;margin-top:12px}hr.page{border:0;border-top:2px dashed #bbb;margin:16px 0}hr.rule{border:0;border-top:2px solid #222;margin:2px 0 8px}table.plain td{border:0}pre{white-space:pre-wrap;font:inherit}</style></head><body>${inner}</body></html>`;
}

/** Drive items the page lists: Docs and other files, not folders or the trash. */
export function documentList(world: World): { id: string; name: string; mimeType: string; chars: number }[] {
  return [...world.documents.values()]
    .filter((d) => !d.trashed && !d.isFolder)
    .map((d) => ({ id: d.id, name: d.name, mimeType: d.mimeType, chars: d.isDoc ? d.text.length : d.bytes().length }));
}

export interface ChartView {
  sheet: string;
  title: string;
  type: string;
  labels: string[];
  series: { name: string; values: number[] }[];
  /** Where Sheets shows it: anchored at a cell, with its size in pixels (options width/height). */
  anchor: { row: number; col: number; offsetX: number; offsetY: number };
  width: number;
  height: number;
  legend: string;
}

const isNumber = (v: unknown) => typeof v === "number" || (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)));

/**
 * Embedded charts as data to draw, read from their ranges now: the first column labels the rows, each other column
 * is a series. The first row names the series when numHeaders is 1 or more, or (auto) when its values are not numbers.
 */
export function charts(ss: FakeSpreadsheet): ChartView[] {
  const out: ChartView[] = [];
  for (const sheet of ss.sheets) {
    for (const chart of sheet.charts) {
      const values = chart.table_();
      if (!values.length) continue;
      const n = chart.spec.numHeaders;
      const headers = n >= 1 || (n < 0 && values.length > 1 && values[0].slice(1).some((v) => v !== "" && !isNumber(v))) ? Math.max(1, n) : 0;
      const head = headers ? values[headers - 1] : values[0].map((_, j) => (j === 0 ? "" : `Seri ${j}`));
      const body = values.slice(headers);
      out.push({
        sheet: sheet.name,
        title: String(chart.spec.options.title ?? ""),
        type: chart.spec.type ?? "",
        labels: body.map((r) => (isDate(r[0]) ? formatJavaDate((r[0] as Date).getTime(), ss.timeZone, "d MMM") : String(r[0] ?? ""))),
        series: head.slice(1).map((name, j) => ({ name: String(name), values: body.map((r) => Number(r[j + 1]) || 0) })),
        anchor: { ...chart.spec.position },
        width: Number(chart.spec.options.width) || 520,
        height: Number(chart.spec.options.height) || 300,
        legend: String((chart.spec.options.legend as { position?: string } | undefined)?.position ?? "right"),
      });
    }
  }
  return out;
}
