// The advanced Drive service (v3): Drive.Files (create, copy, get, update) and Drive.Permissions (list, create), with
// what the drive.file scope allows: a user's execution reaches only the items the script created or opened for them.
import { htmlToContent } from "../pdf";
import type { FakeBlob } from "./blob";
import { emptyContent } from "./doc-model";
import { DOC_MIME, type DocRecord, FOLDER_MIME, type Role, accessOf, appCanReach, canWrite, newRecord, parentsOf } from "./drive-record";
import { gasError } from "./errors";
import { Fake, asFake } from "./fake";
import type { Membrane } from "./membrane";
import type { World } from "./world";

type Schema = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type PermissionSchema = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;

const FULL = "https://www.googleapis.com/auth/drive";
const SHEET_MIME = "application/vnd.google-apps.spreadsheet";

/** Drive answers 404 for what the caller may not see, so as not to reveal that it exists (wording observed; assumed). */
function notFound(method: string, id: string): Error {
  return gasError(`API call to drive.${method} failed with error: File not found: ${id}.`);
}

/** The item, if the script reaches it as the current user: with drive.file only what it made or opened for them. */
function reach(world: World, method: string, id: unknown): DocRecord {
  const d = world.documents.get(String(id));
  const ok = d && !d.root && (world.hasScope_(FULL) ? !d.owner || accessOf(world, d, world.runAs_()) !== null : appCanReach(world, d));
  if (!d || !ok) throw notFound(method, String(id));
  return d;
}

function resource(world: World, d: DocRecord): Schema {
  return {
    id: d.id,
    name: d.name,
    mimeType: d.mimeType,
    trashed: d.trashed,
    parents: parentsOf(world, d),
    webViewLink: d.mimeType === SHEET_MIME ? `https://docs.google.com/spreadsheets/d/${d.id}/edit` : d.isDoc ? `https://docs.google.com/document/d/${d.id}/edit` : d.isFolder ? `https://drive.google.com/drive/folders/${d.id}` : `https://drive.google.com/file/d/${d.id}/view`,
  };
}

/** New items go into the parents named, which the script must reach and the user must be able to add to. */
function parentsFor(world: World, method: string, parents: unknown): string[] {
  const list = Array.isArray(parents) ? parents.map(String) : [];
  for (const p of list) {
    const folder = reach(world, method, p);
    if (!folder.isFolder) throw gasError(`API call to drive.${method} failed with error: The specified parent is not a folder.`);
    if (!canWrite(world, folder)) throw gasError(`API call to drive.${method} failed with error: Insufficient permissions for the specified parent.`);
  }
  return list;
}

