import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getLogger } from "@/lib/observability/logger";
import { getMetrics } from "@/lib/observability/metrics";
import type { EmailAttachment } from "./email-attachments";

export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** A short stable name for metrics and logs, e.g. `magic-link`, `low-balance`. */
  template: string;
  /** A billing contact's one-click unsubscribe link: sent as List-Unsubscribe (RFC 2369) with RFC 8058's one-click header. */
  unsubscribeUrl?: string;
  /** Files sent with the email (the monthly statement's PDF); most emails have none. */
  attachments?: EmailAttachment[];
};

/** The headers that let a mail client offer "Unsubscribe" and post it for the reader (RFC 8058). */
function unsubscribeHeaders(url: string | undefined): Record<string, string> | undefined {
  if (url === undefined) return undefined;
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

const globalForMail = globalThis as unknown as { appMailer?: Transporter };

function getTransport(): Transporter {
  // One code path for every environment: SMTP to SMTP_URL (the mail catcher in demo mode).
  globalForMail.appMailer ??= nodemailer.createTransport(getEnv().smtpUrl);
  return globalForMail.appMailer;
}

/** Sends one email over SMTP; a refusal is a system problem (`dependency_failed`), counted and logged. */
export async function sendEmail(message: EmailMessage): Promise<{ messageId: string }> {
  const metrics = getMetrics();
  try {
    const info = (await getTransport().sendMail({
      from: getEnv().mailFrom,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: unsubscribeHeaders(message.unsubscribeUrl),
      ...(message.attachments?.length
        ? {
            attachments: message.attachments.map((file) => ({
              filename: file.filename,
              content: Buffer.from(file.content),
              contentType: file.contentType,
            })),
          }
        : {}),
    })) as { messageId: string };
    metrics.emailsSent.inc({ template: message.template });
    getLogger().info({ template: message.template, to: message.to }, "email sent");
    return { messageId: info.messageId };
  } catch (error) {
    metrics.emailsFailed.inc({ template: message.template });
    throw new AppError("dependency_failed", { message: "The email could not be sent.", cause: error });
  }
}
