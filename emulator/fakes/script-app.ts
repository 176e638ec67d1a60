// ScriptApp: AuthMode and trigger enums, the web app URL, installable triggers (20 per user), the script id.
import { Fake, asFake, asGas } from "./fake";
import { FakeTrigger, FakeTriggerBuilder } from "./triggers";

export const AuthMode = { NONE: "NONE", CUSTOM_FUNCTION: "CUSTOM_FUNCTION", LIMITED: "LIMITED", FULL: "FULL" } as const;
export type AuthModeName = keyof typeof AuthMode;

class FakeService extends Fake implements Pick<GoogleAppsScript.Script.Service, "getUrl" | "isEnabled"> {
  readonly kind = "Service";
  getUrl(): string {
    return this.world.serviceUrl;
  }
  isEnabled(): boolean {
    return true;
  }
}

class FakeAuthorizationInfo extends Fake implements Pick<GoogleAppsScript.Script.AuthorizationInfo, "getAuthorizationStatus" | "getAuthorizationUrl"> {
  readonly kind = "AuthorizationInfo";
  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    return "NOT_REQUIRED" as unknown as GoogleAppsScript.Script.AuthorizationStatus;
  }
  getAuthorizationUrl(): string {
    return null as unknown as string;
  }
}

type Methods = "getService" | "newTrigger" | "getProjectTriggers" | "getUserTriggers" | "deleteTrigger" | "getScriptId" | "getOAuthToken" | "getAuthorizationInfo";

export class FakeScriptApp extends Fake implements Pick<GoogleAppsScript.Script.ScriptApp, Methods> {
  readonly kind = "ScriptApp";
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = { REQUIRED: "REQUIRED", NOT_REQUIRED: "NOT_REQUIRED" };
  readonly EventType = { CLOCK: "CLOCK", ON_OPEN: "ON_OPEN", ON_EDIT: "ON_EDIT", ON_FORM_SUBMIT: "ON_FORM_SUBMIT", ON_CHANGE: "ON_CHANGE", ON_EVENT_UPDATED: "ON_EVENT_UPDATED" };
  readonly TriggerSource = { SPREADSHEETS: "SPREADSHEETS", CLOCK: "CLOCK", FORMS: "FORMS", DOCUMENTS: "DOCUMENTS", CALENDAR: "CALENDAR" };
  readonly WeekDay = { MONDAY: "MONDAY", TUESDAY: "TUESDAY", WEDNESDAY: "WEDNESDAY", THURSDAY: "THURSDAY", FRIDAY: "FRIDAY", SATURDAY: "SATURDAY", SUNDAY: "SUNDAY" };
  readonly InstallationSource = { APPS_MARKETPLACE_DOMAIN_ADD_ON: "APPS_MARKETPLACE_DOMAIN_ADD_ON", NONE: "NONE", WEB_STORE_ADD_ON: "WEB_STORE_ADD_ON" };

  getService(): GoogleAppsScript.Script.Service {
    return asGas(new FakeService(this.world));
  }
  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    return asGas(new FakeTriggerBuilder(this.world, String(functionName)));
  }
  /** The current user's triggers in this project, as Apps Script lists them. */
  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    const me = this.world.exec.effectiveUser;
    return this.world.triggers.filter((t) => t.owner === me).map((t) => asGas(new FakeTrigger(this.world, t)));
  }
  getUserTriggers(container: { getId(): string }): GoogleAppsScript.Script.Trigger[] {
    const id = container.getId();
    return this.getProjectTriggers().filter((t) => t.getTriggerSourceId() === id);
  }
  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    const id = asFake<FakeTrigger>(trigger).record.id;
    this.world.triggers = this.world.triggers.filter((t) => t.id !== id);
  }
  getScriptId(): string {
    return this.world.scriptId;
  }
  getOAuthToken(): string {
    return `ya29.emulator-${this.world.exec.effectiveUser}`;
  }
  getAuthorizationInfo(_authMode: GoogleAppsScript.Script.AuthMode): GoogleAppsScript.Script.AuthorizationInfo {
    return asGas(new FakeAuthorizationInfo(this.world));
  }
}
