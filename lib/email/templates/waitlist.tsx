import { getEnv } from "@/lib/env";
import type { EmailTemplate } from "../email-template";
import { EmailButton, EmailHeading, EmailLayout, Paragraph, SecondaryLink } from "../layout";

export type WaitlistJoinedData = { withdrawUrl: string };

// The main action is something worth doing while waiting; leaving is there, but small.
export const waitlistJoinedEmail: EmailTemplate<WaitlistJoinedData> = {
  subject: () => "You are on the Tandem waitlist",
  Body: ({ withdrawUrl }) => (
    <EmailLayout
      preview="When it is your turn you will get an invitation at this address."
      reason="You got this email because this address was put on the Tandem waitlist. If that was not you, use the link above to take it off."
    >
      <EmailHeading>You are on the Tandem waitlist</EmailHeading>
      <Paragraph>
        Thanks for asking for access. We open Tandem to a few builders at a time; when it is your turn you will get an
        invitation at this address.
      </Paragraph>
      <Paragraph>
        Meanwhile, see how you would pay: prepaid credit, used by the hour for what your app actually uses.
      </Paragraph>
      <EmailButton href={`${getEnv().appUrl}/blog/how-billing-works`}>Read how billing works</EmailButton>
      <SecondaryLink href={withdrawUrl}>Changed your mind? Leave the waitlist</SecondaryLink>
    </EmailLayout>
  ),
};

export type WaitlistCapacityData = Record<string, never>;

export const waitlistCapacityEmail: EmailTemplate<WaitlistCapacityData> = {
  subject: () => "Tandem is at capacity: you are on the waitlist",
  Body: () => (
    <EmailLayout
      preview="No sign-in link was sent; you are on the waitlist."
      reason="You got this email because someone asked to sign in to Tandem with this address. If it was not you, ignore it."
    >
      <EmailHeading>Tandem is full for now</EmailHeading>
      <Paragraph>
        You asked to sign in to Tandem, but we have reached the number of accounts we can take during the preview, so no
        sign-in link was sent.
      </Paragraph>
      <Paragraph>
        We have put this address on the waitlist. When there is room you will get an invitation here.
      </Paragraph>
      <EmailButton href={`${getEnv().appUrl}/blog/how-billing-works`}>Read how billing works</EmailButton>
    </EmailLayout>
  ),
};
