import Stripe from "stripe";
import { createId, nowSeconds } from "../core/ids";
import type { Emulator } from "../emulator";

type EventOf<T extends Stripe.Event.Type> = Extract<Stripe.Event, { type: T }>;
type EventObject<T extends Stripe.Event.Type> = EventOf<T>["data"]["object"];
type PreviousAttributes<T extends Stripe.Event.Type> = EventOf<T>["data"]["previous_attributes"];

// Stores the event (a snapshot of the object at this moment) and hands it to webhook delivery.
export function recordEvent<T extends Stripe.Event.Type>(
  emulator: Emulator,
  type: T,
  object: EventObject<T>,
  previousAttributes?: PreviousAttributes<T>,
): EventOf<T> {
  const data = previousAttributes
    ? { object: structuredClone(object), previous_attributes: previousAttributes }
    : { object: structuredClone(object) };
  const base: Stripe.EventBase = {
    id: createId("evt"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created: nowSeconds(),
    data,
    livemode: false,
    pending_webhooks: emulator.webhooks.countEndpoints(),
    request: emulator.currentRequest ?? { id: null, idempotency_key: null },
    type,
  };
  // TypeScript cannot tie the generic `type` to its member of the Event union; the parameters
  // above already make the object match the type, so widening through unknown is sound.
  const event = base as unknown as EventOf<T>;
  emulator.state.events[event.id] = event;
  emulator.webhooks.enqueue(event);
  emulator.markChanged();
  return event;
}

// Stripe's `previous_attributes`: the old value of every top-level field that changed.
export function diffAttributes<T extends object>(before: T, after: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = before[key];
  }
  return changed;
}
