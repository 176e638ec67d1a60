// Generates emulator/fakes/gas-members.ts: the members Google documents for each kind of object the fakes hand out,
// read from @types/google-apps-script (its interfaces follow the reference pages). `npx jest test/emulator/gas-members`
// checks the committed table against the installed types; UPDATE_GAS_MEMBERS=1 rewrites it.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

export const TYPES_DIR = join(__dirname, "../../node_modules/@types/google-apps-script");
export const OUTPUT = join(__dirname, "../../emulator/fakes/gas-members.ts");

/**
 * Each fake's `kind` and the @types interfaces (namespace.Name under GoogleAppsScript, or a global) it stands in for.
 * The chart builder fake is one object whatever as…Chart() was called, so it carries the members of every typed builder.
 */
export const KIND_TYPES: Record<string, string | string[]> = {
  SpreadsheetApp: "Spreadsheet.SpreadsheetApp",
  Spreadsheet: "Spreadsheet.Spreadsheet",
  Sheet: "Spreadsheet.Sheet",
  Range: "Spreadsheet.Range",
  RangeList: "Spreadsheet.RangeList",
  TextFinder: "Spreadsheet.TextFinder",
  DataValidation: "Spreadsheet.DataValidation",
  DataValidationBuilder: "Spreadsheet.DataValidationBuilder",
  ConditionalFormatRule: "Spreadsheet.ConditionalFormatRule",
  ConditionalFormatRuleBuilder: "Spreadsheet.ConditionalFormatRuleBuilder",
  Protection: "Spreadsheet.Protection",
  NamedRange: "Spreadsheet.NamedRange",
  EmbeddedChart: "Spreadsheet.EmbeddedChart",
  EmbeddedChartBuilder: ["Area", "Bar", "Column", "Combo", "Histogram", "Line", "Pie", "Scatter", "Table", ""].map((t) => `Spreadsheet.Embedded${t}ChartBuilder`),
  ContainerInfo: "Spreadsheet.ContainerInfo",
  Charts: "Charts.Charts",
  ChartOptions: "Charts.ChartOptions",
  HtmlService: "HTML.HtmlService",
  HtmlOutput: "HTML.HtmlOutput",
  HtmlTemplate: "HTML.HtmlTemplate",
  HtmlOutputMetaTag: "HTML.HtmlOutputMetaTag",
  ContentService: "Content.ContentService",
  TextOutput: "Content.TextOutput",
  PropertiesService: "Properties.PropertiesService",
  Properties: "Properties.Properties",
  CacheService: "Cache.CacheService",
  Cache: "Cache.Cache",
  LockService: "Lock.LockService",
  Lock: "Lock.Lock",
  Utilities: "Utilities.Utilities",
  Session: "Base.Session",
  User: "Base.User",
  Logger: "Base.Logger",
  console: "Console",
  Ui: "Base.Ui",
  Menu: "Base.Menu",
  PromptResponse: "Base.PromptResponse",
  Blob: "Base.Blob",
  ScriptApp: "Script.ScriptApp",
  Trigger: "Script.Trigger",
  TriggerBuilder: "Script.TriggerBuilder",
  ClockTriggerBuilder: "Script.ClockTriggerBuilder",
  SpreadsheetTriggerBuilder: "Script.SpreadsheetTriggerBuilder",
  Service: "Script.Service",
  AuthorizationInfo: "Script.AuthorizationInfo",
  MailApp: "Mail.MailApp",
  GmailApp: "Gmail.GmailApp",
  DocumentApp: "Document.DocumentApp",
  Document: "Document.Document",
  Body: "Document.Body",
  HeaderSection: "Document.HeaderSection",
  FooterSection: "Document.FooterSection",
  Paragraph: "Document.Paragraph",
  Table: "Document.Table",
  TableRow: "Document.TableRow",
  TableCell: "Document.TableCell",
  Text: "Document.Text",
  DriveApp: "Drive.DriveApp",
  DriveFiles: "Drive_v3.Drive.V3.Collection.FilesCollection",
  DrivePermissions: "Drive_v3.Drive.V3.Collection.PermissionsCollection",
  File: "Drive.File",
  Folder: "Drive.Folder",
  FileIterator: "Drive.FileIterator",
  FolderIterator: "Drive.FolderIterator",
};

