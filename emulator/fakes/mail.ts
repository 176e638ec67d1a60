// MailApp and GmailApp: send into world.outbox, sharing the daily recipient quota, with the 50-recipient limit and address checks.
import { FakeBlob } from "./blob";
import { gasError, signatureError } from "./errors";
import { Fake, asGas } from "./fake";
import type { World } from "./world";

export const MAX_RECIPIENTS_PER_MESSAGE = 50;
export const MAX_BODY_BYTES = 200 * 1024;

export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments: { name: string | null; contentType: string | null; size: number }[];
  /** Effective user (mail goes from the account the script runs as), or GmailApp's `from` alias. */
  from: string;
  /** Which service sent it. */
  via?: "MailApp" | "GmailApp";
  at: number;
}

interface Message {
  to?: string;
  cc?: string;
  bcc?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments?: unknown[];
  from?: string;
}

const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

function addresses(list: string | undefined): string[] {
  return String(list ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => {
      const inner = /<([^>]+)>\s*$/.exec(a)?.[1]?.trim() ?? a;
      if (!EMAIL.test(inner)) throw gasError(`Invalid email: ${a}`);
      return inner;
    });
}

/**
 * Checks and sends one message. MailApp and GmailApp count against the same "Email recipients per day" quota:
 * a service's use counts toward every quota it is associated with.
 */
function deliver(world: World, m: Message, via: SentMail["via"], from: string): void {
  const to = addresses(m.to);
  const cc = addresses(m.cc);
  const bcc = addresses(m.bcc);
  const count = to.length + cc.length + bcc.length;
  if (count === 0) throw gasError("Failed to send email: no recipient");
  if (count > MAX_RECIPIENTS_PER_MESSAGE) throw gasError("Limit Exceeded: Email Recipients Per Message.");
  if (Buffer.byteLength(String(m.body ?? ""), "utf8") + Buffer.byteLength(String(m.htmlBody ?? ""), "utf8") > MAX_BODY_BYTES) {
    throw gasError("Limit Exceeded: Email Body Size.");
  }
  if (world.mailUsedToday_() + count > world.mail.quota) throw gasError("Service invoked too many times for one day: email.");
  world.mailSpend_(count);
  world.outbox.push({
    to,
    cc,
    bcc,
    subject: String(m.subject ?? ""),
    body: String(m.body ?? ""),
    htmlBody: m.htmlBody === undefined ? undefined : String(m.htmlBody),
    name: m.name,
    replyTo: m.replyTo,
    noReply: m.noReply,
    attachments: (m.attachments ?? []).map((x) => (x instanceof FakeBlob ? { name: x.name, contentType: x.contentType, size: x.data.length } : { name: null, contentType: null, size: 0 })),
    from,
    via,
    at: world.now(),
  });
}

type Methods = "sendEmail" | "getRemainingDailyQuota";

export class FakeMailApp extends Fake implements Pick<GoogleAppsScript.Mail.MailApp, Methods> {
  readonly kind = "MailApp";

  getRemainingDailyQuota(): number {
    return Math.max(0, this.world.mail.quota - this.world.mailUsedToday_());
  }

  sendEmail(a: unknown, subject?: unknown, body?: unknown, options?: unknown): void {
    const m: Message = typeof a === "object" && a !== null ? { ...(a as Message) } : { ...((options as Message) ?? {}), to: String(a), subject: String(subject ?? ""), body: String(body ?? "") };
    deliver(this.world, m, "MailApp", this.world.exec.effectiveUser);
  }
}

/**
 * GmailApp.sendEmail(recipient, subject, body[, options]) only (no message-object form), returning GmailApp for
 * chaining. A `from` must be one of getAliases(); the fake account has none, so only its own address is accepted.
 */
export class FakeGmailApp extends Fake implements Pick<GoogleAppsScript.Gmail.GmailApp, "sendEmail" | "getAliases"> {
  readonly kind = "GmailApp";

  getAliases(): string[] {
    return [];
  }

  sendEmail(recipient: string, subject: string, body: string, options?: GoogleAppsScript.Gmail.GmailAdvancedOptions): GoogleAppsScript.Gmail.GmailApp {
    const args = [recipient, subject, body, options].filter((x) => x !== undefined);
    if (typeof recipient !== "string" || typeof subject !== "string" || typeof body !== "string" || (options !== undefined && (typeof options !== "object" || options === null))) {
      throw signatureError(args, "GmailApp.sendEmail");
    }
    const o = (options ?? {}) as Message;
    const user = this.world.exec.effectiveUser;
    const from = o.from === undefined ? user : String(o.from);
    if (from.toLowerCase() !== user.toLowerCase() && !this.getAliases().includes(from)) throw gasError(`Invalid argument: ${from}`);
    deliver(this.world, { ...o, to: recipient, subject, body }, "GmailApp", from);
    return asGas(this);
  }
}
