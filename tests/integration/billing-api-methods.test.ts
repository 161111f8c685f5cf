// Every /api/billing/v1 answer is the documented JSON error (issue 15, point 11): a wrong method is a
// 405 with `Allow` and a JSON body, an unknown path a JSON 404, and a URL whose percent-encoding does not
// decode a JSON 400 from proxy.ts, which runs before Next's router would answer its HTML 400 page.
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import * as accountsRoute from "@/app/api/billing/v1/accounts/route";
import * as standingRoute from "@/app/api/billing/v1/accounts/[account]/standing/route";
import * as accountUsageRoute from "@/app/api/billing/v1/accounts/[account]/usage/route";
import * as openApiRoute from "@/app/api/billing/v1/openapi.json/route";
import * as ratesRoute from "@/app/api/billing/v1/rates/route";
import * as usageRoute from "@/app/api/billing/v1/usage/route";
import * as unknownRoute from "@/app/api/billing/v1/[[...rest]]/route";
import { closeDb } from "@/lib/db/client";
import { proxy, config as proxyConfig } from "@/proxy";
import { BASE_URL, accountContext, type ErrorBody } from "@/tests/support/billing-api";

afterAll(closeDb);

type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
type RouteModule = Record<string, unknown>;

const routes: Array<{ path: string; module: RouteModule; allowed: string[] }> = [
  { path: "/usage", module: usageRoute, allowed: ["POST"] },
  { path: "/rates", module: ratesRoute, allowed: ["GET"] },
  { path: "/openapi.json", module: openApiRoute, allowed: ["GET"] },
  { path: "/accounts", module: accountsRoute, allowed: ["GET"] },
  { path: "/accounts/acct_abc/standing", module: standingRoute, allowed: ["GET"] },
  { path: "/accounts/acct_abc/usage", module: accountUsageRoute, allowed: ["GET"] },
];

const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"];

async function expectJsonError(response: Response, status: number, code: string): Promise<ErrorBody> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/json");
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  return body;
}

describe("wrong methods", () => {
  for (const { path, module, allowed } of routes) {
    for (const method of METHODS.filter((name) => !allowed.includes(name))) {
      it(`${method} ${path} answers 405 with Allow and a JSON error`, async () => {
        // Next answers a method the route file does not export with an empty 405 itself: each must be exported.
        const handler = module[method] as Handler | undefined;
        expect(handler, `${path} exports ${method}`).toBeTypeOf("function");
        const request = new Request(`${BASE_URL}${path}`, { method, body: method === "GET" ? undefined : "{}" });
        const response = await handler!(request, accountContext("acct_abc"));
        const body = await expectJsonError(response, 405, "method_not_allowed");
        const allow = response.headers.get("allow")!;
        for (const name of allowed) expect(allow).toContain(name);
        expect(allow).not.toContain(method);
        expect(body.error.details).toMatchObject({ allowed });
      });
    }
  }
});

describe("OPTIONS", () => {
  it("names only the methods each route serves", async () => {
    for (const { path, module, allowed } of routes) {
      const handler = module.OPTIONS as Handler | undefined;
      expect(handler, `${path} exports OPTIONS`).toBeTypeOf("function");
      const response = await handler!(
        new Request(`${BASE_URL}${path}`, { method: "OPTIONS" }),
        accountContext("acct_abc"),
      );
      expect(response.status).toBe(204);
      const allow = response.headers.get("allow")!.split(", ");
      expect(allow.filter((name) => !["HEAD", "OPTIONS"].includes(name))).toEqual(allowed);
    }
  });
});

describe("unknown paths", () => {
  it("answers a JSON 404 for any method on a path the API does not have", async () => {
    for (const method of [...METHODS, "HEAD", "OPTIONS"]) {
      const handler = (unknownRoute as RouteModule)[method] as Handler | undefined;
      expect(handler, `the catch-all exports ${method}`).toBeTypeOf("function");
      const response = await handler!(new Request(`${BASE_URL}/nope/deeper`, { method }), {
        params: Promise.resolve({ rest: ["nope", "deeper"] }),
      });
      expect(response.status).toBe(404);
      if (method !== "HEAD") await expectJsonError(response, 404, "not_found");
    }
  });
});

describe("malformed percent-encoding (proxy.ts)", () => {
  it("runs on the billing API's paths, except POST /usage's (no path parameter; its body is large)", () => {
    const matches = (path: string) => unstable_doesMiddlewareMatch({ config: proxyConfig, url: `http://localhost${path}` });
    for (const path of ["/api/billing/v1/accounts/%E0%A4%A/standing", "/api/billing/v1/accounts", "/api/billing/v1/rates", "/api/billing/v1/nope%FF", "/api/billing/v1/usage%ZZ", "/api/billing/v1/usage/x"]) {
      expect(matches(path), path).toBe(true);
    }
    expect(matches("/api/billing/v1/usage")).toBe(false);
  });

  it("answers a JSON 400 for a path or query that does not decode", async () => {
    for (const suffix of [
      "/accounts/%E0%A4%A/standing",
      "/accounts/acct_abc%ZZ/usage",
      "/accounts?email=%ZZ",
      "/accounts?email=a%40b.c&x=%E0%A4%A",
      "/accounts/acct_abc/usage?from=%",
      "/nope%FF",
      "%ZZ",
    ]) {
      const response = await proxy(new NextRequest(`http://localhost/api/billing/v1${suffix}`));
      const body = await expectJsonError(response, 400, "bad_request");
      expect(body.error.message).toContain("percent-encoding");
    }
  });

  it("lets well-formed billing URLs through untouched, without the page headers", async () => {
    for (const suffix of [
      "/accounts/acct_abc/standing",
      "/accounts?email=a%40b.c",
      "/accounts?email=%F0%9F%9A%80%40x.y",
    ]) {
      const response = await proxy(new NextRequest(`http://localhost/api/billing/v1${suffix}`));
      expect(response.headers.get("x-middleware-next")).toBe("1");
      expect(response.headers.get("content-security-policy")).toBeNull();
    }
  });
});