export class FakeDriveFiles extends Fake {
  readonly kind = "DriveFiles";
  /** Files.create(resource[, mediaData[, optionalArgs]]): a Google Docs type with HTML media converts it, as uploads do. */
  create(resource_: Schema, mediaData?: unknown, _optionalArgs?: Record<string, unknown>): Schema {
    const r = resource_ ?? {};
    const parents = parentsFor(this.world, "files.create", r.parents);
    const blob = mediaData ? asFake<FakeBlob>(mediaData) : null;
    const mimeType = String(r.mimeType ?? blob?.getContentType() ?? "application/octet-stream");
    const name = String(r.name ?? blob?.getName() ?? "Untitled");
    let rec: DocRecord;
    if (mimeType === DOC_MIME) {
      const html = blob && /html/.test(String(blob.getContentType())) ? blob.getDataAsString() : null;
      rec = newRecord(this.world, { name, mimeType, content: html ? htmlToContent(html) : emptyContent(), parents });
    } else if (mimeType === FOLDER_MIME) rec = newRecord(this.world, { name, mimeType, parents });
    else if (mimeType === SHEET_MIME && !blob) {
      // A new, empty Google Sheet (Drive API: a Google Workspace type without content); SpreadsheetApp opens it by id.
      rec = newRecord(this.world, { name, mimeType, parents });
      this.world.createSpreadsheet(name, { id: rec.id });
    }
    else rec = newRecord(this.world, { name, mimeType, data: blob ? Buffer.from(blob.getBytes().map((b) => b & 255)).toString("base64") : "", parents });
    return resource(this.world, rec);
  }
  copy(resource_: Schema, fileId: string, _optionalArgs?: Record<string, unknown>): Schema {
    const src = reach(this.world, "files.copy", fileId);
    const r = resource_ ?? {};
    const parents = r.parents ? parentsFor(this.world, "files.copy", r.parents) : parentsOf(this.world, src).filter((p) => this.world.documents.get(p) && appCanReach(this.world, this.world.documents.get(p) as DocRecord));
    const rec = newRecord(this.world, { name: String(r.name ?? `Copy of ${src.name}`), mimeType: src.mimeType, content: src.content, data: src.data, parents });
    return resource(this.world, rec);
  }
  get(fileId: string, _optionalArgs?: Record<string, unknown>): Schema {
    return resource(this.world, reach(this.world, "files.get", fileId));
  }
  /** Rename, trash, or move (addParents/removeParents in optionalArgs). */
  update(resource_: Schema, fileId: string, _mediaData?: unknown, optionalArgs?: Record<string, unknown>): Schema {
    const d = reach(this.world, "files.update", fileId);
    if (!canWrite(this.world, d)) throw gasError("API call to drive.files.update failed with error: The user does not have sufficient permissions for this file.");
    const r = resource_ ?? {};
    if (r.name !== undefined) d.name = String(r.name);
    if (r.trashed !== undefined) d.trashed = !!r.trashed;
    const add = String(optionalArgs?.addParents ?? "").split(",").filter(Boolean);
    const remove = String(optionalArgs?.removeParents ?? "").split(",").filter(Boolean);
    if (add.length || remove.length) {
      parentsFor(this.world, "files.update", add);
      for (const p of remove) reach(this.world, "files.update", p);
      d.parents = [...parentsOf(this.world, d).filter((p) => !remove.includes(p)), ...add];
    }
    d.touch(this.world);
    return resource(this.world, d);
  }
}

export class FakeDrivePermissions extends Fake {
  readonly kind = "DrivePermissions";
  list(fileId: string, _optionalArgs?: Record<string, unknown>): { permissions: PermissionSchema[] } {
    const d = reach(this.world, "permissions.list", fileId);
    const own: PermissionSchema[] = d.owner ? [{ id: `owner:${d.owner}`, type: "user", role: "owner", emailAddress: d.owner }] : [];
    return { permissions: [...own, ...Object.entries(d.acl ?? {}).map(([email, role]) => ({ id: `user:${email}`, type: "user", role, emailAddress: email }))] };
  }
  /** Shares an item with a person (the owner or a writer may; a lower role never replaces a higher one). */
  create(resource_: PermissionSchema, fileId: string, _optionalArgs?: Record<string, unknown>): PermissionSchema {
    const d = reach(this.world, "permissions.create", fileId);
    if (!canWrite(this.world, d)) throw gasError("API call to drive.permissions.create failed with error: The user does not have sufficient permissions for this file.");
    const r = resource_ ?? {};
    const email = String(r.emailAddress ?? "").trim().toLowerCase();
    const role = String(r.role ?? "") as Role;
    if (r.type !== "user" || !email.includes("@") || !["reader", "commenter", "writer"].includes(role)) throw gasError("API call to drive.permissions.create failed with error: Invalid permission.");
    const rank = { reader: 1, commenter: 2, writer: 3 };
    const acl = { ...d.acl };
    if (!acl[email] || rank[acl[email]] < rank[role]) acl[email] = role;
    d.acl = acl;
    return { id: `user:${email}`, type: "user", role: acl[email], emailAddress: email };
  }
}

/** The advanced service's global, as the script sees it (its collections behind the context's membrane). */
export function advancedDrive(world: World, membrane: Membrane): { Files: FakeDriveFiles; Permissions: FakeDrivePermissions } {
  return { Files: membrane.wrap(new FakeDriveFiles(world)), Permissions: membrane.wrap(new FakeDrivePermissions(world)) };
}
