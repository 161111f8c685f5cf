import "server-only";
import { formatMicros } from "@/lib/billing/rate-units";
import { sendEmail } from "@/lib/email/send-email";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/observability/logger";
import type { BillingOwner } from "./get-billing-account-for-user";

export type PaymentNotice =
  | { kind: "receipt"; amountMicros: bigint; balanceMicros: bigint; receiptUrl: string | null }
  | { kind: "refund"; amountMicros: bigint; balanceMicros: bigint }
  | { kind: "dispute_opened"; amountMicros: bigint; balanceMicros: bigint }
  | { kind: "dispute_won"; amountMicros: bigint; balanceMicros: bigint };

function compose(notice: PaymentNotice): { subject: string; lines: string[] } {
  const amount = formatMicros(notice.amountMicros);
  const balance = `Your balance is now ${formatMicros(notice.balanceMicros)}.`;
  switch (notice.kind) {
    case "receipt":
      return {
        subject: `Receipt: ${amount} added to your Tandem balance`,
        lines: [
          `Thank you: ${amount} of prepaid credit was added to your account.`,
          balance,
          ...(notice.receiptUrl ? [`Card receipt: ${notice.receiptUrl}`] : []),
        ],
      };
    case "refund":
      return { subject: `Refund: ${amount} returned to your card`, lines: [`${amount} was refunded to your card and taken off your prepaid credit.`, balance] };
    case "dispute_opened":
      return {
        subject: `A ${amount} payment to Tandem is disputed`,
        lines: [`Your bank disputed a ${amount} top-up, so that credit is on hold while the dispute is open.`, balance],
      };
    case "dispute_won":
      return { subject: `Dispute closed: ${amount} credit restored`, lines: [`The dispute over a ${amount} top-up was closed in our favour, so the credit is back.`, balance] };
  }
}

/**
 * Emails the account owner about a money movement. Called once per movement (by whichever caller
 * posted it); a failed send is logged and counted, never thrown: the money has already moved.
 */
export async function sendPaymentEmail(owner: BillingOwner, notice: PaymentNotice): Promise<void> {
  const { subject, lines } = compose(notice);
  const text = [...lines, "", `Billing: ${getEnv().appUrl}/account/billing`].join("\n");
  try {
    await sendEmail({ to: owner.email, subject, text, template: `payment-${notice.kind.replace("_", "-")}` });
  } catch (error) {
    getLogger().error({ err: error, account: owner.accountId, kind: notice.kind }, "payment email failed");
  }
}
