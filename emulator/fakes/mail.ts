// MailApp: sends into world.outbox, with the daily recipient quota, the 50-recipient limit and address checks.
import { FakeBlob } from "./blob";
import { gasError } from "./errors";
import { Fake } from "./fake";

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
  /** Effective user (MailApp sends from the account the script runs as). */
  from: string;
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

type Methods = "sendEmail" | "getRemainingDailyQuota";

export class FakeMailApp extends Fake implements Pick<GoogleAppsScript.Mail.MailApp, Methods> {
  readonly kind = "MailApp";

  getRemainingDailyQuota(): number {
    return Math.max(0, this.world.mail.quota - this.world.mailUsedToday_());
  }

  sendEmail(a: unknown, subject?: unknown, body?: unknown, options?: unknown): void {
    const m: Message = typeof a === "object" && a !== null ? { ...(a as Message) } : { ...((options as Message) ?? {}), to: String(a), subject: String(subject ?? ""), body: String(body ?? "") };
    const to = addresses(m.to);
    const cc = addresses(m.cc);
    const bcc = addresses(m.bcc);
    const count = to.length + cc.length + bcc.length;
    if (count === 0) throw gasError("Failed to send email: no recipient");
    if (count > MAX_RECIPIENTS_PER_MESSAGE) throw gasError("Limit Exceeded: Email Recipients Per Message.");
    if (Buffer.byteLength(String(m.body ?? ""), "utf8") + Buffer.byteLength(String(m.htmlBody ?? ""), "utf8") > MAX_BODY_BYTES) {
      throw gasError("Limit Exceeded: Email Body Size.");
    }
    if (this.world.mailUsedToday_() + count > this.world.mail.quota) throw gasError("Service invoked too many times for one day: email.");
    this.world.mailSpend_(count);
    this.world.outbox.push({
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
      from: this.world.exec.effectiveUser,
      at: this.world.now(),
    });
  }
}
