import { createRouter, type Route } from "../http/router";
import { paymentIntentRoutes } from "../resources/payment-intents";
import { billingPortalRoutes } from "../resources/billing-portal";
import { chargeRoutes } from "../resources/charges";
import { checkoutSessionRoutes } from "../resources/checkout-sessions";
import { customerRoutes } from "../resources/customers";
import { disputeRoutes } from "../resources/disputes";
import { eventRoutes } from "../resources/events";
import { paymentMethodRoutes } from "../resources/payment-methods";
import { refundRoutes } from "../resources/refunds";
import { setupIntentRoutes } from "../resources/setup-intents";
import { taxIdRoutes } from "../resources/tax-ids";
import { creditNoteRoutes } from "../resources/credit-notes";
import { invoiceRoutes } from "../resources/invoices";
import { invoiceItemRoutes } from "../resources/invoice-items";
import { invoicePaymentRoutes } from "../resources/invoice-payments";
import type { ApiHandler } from "./api-types";

const routes: Array<Route<ApiHandler>> = [
  ...customerRoutes,
  ...paymentMethodRoutes,
  ...checkoutSessionRoutes,
  ...paymentIntentRoutes,
  ...setupIntentRoutes,
  ...chargeRoutes,
  ...refundRoutes,
  ...disputeRoutes,
  ...eventRoutes,
  ...billingPortalRoutes,
  ...taxIdRoutes,
  ...invoiceRoutes,
  ...invoiceItemRoutes,
  ...invoicePaymentRoutes,
  ...creditNoteRoutes,
];

export const matchApiRoute = createRouter(routes);
