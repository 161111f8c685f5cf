import type Stripe from "stripe";
import type { EmulatorConfig } from "./config";
import type { EmulatorState } from "./core/state";
import type { FaultInjector } from "./api/fault-injector";
import type { WebhookDispatcher } from "./webhooks/webhook-dispatcher";

// The one context every handler receives. Handlers run synchronously, so `currentRequest` is
// safe to set around a handler call: events created inside it name the API request that caused them.
export type Emulator = {
  config: EmulatorConfig;
  state: EmulatorState;
  webhooks: WebhookDispatcher;
  faults: FaultInjector;
  currentRequest: Stripe.Event.Request | null;
  markChanged: () => void;
};
