// proxy.ts for the account API (/api/account/v1): it must run there, since failed keys are counted per
// client address (a client-sent X-Forwarded-For would otherwise pick its own bucket), and a URL Next
// cannot decode must answer the API's JSON 400, not Next's HTML page.
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";
import { ACCOUNT_API_BASE_PATH } from "./paths";

const origin = "http://localhost:3000";

describe("proxy.ts on the account API", () => {
  it("runs for every path of the account API", () => {
    for (const path of ["/accounts/acct_1", "/accounts/acct_1/usage", "/openapi.json", "/nope"]) {
      expect(unstable_doesMiddlewareMatch({ config, url: `${origin}${ACCOUNT_API_BASE_PATH}${path}` }), path).toBe(
        true,
      );
    }
  });

  it("removes a client-sent X-Forwarded-For when no proxy is trusted", async () => {
    const response = await proxy(
      new NextRequest(`${origin}${ACCOUNT_API_BASE_PATH}/accounts/acct_1`, {
        headers: { "x-forwarded-for": "6.6.6.6", authorization: "Bearer tpk_x" },
      }),
    );
    const kept = (response.headers.get("x-middleware-override-headers") ?? "").split(",");
    expect(kept).toContain("authorization");
    expect(kept).not.toContain("x-forwarded-for");
  });

  it("answers a URL whose percent-encoding does not decode with a JSON 400", async () => {
    const response = await proxy(new NextRequest(`${origin}${ACCOUNT_API_BASE_PATH}/accounts/%E0%A4%A/usage`));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "bad_request", details: { part: "path" } } });
  });
});
