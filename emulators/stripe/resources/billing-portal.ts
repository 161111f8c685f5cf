// /v1/billing_portal/sessions: create a link to the hosted portal page for one customer.
import type Stripe from "stripe";
import { z } from "zod";
import type { ApiHandler } from "../api/api-types";
import { expandObject } from "../core/expand";
import { createId, nowSeconds } from "../core/ids";
import { getCustomerOrThrow } from "../core/lookup";
import { expandParam, idParam, parseParams } from "../http/params";
import type { Route } from "../http/router";

const createSchema = z.strictObject({
  customer: idParam,
  return_url: z.string().optional(),
  configuration: z.string().optional(),
  locale: z.string().optional(),
  expand: expandParam,
});

const createPortalSession: ApiHandler = (emulator, request) => {
  const params = parseParams(createSchema, request.params);
  getCustomerOrThrow(emulator.state, params.customer, "customer");
  const id = createId("bps");
  const session: Stripe.BillingPortal.Session = {
    id,
    object: "billing_portal.session",
    configuration: params.configuration ?? "bpc_emulator",
    created: nowSeconds(),
    customer: params.customer,
    customer_account: null,
    flow: null,
    livemode: false,
    locale: null,
    on_behalf_of: null,
    return_url: params.return_url ?? null,
    url: `${emulator.config.publicUrl}/p/session/${id}`,
  };
  emulator.state.portalSessions[id] = session;
  return expandObject(emulator.state, session, params.expand);
};

export const billingPortalRoutes: Array<Route<ApiHandler>> = [
  { method: "POST", pattern: "/v1/billing_portal/sessions", handler: createPortalSession },
];
