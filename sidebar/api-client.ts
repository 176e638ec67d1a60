// The sidebar's one way to the server: google.script.run.alurApi(name, arg) as a typed promise (see src/api.ts).
/// <reference types="google.script.client-side" />
import type { ApiResult, CallName, ServerCalls } from "../src/api";
import { t } from "./i18n";

/** A refused or failed call; message is ready to show, fieldErrors name the form fields to mark. */
export class CallError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Apps Script's own failures arrive in English: say what happened and what to do next. */
export function explainFailure(raw: string): string {
  const msg = raw.replace(/^(Exception|Error|ScriptError):\s*/, "").trim().replace(/\.$/, "");
  if (!msg || /NetworkError|HTTP 0|Failed to fetch/i.test(msg)) return t("errNetwork");
  if (/too many times|too much computer time|too many scripts/i.test(msg)) return t("errQuota");
  return t("errServer", { msg });
}

export function call<N extends CallName>(name: N, arg: ServerCalls[N]["arg"]): Promise<ServerCalls[N]["result"]> {
  return new Promise((resolve, reject) => {
    google.script.run
      .withSuccessHandler((res: ApiResult<ServerCalls[N]["result"]> | null) => {
        if (res?.ok) resolve(res.data);
        else reject(new CallError(res?.error || t("errUnknown"), res?.fieldErrors));
      })
      .withFailureHandler((err: Error | string) => reject(new CallError(explainFailure(typeof err === "string" ? err : err?.message ?? ""))))
      .alurApi(name, arg);
  });
}
