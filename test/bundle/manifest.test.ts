// appsscript.json: valid against SchemaStore's schema (vendored), minimal scopes each with a reason, Jakarta time, V8, a web app.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";

const root = join(__dirname, "../..");
const manifest = JSON.parse(readFileSync(join(root, "appsscript.json"), "utf8"));
const schema = JSON.parse(readFileSync(join(__dirname, "../fixtures/appsscript.schema.json"), "utf8"));

/** Every scope Alur may declare, and why it needs it. Anything else fails the test until a reason is written here. */
const SCOPE_REASONS: Record<string, string> = {
  "https://www.googleapis.com/auth/spreadsheets": "registers live in sheets; openById of the register from the web app and triggers, archives (currentonly cannot open by id)",
  "https://www.googleapis.com/auth/script.container.ui": "the sidebar, menus and dialogs in the spreadsheet",
  "https://www.googleapis.com/auth/script.send_mail": "MailApp notifications and approve-from-email links (not gmail.send, which is sensitive)",
  "https://www.googleapis.com/auth/script.scriptapp": "installable time triggers for reminders and reports",
  "https://www.googleapis.com/auth/documents": "letters generated from Google Docs templates",
  "https://www.googleapis.com/auth/drive.file": "the Alur folder, template copies, letters and PDFs Alur itself creates, through the advanced Drive service (DriveApp needs the full drive scope)",
  "https://www.googleapis.com/auth/userinfo.email": "Session.getActiveUser().getEmail() to know who acts",
};

/** The two formats the schema uses (ajv-formats is not installed; these are strict enough for a manifest). */
const FORMATS = { uri: /^[a-z][a-z0-9+.-]*:[^\s]+$/i, hostname: /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/i };
const newAjv = () => new Ajv({ strict: false, allErrors: true, formats: FORMATS });

test("appsscript.json is valid against the SchemaStore schema", () => {
  const validate = newAjv().compile(schema);
  const ok = validate(manifest);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
});

test("the vendored schema rejects a broken manifest (so the check above can fail)", () => {
  const validate = newAjv().compile(schema);
  expect(validate({ ...manifest, runtimeVersion: "RHINO", webapp: { access: "EVERYONE_ON_EARTH" } })).toBe(false);
  expect(validate({ ...manifest, oauthScopes: ["not a uri"] })).toBe(false);
});

test("every OAuth scope is declared on purpose", () => {
  const scopes: string[] = manifest.oauthScopes;
  expect(Array.isArray(scopes)).toBe(true);
  expect(scopes.filter((s) => !(s in SCOPE_REASONS))).toEqual([]);
  expect(new Set(scopes).size).toBe(scopes.length);
  expect(scopes).not.toContain("https://mail.google.com/");
  expect(scopes).not.toContain("https://www.googleapis.com/auth/spreadsheets.currentonly");
});

test("time zone Asia/Jakarta, runtime V8, and a web app", () => {
  expect(manifest.timeZone).toBe("Asia/Jakarta");
  expect(manifest.runtimeVersion).toBe("V8");
  expect(manifest.webapp).toBeDefined();
  expect(["USER_DEPLOYING", "USER_ACCESSING"]).toContain(manifest.webapp.executeAs);
});

test("the advanced Drive service (v3) is enabled, and no full Drive scope is asked for", () => {
  expect(manifest.dependencies?.enabledAdvancedServices).toContainEqual({ userSymbol: "Drive", serviceId: "drive", version: "v3" });
  expect(manifest.oauthScopes).not.toContain("https://www.googleapis.com/auth/drive");
  expect(manifest.oauthScopes).not.toContain("https://www.googleapis.com/auth/drive.readonly");
});
