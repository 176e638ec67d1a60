// A Drive item as stored in world.documents: a Google Doc (its structure), a folder, or any other file (its bytes).
import { documentToPdf, htmlToContent, textToPdf } from "../pdf";
import { FakeBlob } from "./blob";
import { type DocContent, blocksFromText, blocksText, cloneContent, emptyContent, normalizeContent } from "./doc-model";
import { gasError } from "./errors";
import type { World } from "./world";

export type Role = "reader" | "commenter" | "writer";

export const DOC_MIME = "application/vnd.google-apps.document";
export const FOLDER_MIME = "application/vnd.google-apps.folder";
export const PDF_MIME = "application/pdf";

/** What persist.ts writes: the fields of a DocRecord (older snapshots have `text` instead of `content`). */
export interface DocData {
  id: string;
  name: string;
  mimeType: string;
  trashed: boolean;
  parents?: string[];
  content?: DocContent;
  /** Bytes of a file that is not a Google Doc or folder, base64. */
  data?: string;
  /** The Drive root ("My Drive"). */
  root?: boolean;
  created?: number;
  updated?: number;
  text?: string;
  /** Who owns the item (items saved before ownership was modelled have none and are open to everyone). */
  owner?: string;
  /** Drive sharing: address → role; folders pass theirs on to what they hold. */
  acl?: Record<string, Role>;
  /** The users for whom the script created or opened the item: what drive.file lets the script reach as them. */
  app?: string[];
}

export class DocRecord implements DocData {
  id: string;
  name: string;
  mimeType: string;
  trashed = false;
  parents: string[] = [];
  content?: DocContent;
  data?: string;
  root?: boolean;
  created: number;
  updated: number;
  owner?: string;
  acl?: Record<string, Role>;
  app?: string[];

  constructor(d: DocData) {
    this.id = d.id;
    this.name = d.name;
    this.mimeType = d.mimeType;
    this.trashed = !!d.trashed;
    this.parents = [...(d.parents ?? [])];
    this.created = d.created ?? 0;
    this.updated = d.updated ?? this.created;
    if (d.root) this.root = true;
    if (d.owner) this.owner = d.owner;
    if (d.acl) this.acl = { ...d.acl };
    if (d.app) this.app = [...d.app];
    if (d.content) this.content = normalizeContent(cloneContent(d.content));
    else if (d.mimeType === DOC_MIME) this.content = { ...emptyContent(), body: blocksFromText(d.text ?? "") };
    if (d.data !== undefined) this.data = d.data;
    else if (d.mimeType !== DOC_MIME && d.mimeType !== FOLDER_MIME && d.text !== undefined) this.data = Buffer.from(d.text, "utf8").toString("base64");
  }

  /** A snapshot's entry back into a record (the getter below is not stored). */
  static from(d: DocData): DocRecord {
    return new DocRecord(d);
  }

  get isDoc(): boolean {
    return this.mimeType === DOC_MIME;
  }
  get isFolder(): boolean {
    return this.mimeType === FOLDER_MIME;
  }

  /** The body text of a Google Doc; the contents of a text file; "" otherwise. */
  get text(): string {
    if (this.content) return blocksText(this.content.body);
    if (this.data !== undefined && (this.mimeType.startsWith("text/") || this.mimeType === "application/json")) return this.bytes().toString("utf8");
    return "";
  }

  bytes(): Buffer {
    return Buffer.from(this.data ?? "", "base64");
  }

  touch(world: World): void {
    this.updated = world.now();
  }
}

/** The Drive root, made on first use (and saved with the other items). */
export function rootFolder(world: World): DocRecord {
  for (const d of world.documents.values()) if (d.root) return d;
  const now = world.now();
  const root = new DocRecord({ id: world.newId_(), name: "My Drive", mimeType: FOLDER_MIME, trashed: false, root: true, created: now });
  world.documents.set(root.id, root);
  return root;
}

/** Items created before folders existed live in the root. */
export function parentsOf(world: World, d: DocRecord): string[] {
  if (d.root) return [];
  return d.parents.length ? d.parents : [rootFolder(world).id];
}

/** An item the script creates: owned by whom the script runs as, and reachable by the script as them (drive.file). */
export function newRecord(world: World, d: Omit<DocData, "id" | "trashed" | "created">): DocRecord {
  const me = world.runAs_();
  const rec = new DocRecord({ ...d, id: world.newId_(), trashed: false, created: world.now(), ...(me ? { owner: me, app: [me] } : {}) });
  world.documents.set(rec.id, rec);
  return rec;
}

const RANK: Record<Role | "owner", number> = { reader: 1, commenter: 2, writer: 3, owner: 4 };

/** A person's access to an item in the browser: owner, or shared on it or on a folder above it (null: none). */
export function accessOf(world: World, d: DocRecord, user: string): Role | "owner" | null {
  const me = user.trim().toLowerCase();
  if (!me) return null;
  let best: Role | "owner" | null = null;
  const seen = new Set<string>();
  const walk = (item: DocRecord | undefined) => {
    if (!item || seen.has(item.id)) return;
    seen.add(item.id);
    const role = item.owner === me ? "owner" : item.acl?.[me];
    if (role && (!best || RANK[role] > RANK[best])) best = role;
    for (const p of item.parents) walk(world.documents.get(p));
  };
  walk(d);
  return best;
}

/** Items saved before ownership was modelled (no owner) are open to everyone. */
export function canRead(world: World, d: DocRecord, user = world.runAs_()): boolean {
  return !d.owner || accessOf(world, d, user) !== null;
}

export function canWrite(world: World, d: DocRecord, user = world.runAs_()): boolean {
  const a = d.owner ? accessOf(world, d, user) : "owner";
  return a === "owner" || a === "writer";
}

/**
 * What the script may reach through the drive.file scope as `user`: only items it created or opened for that user
 * (and that the user can still open). Another user of the same script gets nothing from it, shared or not.
 */
export function appCanReach(world: World, d: DocRecord, user = world.runAs_()): boolean {
  if (!d.owner) return true;
  return canRead(world, d, user) && (d.app ?? []).includes(user.trim().toLowerCase());
}

/** Drive's "Converting from X to Y is not supported." unless the target is the item's own type or a PDF of a Doc or text. */
export function blobAs(world: World, d: DocRecord, contentType: string): FakeBlob {
  const type = String(contentType);
  const base = d.name.replace(/\.[^.]*$/, "") || d.name;
  if (type === PDF_MIME && d.content) return new FakeBlob(world, Buffer.from(documentToPdf(d.name, d.content)), PDF_MIME, `${d.name}.pdf`);
  if (type === PDF_MIME && d.mimeType === "text/html") return new FakeBlob(world, Buffer.from(documentToPdf(d.name, htmlToContent(d.text))), PDF_MIME, `${base}.pdf`);
  if (type === PDF_MIME && d.mimeType.startsWith("text/")) return new FakeBlob(world, Buffer.from(textToPdf(d.name, d.text)), PDF_MIME, `${base}.pdf`);
  if (type === d.mimeType && !d.isDoc && !d.isFolder) return new FakeBlob(world, d.bytes(), d.mimeType, d.name);
  throw gasError(`Converting from ${d.mimeType} to ${type} is not supported.`);
}
