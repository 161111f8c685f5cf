import { getEnv } from "@/lib/env";
import type { EmailTemplate } from "../email-template";
import { EmailButton, EmailHeading, EmailLayout, Paragraph } from "../layout";
import { monthlyStatementFilename } from "./monthly-statement-file";

export type MonthlyStatementData = {
  /** The statement's account and UTC month ("2026-11"): the PDF is drawn from them when the email is sent. */
  accountId: string;
  month: string;
  /** "November 2026". */
  monthLabel: string;
  /** A billing contact's one-click unsubscribe (lib/billing-contacts); absent for the owner. */
  unsubscribeUrl?: string;
};

/** The 1st of the month: last month's statement as a PDF, to the owner and the contacts who asked for it. */
export const monthlyStatementEmail: EmailTemplate<MonthlyStatementData> = {
  subject: (data) => `Your statement for ${data.monthLabel}`,
  Body: (data) => {
    const isContact = data.unsubscribeUrl !== undefined;
    return (
      <EmailLayout
        preview={`The statement of account ${data.accountId} for ${data.monthLabel} is attached as a PDF.`}
        reason={
          isContact
            ? "You got this email because you asked for this Tandem account's monthly statements as one of its billing contacts."
            : "You got this email because monthly statements are on for this Tandem account. Switch them off in the account's settings."
        }
      >
        <EmailHeading>{`Your statement for ${data.monthLabel}`}</EmailHeading>
        <Paragraph>
          {`The statement of account ${data.accountId} for ${data.monthLabel} (UTC days) is attached: ${monthlyStatementFilename(data)}, with the opening balance, every credit, usage by space, refunds and adjustments, and the closing balance.`}
        </Paragraph>
        {isContact ? null : <EmailButton href={`${getEnv().appUrl}/account/statement`}>See the statement</EmailButton>}
      </EmailLayout>
    );
  },
};
