import type Stripe from "stripe";
import { escapeHtml, formatAmount, formatDate, renderPage } from "./html";

export function renderReceiptPage(charge: Stripe.Charge): string {
  const card = charge.payment_method_details?.card;
  const bank = charge.payment_method_details?.us_bank_account;
  const method = card
    ? `${card.brand ?? "card"} •••• ${card.last4 ?? ""}`
    : bank
      ? `Bank account •••• ${bank.last4 ?? ""}`
      : "—";
  const refunded =
    charge.amount_refunded > 0
      ? `<dt>Refunded</dt><dd>${formatAmount(charge.amount_refunded, charge.currency)}</dd>`
      : "";
  return renderPage(
    "Receipt · Stripe emulator",
    `<h1>Receipt</h1>
<p class="total">${formatAmount(charge.amount, charge.currency)}</p>
<dl>
<dt>Date paid</dt><dd>${formatDate(charge.created)}</dd>
<dt>Payment method</dt><dd>${escapeHtml(method)}</dd>
<dt>Status</dt><dd>${escapeHtml(charge.status)}</dd>
${refunded}
<dt>Receipt for</dt><dd>${escapeHtml(charge.description ?? charge.id)}</dd>
</dl>`,
  );
}
