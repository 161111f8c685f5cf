import { describe, expect, it } from "vitest";
import { unknownPathRoutes } from "./unknown-path-routes";

describe("unknownPathRoutes", () => {
  const routes = unknownPathRoutes({ apiName: "thing API", basePath: "/api/thing/v1" });

  it.each(Object.entries(routes))(
    "answers %s on a path the API does not have with the JSON 404",
    async (method, handler) => {
      const response = await handler(new Request(`http://localhost/api/thing/v1/nope`, { method }));
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(await response.json()).toEqual({
        error: {
          code: "not_found",
          message: "The thing API has no such endpoint; GET /api/thing/v1/openapi.json lists them.",
        },
      });
    },
  );

  it("serves every method a route handler can export", () => {
    expect(Object.keys(routes).sort()).toEqual(["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]);
  });
});
