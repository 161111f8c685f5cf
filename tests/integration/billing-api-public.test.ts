import { readdir } from "node:fs/promises";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/billing/v1/openapi.json/route";
import { GET as getRates } from "@/app/api/billing/v1/rates/route";
import type { RatesResponse } from "@/lib/billing/api/schemas";
import { cardForHour, listRateCards } from "@/lib/billing/rate-cards";
import { RESOURCES } from "@/lib/billing/resources";
import { rateUnits } from "@/lib/billing/rate-units";
import { closeDb, getDb } from "@/lib/db/client";
import { billingRequest } from "@/tests/support/billing-api";

afterAll(closeDb);

/** Every billing API route as an OpenAPI path (`[account]` → `{account}`), read from app/. */
async function routePaths(): Promise<string[]> {
  const root = path.resolve("app/api/billing/v1");
  const files = await readdir(root, { recursive: true });
  return (
    files
      .filter((file) => path.basename(file) === "route.ts")
      // The catch-all answers the API's unknown paths with a JSON 404; it is not an endpoint.
      .filter((file) => !file.includes("[[...rest]]"))
      .map((file) => `/${path.dirname(file).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}"))
      .sort()
  );
}

describe("GET /api/billing/v1/rates", () => {
  it("answers the card in force without a token, with prices and worked examples, cacheable for a minute", async () => {
    const response = await getRates(billingRequest("/rates"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const body = (await response.json()) as RatesResponse;
    const card = cardForHour(await listRateCards(getDb()), new Date())!;
    expect(body).toMatchObject({
      version: card.version,
      effective_from: card.effectiveFrom.toISOString(),
      currency: "USD",
    });
    expect(body.resources.map((entry) => entry.resource)).toEqual(
      RESOURCES.filter((resource) => card.entries.has(resource)),
    );
    for (const entry of body.resources) {
      const price = card.entries.get(entry.resource)!;
      expect(entry).toMatchObject({
        unit: price.unitLabel,
        price_micros: price.priceMicros.toString(),
        per_units: price.perUnits.toString(),
      });
      expect(entry.example.cost_micros).toBe(rateUnits(price, BigInt(entry.example.units), 0n).micros.toString());
      expect(entry.example.description).toMatch(/costs \$\d/);
    }
    if (card.version === 1) {
      expect(body.resources.find((entry) => entry.resource === "cpu_ms")).toMatchObject({
        unit: "CPU-hour",
        example: { units: "3600000", cost_micros: "40000", description: "1 CPU-hour (3,600,000 cpu_ms) costs $0.04" },
      });
    }
  });
});

describe("GET /api/billing/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document listing every billing route with its status codes", async () => {
    const response = await getOpenApi(billingRequest("/openapi.json"));
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      servers: Array<{ url: string }>;
      paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>>;
      components: {
        securitySchemes: Record<string, { type: string; scheme: string }>;
        schemas: Record<string, unknown>;
      };
    };
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers[0]!.url).toBe("/api/billing/v1");
    expect(Object.keys(doc.paths).sort()).toEqual(await routePaths());
    expect(doc.components.securitySchemes.platformToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(Object.keys(doc.paths["/usage"]!.post!.responses).sort()).toEqual([
      "200",
      "400",
      "401",
      // Issue 18: a token without the `ingest` scope is refused with 403 `forbidden`.
      "403",
      "404",
      "409",
      "413",
      "422",
      "429",
      "5XX",
    ]);
    expect(doc.paths["/rates"]!.get!.security).toEqual([]);
    const records = (
      doc.components.schemas.UsageBatch as {
        properties: { records: { items: { properties: object; additionalProperties: boolean } } };
      }
    ).properties.records.items;
    expect(Object.keys(records.properties)).toEqual(["id", "account", "space", "hour", ...RESOURCES]);
    expect(records.additionalProperties).toBe(false);
  });
});
