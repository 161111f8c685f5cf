import { afterEach, describe, expect, it } from "vitest";
import { setLogger } from "./logger";
import { captureLogs } from "@/tests/support/capture-logs";
import { getMetrics } from "./metrics";
import { reportRequestError } from "./report-request-error";
import { silenceReportedErrorsInConsole } from "./silence-reported-errors";

afterEach(() => setLogger(undefined));

async function counter(name: string, labels: Record<string, string>): Promise<number> {
  const metric = await getMetrics().registry.getSingleMetric(name)?.get();
  const value = metric?.values.find((entry) => Object.entries(labels).every(([key, wanted]) => entry.labels[key] === wanted));
  return value?.value ?? 0;
}

const context = { routerKind: "App Router", routePath: "/account/statement", routeType: "render", renderSource: "react-server-components" };

describe("reportRequestError", () => {
  it("logs a failed render once, structured, with the Postgres code and without the query string or personal data", async () => {
    const logs = captureLogs();
    const pgError = Object.assign(new Error('value "99999999999999999999" is out of range for type bigint'), { code: "22003", severity: "ERROR" });
    const failed = Object.assign(new Error("Failed query: select 1 where id < $1::bigint\nparams: 99999999999999999999,bob@example.com"), {
      name: "DrizzleQueryError",
      cause: pgError,
    });
    const before = await counter("render_errors_total", { route: "/account/statement", kind: "system" });
    const systemBefore = await counter("system_error_total", { code: "internal" });

    reportRequestError(failed, { path: "/account/statement?before=99999999999999999999&email=bob@example.com", method: "GET" }, context);

    expect(logs).toHaveLength(1);
    const [line] = logs;
    expect(line).toMatchObject({ level: "error", msg: "request failed", code: "internal", route: "/account/statement", routeType: "render", path: "/account/statement" });
    expect(line?.err).toMatchObject({ type: "DrizzleQueryError", cause: { code: "22003" } });
    expect(JSON.stringify(line)).not.toMatch(/bob|before=|99999999999999999999,/);
    expect(await counter("render_errors_total", { route: "/account/statement", kind: "system" })).toBe(before + 1);
    expect(await counter("system_error_total", { code: "internal" })).toBe(systemBefore + 1);
  });

  it("leaves Next's control flow (notFound, redirect) alone", async () => {
    const logs = captureLogs();
    const notFound = Object.assign(new Error("NEXT_HTTP_ERROR_FALLBACK;404"), { digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/sign-in;307;" });
    reportRequestError(notFound, { path: "/admin", method: "GET" }, { ...context, routePath: "/admin" });
    reportRequestError(redirect, { path: "/account", method: "GET" }, { ...context, routePath: "/account" });
    expect(logs).toHaveLength(0);
  });
});

describe("Next's plain copy of a reported error", () => {
  it("is dropped, while other console output stays", () => {
    captureLogs();
    const printed: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void printed.push(args);
    const restore = silenceReportedErrorsInConsole();
    try {
      const error = new Error("Failed query: select 1\nparams: dave@example.com");
      reportRequestError(error, { path: "/account", method: "GET" }, context);
      console.error(" ⨯", error);
      console.error("something else", new Error("not reported"));
      expect(printed).toHaveLength(1);
      expect(printed[0]?.[0]).toBe("something else");
    } finally {
      restore();
      console.error = original;
    }
  });
});
