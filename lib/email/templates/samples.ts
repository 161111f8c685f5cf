import type { OutboxEmailTemplate } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import type { EmailData } from ".";

export type EmailSamples = { [T in OutboxEmailTemplate]: EmailData<T> };

/** Sample data for every template: what `npm run email:preview` draws and the template tests check. */
export function emailSamples(): EmailSamples {
  const { appUrl, authUrl } = getEnv();
  return {
    "magic-link": { url: `${authUrl}/api/auth/callback/nodemailer?token=sample-token&email=ada%40example.com` },
    invite: {
      url: `${authUrl}/api/auth/callback/nodemailer?token=sample-invite`,
      expiresAt: "2026-12-20T12:00:00.000Z",
      invitedBy: "Ada Lovelace",
    },
    "waitlist-joined": { withdrawUrl: `${appUrl}/waitlist/withdraw?token=sample-withdraw` },
    "waitlist-capacity": {},
    "payment-receipt": {
      amountMicros: "25000000",
      balanceMicros: "30000000",
      receiptUrl: "https://pay.stripe.com/receipts/sample",
      isAutoRecharge: false,
    },
    "payment-refund": { amountMicros: "10000000", balanceMicros: "2500000", standing: { from: "active", to: "low" } },
    "payment-dispute-opened": {
      amountMicros: "25000000",
      balanceMicros: "-6250000",
      standing: { from: "active", to: "frozen", unfreezeMicros: "5000000" },
    },
    "payment-dispute-won": {
      amountMicros: "25000000",
      balanceMicros: "18750000",
      standing: { from: "frozen", to: "active" },
    },
    "standing-active": { from: "low", to: "active", balanceMicros: "12000000" },
    "standing-low": { from: "active", to: "low", balanceMicros: "4990000" },
    "standing-grace": { from: "low", to: "grace", balanceMicros: "-120000" },
    "standing-frozen": { from: "grace", to: "frozen", balanceMicros: "-5000000", unfreezeMicros: "5000000" },
    "auto-recharge-paused": {
      amountMicros: "20000000",
      reason: "authentication_required",
      checkoutUrl: "http://127.0.0.1:12111/checkout/cs_sample",
      balanceMicros: "3000000",
    },
    "account-frozen": { reason: "Usage from a stolen card is under review." },
    "account-unfrozen": { state: "active", balanceMicros: "12000000" },
    "account-closed": { reason: "Closed at the customer's written request.", remainingMicros: "7500000" },
    "account-adjustment": {
      direction: "credit",
      amountMicros: "10000000",
      balanceMicros: "35000000",
      note: "Sorry about Tuesday's outage: this covers the hours your apps could not run.",
    },
    "price-rise": {
      version: 2,
      effectiveFrom: "2027-01-01T00:00:00.000Z",
      rises: [{ name: "Compute", before: "$0.04 per CPU-hour", after: "$0.05 per CPU-hour" }],
    },
    "budget-alert": {
      space: "whiteboard",
      budgetMicros: "2000000",
      spendMicros: "2010000",
      percent: 100,
      action: "pause",
      isPaused: true,
      pausedSpaces: 1,
      month: "2026-12",
    },
    "runway-alert": { balanceMicros: "12400000", perDayMicros: "2300000", days: 5, withinDays: 7, windowDays: 7 },
    "spend-anomaly": {
      day: "2026-12-05",
      costMicros: "31500000",
      medianMicros: "2100000",
      isToday: false,
    },
    "billing-contact-confirm": {
      confirmUrl: `${appUrl}/contacts/confirm?token=sample-confirm`,
      accountLabel: "a••@example.com",
      expiresAt: "2026-12-20T12:00:00.000Z",
    },
    "monthly-statement": { accountId: "acct_sample", month: "2026-11", monthLabel: "November 2026" },
    invoice: {
      number: "TNDM-0042",
      subtotalMicros: "50000000",
      taxMicros: "9500000",
      totalMicros: "59500000",
      issuedAt: "2026-12-06T10:00:00.000Z",
      hostedInvoiceUrl: "https://invoice.stripe.com/i/sample",
      invoicePdfUrl: "https://pay.stripe.com/invoice/sample/pdf",
    },
  };
}
