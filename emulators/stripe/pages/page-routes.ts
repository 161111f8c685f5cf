import { createRouter, type Route } from "../http/router";
import { sendHtml } from "../http/send";
import { showCheckoutPage, submitCheckoutPage } from "./checkout-routes";
import { escapeHtml, renderMessagePage, renderPage } from "./html";
import type { PageHandler } from "./page-types";
import { showPortalPage, submitPortalCard, submitPortalDefault, submitPortalRemove } from "./portal-routes";
import { renderReceiptPage } from "./receipt-page";
import { sendCreditNotePdf, showCreditNotePage } from "./credit-note-page";
import { sendInvoicePdf, showInvoicePage } from "./invoice-page";

const showReceipt: PageHandler = (emulator, { res, pathParams }) => {
  const id = pathParams.id ?? "";
  const charge = Object.hasOwn(emulator.state.charges, id) ? emulator.state.charges[id] : undefined;
  if (!charge)
    return sendHtml(res, 404, renderMessagePage("Receipt not found", "There is no receipt at this address."));
  sendHtml(res, 200, renderReceiptPage(charge));
};

const showHome: PageHandler = (emulator, { res }) => {
  sendHtml(
    res,
    200,
    renderPage(
      "Stripe emulator",
      `<h1>Stripe emulator</h1>
<p>API base: <code>${escapeHtml(emulator.config.publicUrl)}/v1</code></p>
<p class="muted">Test controls live under <code>/_emulator/</code>; see emulators/stripe/README.md.</p>`,
    ),
  );
};

const routes: Array<Route<PageHandler>> = [
  { method: "GET", pattern: "/", handler: showHome },
  { method: "GET", pattern: "/c/pay/:id", handler: showCheckoutPage },
  { method: "POST", pattern: "/c/pay/:id", handler: submitCheckoutPage },
  { method: "GET", pattern: "/p/session/:id", handler: showPortalPage },
  { method: "POST", pattern: "/p/session/:id/cards", handler: submitPortalCard },
  { method: "POST", pattern: "/p/session/:id/default", handler: submitPortalDefault },
  { method: "POST", pattern: "/p/session/:id/remove", handler: submitPortalRemove },
  { method: "GET", pattern: "/receipts/:id", handler: showReceipt },
  { method: "GET", pattern: "/i/:id", handler: showInvoicePage },
  { method: "GET", pattern: "/i/:id/pdf", handler: sendInvoicePdf },
  { method: "GET", pattern: "/cn/:id", handler: showCreditNotePage },
  { method: "GET", pattern: "/cn/:id/pdf", handler: sendCreditNotePdf },
];

export const matchPageRoute = createRouter(routes);
