import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { nextPlatformWebhookAttempt } from "./platform-webhook-retry";
import { signPlatformWebhook } from "./sign-platform-webhook";
import { verifyPlatformWebhook } from "./verify-platform-webhook";

const secret = "pwhsec_0123456789abcdef0123456789abcdef";
const body = JSON.stringify({ id: "evt_1", type: "account.standing_changed", account: "acct_a", sequence: 1, data: { state: "frozen" } });
const signedAt = new Date("2026-12-06T12:00:00Z");
const header = signPlatformWebhook(body, secret, signedAt);
const at = (seconds: number) => new Date(signedAt.getTime() + seconds * 1000);

describe("verifyPlatformWebhook", () => {
  it("accepts the header the sender makes, which is the documented HMAC of `<t>.<raw body>`", () => {
    const expected = createHmac("sha256", secret).update(`${signedAt.getTime() / 1000}.${body}`).digest("hex");
    expect(header).toBe(`t=${signedAt.getTime() / 1000},v1=${expected}`);
    expect(verifyPlatformWebhook(body, header, secret, { now: at(10) })).toBe(true);
  });

  it("refuses a tampered body, even by one character or re-serialised", () => {
    expect(verifyPlatformWebhook(body.replace("frozen", "active"), header, secret, { now: at(0) })).toBe(false);
    expect(verifyPlatformWebhook(JSON.stringify(JSON.parse(body), null, 1), header, secret, { now: at(0) })).toBe(false);
  });

  it("refuses another secret", () => {
    expect(verifyPlatformWebhook(body, header, `${secret}x`, { now: at(0) })).toBe(false);
    expect(verifyPlatformWebhook(body, header, "", { now: at(0) })).toBe(false);
  });

  it("refuses a timestamp outside the tolerance, old or in the future, and honours a chosen tolerance", () => {
    expect(verifyPlatformWebhook(body, header, secret, { now: at(300) })).toBe(true);
    expect(verifyPlatformWebhook(body, header, secret, { now: at(301) })).toBe(false);
    expect(verifyPlatformWebhook(body, header, secret, { now: at(-301) })).toBe(false);
    expect(verifyPlatformWebhook(body, header, secret, { now: at(60), toleranceSeconds: 30 })).toBe(false);
  });

  it("refuses a replayed signature with a fresh timestamp put in front of it", () => {
    const v1 = header.split(",v1=")[1];
    const fresh = `t=${at(1000).getTime() / 1000},v1=${v1}`;
    expect(verifyPlatformWebhook(body, fresh, secret, { now: at(1000) })).toBe(false);
  });

  it("refuses missing and malformed headers without throwing", () => {
    for (const bad of [undefined, null, "", "v1=abc", "t=abc,v1=00", `t=1,t=2,${header.split(",")[1]}`, header.replace(/v1=[0-9a-f]+/, "v1=zz")]) {
      expect(verifyPlatformWebhook(body, bad, secret, { now: at(0) })).toBe(false);
    }
  });

  it("accepts any one valid v1 among several (a secret rotation signs with both)", () => {
    const other = signPlatformWebhook(body, "another-secret-another-secret-xxxx", signedAt).split(",")[1];
    expect(verifyPlatformWebhook(body, `${header.split(",")[0]},${other},${header.split(",")[1]}`, secret, { now: at(0) })).toBe(true);
  });
});

describe("nextPlatformWebhookAttempt", () => {
  it("doubles from 10 s after the first failure and never waits more than an hour", () => {
    const waits = [1, 2, 3, 4, 9, 10, 29].map((attempt) => (nextPlatformWebhookAttempt(attempt, signedAt).getTime() - signedAt.getTime()) / 1000);
    expect(waits).toEqual([10, 20, 40, 80, 2560, 3600, 3600]);
  });
});

describe("the verification snippet in docs/platform-webhooks.md", () => {
  it("is TypeScript that verifies real signatures and refuses tampered ones", async () => {
    const { readFileSync } = await import("node:fs");
    const { transformSync } = await import("esbuild");
    const doc = readFileSync("docs/platform-webhooks.md", "utf8");
    const snippet = doc.match(/```ts\n([\s\S]*?)```/)?.[1];
    expect(snippet).toContain("export function verifyPlatformWebhook");
    const js = transformSync(snippet!, { loader: "ts", format: "cjs" }).code;
    const loaded = { exports: {} as { verifyPlatformWebhook?: typeof verifyPlatformWebhook } };
    const nodeRequire = (await import("node:module")).createRequire(import.meta.url);
    // Run the documented code as a reader's module would be.
    const { runInNewContext } = await import("node:vm");
    runInNewContext(js, { require: nodeRequire, module: loaded, exports: loaded.exports, Buffer });
    const documented = loaded.exports.verifyPlatformWebhook!;
    expect(documented(body, header, secret, { now: at(5) })).toBe(true);
    expect(documented(`${body} `, header, secret, { now: at(5) })).toBe(false);
    expect(documented(body, header, "wrong", { now: at(5) })).toBe(false);
    expect(documented(body, header, secret, { now: at(301) })).toBe(false);
  });
});
