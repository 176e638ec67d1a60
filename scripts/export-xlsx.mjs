// `npm run export -- FILE.xlsx [--data FOLDER]`: writes the local workspace's workbook as .xlsx (exceljs), for any
// spreadsheet program: values and formats, data validation (lists, checkboxes, dates, numbers, custom formulas),
// conditional formats (custom formulas included), frozen rows and columns, hidden rows and columns, tab colours.
// A sheet name .xlsx does not allow (/ \ ? * [ ] :, more than 31 characters) is changed, and the change is printed.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ExcelJS from "exceljs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function parseArgs(argv) {
  const out = { file: "", data: resolve(root, ".alur-data") };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--data") out.data = resolve(argv[++i]);
    else if (!out.file) out.file = resolve(argv[i]);
  }
  return out;
}

/** Minutes east of UTC of a zone at an instant (Asia/Jakarta: 420). */
function offsetMinutes(ms, timeZone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60000);
}

/** Spreadsheet programs keep wall-clock dates without a zone: a date is written as the time the workbook's zone shows. */
const wallClock = (ms, timeZone) => new Date(ms + offsetMinutes(ms, timeZone) * 60000);

function cellValue(v, timeZone) {
  if (v === null || v === undefined) return null;
  if (typeof v === "object" && "$d" in v) return wallClock(v.$d, timeZone);
  if (typeof v === "object") return null;
  return v;
}

