// The web app's pages for action links: the confirm page (what the step expects, then the buttons) and the plain pages
// that say why a link does not work. Built as strings with every text from people escaped; no template scriptlets.
import { escapeHtml as esc } from "./html";

export interface Fact {
  label: string;
  value: string;
  /** Shown in red beside the value (e.g. "terlambat 2 jam"). */
  alert?: string;
}

export interface ChoiceBox {
  action: string;
  label: string;
  needsReason: boolean;
  /** Where the case goes next, in words ("Kasus diteruskan ke langkah 5 (Sekretaris)."). */
  to: string;
  /** Why the server would refuse this choice now (the same words the panel gets); the button is then disabled. */
  refused: string;
  /** The choice the email's button named: shown first. */
  picked: boolean;
}

export interface ConfirmPage {
  token: string;
  caseId: string;
  sopTitle: string;
  perihal: string;
  status: string;
  stepTitle: string;
  stepText: string;
  facts: Fact[];
  kelengkapan: { item: string; done: boolean; link: string }[];
  output: string;
  previous: { who: string; when: string; what: string; note: string } | null;
  documents: string[];
  fields: { label: string; value: string }[];
  choices: ChoiceBox[];
  recipient: string;
  expires: string;
  registerUrl: string;
  office: string;
}

const CSS = [
  "*{box-sizing:border-box}",
  "body{margin:0;background:#f1f3f4;color:#202124;font:16px/1.5 Roboto,Arial,Helvetica,sans-serif;-webkit-text-size-adjust:100%}",
  ".bar{background:#1a73e8;color:#fff;padding:12px 16px;font-size:15px;font-weight:500}",
  ".bar b{font-weight:700}",
  "main{max-width:600px;margin:0 auto;padding:12px 12px 32px}",
  ".eyebrow{margin:4px 4px 0;color:#5f6368;font-size:14px}",
  "h1{font-size:19px;line-height:1.3;margin:2px 4px 8px;word-break:break-word}",
  "h2{font-size:17px;margin:0 0 6px}",
  ".chip{display:inline-block;margin:0 4px 10px;padding:2px 10px;border-radius:12px;background:#e8f0fe;color:#174ea6;font-size:13px}",
  ".card{background:#fff;border-radius:10px;padding:12px 16px;margin:0 0 10px;box-shadow:0 1px 2px rgba(60,64,67,.15)}",
  ".card p{margin:0 0 8px;word-break:break-word}",
  "dl{margin:8px 0 0;display:grid;grid-template-columns:minmax(96px,max-content) 1fr;gap:6px 12px}",
  "dt{color:#5f6368;font-size:14px}",
  "dd{margin:0;word-break:break-word}",
  ".late{color:#c5221f;font-weight:500}",
  "ul.kl{list-style:none;margin:0;padding:0}",
  "ul.kl li{margin:0 0 2px}",
  ".ok{color:#188038}",
  ".miss{color:#b06000}",
  ".quote{border-left:3px solid #dadce0;padding-left:10px;white-space:pre-wrap}",
  ".muted{color:#5f6368;font-size:14px}",
  "a{color:#1a73e8}",
  "details summary{cursor:pointer;font-weight:500;color:#1a73e8}",
  "details.note summary{font-size:15px;margin:0 0 6px}",
  ".warn{background:#fef7e0;border-radius:8px;padding:10px 12px;margin:0 0 12px;font-size:15px}",
  ".choice{border-top:1px solid #e8eaed;padding:12px 0 4px}",
  ".choice:first-of-type{border-top:0;padding-top:4px}",
  "label{display:block;font-size:14px;color:#3c4043;margin:0 0 4px}",
  "textarea{width:100%;min-height:64px;font:inherit;font-size:16px;padding:8px 10px;border:1px solid #bdc1c6;border-radius:8px;resize:vertical}",
  "textarea:focus{outline:2px solid #1a73e8;border-color:#1a73e8}",
  "button{display:block;width:100%;min-height:48px;margin:8px 0 4px;border-radius:8px;font:inherit;font-size:17px;font-weight:600;cursor:pointer}",
  "button.approve{background:#188038;color:#fff;border:0}",
  "button.complete{background:#1a73e8;color:#fff;border:0}",
  "button.return{background:#fff;color:#b3261e;border:2px solid #b3261e}",
  "button:disabled{opacity:.45;cursor:not-allowed}",
  ".to{font-size:14px;color:#5f6368;margin:0 0 4px}",
  ".refused{color:#c5221f;font-size:14px;margin:4px 0 0}",
  ".msg{margin:6px 0 0;color:#c5221f;font-weight:500}",
  ".msg:empty{display:none}",
  ".done{border-left:5px solid #188038}",
  ".done h2{color:#188038}",
  ".stop{border-left:5px solid #c5221f}",
  ".stop h2{color:#c5221f}",
  ".info{border-left:5px solid #1a73e8}",
  ".info h2{color:#174ea6}",
  ".foot{margin:16px 4px 0;color:#5f6368;font-size:13px}",
].join("");

