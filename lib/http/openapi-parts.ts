// The pieces both OpenAPI 3.1 documents are built from (the billing API's, lib/billing/api/openapi.ts,
// and the account API's, lib/account/api/openapi.ts): JSON Schema from the zod schemas the handlers
// validate and answer with, so neither document can drift from its code. Pure: no database.
import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), for what a handler reads or writes. */
export function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io });
  return rest;
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: JsonSchema) => ({ "application/json": { schema } });

/** Query parameters from an object schema: one per property, required unless optional or defaulted. */
export function queryParameters(schema: z.ZodType): JsonSchema[] {
  const object = jsonSchema(schema, "input") as { properties: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties).map(([name, { description, ...property }]) => ({
    name,
    in: "query",
    required: object.required?.includes(name) ?? false,
    ...(description ? { description } : {}),
    schema: property,
  }));
}

/** An error answer in the one error shape (`components.schemas.Error`), with its headers if any. */
export const errorResponse = (description: string, headers?: JsonSchema) => ({
  description,
  ...(headers ? { headers } : {}),
  content: json(ref("Error")),
});

/** The status of each error response a document may declare under `components.responses`. */
export const ERROR_STATUS = {
  BadRequest: "400",
  Unauthorized: "401",
  Forbidden: "403",
  NotFound: "404",
  Conflict: "409",
  PayloadTooLarge: "413",
  UnprocessableEntity: "422",
  TooManyRequests: "429",
  ServerError: "5XX",
} as const;

export type ErrorResponseName = keyof typeof ERROR_STATUS;

/** An operation's answers: its 200, then a reference to each error it can give, and always ServerError. */
export function responses(ok: { description: string; schema: JsonSchema }, errors: readonly ErrorResponseName[]) {
  const answers: Record<string, unknown> = { "200": { description: ok.description, content: json(ok.schema) } };
  for (const name of [...errors, "ServerError" as const])
    answers[ERROR_STATUS[name]] = { $ref: `#/components/responses/${name}` };
  return answers;
}

type DocumentParts<Paths, Webhooks, Schemas, Responses> = {
  info: { title: string; version: string; description: string };
  basePath: string;
  /** The bearer scheme every operation needs unless it says `security: []`. */
  bearer: { name: string; format: string; description: string };
  paths: Paths;
  webhooks?: Webhooks;
  schemas: Schemas;
  errorResponses: Responses & Partial<Record<ErrorResponseName, unknown>> & { ServerError: unknown };
};

/**
 * An OpenAPI 3.1 document around its paths and schemas: one bearer scheme for the whole API, the
 * public `/openapi.json` path last, and the error responses that `responses()` refers to.
 */
export function openApiDocument<Paths, Schemas, Responses, Webhooks = undefined>(
  parts: DocumentParts<Paths, Webhooks, Schemas, Responses>,
) {
  const document = {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: parts.info,
    servers: [{ url: parts.basePath }],
    security: [{ [parts.bearer.name]: [] }],
    paths: {
      ...parts.paths,
      "/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document",
          security: [],
          responses: responses({ description: "The OpenAPI 3.1 document.", schema: { type: "object" } }, []),
        },
      },
    },
    ...(parts.webhooks === undefined ? {} : { webhooks: parts.webhooks }),
    components: {
      securitySchemes: {
        [parts.bearer.name]: {
          type: "http",
          scheme: "bearer",
          bearerFormat: parts.bearer.format,
          description: parts.bearer.description,
        },
      },
      schemas: parts.schemas,
      responses: parts.errorResponses,
    },
  };
  // `webhooks` sits between `paths` and `components`, and only in a document that has some: typed so
  // that the billing document's `webhooks` is not optional to its readers.
  return document as Omit<typeof document, "webhooks"> &
    ([Webhooks] extends [undefined] ? unknown : { webhooks: Webhooks });
}

/** A document's getter: built on first use (after the environment is read), then kept for the process. */
export function buildOnce<Document>(build: () => Document): () => Document {
  let built: Document | undefined;
  return () => (built ??= build());
}