const argb = (css) => (/^#[0-9a-f]{6}$/i.test(css ?? "") ? `FF${css.slice(1).toUpperCase()}` : undefined);

function columnLetters(col) {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const a1 = (row, col, numRows = 1, numCols = 1) =>
  numRows === 1 && numCols === 1 ? `${columnLetters(col)}${row}` : `${columnLetters(col)}${row}:${columnLetters(col + numCols - 1)}${row + numRows - 1}`;
const absolute = (row, col, numRows, numCols) => `$${columnLetters(col)}$${row}:$${columnLetters(col + numCols - 1)}$${row + numRows - 1}`;

// ---- sheet names ------------------------------------------------------------------------------------------------

const FORBIDDEN = /[\\/?*[\]:]/g;
const HAS_FORBIDDEN = /[\\/?*[\]:]/;
const MAX_NAME = 31;

/**
 * Names .xlsx accepts for the given sheet names: forbidden characters become "-", apostrophes at either end go,
 * names are cut to 31 characters, and kept apart (case-insensitively) with " (2)", " (3)" …; "History" is reserved.
 * Returns the new names and, for each change, why.
 */
export function xlsxSheetNames(names) {
  const used = new Set();
  const out = [];
  for (const name of names) {
    const why = [];
    let n = name;
    if (HAS_FORBIDDEN.test(n)) {
      n = n.replace(FORBIDDEN, "-");
      why.push(`tanda ${[...new Set(name.match(FORBIDDEN))].join(" ")} tidak boleh ada di nama sheet .xlsx`);
    }
    n = n.replace(/^'+|'+$/g, "").trim() || "Sheet";
    if (n.length > MAX_NAME) {
      n = n.slice(0, MAX_NAME).trimEnd();
      why.push(`nama sheet .xlsx paling panjang ${MAX_NAME} karakter`);
    }
    if (n.toLowerCase() === "history") {
      n = "History (Alur)";
      why.push(`"History" dicadangkan oleh Excel`);
    }
    const base = n;
    for (let k = 2; used.has(n.toLowerCase()); k++) {
      const suffix = ` (${k})`;
      n = base.slice(0, MAX_NAME - suffix.length).trimEnd() + suffix;
      if (k === 2) why.push("nama itu sudah dipakai sheet lain setelah diubah");
    }
    used.add(n.toLowerCase());
    out.push({ from: name, to: n, why });
  }
  return out;
}

const quote = (name) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A formula with references to renamed sheets pointed at their new names. */
function renameRefs(formula, renames) {
  let f = formula;
  for (const [from, to] of renames) {
    f = f.replace(new RegExp(`'${escapeRe(from.replace(/'/g, "''"))}'!`, "g"), `${quote(to)}!`);
    if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(from)) f = f.replace(new RegExp(`(^|[^A-Za-z0-9_.'])${escapeRe(from)}!`, "g"), `$1${quote(to)}!`);
  }
  return f;
}

// ---- data validation --------------------------------------------------------------------------------------------

/**
 * Long lists go to a hidden sheet, added after the others (an .xlsx list written in the rule holds 255 characters and
 * no commas in its items).
 */
class Lists {
  constructor(name) {
    this.name = name;
    this.cols = new Map();
  }
  ref(items) {
    const key = JSON.stringify(items);
    if (!this.cols.has(key)) this.cols.set(key, { col: this.cols.size + 1, items });
    const { col } = this.cols.get(key);
    return `${quote(this.name)}!${absolute(1, col, Math.max(1, items.length), 1)}`;
  }
  write(book) {
    if (!this.cols.size) return false;
    const sheet = book.addWorksheet(this.name, { state: "hidden" });
    for (const { col, items } of this.cols.values())
      items.forEach((v, i) => {
        sheet.getCell(i + 1, col).value = v;
      });
    return true;
  }
}

const dateOf = (v, timeZone) => (v && typeof v === "object" && "$d" in v ? wallClock(v.$d, timeZone) : new Date(v));
const DAY_ONE = new Date(Date.UTC(1900, 0, 1));
const LAST_DAY = new Date(Date.UTC(9999, 11, 31));

/** A Sheets rule (criteria, values, allowInvalid, helpText) as an exceljs data validation, or null if .xlsx has none. */
function validation(spec, ctx, topLeft) {
  const { criteria, values = [], allowInvalid = true, helpText } = spec;
  const cell = topLeft;
  let dv;
  switch (criteria) {
    case "VALUE_IN_LIST": {
      const items = (values[0] ?? []).map(String);
      const inline = items.join(",");
      dv = { type: "list", formulae: [inline.length <= 250 && !items.some((x) => /[,"]/.test(x)) ? `"${inline}"` : ctx.lists.ref(items)] };
      break;
    }
    case "VALUE_IN_RANGE": {
      const r = values[0]?.$r;
      if (!r) return null;
      const [sheet, row, col, numRows, numCols] = r;
      dv = { type: "list", formulae: [`${quote(ctx.names.get(sheet) ?? sheet)}!${absolute(row, col, numRows, numCols)}`] };
      break;
    }
    case "CHECKBOX": {
      // .xlsx has no checkbox rule: the cell keeps its TRUE/FALSE and offers them as a list.
      const [on, off] = values.length >= 2 ? values : values.length === 1 ? [values[0], ""] : [true, false];
      dv = { type: "list", formulae: [`"${[on, off].map((v) => String(v).toUpperCase()).filter(Boolean).join(",")}"`] };
      break;
    }
    case "DATE_IS_VALID_DATE":
      dv = { type: "date", operator: "between", formulae: [DAY_ONE, LAST_DAY] };
      break;
    case "DATE_AFTER":
      dv = { type: "date", operator: "greaterThan", formulae: [dateOf(values[0], ctx.timeZone)] };
      break;
    case "DATE_BEFORE":
      dv = { type: "date", operator: "lessThan", formulae: [dateOf(values[0], ctx.timeZone)] };
      break;
    case "DATE_BETWEEN":
      dv = { type: "date", operator: "between", formulae: [dateOf(values[0], ctx.timeZone), dateOf(values[1], ctx.timeZone)] };
      break;
    case "NUMBER_BETWEEN":
      dv = { type: "decimal", operator: "between", formulae: [Number(values[0]), Number(values[1])] };
      break;
    case "NUMBER_GREATER_THAN":
      dv = { type: "decimal", operator: "greaterThan", formulae: [Number(values[0])] };
      break;
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      dv = { type: "decimal", operator: "greaterThanOrEqual", formulae: [Number(values[0])] };
      break;
    case "NUMBER_LESS_THAN":
      dv = { type: "decimal", operator: "lessThan", formulae: [Number(values[0])] };
      break;
    case "TEXT_CONTAINS":
      dv = { type: "custom", formulae: [`ISNUMBER(SEARCH("${String(values[0]).replace(/"/g, '""')}",${cell}))`] };
      break;
    case "TEXT_IS_VALID_EMAIL":
      dv = { type: "custom", formulae: [`ISNUMBER(FIND("@",${cell}))`] };
      break;
    case "TEXT_IS_VALID_URL":
      dv = { type: "custom", formulae: [`OR(LEFT(${cell},7)="http://",LEFT(${cell},8)="https://")`] };
      break;
    case "CUSTOM_FORMULA":
      dv = { type: "custom", formulae: [renameRefs(String(values[0] ?? ""), ctx.renames).replace(/^=/, "")] };
      break;
    default:
      return null;
  }
  const help = (helpText ?? "").trim().slice(0, 255);
  const items = dv.type === "list" && criteria === "VALUE_IN_LIST" ? (values[0] ?? []).map(String).join(", ") : "";
  const fallback =
    criteria === "VALUE_IN_LIST"
      ? `Masukkan salah satu nilai berikut: ${items}`
      : /^DATE_/.test(criteria)
        ? "Masukkan tanggal yang valid."
        : /^NUMBER_/.test(criteria)
          ? "Masukkan angka yang sesuai aturan sel ini."
          : "Data yang dimasukkan melanggar aturan validasi data sel ini.";
  return {
    ...dv,
    allowBlank: true,
    showErrorMessage: true,
    // Sheets' "reject input" is Excel's stop; "show a warning" lets the value in, as Excel's warning does.
    errorStyle: allowInvalid ? "warning" : "error",
    errorTitle: "Ada masalah",
    error: (help || fallback).slice(0, 255),
    ...(help ? { showInputMessage: true, prompt: help } : {}),
  };
}

// ---- conditional formats ----------------------------------------------------------------------------------------

function cfStyle(format) {
  const style = {};
  const fill = argb(format.background);
  if (fill) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: fill } };
  const font = {};
  const color = argb(format.fontColor);
  if (color) font.color = { argb: color };
  if (format.bold) font.bold = true;
  if (format.italic) font.italic = true;
  if (format.strikethrough) font.strike = true;
  if (Object.keys(font).length) style.font = font;
  return style;
}

/** A Sheets conditional format rule as exceljs rules (relative references count from the first range's top-left cell). */
function cfRule(spec, ctx, topLeft, priority) {
  const [x, y] = spec.values ?? [];
  const style = cfStyle(spec.format ?? {});
  const text = (v) => `"${String(v).replace(/"/g, '""')}"`;
  switch (spec.condition) {
    case "CUSTOM_FORMULA":
      return { type: "expression", formulae: [renameRefs(String(x ?? ""), ctx.renames).replace(/^=/, "")], style, priority };
    case "NUMBER_GREATER_THAN":
      return { type: "cellIs", operator: "greaterThan", formulae: [String(Number(x))], style, priority };
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return { type: "cellIs", operator: "greaterThanOrEqual", formulae: [String(Number(x))], style, priority };
    case "NUMBER_LESS_THAN":
      return { type: "cellIs", operator: "lessThan", formulae: [String(Number(x))], style, priority };
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return { type: "cellIs", operator: "lessThanOrEqual", formulae: [String(Number(x))], style, priority };
    case "NUMBER_EQUAL_TO":
      return { type: "cellIs", operator: "equal", formulae: [String(Number(x))], style, priority };
    case "NUMBER_BETWEEN":
      return { type: "cellIs", operator: "between", formulae: [String(Number(x)), String(Number(y))], style, priority };
    case "TEXT_EQUAL_TO":
      return { type: "cellIs", operator: "equal", formulae: [text(x)], style, priority };
    case "TEXT_CONTAINS":
      return { type: "containsText", operator: "containsText", text: String(x), style, priority };
    case "TEXT_DOES_NOT_CONTAIN":
      return { type: "containsText", operator: "notContains", text: String(x), style, priority };
    case "CELL_EMPTY":
      return { type: "containsText", operator: "containsBlanks", style, priority };
    case "CELL_NOT_EMPTY":
      return { type: "containsText", operator: "notContainsBlanks", style, priority };
    case "DATE_BEFORE": {
      if (!x || typeof x !== "object" || !("$d" in x)) return null;
      const d = wallClock(x.$d, ctx.timeZone);
      return { type: "expression", formulae: [`AND(ISNUMBER(${topLeft}),${topLeft}<DATE(${d.getUTCFullYear()},${d.getUTCMonth() + 1},${d.getUTCDate()}))`], style, priority };
    }
    default:
      return null;
  }
}

// ---- sheets -----------------------------------------------------------------------------------------------------

/** Every row of a saved sheet with its values and cell attributes (repeated rows expanded). */
function* savedRows(s) {
  const attrs = s.attrs ?? [];
  for (const [r0, values, a, repeat] of s.rows) {
    const attrRow = a >= 0 ? s.attrRows[a].map((j) => (j >= 0 ? attrs[j] : null)) : [];
    for (let k = 0; k < repeat; k++) yield { row: r0 + k + 1, values, attrs: attrRow };
  }
}

function writeSheet(book, s, ctx, notes) {
  const name = ctx.names.get(s.name);
  const ws = book.addWorksheet(name, {
    state: s.hidden ? "hidden" : "visible",
    properties: argb(s.tabColor) ? { tabColor: { argb: argb(s.tabColor) } } : {},
    views: [{ state: s.frozenRows || s.frozenCols ? "frozen" : "normal", ySplit: s.frozenRows, xSplit: s.frozenCols }],
  });
  const widths = new Map(s.colWidths);
  let lastCol = 0;
  /** Column → rule text → [first row, last row] runs, for data validation over whole column stretches. */
  const rules = new Map();
  for (const { row, values, attrs } of savedRows(s)) {
    const width = Math.max(values.length, attrs.length);
    for (let c = 0; c < width; c++) {
      const at = attrs[c];
      const dv = at?.validation?.$dv;
      if (dv) {
        const key = JSON.stringify(dv);
        if (!rules.has(c + 1)) rules.set(c + 1, []);
        const runs = rules.get(c + 1);
        const last = runs[runs.length - 1];
        if (last && last.key === key && last.to === row - 1) last.to = row;
        else runs.push({ key, spec: dv, from: row, to: row });
      }
      const value = cellValue(values[c], ctx.timeZone);
      if (value === null && !at?.formula) continue;
      const cell = ws.getCell(row, c + 1);
      cell.value = at?.formula ? { formula: renameRefs(at.formula, ctx.renames).replace(/^=/, ""), result: value ?? undefined } : value;
      if (at?.numberFormat && at.numberFormat !== "0.###############") cell.numFmt = at.numberFormat;
      else if (value instanceof Date) cell.numFmt = "d/m/yyyy h:mm";
      const font = {};
      if (at?.fontWeight === "bold") font.bold = true;
      if (at?.fontStyle === "italic") font.italic = true;
      if (argb(at?.fontColor)) font.color = { argb: argb(at.fontColor) };
      if (Object.keys(font).length) cell.font = font;
      const fill = argb(at?.background);
      if (fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
      const align = {};
      if (at?.horizontalAlignment && at.horizontalAlignment !== "general") align.horizontal = at.horizontalAlignment;
      if (at?.wrap) align.wrapText = true;
      if (Object.keys(align).length) cell.alignment = align;
      if (at?.note) cell.note = at.note;
      lastCol = Math.max(lastCol, c + 1);
    }
  }
  let skipped = 0;
  for (const [col, runs] of rules) {
    for (const run of runs) {
      const dv = validation(run.spec, ctx, a1(run.from, col));
      if (!dv) {
        skipped++;
        continue;
      }
      ws.dataValidations.add(a1(run.from, col, run.to - run.from + 1, 1), dv);
    }
  }
  if (skipped) notes.push(`Sheet "${name}": ${skipped} aturan validasi data tidak punya padanan di .xlsx dan tidak disimpan.`);

  (s.rules ?? []).forEach((rule, i) => {
    const ranges = (rule.ranges ?? []).map((r) => r.$r).filter((r) => r && r[0] === s.name);
    if (!ranges.length) return;
    const [, row, col] = ranges[0];
    const converted = cfRule(rule, ctx, a1(row, col), i + 1);
    if (!converted) {
      notes.push(`Sheet "${name}": format bersyarat ${rule.condition} tidak punya padanan di .xlsx dan tidak disimpan.`);
      return;
    }
    ws.addConditionalFormatting({ ref: ranges.map(([, r, c, nr, nc]) => a1(r, c, nr, nc)).join(" "), rules: [converted] });
  });

  const hidden = new Set(s.hiddenCols);
  for (let c = 1; c <= Math.max(lastCol, ...hidden, ...widths.keys(), 0); c++) {
    const col = ws.getColumn(c);
    let longest = 8;
    col.eachCell({ includeEmpty: false }, (cell) => {
      const t = cell.value instanceof Date ? "00/00/0000 00:00" : String(cell.value?.result ?? cell.value ?? "");
      longest = Math.max(longest, Math.min(50, t.length + 2));
    });
    col.width = widths.has(c) ? widths.get(c) / 7 : longest;
    if (hidden.has(c)) col.hidden = true;
  }
  for (const r of s.hiddenRows ?? []) ws.getRow(r).hidden = true;
  return ws;
}

/** Writes the bound spreadsheet of a workspace snapshot to `file`; returns the lines to print. */
export async function exportWorkbook(snap, file) {
  const ss = snap.spreadsheets.find((s) => s.id === snap.boundId) ?? snap.spreadsheets[0];
  const book = new ExcelJS.Workbook();
  book.creator = "Alur (ruang kerja lokal)";
  book.created = new Date(snap.now);
  const listsName = "Daftar pilihan";
  const renamed = xlsxSheetNames([...ss.sheets.map((s) => s.name), listsName]);
  const names = new Map(renamed.slice(0, -1).map((r) => [r.from, r.to]));
  const ctx = { timeZone: ss.timeZone, names, renames: renamed.slice(0, -1).filter((r) => r.from !== r.to).map((r) => [r.from, r.to]), lists: new Lists(renamed[renamed.length - 1].to) };
  const lines = [];
  for (const r of renamed.slice(0, -1)) if (r.from !== r.to) lines.push(`Sheet "${r.from}" disimpan sebagai "${r.to}" (${r.why.join("; ")}).`);
  const notes = [];
  for (const s of ss.sheets) writeSheet(book, s, ctx, notes);
  if (ctx.lists.write(book)) lines.push(`Daftar pilihan yang panjang disimpan di sheet tersembunyi "${ctx.lists.name}".`);
  await book.xlsx.writeFile(file);
  lines.push(...notes, `${file}: ${ss.sheets.length} sheet dari "${ss.name}".`);
  return lines;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.file?.endsWith(".xlsx")) {
    console.error("Pakai: npm run export -- NAMA.xlsx [--data FOLDER]");
    process.exit(2);
  }
  const path = join(args.data, "workbook.json");
  if (!existsSync(path)) {
    console.error(`Belum ada buku kerja di ${args.data}. Jalankan npm start sekali dulu.`);
    process.exit(1);
  }
  for (const line of await exportWorkbook(JSON.parse(readFileSync(path, "utf8")), args.file)) console.log(line);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
