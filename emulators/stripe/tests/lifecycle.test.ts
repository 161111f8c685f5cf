import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { startStripeEmulator } from "../index";
import { createPaymentSession, createStripeClient } from "./support/test-emulator";

describe("state file", () => {
  it("keeps objects across restarts and expires sessions that passed expires_at", async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), "stripe-emulator-")), "state.json");
    const first = await startStripeEmulator({ port: 0, stateFile });
    const stripe = createStripeClient(first.port);
    const customer = await stripe.customers.create({ email: "kept@example.com" });
    const session = await createPaymentSession(stripe, { customer: customer.id });
    await first.close();

    const saved = JSON.parse(readFileSync(stateFile, "utf8")) as {
      checkoutSessions: Record<string, { expires_at: number }>;
    };
    const stored = saved.checkoutSessions[session.id];
    if (stored) stored.expires_at = Math.floor(Date.now() / 1000) - 1;
    writeFileSync(stateFile, JSON.stringify(saved));

    const second = await startStripeEmulator({ port: 0, stateFile });
    try {
      const again = createStripeClient(second.port);
      expect((await again.customers.retrieve(customer.id)).id).toBe(customer.id);
      expect((await again.checkout.sessions.retrieve(session.id)).status).toBe("expired");
      expect((await again.events.list({ type: "checkout.session.expired" })).data).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});

describe("reset", () => {
  it("forgets every object", async () => {
    const emulator = await startStripeEmulator({ port: 0 });
    try {
      const stripe = createStripeClient(emulator.port);
      await stripe.customers.create({});
      await fetch(`${emulator.url}/_emulator/reset`, { method: "POST" });
      expect((await stripe.customers.list()).data).toHaveLength(0);
      expect((await stripe.events.list()).data).toHaveLength(0);
    } finally {
      await emulator.close();
    }
  });
});

describe("CLI", () => {
  it("prints its URL and stops cleanly on SIGTERM", async () => {
    const root = resolve(import.meta.dirname, "../../..");
    const child = spawn(join(root, "node_modules/.bin/tsx"), ["emulators/stripe/main.ts"], {
      cwd: root,
      env: { ...process.env, STRIPE_EMULATOR_PORT: "0", STRIPE_WEBHOOK_SECRET: "whsec_cli" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const line = await new Promise<string>((resolveLine, reject) => {
      child.stdout.on("data", (chunk: Buffer) => resolveLine(chunk.toString("utf8").trim()));
      child.once("exit", (code) => reject(new Error(`exited early with ${String(code)}`)));
    });
    expect(line).toMatch(/^Stripe emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = line.slice(line.indexOf("http"));
    expect((await fetch(`${url}/v1/customers`, { headers: { Authorization: "Bearer sk_test_emulator" } })).status).toBe(
      200,
    );
    const exitCode = await new Promise<number | null>((resolveExit) => {
      child.once("exit", (code) => resolveExit(code));
      child.kill("SIGTERM");
    });
    expect(exitCode).toBe(0);
  }, 15_000);
});
