import type { EmailTemplate } from "../email-template";
import { EmailButton, EmailHeading, EmailLayout, Paragraph } from "../layout";

export type InviteEmailData = {
  url: string;
  /** ISO time the invitation (and its link) expires. */
  expiresAt: string;
  /** Who invited them, as they named themselves: a stranger's text, rendered as text only. */
  invitedBy?: string | null;
};

export const inviteEmail: EmailTemplate<InviteEmailData> = {
  subject: () => "Your invitation to Tandem",
  Body: ({ url, expiresAt, invitedBy }) => {
    const until = new Date(expiresAt).toLocaleDateString("en-US", {
      month: "long",
      day: "numeric",
      year: "numeric",
      timeZone: "UTC",
    });
    return (
      <EmailLayout
        preview="Your account comes with $5 of credit to try Tandem."
        reason="You got this email because you were invited to Tandem. If you were not expecting it, ignore it: no account is created without the link."
      >
        <EmailHeading>{invitedBy ? `${invitedBy} invited you to Tandem` : "You are invited to Tandem"}</EmailHeading>
        <Paragraph>
          Tandem is a hosted backend for real-time apps, billed by what you use. Your account comes with $5 of credit to
          try it.
        </Paragraph>
        <Paragraph>
          The link below creates your account and signs you in. It works once, until {until}. After that, sign in with
          your email at any time.
        </Paragraph>
        <EmailButton href={url}>Accept the invitation</EmailButton>
      </EmailLayout>
    );
  },
};
