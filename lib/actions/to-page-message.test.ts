import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { setLogger } from "@/lib/observability/logger";
import { captureLogs } from "@/tests/support/capture-logs";
import { getMetrics } from "@/lib/observability/metrics";
import { toPageMessage } from "./to-page-message";

afterEach(() => setLogger(undefined));

async function counter(name: string, code: string): Promise<number> {
  const metric = await getMetrics().registry.getSingleMetric(name)?.get();
  return metric?.values.find((entry) => entry.labels.code === code)?.value ?? 0;
}

const page = { page: "/account/billing/return" };

describe("toPageMessage", () => {
  it("keeps a user problem's own message and counts it as a user issue, without an error line", async () => {
    const logs = captureLogs();
    const before = await counter("user_issue_total", "not_found");
    const shown = toPageMessage(new AppError("not_found", { message: "That payment was not found for this account." }), page);
    expect(shown).toEqual({ code: "not_found", message: "That payment was not found for this account." });
    expect(await counter("user_issue_total", "not_found")).toBe(before + 1);
    expect(logs).toEqual([]);
  });

  it("answers a system problem with the table's generic message and logs the detail with the page", async () => {
    const logs = captureLogs();
    const before = await counter("system_error_total", "internal");
    const shown = toPageMessage(new Error("stripe said: secret detail cs_123"), page);
    expect(shown).toEqual({ code: "internal", message: "Something went wrong on our side." });
    expect(JSON.stringify(shown)).not.toContain("secret detail");
    expect(await counter("system_error_total", "internal")).toBe(before + 1);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ level: "error", msg: "page failed", code: "internal", page: "/account/billing/return" });
  });

  it("maps a lost database connection to unavailable and a zod failure to validation_failed, as every other answer does", () => {
    captureLogs();
    const lost = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(toPageMessage(lost, page)).toEqual({ code: "unavailable", message: "The service is not ready. Try again shortly." });
    const zod = z.object({ amount: z.number() }).safeParse({ amount: "five" });
    expect(zod.success).toBe(false);
    expect(toPageMessage(zod.error, page).code).toBe("validation_failed");
  });
});
