import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { getMetrics } from "@/lib/observability/metrics";
import { withRoute } from "./with-route";

async function counterValue(name: string, labels: Record<string, string>): Promise<number> {
  const metric = await getMetrics().registry.getSingleMetric(name)?.get();
  const match = metric?.values.find((value) => Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted));
  return match?.value ?? 0;
}

describe("withRoute", () => {
  it("answers a user problem with its code and message, counted as a user issue", async () => {
    const handler = withRoute("/test/user", async () => {
      throw new AppError("not_found", { message: "No such account." });
    });
    const before = await counterValue("user_issue_total", { code: "not_found" });
    const response = await handler(new Request("http://x/test/user"));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "No such account." } });
    expect(await counterValue("user_issue_total", { code: "not_found" })).toBe(before + 1);
    expect(await counterValue("http_requests_total", { route: "/test/user", outcome: "user_issue" })).toBe(1);
  });

  it("hides the detail of a system problem from the client", async () => {
    const handler = withRoute("/test/system", async () => {
      throw new Error("connection to db.internal:5432 refused");
    });
    const response = await handler(new Request("http://x/test/system"));
    const body = JSON.stringify(await response.json());
    expect(response.status).toBe(500);
    expect(body).not.toContain("db.internal");
    expect(body).toContain('"code":"internal"');
    expect(await counterValue("system_error_total", { code: "internal" })).toBeGreaterThanOrEqual(1);
    expect(await counterValue("http_requests_total", { route: "/test/system", outcome: "system_error" })).toBe(1);
  });

  it("maps a zod failure to 400 naming the field", async () => {
    const handler = withRoute("/test/zod", async () => {
      z.object({ amount: z.number() }).parse({ amount: "ten" });
      return new Response("unreachable");
    });
    const response = await handler(new Request("http://x/test/zod"));
    const body = (await response.json()) as { error: { code: string; details: { fields: Array<{ path: string }> } } };
    expect(response.status).toBe(400);
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.fields[0]?.path).toBe("amount");
  });

  it("names the bearer scheme on a 401", async () => {
    const handler = withRoute("/test/auth", async () => {
      throw new AppError("unauthenticated");
    });
    const response = await handler(new Request("http://x/test/auth"));
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="tandem"');
  });

  it("sets Retry-After when rate limited and counts successes", async () => {
    const limited = withRoute("/test/limited", async () => {
      throw new AppError("rate_limited", { retryAfter: 12.2 });
    });
    expect((await limited(new Request("http://x"))).headers.get("retry-after")).toBe("13");
    const ok = withRoute("/test/ok", async () => Response.json({ ok: true }));
    await ok(new Request("http://x"));
    expect(await counterValue("http_requests_total", { route: "/test/ok", outcome: "success" })).toBe(1);
  });
});
