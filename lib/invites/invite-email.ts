import "server-only";
import { renderSimpleEmail } from "@/lib/email/render-simple-email";
import type { EmailMessage } from "@/lib/email/send-email";

export type InviteEmailOptions = { to: string; url: string; expiresAt: Date; invitedBy?: string };

/** The invitation: one link that creates the account and signs in, once, until the invite expires. */
export function renderInviteEmail(options: InviteEmailOptions): EmailMessage {
  const until = options.expiresAt.toLocaleDateString("en-US", { month: "long", day: "numeric", year: "numeric", timeZone: "UTC" });
  const who = options.invitedBy ? `${options.invitedBy} invited you` : "You are invited";
  return renderSimpleEmail({
    to: options.to,
    subject: "Your invitation to Tandem",
    template: "invite",
    heading: `${who} to Tandem`,
    paragraphs: [
      "Tandem is a hosted backend for real-time apps, billed by what you use. Your account comes with $5 of credit to try it.",
      `The link below creates your account and signs you in. It works once, until ${until}. After that, sign in with your email at any time.`,
    ],
    button: { label: "Accept the invitation", url: options.url },
    footer: "If you were not expecting this, ignore this email: no account is created without the link.",
  });
}
