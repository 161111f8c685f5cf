import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createFaultInjector } from "./api/fault-injector";
import { expireDueSessions } from "./checkout/session-lifecycle";
import { DEFAULT_PORT, resolveConfig, type StripeEmulatorOptions } from "./config";
import { createStateSaver, loadState } from "./core/persist-state";
import { createEmptyState } from "./core/state";
import type { Emulator } from "./emulator";
import { handleRequest } from "./server/handle-request";
import { createWebhookDispatcher } from "./webhooks/webhook-dispatcher";

export type { StripeEmulatorOptions } from "./config";
export type { DeliveryAttempt } from "./webhooks/deliver-event";
export type { Fault, FaultKind } from "./api/fault-injector";
export type { WebhookMode, WebhookSettings } from "./webhooks/webhook-dispatcher";
export { TEST_CARDS } from "./cards/test-cards";

export type StripeEmulator = { url: string; port: number; close(): Promise<void> };

const EXPIRY_SWEEP_MS = 1000;

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startStripeEmulator(options: StripeEmulatorOptions = {}): Promise<StripeEmulator> {
  const server = createServer();
  const port = await listen(server, options.port ?? DEFAULT_PORT, options.host ?? "127.0.0.1");
  const config = resolveConfig(options, port);
  const state = config.stateFile ? loadState(config.stateFile) : createEmptyState();
  const saver = createStateSaver(config.stateFile, () => state);
  const emulator: Emulator = {
    config,
    state,
    faults: createFaultInjector(),
    currentRequest: null,
    markChanged: () => saver.schedule(),
    webhooks: createWebhookDispatcher({
      urls: config.webhookUrls,
      secret: config.webhookSecret,
      retryBaseMs: config.retryBaseMs,
      retryMaxMs: config.retryMaxMs,
      maxAttempts: config.webhookMaxAttempts,
      timeoutMs: config.webhookTimeoutMs,
      onDelivered: (eventId) => {
        const event = state.events[eventId];
        if (event && event.pending_webhooks > 0) event.pending_webhooks -= 1;
      },
      onGiveUp: (eventId, url) => config.log(`stripe emulator: gave up delivering ${eventId} to ${url}`),
    }),
  };
  // The listener is attached only now that the context exists; no request can arrive in between
  // because nothing yields to the event loop since listen resolved.
  server.on("request", (req, res) => void handleRequest(emulator, req, res));
  const sweeper = setInterval(() => expireDueSessions(emulator), EXPIRY_SWEEP_MS);
  sweeper.unref();
  return {
    url: `http://${config.host}:${port}`,
    port,
    async close() {
      clearInterval(sweeper);
      await emulator.webhooks.close();
      saver.flush();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
