import { describe, expect, it } from "vitest";
import { jsonResponse } from "./json-response";

describe("jsonResponse", () => {
  it("marks a small answer no-transform, keeping its cache policy, so compression leaves it alone", async () => {
    const response = jsonResponse({ name: "Zoë ✓" }, { status: 201, headers: { "cache-control": "no-store" } });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ name: "Zoë ✓" });
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(jsonResponse({ ok: true }).headers.get("cache-control")).toBe("no-transform");
  });

  it("leaves a large answer compressible", () => {
    const response = jsonResponse({ points: Array.from({ length: 200 }, (_, index) => ({ index })) }, { headers: { "cache-control": "no-store" } });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
