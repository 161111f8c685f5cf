// The `webhooks` of the billing API's OpenAPI 3.1 document: the standing changes pushed to the platform
// (lib/platform-events), described from zod schemas like the rest of the document. Pure: no database,
// no `server-only`.
import { z } from "zod";
import { standingStates } from "@/lib/db/schema/billing-accounts";
import { MAX_PLATFORM_WEBHOOK_ATTEMPTS, PLATFORM_WEBHOOK_TIMEOUT_MS } from "@/lib/platform-events/platform-webhook-retry";
import { PLATFORM_WEBHOOK_TOLERANCE_SECONDS } from "@/lib/platform-events/verify-platform-webhook";
import { accountIdSchema, decimalStringSchema } from "./schemas";

const eventFields = {
  id: z.string().regex(/^evt_[0-9]+$/).meta({ description: "The event's id, the same on every retry of it (also the `Webhook-Id` header): dedupe by it." }),
  account: accountIdSchema,
  sequence: z
    .int()
    .min(1)
    .meta({ description: "Increases by one with each event of this account. A delivery whose sequence is lower than one you already applied is late: ignore it. A gap means an event was given up on: GET the standing." }),
  created_at: z.iso.datetime({ offset: true }).meta({ description: "When the change was committed (ISO-8601 UTC)." }),
};

export const accountStandingChangedSchema = z
  .object({
    ...eventFields,
    type: z.literal("account.standing_changed"),
    data: z.object({
      state: z.enum(standingStates).meta({ description: "The account's standing now: the platform refuses new work while `frozen`." }),
      previous_state: z.enum(standingStates),
      balance_micros: decimalStringSchema.meta({ description: "The balance, in micro-dollars as a decimal string, that made the change." }),
    }),
  })
  .meta({ description: "An account's standing changed (a balance crossed a threshold, an operator froze or unfroze it, it was closed)." });

export const spaceStandingChangedSchema = z
  .object({
    ...eventFields,
    type: z.literal("space.standing_changed"),
    data: z.object({
      space: z.string().meta({ description: "The space's name, as the platform sends it with usage." }),
      state: z.enum(["active", "paused"]).meta({ description: "`paused`: the space is read-only until it is resumed." }),
      previous_state: z.enum(["active", "paused"]),
      reason: z
        .enum(["budget", "account_budget"])
        .nullable()
        .meta({ description: "Why it is paused: its own budget or the account's; null when active." }),
    }),
  })
  .meta({ description: "A space was paused at its budget (or the account's) or resumed." });

const signatureDescription = [
  "Every delivery is a `POST` of the event as JSON (`Content-Type: application/json`) to the deployment's `PLATFORM_WEBHOOK_URL`, with two headers:",
  "`Webhook-Id`: the event's `id`. `Webhook-Signature`: `t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\" with PLATFORM_WEBHOOK_SECRET>`.",
  `Verify the raw body before parsing it, compare in constant time and refuse a \`t\` more than ${PLATFORM_WEBHOOK_TOLERANCE_SECONDS} seconds from your clock (docs/platform-webhooks.md has the code).`,
  `Answer any 2xx within ${PLATFORM_WEBHOOK_TIMEOUT_MS / 1000} seconds to acknowledge; anything else (or no answer) is retried with backoff from 10 s to hourly, ${MAX_PLATFORM_WEBHOOK_ATTEMPTS} tries in all (about 21 hours). Deliveries are at least once and in sequence order per account.`,
].join("\n\n");

const headerParameters = [
  { name: "Webhook-Id", in: "header", required: true, description: "The event's id (`evt_…`): the same on every retry.", schema: { type: "string" } },
  {
    name: "Webhook-Signature",
    in: "header",
    required: true,
    description: "`t=<unix seconds>,v1=<hex HMAC-SHA256(secret, \"<t>.<raw body>\")>`.",
    schema: { type: "string", pattern: "^t=[0-9]+(,v1=[0-9a-f]{64})+$" },
  },
];

type JsonSchemaOf = (schema: z.ZodType) => Record<string, unknown>;

function operation(summary: string, schemaName: string) {
  return {
    post: {
      operationId: schemaName.charAt(0).toLowerCase() + schemaName.slice(1),
      summary,
      description: signatureDescription,
      parameters: headerParameters,
      requestBody: { required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${schemaName}` } } } },
      responses: {
        "2XX": { description: "Acknowledged: the event is not sent again." },
        default: { description: "Not acknowledged: the event is retried with backoff." },
      },
    },
  };
}

/** The document's `webhooks` and the schemas they refer to, for openapi.ts to merge. */
export function platformWebhooksDocument(toJsonSchema: JsonSchemaOf) {
  return {
    webhooks: {
      "account.standing_changed": operation("An account's standing changed", "AccountStandingChanged"),
      "space.standing_changed": operation("A space was paused or resumed", "SpaceStandingChanged"),
    },
    schemas: {
      AccountStandingChanged: toJsonSchema(accountStandingChangedSchema),
      SpaceStandingChanged: toJsonSchema(spaceStandingChangedSchema),
    },
  };
}
