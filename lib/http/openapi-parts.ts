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
