import { expect, test } from "@playwright/test";

test.describe("operational endpoints", () => {
  test("health answers without touching dependencies", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  test("ready checks the database and migrations", async ({ request }) => {
    const response = await request.get("/api/ready");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { status: string; migrations: { applied: number; expected: number } };
    expect(body.status).toBe("ready");
    expect(body.migrations.applied).toBe(body.migrations.expected);
  });

  test("metrics expose default and request metrics in Prometheus format", async ({ request }) => {
    await request.get("/api/health");
    const response = await request.get("/api/metrics");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toMatch(/http_requests_total\{route="\/api\/health",method="GET",outcome="success"\} \d+/);
    expect(text).toContain("http_request_duration_seconds_bucket");
    expect(text).toContain("# TYPE user_issue_total counter");
  });

  test("API answers carry a locked-down CSP too", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  });
});
