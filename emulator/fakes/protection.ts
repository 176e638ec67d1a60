// Sheet and range protections (warning-only or editor lists), as Sheet.protect() and Range.protect() return.
import { Fake, asFake, asGas } from "./fake";
import type { FakeRange } from "./range";
import type { FakeSheet } from "./sheet";
import { FakeUser } from "./session";
import type { World } from "./world";

type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type Methods =
  | "getDescription"
  | "setDescription"
  | "isWarningOnly"
  | "setWarningOnly"
  | "getEditors"
  | "addEditor"
  | "addEditors"
  | "removeEditor"
  | "removeEditors"
  | "canEdit"
  | "canDomainEdit"
  | "setDomainEdit"
  | "remove"
  | "getRange"
  | "getUnprotectedRanges"
  | "setUnprotectedRanges";

export const ProtectionType = { RANGE: "RANGE", SHEET: "SHEET" } as const;

function emailOf(user: unknown): string {
  return typeof user === "string" ? user : (user as FakeUser).email;
}

export class FakeProtection extends Fake implements Pick<GProtection, Methods> {
  readonly kind = "Protection";
  description = "";
  warningOnly = false;
  domainEdit = false;
  editors: string[];
  unprotected: FakeRange[] = [];

  constructor(
    world: World,
    readonly type: "RANGE" | "SHEET",
    readonly sheet: FakeSheet,
    readonly range: FakeRange,
  ) {
    super(world);
    // Sheets puts the owner and the person who protects on the editor list.
    this.editors = [...new Set([sheet.spreadsheet.owner, world.exec.effectiveUser].filter(Boolean))];
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
  getDescription(): string {
    return this.description;
  }
  setDescription(description: string): GProtection {
    this.description = description;
    return asGas(this);
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): GProtection {
    this.warningOnly = warningOnly;
    return asGas(this);
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    return this.editors.map((e) => asGas(new FakeUser(this.world, e)));
  }
  addEditor(user: string | GoogleAppsScript.Base.User): GProtection {
    const email = emailOf(user);
    if (!this.editors.includes(email)) this.editors.push(email);
    return asGas(this);
  }
  addEditors(emails: string[] | GoogleAppsScript.Base.User[]): GProtection {
    for (const e of emails) this.addEditor(e);
    return asGas(this);
  }
  removeEditor(user: string | GoogleAppsScript.Base.User): GProtection {
    const email = emailOf(user);
    // The owner always stays an editor.
    if (email !== this.sheet.spreadsheet.owner) this.editors = this.editors.filter((e) => e !== email);
    return asGas(this);
  }
  removeEditors(emails: string[] | GoogleAppsScript.Base.User[]): GProtection {
    for (const e of emails) this.removeEditor(e);
    return asGas(this);
  }
  canEdit(): boolean {
    return !this.warningOnly ? this.editors.includes(this.world.exec.effectiveUser) : true;
  }
  canDomainEdit(): boolean {
    return this.domainEdit;
  }
  setDomainEdit(editable: boolean): GProtection {
    this.domainEdit = editable;
    return asGas(this);
  }
  remove(): void {
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    return asGas(this.range);
  }
  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.unprotected.map((r) => asGas(r));
  }
  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): GProtection {
    this.unprotected = ranges.map((r) => asFake<FakeRange>(r));
    return asGas(this);
  }
}
