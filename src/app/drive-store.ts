// The office's Alur folder in Drive, through the advanced Drive service (v3), which works with the drive.file scope.
//
// drive.file lets a user's execution reach only the files the script created or opened *for that user*: the folder
// the admin's setup made is out of reach of the JFU's own execution, even when shared with them. So every Drive write
// runs as the folder's owner (setup, and the document worker trigger the same admin installs); staff reach the files
// through ordinary Drive sharing, which the worker grants to everyone holding a later step of the case.
import { Refusal } from "./cases";
import { transient } from "./transient";

const FOLDER = "application/vnd.google-apps.folder";
const KEY = "alur.drive";

export interface DriveRegistry {
  /** Who made the folders and templates: the only identity whose executions can write them (drive.file). */
  owner: string;
  root: string;
  templates: string;
  cases: string;
  sop: string;
  /** Template id → Google Doc id; "kop" is the letterhead. */
  docs: Record<string, string>;
}

export function loadDrive(): DriveRegistry | null {
  const raw = PropertiesService.getScriptProperties().getProperty(KEY);
  return raw ? (JSON.parse(raw) as DriveRegistry) : null;
}

export function saveDrive(r: DriveRegistry): void {
  PropertiesService.getScriptProperties().setProperty(KEY, JSON.stringify(r));
}

export function drive(): GoogleAppsScript.Drive {
  if (typeof Drive === "undefined" || !Drive) throw new Refusal("Layanan lanjutan Drive (v3) belum aktif di project Apps Script ini. Admin: pastikan appsscript.json memuat dependencies Drive, lalu push ulang.");
  return Drive;
}

/** A folder (or any item) the script can still reach and that is not in the trash. */
export function alive(id: string | undefined): boolean {
  if (!id) return false;
  try {
    return !drive().Files.get(id, { fields: "id,trashed" }).trashed;
  } catch (e) {
    // Not found, or no access: gone for Alur. A passing server fault says nothing about the file: it goes up.
    if (transient(e instanceof Error ? e.message : String(e))) throw e;
    return false;
  }
}

export function createFolder(name: string, parent?: string): string {
  return drive().Files.create({ name, mimeType: FOLDER, ...(parent ? { parents: [parent] } : {}) }).id as string;
}

/** Gives each address (lower case) at least `role` on the item, without sending Drive's own email. */
export function shareWith(id: string, emails: string[], role: "writer" | "reader"): string[] {
  const have = new Set((drive().Permissions.list(id, { fields: "permissions(emailAddress,role)" }).permissions ?? []).map((p) => String(p.emailAddress ?? "").toLowerCase()));
  const added: string[] = [];
  for (const email of [...new Set(emails.map((x) => x.trim().toLowerCase()).filter((x) => x.includes("@")))]) {
    if (have.has(email)) continue;
    drive().Permissions.create({ type: "user", role, emailAddress: email }, id, { sendNotificationEmail: false });
    added.push(email);
  }
  return added;
}

export function docUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

export function fileUrl(id: string): string {
  return `https://drive.google.com/file/d/${id}/view`;
}