/** A whole page: phone-first, one column, large buttons. */
export function pageHtml(title: string, office: string, body: string, script = ""): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${CSS}</style></head><body><div class="bar"><b>Alur</b>${office ? ` · ${esc(office)}` : ""}</div><main>${body}</main>${script ? `<script>${script}</script>` : ""}</body></html>`;
}

const registerLink = (url: string) => (url ? `<p><a href="${esc(url)}" target="_top">Buka register</a> untuk melihat kasus dan menindaklanjutinya lewat panel Alur.</p>` : "");

/** A page that says why a link does nothing, what the case is doing now, and where to go. */
export function messagePage(opts: { title: string; heading: string; lines: string[]; registerUrl: string; office: string; tone: "stop" | "done" | "info" }): string {
  const body = `<section class="card ${opts.tone}"><h2>${esc(opts.heading)}</h2>${opts.lines.map((l) => `<p>${esc(l)}</p>`).join("")}${registerLink(opts.registerUrl)}</section><p class="foot">Tidak ada yang diubah oleh halaman ini.</p>`;
  return pageHtml(opts.title, opts.office, body);
}

function factsHtml(facts: Fact[]): string {
  return `<dl>${facts.map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.value)}${f.alert ? ` <span class="late">${esc(f.alert)}</span>` : ""}</dd>`).join("")}</dl>`;
}

