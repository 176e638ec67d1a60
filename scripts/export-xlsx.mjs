// `npm run export -- FILE.xlsx [--data FOLDER]`: writes the local workspace's workbook as .xlsx (exceljs), for any spreadsheet program.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
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

/** Spreadsheet programs keep wall-clock dates without a zone: show the time the workbook's zone shows. */
function cellValue(v, timeZone) {
  if (v === null || v === undefined) return null;
  if (typeof v === "object" && "$d" in v) return new Date(v.$d + offsetMinutes(v.$d, timeZone) * 60000);
  if (typeof v === "object") return null;
  return v;
}

const argb = (css) => (/^#[0-9a-f]{6}$/i.test(css ?? "") ? `FF${css.slice(1).toUpperCase()}` : undefined);

function writeSheet(book, s, timeZone) {
  const ws = book.addWorksheet(s.name.replace(/[*?:\\/[\]]/g, "_").slice(0, 31), {
    state: s.hidden ? "hidden" : "visible",
    views: [{ state: s.frozenRows || s.frozenCols ? "frozen" : "normal", ySplit: s.frozenRows, xSplit: s.frozenCols }],
  });
  const attrs = s.attrs ?? [];
  const widths = new Map(s.colWidths);
  let lastCol = 0;
  for (const [r0, values, a, repeat] of s.rows) {
    const attrRow = a >= 0 ? s.attrRows[a] : [];
    // Empty formatted rows (a register's thousand spare rows) carry nothing a reader needs.
    if (!values.some((v) => v !== null)) continue;
    for (let k = 0; k < repeat; k++) {
      const row = ws.getRow(r0 + k + 1);
      values.forEach((v, c) => {
        const value = cellValue(v, timeZone);
        const at = attrRow[c] >= 0 ? attrs[attrRow[c]] : null;
        if (value === null && !at?.formula) return;
        const cell = row.getCell(c + 1);
        cell.value = at?.formula ? { formula: at.formula.replace(/^=/, ""), result: value ?? undefined } : value;
        if (at?.numberFormat && at.numberFormat !== "0.###############") cell.numFmt = at.numberFormat === "@" ? "@" : at.numberFormat;
        else if (value instanceof Date) cell.numFmt = "d/m/yyyy h:mm";
        if (at?.fontWeight === "bold") cell.font = { bold: true };
        const fill = argb(at?.background);
        if (fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
        if (at?.note) cell.note = at.note;
        lastCol = Math.max(lastCol, c + 1);
      });
    }
  }
  for (let c = 1; c <= lastCol; c++) {
    const col = ws.getColumn(c);
    let longest = 8;
    col.eachCell({ includeEmpty: false }, (cell) => {
      const t = cell.value instanceof Date ? "00/00/0000 00:00" : String(cell.value?.result ?? cell.value ?? "");
      longest = Math.max(longest, Math.min(50, t.length + 2));
    });
    col.width = widths.has(c) ? widths.get(c) / 7 : longest;
    if (s.hiddenCols.includes(c)) col.hidden = true;
  }
  return ws;
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
  const snap = JSON.parse(readFileSync(path, "utf8"));
  const ss = snap.spreadsheets.find((s) => s.id === snap.boundId) ?? snap.spreadsheets[0];
  const book = new ExcelJS.Workbook();
  book.creator = "Alur (ruang kerja lokal)";
  book.created = new Date(snap.now);
  for (const s of ss.sheets) writeSheet(book, s, ss.timeZone);
  await book.xlsx.writeFile(args.file);
  console.log(`${args.file}: ${ss.sheets.length} sheet dari "${ss.name}".`);
}

await main();
