import type { OutboxEmailTemplate } from "@/lib/db/schema";
import type { EmailTemplate, RecipientData } from "../email-template";
import { accountClosedEmail, accountFrozenEmail, accountUnfrozenEmail } from "./account-control";
import { accountAdjustmentEmail } from "./account-adjustment";
import { autoRechargePausedEmail } from "./auto-recharge-paused";
import { budgetAlertEmail } from "./budget-alert";
import { billingContactConfirmEmail } from "./billing-contact-confirm";
import { inviteEmail } from "./invite";
import { monthlyStatementEmail } from "./monthly-statement";
import { invoiceEmail } from "./invoice";
import {
  paymentDisputeOpenedEmail,
  paymentDisputeWonEmail,
  paymentReceiptEmail,
  paymentRefundEmail,
} from "./payment-notice";
import { priceRiseEmail } from "./price-rise";
import { runwayAlertEmail } from "./runway-alert";
import { spendAnomalyEmail } from "./spend-anomaly";
import { signInEmail } from "./sign-in";
import { standingChangeEmail } from "./standing-change";
import { waitlistCapacityEmail, waitlistJoinedEmail } from "./waitlist";

// Every outbox template (lib/db/schema/email-outbox.ts) and how it is drawn. The four standing
// templates are one email kind worded by the change; they keep their own names for metrics and the
// per-choice filtering (lib/billing/drop-unwanted-standing-emails.ts).
export const emailTemplates = {
  "magic-link": signInEmail,
  invite: inviteEmail,
  "waitlist-joined": waitlistJoinedEmail,
  "waitlist-capacity": waitlistCapacityEmail,
  "payment-receipt": paymentReceiptEmail,
  "payment-refund": paymentRefundEmail,
  "payment-dispute-opened": paymentDisputeOpenedEmail,
  "payment-dispute-won": paymentDisputeWonEmail,
  "standing-active": standingChangeEmail,
  "standing-low": standingChangeEmail,
  "standing-grace": standingChangeEmail,
  "standing-frozen": standingChangeEmail,
  "auto-recharge-paused": autoRechargePausedEmail,
  "account-frozen": accountFrozenEmail,
  "account-unfrozen": accountUnfrozenEmail,
  "account-closed": accountClosedEmail,
  "account-adjustment": accountAdjustmentEmail,
  "price-rise": priceRiseEmail,
  "budget-alert": budgetAlertEmail,
  "runway-alert": runwayAlertEmail,
  "spend-anomaly": spendAnomalyEmail,
  "billing-contact-confirm": billingContactConfirmEmail,
  "monthly-statement": monthlyStatementEmail,
  invoice: invoiceEmail,
} satisfies Record<OutboxEmailTemplate, EmailTemplate<never>>;

/** The data a template is drawn from, as the outbox row stores it (with a contact's unsubscribe link, if any). */
export type EmailData<T extends OutboxEmailTemplate> = Parameters<(typeof emailTemplates)[T]["subject"]>[0] & RecipientData;
