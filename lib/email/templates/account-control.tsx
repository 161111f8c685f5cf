import { getEnv } from "@/lib/env";
import { formatCents } from "@/lib/format/money";
import type { EmailTemplate, MicrosText } from "../email-template";
import { Callout, EmailButton, EmailHeading, EmailLayout, Figures, Paragraph, SecondaryLink } from "../layout";
import type { StandingName } from "./standing-change";

// What an operator did to a customer's account (issue 18, lib/account-controls): frozen, unfrozen or
// closed, each with the operator's reason, which the admin form tells the operator the customer reads.

export type AccountFrozenData = { reason: string };
export type AccountUnfrozenData = { state: StandingName; balanceMicros: MicrosText };
export type AccountClosedData = { reason: string; remainingMicros: MicrosText };

const WHY = "You got this email because an operator changed your Tandem account.";

export const accountFrozenEmail: EmailTemplate<AccountFrozenData> = {
  subject: () => "Your Tandem account is frozen",
  Body: (data) => (
    <EmailLayout preview="An operator froze your account: your apps are read-only." reason={WHY}>
      <EmailHeading>Your account is frozen</EmailHeading>
      <Callout tone="danger" title="Your apps are read-only until we lift the freeze.">
        Nothing is deleted. A top-up does not lift this freeze: write to us and we will look at it with you.
      </Callout>
      <Figures rows={[["Reason", data.reason]]} />
      <EmailButton href={`${getEnv().appUrl}/account`} tone="danger">
        See your account
      </EmailButton>
    </EmailLayout>
  ),
};

export const accountUnfrozenEmail: EmailTemplate<AccountUnfrozenData> = {
  subject: () => "Your Tandem account is no longer frozen",
  Body: (data) => {
    const balance = formatCents(BigInt(data.balanceMicros));
    const isStillFrozen = data.state === "frozen";
    return (
      <EmailLayout preview="An operator lifted the freeze on your account." reason={WHY}>
        <EmailHeading>The freeze is lifted</EmailHeading>
        {isStillFrozen ? (
          <Callout tone="warning" title="Your balance is still at its overdraft floor.">
            Your apps stay read-only until a top-up lifts the balance above it.
          </Callout>
        ) : (
          <Paragraph>Your apps accept work again.</Paragraph>
        )}
        <Figures rows={[["Balance", balance]]} />
        <EmailButton href={`${getEnv().appUrl}/account`}>See your account</EmailButton>
      </EmailLayout>
    );
  },
};

export const accountClosedEmail: EmailTemplate<AccountClosedData> = {
  subject: () => "Your Tandem account is closed",
  Body: (data) => (
    <EmailLayout preview="An operator closed your account." reason={WHY}>
      <EmailHeading>Your account is closed</EmailHeading>
      <Callout tone="danger" title="Your apps are stopped and you can no longer sign in.">
        Your statement is kept, as the law asks; we no longer hold your name or this address.
      </Callout>
      <Figures
        rows={[
          ["Reason", data.reason],
          ["Credit left at closing", formatCents(BigInt(data.remainingMicros))],
        ]}
      />
      <Paragraph>If you think this is a mistake, or want the credit left, reply to the address below.</Paragraph>
      <SecondaryLink href={getEnv().appUrl}>{getEnv().company.name}</SecondaryLink>
    </EmailLayout>
  ),
};
