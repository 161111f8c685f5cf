import { getEnv } from "@/lib/env";
import { formatCents } from "@/lib/format/money";
import type { EmailTemplate, MicrosText } from "../email-template";
import { EmailButton, EmailHeading, EmailLayout, Figures, Paragraph, SecondaryLink } from "../layout";
import { StandingNote, type StandingChangeNote } from "./standing-change";

/**
 * An operator's manual adjustment that carries a note for the customer (lib/adjustments): sent only then,
 * and it says what the same posting did to the account's standing (one money event, one email). The
 * operators' own reason never reaches this data.
 */
export type AccountAdjustmentData = {
  direction: "credit" | "debit";
  amountMicros: MicrosText;
  balanceMicros: MicrosText;
  /** The customer-visible note, as the statement shows it. */
  note: string;
  standing?: StandingChangeNote;
};

function headline(data: AccountAdjustmentData): string {
  const amount = formatCents(BigInt(data.amountMicros));
  return data.direction === "credit" ? `${amount} credited to your balance` : `${amount} taken off your balance`;
}

export const accountAdjustmentEmail: EmailTemplate<AccountAdjustmentData> = {
  subject: (data) => {
    const subject = `Tandem adjusted your balance: ${headline(data)}`;
    return data.standing?.to === "frozen" ? `${subject}: your apps are frozen` : subject;
  },
  Body: (data) => {
    const statement = `${getEnv().appUrl}/account/statement`;
    const body =
      data.direction === "credit" ? "We added credit to your account by hand." : "We corrected your balance by hand.";
    return (
      <EmailLayout
        preview={`${headline(data)}. ${data.note}`}
        reason="You got this email because we adjusted your Tandem balance and left you a note about it."
      >
        <EmailHeading>{headline(data)}</EmailHeading>
        <Paragraph>{body} Our note:</Paragraph>
        <Paragraph>{data.note}</Paragraph>
        <Figures
          rows={[
            [data.direction === "credit" ? "Credited" : "Debited", formatCents(BigInt(data.amountMicros))],
            ["Balance now", formatCents(BigInt(data.balanceMicros))],
          ]}
        />
        {data.standing ? <StandingNote {...data.standing} /> : null}
        {data.standing?.to === "frozen" ? (
          <SecondaryLink href={statement}>See your statement</SecondaryLink>
        ) : (
          <EmailButton href={statement}>See your statement</EmailButton>
        )}
      </EmailLayout>
    );
  },
};
