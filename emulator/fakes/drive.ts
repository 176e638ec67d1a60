// DriveApp: files and folders by id, files from blobs, copies (a Doc's copy copies its structure), moves, PDF export.
import { FakeBlob } from "./blob";
import { type DocRecord, FOLDER_MIME, PDF_MIME, blobAs, canRead, newRecord, parentsOf, rootFolder } from "./drive-record";
import { gasError, signatureError } from "./errors";
import { Fake, asFake, asGas } from "./fake";
import type { World } from "./world";

type GFile = GoogleAppsScript.Drive.File;
type GFolder = GoogleAppsScript.Drive.Folder;

const NO_ITEM = "No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.";
const FULL = "https://www.googleapis.com/auth/drive";
const READ = "https://www.googleapis.com/auth/drive.readonly";

/**
 * DriveApp works only with the full Drive scope (drive.readonly for reading): its reference pages list no other, so a
 * script that declares only drive.file is refused (wording as seen in public reports; assumed).
 */
function need(world: World, method: string, write: boolean): void {
  if (world.hasScope_(FULL) || (!write && world.hasScope_(READ))) return;
  throw gasError(`Specified permissions are not sufficient to call DriveApp.${method}. Required permissions: ${write ? FULL : `(${READ} || ${FULL})`}`);
}

class FakeIterator<T> extends Fake implements Pick<GoogleAppsScript.Drive.FileIterator, "hasNext" | "getContinuationToken"> {
  constructor(
    world: World,
    readonly kind: "FileIterator" | "FolderIterator",
    private readonly items: T[],
  ) {
    super(world);
  }
  private at = 0;
  hasNext(): boolean {
    return this.at < this.items.length;
  }
  next(): T {
    if (this.at >= this.items.length) throw gasError("Cannot retrieve the next object: iterator has reached the end.");
    return this.items[this.at++];
  }
  getContinuationToken(): string {
    return `${this.kind}:${this.at}`;
  }
}

function files(world: World, pred: (d: DocRecord) => boolean): GoogleAppsScript.Drive.FileIterator {
  const list = [...world.documents.values()].filter((d) => !d.isFolder && !d.trashed && canRead(world, d) && pred(d)).map((d) => asGas<GFile>(new FakeFile(world, d)));
  return asGas(new FakeIterator(world, "FileIterator", list));
}

function folders(world: World, pred: (d: DocRecord) => boolean): GoogleAppsScript.Drive.FolderIterator {
  const list = [...world.documents.values()].filter((d) => d.isFolder && !d.root && !d.trashed && canRead(world, d) && pred(d)).map((d) => asGas<GFolder>(new FakeFolder(world, d)));
  return asGas(new FakeIterator(world, "FolderIterator", list));
}

/** createFile(blob) or createFile(name, content[, mimeType]), into the given folder. */
function createFileIn(world: World, parent: DocRecord, args: unknown[]): GFile {
  const [a, content, mimeType] = args;
  if (a instanceof FakeBlob) {
    const rec = newRecord(world, { name: a.name ?? "Untitled", mimeType: a.contentType ?? "application/octet-stream", data: a.data.toString("base64"), parents: [parent.id] });
    return asGas(new FakeFile(world, rec));
  }
  if (typeof a !== "string" || typeof content !== "string") throw signatureError(args, "DriveApp.createFile");
  const type = typeof mimeType === "string" ? mimeType : "text/plain";
  if (type.startsWith("application/vnd.google-apps.")) throw gasError("Invalid argument: file.contentType");
  const rec = newRecord(world, { name: a, mimeType: type, data: Buffer.from(content, "utf8").toString("base64"), parents: [parent.id] });
  return asGas(new FakeFile(world, rec));
}

type FileMethods =
  | "getId" | "getName" | "setName" | "getUrl" | "getDownloadUrl" | "makeCopy" | "moveTo" | "getAs" | "getBlob" | "setTrashed" | "isTrashed"
  | "getMimeType" | "getParents" | "getSize" | "getDateCreated" | "getLastUpdated" | "setContent";

