// Against the real server (issue 15, point 11): the answers Next's router gives before a route runs
// cannot be seen by calling route handlers. Every /api/billing/v1 answer must be the JSON error shape.
import { expect, test, type APIResponse } from "@playwright/test";

async function expectJsonError(response: APIResponse, status: number, code: string) {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toBe("application/json");
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  return body;
}

test.describe("billing API: JSON answers from the router's edge", () => {
  test("a path whose percent-encoding does not decode is a JSON 400, not Next's HTML page", async ({ request }) => {
    for (const path of ["/accounts/%E0%A4%A/standing", "/accounts/acct_x%ZZ/usage", "/%FF"]) {
      await expectJsonError(await request.get(`/api/billing/v1${path}`), 400, "bad_request");
    }
  });

  test("a wrong method is a JSON 405 with Allow", async ({ request }) => {
    const put = await request.put("/api/billing/v1/usage", { data: {} });
    await expectJsonError(put, 405, "method_not_allowed");
    expect(put.headers()["allow"]).toBe("POST, OPTIONS");
    const post = await request.post("/api/billing/v1/rates", { data: {} });
    await expectJsonError(post, 405, "method_not_allowed");
    expect(post.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
    const options = await request.fetch("/api/billing/v1/usage", { method: "OPTIONS" });
    expect(options.status()).toBe(204);
    expect(options.headers()["allow"]).toBe("POST, OPTIONS");
  });

  test("an unknown path is a JSON 404", async ({ request }) => {
    await expectJsonError(await request.get("/api/billing/v1/nope"), 404, "not_found");
    await expectJsonError(await request.delete("/api/billing/v1/accounts/acct_abc"), 404, "not_found");
  });
});
