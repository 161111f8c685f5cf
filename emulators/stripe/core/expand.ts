import { invalidRequestError } from "./errors";
import { findObjectById } from "./lookup";
import type { EmulatorState } from "./state";

type JsonObject = Record<string, unknown>;

// Fields that are not ids but that Stripe fills in only when asked (`expand[]=line_items`).
type VirtualField = (state: EmulatorState, owner: JsonObject) => unknown;

const virtualFields: Record<string, Record<string, VirtualField>> = {
  "checkout.session": {
    line_items: (state, owner) => {
      const id = String(owner.id);
      return {
        object: "list",
        data: structuredClone(state.checkoutExtras[id]?.lineItems ?? []),
        has_more: false,
        url: `/v1/checkout/sessions/${id}/line_items`,
      };
    },
  },
  // Stripe returns an invoice's payments only when asked (`expand[]=payments`).
  invoice: {
    payments: (state, owner) => {
      const id = String(owner.id);
      return {
        object: "list",
        data: structuredClone(Object.values(state.invoicePayments).filter((payment) => payment.invoice === id)),
        has_more: false,
        url: `/v1/invoice_payments?invoice=${id}`,
      };
    },
  },
};

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function expandPath(state: EmulatorState, owner: JsonObject, segments: string[], fullPath: string): void {
  const [field, ...rest] = segments;
  if (field === undefined) return;
  if (field === "data" && owner.object === "list" && Array.isArray(owner.data)) {
    for (const item of owner.data) if (isObject(item)) expandPath(state, item, rest, fullPath);
    return;
  }
  const virtual = virtualFields[String(owner.object)]?.[field];
  let value = owner[field];
  if (virtual && rest.length === 0) {
    owner[field] = virtual(state, owner);
    return;
  }
  if (typeof value === "string") {
    const found = findObjectById(state, value);
    if (!found) return;
    value = structuredClone(found);
    owner[field] = value;
  } else if (value === undefined || (value !== null && !isObject(value))) {
    throw invalidRequestError(`This property cannot be expanded (${fullPath}).`, { param: "expand" });
  }
  if (isObject(value) && rest.length > 0) expandPath(state, value, rest, fullPath);
}

// Returns a copy of `object` with each `expand[]` path (dot separated, up to 4 levels as in
// Stripe) replaced by the object its id names.
export function expandObject<T extends object>(state: EmulatorState, object: T, expand: string[] | undefined): T {
  if (!expand || expand.length === 0) return object;
  const copy = structuredClone(object) as T & JsonObject;
  for (const path of expand) {
    const segments = path.split(".");
    if (segments.length > 4) {
      throw invalidRequestError(`You cannot expand more than 4 levels of a property (${path}).`, { param: "expand" });
    }
    expandPath(state, copy, segments, path);
  }
  return copy;
}
