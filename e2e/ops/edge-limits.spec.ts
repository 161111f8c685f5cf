// Issue 15: bodies a stranger sends are bounded on the real server. A server action over Next's 1 MB
// body limit used to answer 500 (Next throws a 413 ApiError and answers 500 for it); proxy.ts answers
// 413 in the JSON error shape first. Auth.js forms are capped at 16 kB.
import { expect, test } from "@playwright/test";

test.describe("bounded bodies on unauthenticated endpoints", () => {
  test("a server-action POST over 1 MB answers 413, not 500", async ({ request }) => {
    // A real action id, as the page hands it to the browser (an unknown id is refused before the body is read).
    const html = (await (await request.get("/invite")).text()).replaceAll("&quot;", '"');
    const actionId = /\$ACTION_ID_([0-9a-f]{40,})/.exec(html)?.[1] ?? /"id":"([0-9a-f]{40,})"/.exec(html)?.[1];
    expect(actionId).toBeDefined();
    const response = await request.post("/invite", {
      headers: { "next-action": actionId!, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
      data: `["${"x".repeat(1024 * 1024 + 16)}"]`,
    });
    expect(response.status()).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "payload_too_large", details: { max_bytes: 1024 * 1024 } } });
  });

  test("an Auth.js form over 16 kB answers 413", async ({ request }) => {
    const response = await request.post("/api/auth/signin/nodemailer", {
      form: { email: "someone@example.test", csrfToken: "x", padding: "y".repeat(17 * 1024) },
    });
    expect(response.status()).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "payload_too_large" } });
  });
});