interface Decl {
  members: Set<string>;
  bases: string[];
}

function nameOf(n: ts.PropertyName | ts.EntityName | ts.Expression): string {
  if (ts.isIdentifier(n) || ts.isStringLiteral(n)) return n.text;
  if (ts.isQualifiedName(n)) return `${nameOf(n.left)}.${n.right.text}`;
  if (ts.isPropertyAccessExpression(n)) return `${nameOf(n.expression)}.${n.name.text}`;
  return n.getText();
}

/** Every interface of the typings: "Namespace.Name" (under GoogleAppsScript) or "Name" (global), with members and bases. */
export function readInterfaces(dir = TYPES_DIR): Map<string, Decl> {
  const out = new Map<string, Decl>();
  const add = (qualified: string, node: ts.InterfaceDeclaration) => {
    const d = out.get(qualified) ?? { members: new Set<string>(), bases: [] };
    for (const m of node.members) if (m.name && (ts.isMethodSignature(m) || ts.isPropertySignature(m))) d.members.add(nameOf(m.name));
    for (const h of node.heritageClauses ?? []) for (const t of h.types) d.bases.push(nameOf(t.expression));
    out.set(qualified, d);
  };
  // Namespaces nest (the advanced services: Drive_v3.Drive.V3.Collection.FilesCollection): names join with dots.
  const walk = (statements: ts.NodeArray<ts.Statement>, prefix: string) => {
    for (const decl of statements) {
      if (ts.isInterfaceDeclaration(decl) && prefix) add(`${prefix}.${decl.name.text}`, decl);
      if (ts.isModuleDeclaration(decl) && decl.body && ts.isModuleBlock(decl.body)) walk(decl.body.statements, prefix ? `${prefix}.${nameOf(decl.name)}` : nameOf(decl.name));
    }
  };
  const files = [...readdirSync(dir).filter((f) => f.endsWith(".d.ts")).map((f) => join(dir, f)), ...readdirSync(join(dir, "apis")).filter((f) => f.endsWith(".d.ts")).map((f) => join(dir, "apis", f))];
  for (const file of files) {
    const src = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true);
    for (const stmt of src.statements) {
      if (ts.isInterfaceDeclaration(stmt)) add(stmt.name.text, stmt);
      if (!ts.isModuleDeclaration(stmt) || nameOf(stmt.name) !== "GoogleAppsScript" || !stmt.body || !ts.isModuleBlock(stmt.body)) continue;
      walk(stmt.body.statements, "");
    }
  }
  return out;
}

/** The members of one interface with those of the interfaces it extends. */
export function membersOf(all: Map<string, Decl>, qualified: string): string[] {
  const seen = new Set<string>();
  const members = new Set<string>();
  const visit = (q: string) => {
    if (seen.has(q)) return;
    seen.add(q);
    const d = all.get(q);
    if (!d) throw new Error(`no interface ${q} in @types/google-apps-script`);
    for (const m of d.members) members.add(m);
    const ns = q.includes(".") ? q.slice(0, q.indexOf(".")) : "";
    for (const b of d.bases) visit(b.includes(".") || !ns ? b.replace(/^GoogleAppsScript\./, "") : `${ns}.${b}`);
  };
  visit(qualified);
  return [...members].sort();
}

/** The generated module's text. */
export function generate(dir = TYPES_DIR): string {
  const all = readInterfaces(dir);
  const version = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
  const lines = Object.keys(KIND_TYPES)
    .sort()
    .map((kind) => {
      const members = new Set([KIND_TYPES[kind]].flat().flatMap((q) => membersOf(all, q)));
      return `  ${JSON.stringify(kind)}: ${JSON.stringify([...members].sort())},`;
    });
  return [
    `// Generated by test/emulator/gas-members.ts from @types/google-apps-script ${version}: do not edit by hand.`,
    "// The members Google documents for each kind of object the fakes hand out (methods and enum properties).",
    "export const DOCUMENTED_MEMBERS: Record<string, readonly string[]> = {",
    ...lines,
    "};",
    "",
  ].join("\n");
}