export class FakeFile extends Fake implements Pick<GFile, FileMethods> {
  readonly kind = "File";
  constructor(
    world: World,
    readonly doc: DocRecord,
  ) {
    super(world);
  }
  getId(): string {
    return this.doc.id;
  }
  getName(): string {
    return this.doc.name;
  }
  setName(name: string): GFile {
    this.doc.name = String(name);
    this.doc.touch(this.world);
    return asGas(this);
  }
  getUrl(): string {
    return this.doc.isDoc ? `https://docs.google.com/document/d/${this.doc.id}/edit?usp=drivesdk` : `https://drive.google.com/file/d/${this.doc.id}/view?usp=drivesdk`;
  }
  getDownloadUrl(): string {
    return `https://drive.google.com/uc?id=${this.doc.id}&export=download`;
  }
  /** makeCopy(), (name), (destination), (name, destination): without a destination the copy sits beside the original. */
  makeCopy(a?: unknown, b?: unknown): GFile {
    const destination = a instanceof FakeFolder ? a : b instanceof FakeFolder ? b : undefined;
    if (a !== undefined && typeof a !== "string" && !(a instanceof FakeFolder)) throw signatureError([a, b].filter((x) => x !== undefined), "DriveApp.File.makeCopy");
    const name = typeof a === "string" ? a : `Copy of ${this.doc.name}`;
    const copy = newRecord(this.world, {
      name,
      mimeType: this.doc.mimeType,
      content: this.doc.content,
      data: this.doc.data,
      parents: destination ? [destination.doc.id] : parentsOf(this.world, this.doc),
    });
    return asGas(new FakeFile(this.world, copy));
  }
  moveTo(destination: GFolder): GFile {
    const folder = asFake<FakeFolder>(destination);
    if (!(folder instanceof FakeFolder)) throw signatureError([destination], "DriveApp.File.moveTo");
    this.doc.parents = [folder.doc.id];
    this.doc.touch(this.world);
    return asGas(this);
  }
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    return asGas(blobAs(this.world, this.doc, contentType));
  }
  /** Google Docs come out as PDF; other files as they are. */
  getBlob(): GoogleAppsScript.Base.Blob {
    return this.getAs(this.doc.isDoc ? PDF_MIME : this.doc.mimeType);
  }
  setContent(content: string): GFile {
    if (this.doc.isDoc || this.doc.isFolder) throw gasError(`Converting from text/plain to ${this.doc.mimeType} is not supported.`);
    this.doc.data = Buffer.from(String(content), "utf8").toString("base64");
    this.doc.touch(this.world);
    return asGas(this);
  }
  setTrashed(trashed: boolean): GFile {
    this.doc.trashed = !!trashed;
    return asGas(this);
  }
  isTrashed(): boolean {
    return this.doc.trashed;
  }
  getMimeType(): string {
    return this.doc.mimeType;
  }
  getParents(): GoogleAppsScript.Drive.FolderIterator {
    const ids = parentsOf(this.world, this.doc);
    const list = ids.map((id) => this.world.documents.get(id)).filter((d): d is DocRecord => !!d).map((d) => asGas<GFolder>(new FakeFolder(this.world, d)));
    return asGas(new FakeIterator(this.world, "FolderIterator", list));
  }
  /** Google Docs use no storage. */
  getSize(): number {
    return this.doc.isDoc ? 0 : this.doc.bytes().length;
  }
  getDateCreated(): GoogleAppsScript.Base.Date {
    return new Date(this.doc.created) as unknown as GoogleAppsScript.Base.Date;
  }
  getLastUpdated(): GoogleAppsScript.Base.Date {
    return new Date(this.doc.updated) as unknown as GoogleAppsScript.Base.Date;
  }
}

type FolderMethods =
  | "getId" | "getName" | "setName" | "getUrl" | "createFile" | "createFolder" | "getFiles" | "getFilesByName" | "getFolders" | "getFoldersByName"
  | "getParents" | "setTrashed" | "isTrashed" | "moveTo";

