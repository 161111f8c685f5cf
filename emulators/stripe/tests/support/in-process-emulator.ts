import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createFaultInjector } from "../../api/fault-injector";
import { resolveConfig } from "../../config";
import { createEmptyState } from "../../core/state";
import type { Emulator } from "../../emulator";
import { handleRequest } from "../../server/handle-request";
import { createWebhookDispatcher } from "../../webhooks/webhook-dispatcher";
import { createStripeClient } from "./test-emulator";

// An emulator whose context the test holds, for calling the pieces other parts of the emulator use
// (e.g. Checkout's issueCheckoutInvoice) and then reading the result through the real SDK.
export async function startInProcessEmulator() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const config = resolveConfig({ port, retryBaseMs: 20 }, port);
  const emulator: Emulator = {
    config,
    state: createEmptyState(),
    faults: createFaultInjector(),
    currentRequest: null,
    markChanged: () => undefined,
    webhooks: createWebhookDispatcher({
      urls: [],
      secret: config.webhookSecret,
      retryBaseMs: config.retryBaseMs,
      retryMaxMs: config.retryMaxMs,
      maxAttempts: config.webhookMaxAttempts,
      timeoutMs: config.webhookTimeoutMs,
      onDelivered: () => undefined,
      onGiveUp: () => undefined,
    }),
  };
  server.on("request", (req, res) => void handleRequest(emulator, req, res));
  return {
    emulator,
    stripe: createStripeClient(port),
    url: `http://127.0.0.1:${port}`,
    async close() {
      await emulator.webhooks.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
