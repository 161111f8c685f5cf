import type { EmailTemplate } from "../email-template";
import { EmailButton, EmailHeading, EmailLayout, Paragraph } from "../layout";

/**
 * The link a new billing contact follows before anything else is sent to it (lib/billing-contacts).
 * `accountLabel` names the account by its owner's masked address: the reader can tell whose it is, and
 * a stranger who gets it by mistake learns no one's address.
 */
export type BillingContactConfirmData = { confirmUrl: string; accountLabel: string; expiresAt: string };

const day = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

export const billingContactConfirmEmail: EmailTemplate<BillingContactConfirmData> = {
  subject: () => "Confirm this address for Tandem receipts and alerts",
  Body: ({ confirmUrl, accountLabel, expiresAt }) => (
    <EmailLayout
      preview={`${accountLabel} asked for this address to get the receipts and alerts of their Tandem account.`}
      reason="You got this email because a Tandem customer added this address as a billing contact. If you do not expect it, ignore it: nothing more is sent unless you confirm."
    >
      <EmailHeading>Get this account&apos;s receipts and alerts?</EmailHeading>
      <Paragraph>
        The owner of the Tandem account {accountLabel} added this address as a billing contact. Once you confirm, it gets
        the account&apos;s payment receipts, refunds and spend alerts. You do not need to sign in, and every email has a
        link to stop them.
      </Paragraph>
      <EmailButton href={confirmUrl}>Confirm this address</EmailButton>
      <Paragraph>{`The link works once, until ${day.format(new Date(expiresAt))}.`}</Paragraph>
    </EmailLayout>
  ),
};
