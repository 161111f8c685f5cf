// The billing API's OpenAPI 3.1 document, generated from the same zod schemas the handlers validate
// with, so the document cannot drift from the code. Pure: no database, no `server-only`.
import {
  buildOnce,
  errorResponse,
  json,
  jsonSchema,
  openApiDocument,
  queryParameters,
  ref,
  responses,
} from "@/lib/http/openapi-parts";
import { getEnv } from "@/lib/env";
import { MAX_ACCOUNT_HOUR_MICROS, MAX_SPACE_HOUR_UNITS } from "@/lib/billing/usage-caps";
import type { PlatformTokenScope } from "@/lib/db/schema/usage";
import { BILLING_API_BASE_PATH } from "./paths";
import { platformWebhooksDocument } from "./openapi-webhooks";
import {
  MAX_RECORDS_PER_BATCH,
  MAX_USAGE_BODY_BYTES,
  MAX_USAGE_RANGE_DAYS,
  accountIdSchema,
  accountLookupQuerySchema,
  accountLookupSchema,
  errorSchema,
  ratesSchema,
  standingSchema,
  usageBatchSchema,
  usageQuerySchema,
  usageResultSchema,
  usageSeriesSchema,
} from "./schemas";

const accountParameter = {
  name: "account",
  in: "path",
  required: true,
  description: "The billing account id.",
  schema: jsonSchema(accountIdSchema, "input"),
};

const errorResponses = {
  BadRequest: errorResponse(
    "`validation_failed` (400): a field is not valid; `message` and `details.fields[].path` name it, e.g. `records[3].cpu_ms`. `bad_request` (400): the body is not JSON, or no rate card covers an hour.",
  ),
  Unauthorized: errorResponse(
    "`unauthenticated`: the bearer token is missing, malformed, unknown, revoked, or past the grace period of a rotation.",
  ),
  Forbidden: errorResponse(
    "`forbidden`: the token is valid but lacks the scope this operation needs (`details.required_scope`); nothing is done.",
  ),
  NotFound: errorResponse(
    "`not_found`: the account does not exist. For a usage batch, `details.record` names the record and nothing is stored.",
  ),
  Conflict: errorResponse(
    "`idempotency_conflict`: a record id was already received (or repeats in the batch) with other content. Nothing is stored.",
  ),
  PayloadTooLarge: errorResponse(
    `\`payload_too_large\`: more than ${MAX_RECORDS_PER_BATCH} records, or a body over ${MAX_USAGE_BODY_BYTES} bytes. Nothing is stored.`,
  ),
  UnprocessableEntity: errorResponse(
    `\`usage_limit_exceeded\`: the batch would take one space's units of a resource for one hour past ${MAX_SPACE_HOUR_UNITS}, or one account's cost for one hour past ${MAX_ACCOUNT_HOUR_MICROS} micro-dollars ($10,000,000), counting every record already stored. \`details\` names the record, the hour and the limit. Nothing is stored.`,
  ),
  TooManyRequests: errorResponse(
    "`rate_limited`: this token's per-minute limit is spent; retry after `Retry-After` seconds.",
    {
      "Retry-After": { description: "Seconds until the limit resets.", schema: { type: "integer", minimum: 1 } },
    },
  ),
  ServerError: errorResponse(
    "A problem on our side (`internal`, `unavailable`, …); the message is generic and the detail stays in our logs.",
  ),
};

type ErrorName = keyof typeof errorResponses;