const safeHref = (link: string) => (/^https:\/\/[^\s"<>]+$/i.test(link.trim()) ? link.trim() : "");

/**
 * The page the script on it drives: the buttons send {k, aksi, note, reason} through google.script.run to
 * emailAction, and the answer replaces the form. The script carries no data from people; it reads the token from an
 * attribute (escaped) and writes answers with textContent.
 */
const SCRIPT = `(function(){
var form=document.getElementById("act"),res=document.getElementById("result");
var token=form.getAttribute("data-k");var busy=false;var msg=null;
function all(){return form.querySelectorAll("button");}
function say(t){if(msg)msg.textContent=t;}
function setBusy(b){busy=b;var bs=all();for(var i=0;i<bs.length;i++){var x=bs[i];x.disabled=b||x.getAttribute("data-refused")==="1";}}
function show(r){
  if(!r){say("Jawaban server tidak terbaca. Muat ulang halaman ini untuk melihat keadaan kasus.");setBusy(false);return;}
  if(!r.ok&&!r.final){say(r.message);setBusy(false);return;}
  var parts=document.querySelectorAll("main > section, main > details, main > .warn, main > .foot");
  for(var j=0;j<parts.length;j++){if(parts[j]!==res)parts[j].hidden=true;}
  res.className="card "+(r.ok?"done":r.tone==="info"?"info":"stop");res.textContent="";
  var h=document.createElement("h2");h.textContent=r.title;res.appendChild(h);
  var lines=[r.message].concat(r.lines||[]);
  for(var i=0;i<lines.length;i++){var p=document.createElement("p");p.textContent=lines[i];res.appendChild(p);}
  if(r.registerUrl){var p2=document.createElement("p");var a=document.createElement("a");a.href=r.registerUrl;a.target="_top";a.textContent="Buka register";p2.appendChild(a);res.appendChild(p2);}
  res.hidden=false;window.scrollTo(0,0);
}
function press(btn){
  if(busy)return;
  var box=btn.parentNode;msg=box.querySelector(".msg");say("");
  var action=btn.getAttribute("data-action"),text=box.querySelector("textarea");var v=text?text.value:"";
  if(btn.getAttribute("data-reason")==="1"&&v.replace(/\\s+/g,"").length<3){say("Tuliskan alasan pengembalian (apa yang harus diperbaiki) sebelum menekan Kembalikan.");if(text)text.focus();return;}
  setBusy(true);btn.textContent="Memproses…";
  var arg={k:token,aksi:action};if(btn.getAttribute("data-reason")==="1")arg.reason=v;else arg.note=v;
  google.script.run.withSuccessHandler(function(r){btn.textContent=btn.getAttribute("data-label");show(r);}).withFailureHandler(function(e){btn.textContent=btn.getAttribute("data-label");say("Tidak terkirim: "+(e&&e.message?e.message:e)+". Tidak ada yang berubah; coba lagi.");setBusy(false);}).emailAction(arg);
}
var bs=all();for(var i=0;i<bs.length;i++){bs[i].addEventListener("click",function(ev){ev.preventDefault();press(ev.currentTarget);});}
})();`;

export function confirmHtml(p: ConfirmPage): string {
  const kel = p.kelengkapan.length
    ? `<dt>Kelengkapan</dt><dd><ul class="kl">${p.kelengkapan
        .map((k) => {
          const href = safeHref(k.link);
          const name = href ? `<a href="${esc(href)}" target="_blank">${esc(k.item)}</a>` : esc(k.item);
          return k.done ? `<li class="ok">✓ ${name}</li>` : `<li class="miss">○ ${name} — belum dicentang</li>`;
        })
        .join("")}</ul></dd>`
    : "";
  const missing = p.kelengkapan.filter((k) => !k.done).map((k) => k.item);
  const output = p.output ? `<dt>Hasil (output)</dt><dd>${esc(p.output)}</dd>` : "";
  const due = p.facts.find((f) => f.label === "Tenggat");
  // First what the person decides on: the step, its due time, the note they were sent, what is missing; then the
  // buttons; the details after them, so a phone shows the buttons without a long scroll.
  const step = `<section class="card"><h2>${esc(p.stepTitle)}</h2><p>${esc(p.stepText)}</p>${due ? `<p class="muted">Tenggat ${esc(due.value)}${due.alert ? ` <span class="late">${esc(due.alert)}</span>` : ""}</p>` : ""}</section>`;
  const prev = p.previous
    ? `<section class="card"><h2>Catatan sebelumnya</h2>${p.previous.note ? `<p class="quote">${esc(p.previous.note)}</p>` : ""}<p class="muted">${esc(p.previous.what)} · ${esc(p.previous.who)} · ${esc(p.previous.when)}</p></section>`
    : "";
  const details = `<section class="card"><h2>Rincian langkah</h2>${factsHtml(p.facts.filter((f) => f !== due)).replace(/<\/dl>$/, `${kel}${output}</dl>`)}</section>`;
  const docs = p.documents.map(safeHref).filter(Boolean);
  const documents = docs.length ? `<section class="card"><h2>Dokumen</h2>${docs.map((d, i) => `<p><a href="${esc(d)}" target="_blank">Dokumen ${i + 1}</a></p>`).join("")}</section>` : "";
  const fields = p.fields.length ? `<details class="card"><summary>Isian kasus</summary><dl>${p.fields.map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.value || "—")}</dd>`).join("")}</dl></details>` : "";
  const order = [...p.choices].sort((a, b) => Number(b.picked) - Number(a.picked));
  const choices = order
    .map((c) => {
      const id = `t-${c.action}`;
      const field = c.needsReason
        ? `<label for="${id}">Alasan pengembalian (wajib): apa yang harus diperbaiki?</label><textarea id="${id}" maxlength="5000"></textarea>`
        : `<details class="note"><summary>Tambah catatan (tidak wajib)</summary><label for="${id}">Catatan untuk pelaksana berikutnya</label><textarea id="${id}" maxlength="5000"></textarea></details>`;
      return `<div class="choice">${field}<button type="button" class="${esc(c.action)}" data-action="${esc(c.action)}" data-label="${esc(c.label)}" data-reason="${c.needsReason ? "1" : "0"}" data-refused="${c.refused ? "1" : "0"}"${c.refused ? " disabled" : ""}>${esc(c.label)}</button>${c.to ? `<p class="to">${esc(c.to)}</p>` : ""}${c.refused ? `<p class="refused">${esc(c.refused)}</p>` : ""}<p class="msg" role="alert"></p></div>`;
    })
    .join("");
  const warn = missing.length ? `<div class="warn" id="warn">Kelengkapan yang belum dicentang: ${esc(missing.join(", "))}. Periksa dulu sebelum meneruskan kasus.</div>` : "";
  const body = [
    `<p class="eyebrow">${esc(p.caseId)} · ${esc(p.sopTitle)}</p>`,
    `<h1>${esc(p.perihal || p.caseId)}</h1>`,
    `<span class="chip">${esc(p.status)}</span>`,
    step,
    prev,
    warn,
    `<section class="card" id="act" data-k="${esc(p.token)}"><h2>Tindakan Anda</h2>${choices}</section>`,
    `<section id="result" role="status" hidden></section>`,
    details,
    documents,
    fields,
    `<p class="foot">Tautan ini untuk ${esc(p.recipient)}, berlaku sampai ${esc(p.expires)} dan hanya satu kali. Membuka halaman ini tidak mengubah apa pun; kasus baru berubah saat Anda menekan tombol.${p.registerUrl ? ` <a href="${esc(p.registerUrl)}" target="_top">Buka register</a>` : ""}</p>`,
  ].join("");
  return pageHtml(`${p.caseId} · Alur`, p.office, body, SCRIPT);
}
