import { MAGIC_LINK_MAX_AGE_SECONDS } from "@/lib/session/session-policy";
import type { EmailTemplate } from "../email-template";
import { EmailButton, EmailHeading, EmailLayout, Paragraph } from "../layout";

export type SignInEmailData = { url: string };

export const signInEmail: EmailTemplate<SignInEmailData> = {
  subject: () => "Your Tandem sign-in link",
  Body: ({ url }) => {
    const minutes = MAGIC_LINK_MAX_AGE_SECONDS / 60;
    return (
      <EmailLayout
        preview={`This link works once, within ${minutes} minutes.`}
        reason="You got this email because someone asked to sign in to Tandem with this address. If it was not you, ignore it: nobody can sign in without the link."
      >
        <EmailHeading>Sign in to Tandem</EmailHeading>
        <Paragraph>This link works once, within {minutes} minutes.</Paragraph>
        <EmailButton href={url}>Sign in</EmailButton>
      </EmailLayout>
    );
  },
};