function buildDocument() {
  const tokenErrors: ErrorName[] = ["Unauthorized", "Forbidden", "TooManyRequests"];
  // The scope each operation needs, as an OpenAPI security requirement (for a bearer scheme the array
  // names roles the token must hold) and in words at the end of its description.
  const needs = (scope: PlatformTokenScope) => ({
    security: [{ platformToken: [scope] }],
    "x-required-scope": scope,
  });
  const scopeNote = (scope: PlatformTokenScope) =>
    `Needs a platform token with the \`${scope}\` scope (403 \`forbidden\` without it).`;
  // Configured per deployment (USAGE_MAX_LATENESS_DAYS), so the document states this server's bound.
  const maxLatenessDays = getEnv().usageMaxLatenessDays;
  // Pushed to the platform rather than asked for: lib/platform-events, docs/platform-webhooks.md.
  const platformWebhooks = platformWebhooksDocument((schema) => jsonSchema(schema, "output"));
  return openApiDocument({
    info: {
      title: "Billing API",
      version: "1.1.0",
      description: [
        "How the platform's hosts report usage and enforce account standing.",
        "Amounts are integers in micro-dollars (1 USD = 1,000,000) sent as decimal strings; instants are ISO-8601 UTC.",
        'Errors are `{ "error": { "code", "message", "details"? } }`.',
        "Every endpoint but `/rates` and `/openapi.json` needs `Authorization: Bearer <platform token>` and is rate-limited per token.",
        "Tokens carry scopes: `ingest` for `POST /usage`, `read` for the account reads (`/accounts…`). Each operation's `security` names the scope it needs; a valid token without it gets `403 forbidden`. A rotated token keeps working until the grace period its operator chose, then answers 401 like a revoked one.",
        "Every answer under this base path is JSON: a method a path does not serve is `405 method_not_allowed` with an `Allow` header, a path the API does not have `404 not_found`, and a URL whose percent-encoding does not decode `400 bad_request`.",
      ].join("\n\n"),
    },
    basePath: BILLING_API_BASE_PATH,
    bearer: {
      name: "platformToken",
      format: "ptk_…",
      description:
        "A platform token, created by an operator on /admin/tokens or with `npm run token:create`. It holds one or both scopes: `ingest` (`POST /usage`) and `read` (the `/accounts…` reads).",
    },
    paths: {
      "/usage": {
        post: {
          operationId: "ingestUsage",
          summary: "Report meter records",
          ...needs("ingest"),
          description: [
            `At most ${MAX_RECORDS_PER_BATCH} records a batch, all stored and billed or none. A record whose id was already received with the same content counts as a duplicate; with other content the batch is refused (409).`,
            `Caps (far above any real use; they keep every stored sum inside 64-bit integers): at most ${MAX_SPACE_HOUR_UNITS} units of each resource per space per hour, and at most ${MAX_ACCOUNT_HOUR_MICROS} micro-dollars ($10,000,000) of cost per account per hour, each over all records and batches; a batch that would pass one is refused (422) and nothing is stored.`,
            `Late usage: a record's \`hour\` may be at most ${maxLatenessDays} days before the current hour (this server's \`USAGE_MAX_LATENESS_DAYS\`); a batch holding an older record is refused (400 \`validation_failed\`, \`details.max_lateness_days\` and \`details.fields\` naming each late record) and nothing is stored.`,
            scopeNote("ingest"),
          ].join("\n\n"),
          "x-max-lateness-days": maxLatenessDays,
          "x-usage-caps": {
            space_hour_units: MAX_SPACE_HOUR_UNITS.toString(),
            account_hour_micros: MAX_ACCOUNT_HOUR_MICROS.toString(),
          },
          requestBody: { required: true, content: json(ref("UsageBatch")) },
          responses: responses({ description: "The batch was stored.", schema: ref("UsageResult") }, [
            "BadRequest",
            ...tokenErrors,
            "NotFound",
            "Conflict",
            "PayloadTooLarge",
            "UnprocessableEntity",
          ]),
        },
      },
      "/accounts": {
        get: {
          operationId: "findAccount",
          summary: "Find the billing account of an email",
          ...needs("read"),
          description: scopeNote("read"),
          parameters: queryParameters(accountLookupQuerySchema),
          responses: responses({ description: "The account.", schema: ref("AccountLookup") }, [
            "BadRequest",
            ...tokenErrors,
            "NotFound",
          ]),
        },
      },
      "/accounts/{account}/standing": {
        get: {
          operationId: "getAccountStanding",
          summary: "An account's balance and standing, and each space's",
          ...needs("read"),
          description: [
            "The platform refuses new work for a `frozen` account, and for each space in `spaces` that is `paused` (its monthly budget, the account's monthly budget, or the account frozen); the other spaces keep running.",
            "Fresh within the request that changed it: budgets are checked in the transaction that posts usage. Since 1.1.0 (backwards compatible: `spaces` is a new field, every other field is unchanged, and a v1 client may ignore it).",
            scopeNote("read"),
          ].join("\n\n"),
          parameters: [accountParameter],
          responses: responses({ description: "The standing, fresh as of `as_of`.", schema: ref("Standing") }, [
            "BadRequest",
            ...tokenErrors,
            "NotFound",
          ]),
        },
      },
      "/accounts/{account}/usage": {
        get: {
          operationId: "getAccountUsage",
          summary: "An account's usage as a time series",
          ...needs("read"),
          description: `Units and cost from hourly usage, in UTC hour or day buckets, over at most ${MAX_USAGE_RANGE_DAYS} days.\n\n${scopeNote("read")}`,
          parameters: [accountParameter, ...queryParameters(usageQuerySchema)],
          responses: responses({ description: "The series and its totals.", schema: ref("UsageSeries") }, [
            "BadRequest",
            ...tokenErrors,
            "NotFound",
          ]),
        },
      },
      "/rates": {
        get: {
          operationId: "getRates",
          summary: "The rate card in force",
          description: "Public; may be cached for 60 seconds.",
          security: [],
          responses: responses(
            { description: "The card in force, and the next when one is scheduled.", schema: ref("Rates") },
            [],
          ),
        },
      },
    },
    webhooks: platformWebhooks.webhooks,
    schemas: {
      UsageBatch: jsonSchema(usageBatchSchema, "input"),
      UsageResult: jsonSchema(usageResultSchema, "output"),
      AccountLookup: jsonSchema(accountLookupSchema, "output"),
      Standing: jsonSchema(standingSchema, "output"),
      UsageSeries: jsonSchema(usageSeriesSchema, "output"),
      Rates: jsonSchema(ratesSchema, "output"),
      Error: jsonSchema(errorSchema, "output"),
      ...platformWebhooks.schemas,
    },
    errorResponses,
  });
}

export type OpenApiDocument = ReturnType<typeof buildDocument>;

/** The document, built once per process. */
export const getBillingOpenApiDocument = buildOnce(buildDocument);
