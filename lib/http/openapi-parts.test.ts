import { describe, expect, it } from "vitest";
import { getAccountApiDocument } from "@/lib/account/api/openapi";
import { getBillingOpenApiDocument } from "@/lib/billing/api/openapi";
import { errorResponse, openApiDocument, responses } from "./openapi-parts";

/** Every `$ref` string anywhere in a JSON value. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === "$ref" && typeof inner === "string" ? [inner] : refsIn(inner),
  );
}

describe("openApiDocument", () => {
  const shell = () =>
    openApiDocument({
      info: { title: "T", version: "1.0.0", description: "d" },
      basePath: "/api/t/v1",
      bearer: { name: "token", format: "t_…", description: "A token." },
      paths: { "/things": { get: { responses: responses({ description: "ok", schema: {} }, ["NotFound"]) } } },
      schemas: { Error: {} },
      errorResponses: { NotFound: errorResponse("gone"), ServerError: errorResponse("ours") },
    });

  it("puts the public /openapi.json path last and one bearer scheme over the whole document", () => {
    const document = shell();
    expect(Object.keys(document.paths)).toEqual(["/things", "/openapi.json"]);
    expect(document.paths["/openapi.json"].get.security).toEqual([]);
    expect(document.security).toEqual([{ token: [] }]);
    expect(document.components.securitySchemes).toEqual({
      token: { type: "http", scheme: "bearer", bearerFormat: "t_…", description: "A token." },
    });
    expect(document.servers).toEqual([{ url: "/api/t/v1" }]);
    expect("webhooks" in document).toBe(false);
  });

  it("answers every operation's errors by reference, ServerError always last", () => {
    expect(responses({ description: "ok", schema: {} }, ["BadRequest", "TooManyRequests"])).toEqual({
      "200": { description: "ok", content: { "application/json": { schema: {} } } },
      "400": { $ref: "#/components/responses/BadRequest" },
      "429": { $ref: "#/components/responses/TooManyRequests" },
      "5XX": { $ref: "#/components/responses/ServerError" },
    });
  });

  it("keeps webhooks between paths and components when a document has them", () => {
    const document = openApiDocument({
      info: { title: "T", version: "1.0.0", description: "d" },
      basePath: "/",
      bearer: { name: "token", format: "t", description: "t" },
      paths: {},
      webhooks: { "thing.changed": {} },
      schemas: {},
      errorResponses: { ServerError: errorResponse("ours") },
    });
    expect(Object.keys(document)).toEqual([
      "openapi",
      "jsonSchemaDialect",
      "info",
      "servers",
      "security",
      "paths",
      "webhooks",
      "components",
    ]);
    expect(Object.keys(document.webhooks)).toEqual(["thing.changed"]);
  });

  it.each([
    ["billing", getBillingOpenApiDocument],
    ["account", getAccountApiDocument],
  ])("the %s document refers only to components it declares", (_name, build) => {
    const document = build() as { components: Record<string, Record<string, unknown>> };
    const refs = new Set(refsIn(document));
    expect(refs.size).toBeGreaterThan(3);
    for (const ref of refs) {
      const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
      expect(document.components[section ?? ""]?.[name ?? ""], ref).toBeDefined();
    }
  });
});