export class FakeFolder extends Fake implements Pick<GFolder, FolderMethods> {
  readonly kind = "Folder";
  constructor(
    world: World,
    readonly doc: DocRecord,
  ) {
    super(world);
  }
  private inHere_ = (d: DocRecord) => parentsOf(this.world, d).includes(this.doc.id);
  getId(): string {
    return this.doc.id;
  }
  getName(): string {
    return this.doc.name;
  }
  setName(name: string): GFolder {
    this.doc.name = String(name);
    return asGas(this);
  }
  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this.doc.id}`;
  }
  createFile(...args: unknown[]): GFile {
    return createFileIn(this.world, this.doc, args);
  }
  createFolder(name: string): GFolder {
    const rec = newRecord(this.world, { name: String(name), mimeType: FOLDER_MIME, parents: [this.doc.id] });
    return asGas(new FakeFolder(this.world, rec));
  }
  getFiles(): GoogleAppsScript.Drive.FileIterator {
    return files(this.world, this.inHere_);
  }
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    return files(this.world, (d) => d.name === name && this.inHere_(d));
  }
  getFolders(): GoogleAppsScript.Drive.FolderIterator {
    return folders(this.world, this.inHere_);
  }
  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    return folders(this.world, (d) => d.name === name && this.inHere_(d));
  }
  getParents(): GoogleAppsScript.Drive.FolderIterator {
    const list = parentsOf(this.world, this.doc)
      .map((id) => this.world.documents.get(id))
      .filter((d): d is DocRecord => !!d)
      .map((d) => asGas<GFolder>(new FakeFolder(this.world, d)));
    return asGas(new FakeIterator(this.world, "FolderIterator", list));
  }
  moveTo(destination: GFolder): GFolder {
    this.doc.parents = [asFake<FakeFolder>(destination).doc.id];
    return asGas(this);
  }
  setTrashed(trashed: boolean): GFolder {
    this.doc.trashed = !!trashed;
    return asGas(this);
  }
  isTrashed(): boolean {
    return this.doc.trashed;
  }
}

type DriveMethods = "getFileById" | "getFolderById" | "getRootFolder" | "createFile" | "createFolder" | "getFiles" | "getFilesByName" | "getFolders" | "getFoldersByName";

export class FakeDriveApp extends Fake implements Pick<GoogleAppsScript.Drive.DriveApp, DriveMethods> {
  readonly kind = "DriveApp";
  private item_(id: string): DocRecord {
    const d = this.world.documents.get(String(id));
    if (!d || !canRead(this.world, d)) throw gasError(NO_ITEM);
    return d;
  }
  getFileById(id: string): GFile {
    need(this.world, "getFileById", false);
    return asGas(new FakeFile(this.world, this.item_(id)));
  }
  getFolderById(id: string): GFolder {
    need(this.world, "getFolderById", false);
    const d = this.item_(id);
    if (!d.isFolder) throw gasError(NO_ITEM);
    return asGas(new FakeFolder(this.world, d));
  }
  getRootFolder(): GFolder {
    need(this.world, "getRootFolder", false);
    return asGas(new FakeFolder(this.world, rootFolder(this.world)));
  }
  /** In the root of My Drive. */
  createFile(...args: unknown[]): GFile {
    need(this.world, "createFile", true);
    return createFileIn(this.world, rootFolder(this.world), args);
  }
  createFolder(name: string): GFolder {
    need(this.world, "createFolder", true);
    return asFake<FakeFolder>(asGas(new FakeFolder(this.world, rootFolder(this.world)))).createFolder(name);
  }
  getFiles(): GoogleAppsScript.Drive.FileIterator {
    need(this.world, "getFiles", false);
    return files(this.world, () => true);
  }
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    need(this.world, "getFilesByName", false);
    return files(this.world, (d) => d.name === name);
  }
  getFolders(): GoogleAppsScript.Drive.FolderIterator {
    need(this.world, "getFolders", false);
    return folders(this.world, () => true);
  }
  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    need(this.world, "getFoldersByName", false);
    return folders(this.world, (d) => d.name === name);
  }
}
