import type Stripe from "stripe";
import { escapeHtml, formatAmount, formatDate, renderAlert, renderPage } from "./html";

export type PortalView = {
  session: Stripe.BillingPortal.Session;
  customer: Stripe.Customer;
  cards: Stripe.PaymentMethod[];
  charges: Stripe.Charge[];
  notice?: string;
  error?: string;
};

const capitalize = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);

function describeCard(method: Stripe.PaymentMethod): string {
  const card = method.card;
  if (!card) return "Payment method";
  return `${capitalize(card.brand)} ending in ${card.last4}, expires ${String(card.exp_month).padStart(2, "0")}/${card.exp_year}`;
}

function renderCards(view: PortalView, action: string): string {
  if (view.cards.length === 0) return `<p class="muted">No saved cards yet.</p>`;
  const defaultId = view.customer.invoice_settings.default_payment_method;
  const rows = view.cards.map((method) => {
    const isDefault = method.id === defaultId;
    const buttons = isDefault
      ? `<strong>Default</strong>`
      : `<form method="post" action="${action}/default"><input type="hidden" name="payment_method" value="${escapeHtml(method.id)}"><button type="submit" class="secondary">Make default</button></form>
<form method="post" action="${action}/remove"><input type="hidden" name="payment_method" value="${escapeHtml(method.id)}"><button type="submit" class="secondary">Remove</button></form>`;
    return `<li><span>${escapeHtml(describeCard(method))}</span><span class="actions">${buttons}</span></li>`;
  });
  return `<ul class="methods" aria-label="Saved cards">${rows.join("")}</ul>`;
}

function renderHistory(charges: Stripe.Charge[]): string {
  const paid = charges.filter((charge) => charge.status !== "failed");
  if (paid.length === 0) return `<p class="muted">No payments yet.</p>`;
  const rows = paid.map((charge) => {
    const refunded =
      charge.amount_refunded > 0 ? ` (refunded ${formatAmount(charge.amount_refunded, charge.currency)})` : "";
    const receipt = charge.receipt_url ? `<a href="${escapeHtml(charge.receipt_url)}">View receipt</a>` : "";
    return `<li><span>${formatDate(charge.created)} · ${formatAmount(charge.amount, charge.currency)} · ${escapeHtml(charge.status)}${escapeHtml(refunded)}</span>${receipt}</li>`;
  });
  return `<ul class="items" aria-label="Payment history">${rows.join("")}</ul>`;
}

export function renderPortalPage(view: PortalView): string {
  const action = `/p/session/${escapeHtml(view.session.id)}`;
  const back = view.session.return_url
    ? `<a class="cancel" href="${escapeHtml(view.session.return_url)}">Return to site</a>`
    : "";
  return renderPage(
    "Billing · Stripe emulator",
    `<h1>Billing</h1>
<p class="muted">${escapeHtml(view.customer.email ?? view.customer.name ?? view.customer.id)}</p>
${renderAlert("ok", view.notice)}${renderAlert("error", view.error)}
<h2>Payment methods</h2>
${renderCards(view, action)}
<h2>Add a card</h2>
<form method="post" action="${action}/cards" novalidate>
<label for="card_number">Card number</label>
<input type="text" id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242">
<div class="row">
<div><label for="exp">Expiration (MM / YY)</label><input type="text" id="exp" name="exp" inputmode="numeric" placeholder="12 / 34"></div>
<div><label for="cvc">CVC</label><input type="text" id="cvc" name="cvc" inputmode="numeric" placeholder="123"></div>
</div>
<button type="submit" class="primary">Add card</button>
</form>
<h2>Payment history</h2>
${renderHistory(view.charges)}
${back}`,
  );
}
