import type Stripe from "stripe";
import { TEST_CARDS } from "../cards/test-cards";
import { isAddressCollected } from "../checkout/billing-details";
import type { SessionTotals } from "../checkout/apply-automatic-tax";
import {
  billingFormFields,
  renderBillingFields,
  renderTaxSummary,
  type BillingFormValues,
} from "./checkout-billing-fields";
import { escapeHtml, formatAmount, renderAlert, renderPage } from "./html";

export type CheckoutFormValues = {
  email: string;
  cardNumber: string;
  exp: string;
  cvc: string;
  method: string;
  billing: BillingFormValues;
};

/** What the page shows besides the form: an error, a status line, and the totals with tax. */
export type CheckoutPageState = { error?: string; status?: string; totals: SessionTotals | null };

function renderSummary(
  session: Stripe.Checkout.Session,
  lineItems: Stripe.LineItem[],
  totals: SessionTotals | null,
): string {
  if (session.mode === "setup") {
    return `<h1>Save a card</h1><p class="muted">Your card will be saved for future payments. You will not be charged now.</p>`;
  }
  const items = lineItems
    .map(
      (item) =>
        `<li><span>${escapeHtml(item.description)} × ${item.quantity ?? 1}</span><span>${formatAmount(item.amount_subtotal, item.currency)}</span></li>`,
    )
    .join("");
  return `<h1>Pay</h1>
<p class="total" aria-label="Total due">${formatAmount(totals?.total ?? session.amount_subtotal ?? 0, session.currency ?? "usd")}</p>
<ul class="items" aria-label="Items">${items}</ul>`;
}

function renderMethodChoice(session: Stripe.Checkout.Session, values: CheckoutFormValues): string {
  if (session.mode !== "payment" || !session.payment_method_types.includes("us_bank_account")) {
    return `<input type="hidden" name="method" value="card">`;
  }
  const checked = (method: string) => ((values.method || "card") === method ? " checked" : "");
  return `<fieldset><legend>Payment method</legend>
<label><input type="radio" name="method" value="card"${checked("card")}> Card</label>
<label><input type="radio" name="method" value="delayed"${checked("delayed")}> Bank debit (settles later)</label>
</fieldset>`;
}

function renderTestCardHint(): string {
  const rows = TEST_CARDS.map(
    (card) => `<li><code>${card.number.replace(/(\d{4})(?=\d)/g, "$1 ")}</code> ${escapeHtml(card.label)}</li>`,
  ).join("");
  return `<details class="hint"><summary>Test cards</summary><ul>${rows}</ul></details>`;
}

// No JavaScript: a plain form posting back to the emulator, which redirects on success.
export function renderCheckoutPage(
  session: Stripe.Checkout.Session,
  lineItems: Stripe.LineItem[],
  values: CheckoutFormValues,
  state: CheckoutPageState,
): string {
  const isQuoteMissing = session.automatic_tax.enabled && state.totals === null;
  const submitLabel = session.mode === "setup" ? "Save card" : isQuoteMissing ? "Continue" : "Pay";
  const nameOnCard = isAddressCollected(session)
    ? ""
    : `<label for="name">Name on card</label>
<input type="text" id="name" name="name" autocomplete="cc-name" value="${escapeHtml(values.billing.name)}">`;
  const cancel = session.cancel_url ? `<a class="cancel" href="${escapeHtml(session.cancel_url)}">Cancel</a>` : "";
  return renderPage(
    session.mode === "setup" ? "Save card · Stripe emulator" : "Pay · Stripe emulator",
    `${renderSummary(session, lineItems, state.totals)}
${renderAlert("error", state.error)}
${renderAlert("ok", state.status)}
<form method="post" action="/c/pay/${escapeHtml(session.id)}" novalidate>
<label for="email">Email</label>
<input type="email" id="email" name="email" autocomplete="email" value="${escapeHtml(values.email)}">
${renderBillingFields(session, values.billing)}
${renderMethodChoice(session, values)}
<label for="card_number">Card number</label>
<input type="text" id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" value="${escapeHtml(values.cardNumber)}">
<div class="row">
<div><label for="exp">Expiration (MM / YY)</label>
<input type="text" id="exp" name="exp" inputmode="numeric" autocomplete="cc-exp" placeholder="12 / 34" value="${escapeHtml(values.exp)}"></div>
<div><label for="cvc">CVC</label>
<input type="text" id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="123" value="${escapeHtml(values.cvc)}"></div>
</div>
${nameOnCard}
${renderTaxSummary(session, state.totals, values.billing.quotedCountry)}
<button type="submit" class="primary">${submitLabel}</button>
</form>
${cancel}
${renderTestCardHint()}`,
  );
}

// The stand-in for a bank's 3D Secure challenge: the person confirms or refuses.
export function renderAuthenticationPage(session: Stripe.Checkout.Session, values: CheckoutFormValues): string {
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  return renderPage(
    "Authenticate · Stripe emulator",
    `<h1>Authenticate this ${session.mode === "setup" ? "card" : "payment"}</h1>
<p class="muted">Your bank asks you to confirm it is you (3D Secure test page).</p>
<form method="post" action="/c/pay/${escapeHtml(session.id)}">
${hidden("method", "card")}${hidden("email", values.email)}${hidden("card_number", values.cardNumber)}${hidden("exp", values.exp)}${hidden("cvc", values.cvc)}${hidden("name", values.billing.name)}
${Object.entries(billingFormFields(values.billing))
  .map(([name, value]) => hidden(name, value))
  .join("")}
<div class="actions">
<button type="submit" name="authentication" value="complete">Complete authentication</button>
<button type="submit" class="secondary" name="authentication" value="fail">Fail authentication</button>
</div>
</form>`,
  );
}
