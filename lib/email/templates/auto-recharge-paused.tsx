import { getEnv } from "@/lib/env";
import { formatCents } from "@/lib/format/money";
import type { EmailTemplate, MicrosText } from "../email-template";
import { Callout, EmailButton, EmailHeading, EmailLayout, Figures, Paragraph, SecondaryLink } from "../layout";

export type AutoRechargePausedData = {
  amountMicros: MicrosText;
  reason: "card_declined" | "authentication_required" | "no_card" | "billing_address_missing";
  /** A Checkout session for the same amount, which saves the card and resumes auto-recharge. */
  checkoutUrl: string;
  /** The balance when the email was recorded: the low balance the recharge was meant to lift. */
  balanceMicros?: MicrosText;
};

const REASON: Record<AutoRechargePausedData["reason"], string> = {
  card_declined: "your card was declined",
  authentication_required: "your bank asked to confirm the payment, which needs you to be there",
  no_card: "there is no saved card on your account",
  billing_address_missing: "tax is worked out from your billing address, and your account has none yet",
};

export const autoRechargePausedEmail: EmailTemplate<AutoRechargePausedData> = {
  subject: (data) =>
    data.reason === "billing_address_missing" ? "Auto-recharge paused: your billing address is needed" : "Auto-recharge paused: your card needs attention",
  Body: (data) => {
    const amount = formatCents(BigInt(data.amountMicros));
    return (
      <EmailLayout
        preview={`We could not add ${amount}: ${REASON[data.reason]}.`}
        reason="You got this email because auto-recharge is on for your Tandem account and a charge failed."
      >
        <EmailHeading>Auto-recharge paused</EmailHeading>
        <Callout tone="warning" title={`We tried to add ${amount} to your balance, but ${REASON[data.reason]}.`}>
          Auto-recharge is paused, so nothing else will be charged until you act.
        </Callout>
        {data.balanceMicros !== undefined ? (
          <Figures rows={[["Balance", formatCents(BigInt(data.balanceMicros))]]} />
        ) : null}
        <Paragraph>Pay {amount} with a card now: it is saved, and auto-recharge resumes.</Paragraph>
        <EmailButton href={data.checkoutUrl}>{`Pay ${amount}`}</EmailButton>
        <SecondaryLink href={`${getEnv().appUrl}/account/billing`}>
          Or change your card and resume on the billing page
        </SecondaryLink>
      </EmailLayout>
    );
  },
};
