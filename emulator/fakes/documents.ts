// DocumentApp and DriveApp, minimal: Google Docs as plain text (letters), files by id, copies.
import { gasError } from "./errors";
import { Fake, asGas } from "./fake";
import type { World } from "./world";

export interface DocRecord {
  id: string;
  name: string;
  text: string;
  trashed: boolean;
  mimeType: string;
}

class FakeBody extends Fake implements Pick<GoogleAppsScript.Document.Body, "getText" | "setText" | "replaceText" | "clear"> {
  readonly kind = "Body";
  constructor(
    world: World,
    readonly doc: DocRecord,
  ) {
    super(world);
  }
  appendParagraph(text: string): FakeBody {
    this.doc.text += (this.doc.text ? "\n" : "") + text;
    return this;
  }
  getText(): string {
    return this.doc.text;
  }
  setText(text: string): GoogleAppsScript.Document.Body {
    this.doc.text = text;
    return asGas(this);
  }
  /** The pattern is a regular expression (RE2 in Apps Script). */
  replaceText(searchPattern: string, replacement: string): GoogleAppsScript.Document.Element {
    this.doc.text = this.doc.text.replace(new RegExp(searchPattern, "g"), () => replacement);
    return asGas(this);
  }
  clear(): GoogleAppsScript.Document.Body {
    this.doc.text = "";
    return asGas(this);
  }
}

class FakeDocument extends Fake implements Pick<GoogleAppsScript.Document.Document, "getId" | "getName" | "getUrl" | "getBody" | "saveAndClose"> {
  readonly kind = "Document";
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
  getUrl(): string {
    return `https://docs.google.com/document/d/${this.doc.id}/edit`;
  }
  getBody(): GoogleAppsScript.Document.Body {
    return asGas(new FakeBody(this.world, this.doc));
  }
  saveAndClose(): void {}
}

export class FakeDocumentApp extends Fake implements Pick<GoogleAppsScript.Document.DocumentApp, "create" | "openById"> {
  readonly kind = "DocumentApp";
  create(name: string): GoogleAppsScript.Document.Document {
    const doc: DocRecord = { id: this.world.newId_(), name, text: "", trashed: false, mimeType: "application/vnd.google-apps.document" };
    this.world.documents.set(doc.id, doc);
    return asGas(new FakeDocument(this.world, doc));
  }
  openById(id: string): GoogleAppsScript.Document.Document {
    const doc = this.world.documents.get(id);
    if (!doc) throw gasError("Unexpected error while getting the method or property openById on object DocumentApp.");
    return asGas(new FakeDocument(this.world, doc));
  }
}

class FakeFile extends Fake implements Pick<GoogleAppsScript.Drive.File, "getId" | "getName" | "setName" | "getUrl" | "makeCopy" | "setTrashed" | "isTrashed" | "getMimeType"> {
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
  setName(name: string): GoogleAppsScript.Drive.File {
    this.doc.name = name;
    return asGas(this);
  }
  getUrl(): string {
    return `https://drive.google.com/file/d/${this.doc.id}/view`;
  }
  makeCopy(name?: unknown): GoogleAppsScript.Drive.File {
    const copy: DocRecord = { ...this.doc, id: this.world.newId_(), name: typeof name === "string" ? name : `Copy of ${this.doc.name}` };
    this.world.documents.set(copy.id, copy);
    return asGas(new FakeFile(this.world, copy));
  }
  setTrashed(trashed: boolean): GoogleAppsScript.Drive.File {
    this.doc.trashed = trashed;
    return asGas(this);
  }
  isTrashed(): boolean {
    return this.doc.trashed;
  }
  getMimeType(): string {
    return this.doc.mimeType;
  }
}

export class FakeDriveApp extends Fake implements Pick<GoogleAppsScript.Drive.DriveApp, "getFileById" | "createFile"> {
  readonly kind = "DriveApp";
  getFileById(id: string): GoogleAppsScript.Drive.File {
    const doc = this.world.documents.get(id);
    if (!doc) throw gasError(`No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.`);
    return asGas(new FakeFile(this.world, doc));
  }
  createFile(name: unknown, content?: string, mimeType?: string): GoogleAppsScript.Drive.File {
    const doc: DocRecord = { id: this.world.newId_(), name: String(name), text: content ?? "", trashed: false, mimeType: mimeType ?? "text/plain" };
    this.world.documents.set(doc.id, doc);
    return asGas(new FakeFile(this.world, doc));
  }
}
