// The sidebar's one way to the server: google.script.run.alurApi(name, arg) as a typed promise (see src/api.ts).
/// <reference types="google.script.client-side" />
import type { ApiResult, CallName, ServerCalls } from "../src/api";
import { t } from "./i18n";
import { noteQueueCount } from "./queue-badge";

/**
 * A refused or failed call; message is ready to show, fieldErrors name the form fields to mark, warnings are what the
 * person may confirm (the call changed nothing; sent again with confirm: true it goes through).
 */
export class CallError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
    readonly warnings: string[] = [],
  ) {
    super(message);
  }
}

/** The calls that answer with a CaseView: each carries the caller's Antrean saya count for the tab's badge. */
const CASE_REPLIES: ReadonlySet<CallName> = new Set<CallName>(["startCase", "getCase", "selectedCase", "act", "tickKelengkapan", "makeDocument", "correctCase"]);

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
        if (res?.ok) {
          const count = CASE_REPLIES.has(name) ? (res.data as { queueCount?: unknown } | null)?.queueCount : undefined;
          // -1: the reply did not count (the selection poll); the badge keeps what it has.
          if (typeof count === "number" && count >= 0) noteQueueCount(count);
          resolve(res.data);
        } else reject(new CallError(res?.error || t("errUnknown"), res?.fieldErrors, Array.isArray(res?.warnings) ? res.warnings : []));
      })
      .withFailureHandler((err: Error | string) => reject(new CallError(explainFailure(typeof err === "string" ? err : err?.message ?? ""))))
      .alurApi(name, arg);
  });
}
