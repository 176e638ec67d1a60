// Spreadsheet: its sheets (names unique, never zero), named ranges, active sheet/range, toasts, sharing.
import { parseA1 } from "./a1";
import { gasError } from "./errors";
import { Fake, asFake, asGas } from "./fake";
import { FakeNamedRange } from "./named-range";
import type { FakeRange } from "./range";
import { FakeUser } from "./session";
import { FakeSheet, MAX_SHEET_NAME } from "./sheet";
import { FakeTextFinder } from "./text-finder";
import type { World } from "./world";

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type Methods =
  | "getId" | "getName" | "rename" | "getUrl" | "getSheets" | "getNumSheets" | "getSheetByName" | "getSheetById"
  | "insertSheet" | "deleteSheet" | "getRange" | "getRangeByName" | "setNamedRange" | "getNamedRanges" | "removeNamedRange"
  | "getSpreadsheetTimeZone" | "setSpreadsheetTimeZone" | "getSpreadsheetLocale" | "setSpreadsheetLocale"
  | "getActiveSheet" | "setActiveSheet" | "getActiveRange" | "setActiveRange" | "getCurrentCell" | "getActiveCell"
  | "toast" | "createTextFinder" | "getOwner" | "getEditors" | "addEditor" | "addEditors" | "removeEditor" | "getViewers"
  | "copy" | "moveActiveSheet" | "getProtections" | "getLastRow" | "getLastColumn";

export class FakeSpreadsheet extends Fake implements Pick<GSpreadsheet, Methods> {
  readonly kind = "Spreadsheet";
  sheets: FakeSheet[] = [];
  readonly namedRanges = new Map<string, FakeRange>();
  activeSheet: FakeSheet | null = null;
  activeRange: FakeRange | null = null;
  editors: string[] = [];
  viewers: string[] = [];
  locale = "in_ID";
  private nextSheetId = 0;

  constructor(
    world: World,
    readonly id: string,
    public name: string,
    public timeZone: string,
    readonly owner: string,
  ) {
    super(world);
  }

