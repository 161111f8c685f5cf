// The account API's OpenAPI 3.1 document (/api/account/v1, personal API keys), generated from the same
// zod schemas the handlers answer with, the way lib/billing/api/openapi.ts is, so it cannot drift.
import { type z } from "zod";
import {
  buildOnce,
  errorResponse,
  jsonSchema,
  openApiDocument,
  queryParameters,
  ref,
  responses,
} from "@/lib/http/openapi-parts";
import { ACCOUNT_API_RATE_LIMITS } from "@/lib/api-keys/authorize-account-api-request";
import { ACCOUNT_API_BASE_PATH } from "@/lib/api-keys/paths";
import { MAX_ACTIVE_API_KEYS } from "@/lib/api-keys/api-key-format";
import { errorSchema } from "@/lib/billing/api/schemas";
import {
  accountIdSchema,
  accountSchema,
  accountUsageParamsSchema,
  budgetsResponseSchema,
  statementApiQuerySchema,
  statementResponseSchema,
  usageResponseSchema,
} from "./schemas";

const accountParameter = {
  name: "account",
  in: "path",
  required: true,
  description: "Your billing account id (the key's own; any other answers 404).",
  schema: jsonSchema(accountIdSchema, "input"),
};

const errorResponses = {
  BadRequest: errorResponse(
    "`validation_failed`: a query parameter is not valid; `message` and `details.fields[].path` name it.",
  ),
  Unauthorized: errorResponse(
    "`unauthenticated`: the key is missing, malformed, unknown or revoked (refused from the very next request), or its account is closed.",
  ),
  Forbidden: errorResponse(
    "`forbidden`: a write method (POST, PUT, PATCH, DELETE). Personal API keys are read-only; nothing is changed.",
  ),
  NotFound: errorResponse("`not_found`: the account in the path is not the key's own (whether or not it exists)."),
  TooManyRequests: errorResponse(
    `\`rate_limited\`: more than ${ACCOUNT_API_RATE_LIMITS.perKey.limit} requests a minute with one key, or more than ${ACCOUNT_API_RATE_LIMITS.failedAuthPerIp.limit} failed authentications a minute from one address; retry after \`Retry-After\` seconds.`,
    { "Retry-After": { description: "Seconds until the limit resets.", schema: { type: "integer", minimum: 1 } } },
  ),
  ServerError: errorResponse("A problem on our side (`internal`, `unavailable`, …); the detail stays in our logs."),
};

type ErrorName = keyof typeof errorResponses;

const keyErrors: ErrorName[] = ["Unauthorized", "NotFound", "TooManyRequests"];

function accountRead(operationId: string, summary: string, description: string, schema: string, query?: z.ZodType) {
  return {
    get: {
      operationId,
      summary,
      description,
      parameters: [accountParameter, ...(query ? queryParameters(query) : [])],
      responses: responses({ description: summary, schema: ref(schema) }, [
        ...(query ? ["BadRequest" as const] : []),
        ...keyErrors,
      ]),
    },
  };
}

function buildDocument() {
  return openApiDocument({
    info: {
      title: "Account API",
      version: "1.0.0",
      description: [
        "Read your own account from a script: balance, standing, budgets, usage and statement, with a personal API key created in the account area's settings (shown once; revocable there).",
        `Keys are read-only: a write method on any path answers \`403 forbidden\`. A key reads only its own account: another account's id answers \`404\`. At most ${MAX_ACTIVE_API_KEYS} live keys per account; ${ACCOUNT_API_RATE_LIMITS.perKey.limit} requests a minute per key.`,
        "Amounts are integers in micro-dollars (1 USD = 1,000,000) sent as decimal strings; instants are ISO-8601 UTC. The usage and statement rows carry the same fields as the account area's CSV exports.",
        'Errors are `{ "error": { "code", "message", "details"? } }`.',
      ].join("\n\n"),
    },
    basePath: ACCOUNT_API_BASE_PATH,
    bearer: {
      name: "personalApiKey",
      format: "tpk_…",
      description: "A personal API key from Settings → API keys, sent as `Authorization: Bearer tpk_…`.",
    },
    paths: {
      "/accounts/{account}": accountRead(
        "getAccount",
        "Balance, standing and thresholds",
        "The numbers the dashboard shows: balance, standing, the low-balance and freeze thresholds, this month's usage and the runway.",
        "Account",
      ),
      "/accounts/{account}/budgets": accountRead(
        "getBudgets",
        "Budgets and this month's spend per space",
        "Each space's standing (`paused` with its reason), this UTC month's spend and its budget, and the account's budget.",
        "Budgets",
      ),
      "/accounts/{account}/usage": accountRead(
        "getUsage",
        "Usage rows, as the usage CSV",
        "One row per period and resource (and space with group=space), oldest first, exactly the usage CSV's columns. By space, rows come in pages: follow `next_page`.",
        "Usage",
        accountUsageParamsSchema,
      ),
      "/accounts/{account}/statement": accountRead(
        "getStatement",
        "A month of the statement, as the statement CSV",
        "Every movement of one UTC month, oldest first, with the balance after each: the statement CSV's columns. Pages of 1,000 rows: follow `next_cursor`.",
        "Statement",
        statementApiQuerySchema,
      ),
    },
    schemas: {
      Account: jsonSchema(accountSchema, "output"),
      Budgets: jsonSchema(budgetsResponseSchema, "output"),
      Usage: jsonSchema(usageResponseSchema, "output"),
      Statement: jsonSchema(statementResponseSchema, "output"),
      Error: jsonSchema(errorSchema, "output"),
    },
    errorResponses,
  });
}

export type AccountApiDocument = ReturnType<typeof buildDocument>;

/** The document, built once per process. */
export const getAccountApiDocument = buildOnce(buildDocument);