  checkSheetName_(name: unknown, self?: FakeSheet): void {
    if (typeof name !== "string" || name.trim() === "") throw gasError("Invalid argument: sheetName");
    if (name.length > MAX_SHEET_NAME) throw gasError(`The sheet name cannot be longer than ${MAX_SHEET_NAME} characters.`);
    // Sheets compares sheet names without regard to case.
    if (this.sheets.some((s) => s !== self && s.name.toLowerCase() === name.toLowerCase())) {
      throw gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  uniqueName_(base: string): string {
    if (!this.sheetNamed_(base)) return base;
    for (let n = 2; ; n++) if (!this.sheetNamed_(`${base} ${n}`)) return `${base} ${n}`;
  }

  sheetNamed_(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  addSheet_(name: string, index: number, rows = 1000, cols = 26): FakeSheet {
    this.checkSheetName_(name);
    const id = this.nextSheetId === 0 ? 0 : 100000000 + Math.floor(this.world.random() * 1900000000);
    this.nextSheetId++;
    const sheet = new FakeSheet(this.world, this, name, id, rows, cols);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    return sheet;
  }

  /** A range from "Sheet!A1:B2" (no sheet: the active sheet). */
  rangeA1_(notation: string): FakeRange {
    const ref = parseA1(notation);
    if (!ref) throw gasError("Range not found");
    const sheet = ref.sheet === undefined ? this.active_() : this.sheetNamed_(ref.sheet);
    if (!sheet) throw gasError("Range not found");
    return sheet.rangeA1_(ref.sheet === undefined ? notation : notation.slice(notation.lastIndexOf("!") + 1));
  }

  active_(): FakeSheet {
    if (!this.activeSheet || !this.sheets.includes(this.activeSheet)) this.activeSheet = this.sheets[0];
    return this.activeSheet;
  }

  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  rename(newName: string): void {
    this.name = newName;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSheets(): GSheet[] {
    return this.sheets.map((s) => asGas(s));
  }
  getNumSheets(): number {
    return this.sheets.length;
  }
  getSheetByName(name: string): GSheet | null {
    const s = this.sheetNamed_(String(name));
    return s ? asGas(s) : null;
  }
  getSheetById(id: number): GSheet | null {
    const s = this.sheets.find((x) => x.sheetId === id);
    return s ? asGas(s) : null;
  }
  /** insertSheet(), (index), (name), (name, index), with an options object anywhere after. */
  insertSheet(...args: unknown[]): GSheet {
    const name = args.find((a) => typeof a === "string") as string | undefined;
    const index = args.find((a) => typeof a === "number") as number | undefined;
    const sheet = this.addSheet_(name ?? this.uniqueName_(`Sheet${this.sheets.length + 1}`), index ?? this.sheets.length);
    this.activeSheet = sheet;
    return asGas(sheet);
  }
  deleteSheet(sheet: GSheet): void {
    const s = asFake<FakeSheet>(sheet);
    if (!this.sheets.includes(s)) throw gasError("Sheet not found");
    if (this.sheets.length === 1) throw gasError("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((x) => x !== s);
    for (const [name, range] of this.namedRanges) if (range.sheet === s) this.namedRanges.delete(name);
    if (this.activeSheet === s) this.activeSheet = this.sheets[0];
  }
  getRange(a1Notation: string): GRange {
    return asGas(this.rangeA1_(a1Notation));
  }
  getRangeByName(name: string): GRange | null {
    const r = this.namedRanges.get(name);
    return r ? asGas(r) : null;
  }
  setNamedRange(name: string, range: GRange): void {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) throw gasError("The named range name is invalid.");
    this.namedRanges.set(name, asFake<FakeRange>(range));
  }
  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return [...this.namedRanges.keys()].map((n) => asGas(new FakeNamedRange(this.world, this, n)));
  }
  removeNamedRange(name: string): void {
    if (!this.namedRanges.delete(name)) throw gasError("Named range not found.");
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.locale = locale;
  }
  getActiveSheet(): GSheet {
    return asGas(this.active_());
  }
  setActiveSheet(sheet: GSheet): GSheet {
    this.activeSheet = asFake<FakeSheet>(sheet);
    this.activeRange = null;
    return sheet;
  }
  getActiveRange(): GRange | null {
    return asGas(this.activeRange ?? this.active_().range_(1, 1, 1, 1));
  }
  setActiveRange(range: GRange): GRange {
    return asFake<FakeRange>(range).activate();
  }
  getCurrentCell(): GRange | null {
    const r = this.activeRange ?? this.active_().range_(1, 1, 1, 1);
    return asGas(r.sheet.range_(r.row, r.col, 1, 1));
  }
  getActiveCell(): GRange {
    return this.getCurrentCell()!;
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.world.ui.toasts.push({ message: String(msg), title: title ?? "", timeoutSeconds: timeoutSeconds ?? 5 });
  }
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    const areas = this.sheets.map((sheet) => ({ sheet, row: 1, col: 1, numRows: sheet.grid.maxRows, numCols: sheet.grid.maxCols }));
    return asGas(new FakeTextFinder(this.world, areas, findText));
  }
  getOwner(): GoogleAppsScript.Base.User | null {
    return asGas(new FakeUser(this.world, this.owner));
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    return [this.owner, ...this.editors].map((e) => asGas(new FakeUser(this.world, e)));
  }
  addEditor(user: string | GoogleAppsScript.Base.User): GSpreadsheet {
    const email = typeof user === "string" ? user : user.getEmail();
    if (email !== this.owner && !this.editors.includes(email)) this.editors.push(email);
    return asGas(this);
  }
  addEditors(emailAddresses: string[]): GSpreadsheet {
    for (const e of emailAddresses) this.addEditor(e);
    return asGas(this);
  }
  removeEditor(user: string | GoogleAppsScript.Base.User): GSpreadsheet {
    const email = typeof user === "string" ? user : user.getEmail();
    this.editors = this.editors.filter((e) => e !== email);
    return asGas(this);
  }
  getViewers(): GoogleAppsScript.Base.User[] {
    return this.viewers.map((e) => asGas(new FakeUser(this.world, e)));
  }
  /** A new spreadsheet with copies of every sheet, owned by whoever runs the script. */
  copy(name: string): GSpreadsheet {
    const target = this.world.createSpreadsheet(name, { sheets: [] });
    for (const s of this.sheets) {
      const copy = asFake<FakeSheet>(s.copyTo(asGas(target)));
      copy.name = s.name;
    }
    return asGas(target);
  }
  moveActiveSheet(pos: number): void {
    const s = this.active_();
    this.sheets = this.sheets.filter((x) => x !== s);
    this.sheets.splice(pos - 1, 0, s);
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    return this.sheets.flatMap((s) => s.getProtections(type));
  }
  getLastRow(): number {
    return this.active_().getLastRow();
  }
  getLastColumn(): number {
    return this.active_().getLastColumn();
  }
}
