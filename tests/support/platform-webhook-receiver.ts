// A real HTTP receiver for the platform's standing-change webhooks (lib/platform-events): node:http on a
// free port, recording every delivery's raw body and headers in arrival order. `respond` decides each
// answer (a status, or "drop" to cut the connection), so a test can make the platform fail.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";

export type ReceivedWebhook = {
  raw: string;
  headers: IncomingMessage["headers"];
  /** The parsed body (the envelope: id, type, account, sequence, created_at, data). */
  event: { id: string; type: string; account: string; sequence: number; created_at: string; data: Record<string, unknown> };
  status: number | "drop";
};

export type Responder = (event: ReceivedWebhook["event"], received: ReceivedWebhook[]) => number | "drop" | Promise<number | "drop">;

export async function startPlatformWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  let respond: Responder = () => 200;
  const server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const raw = Buffer.concat(chunks).toString("utf8");
      const event = JSON.parse(raw) as ReceivedWebhook["event"];
      const status = await respond(event, received);
      received.push({ raw, headers: req.headers, event, status });
      if (status === "drop") return req.socket.destroy();
      // A body the sender must never store or log.
      res.writeHead(status, { "content-type": "text/plain" }).end(`receiver-body-${status}`);
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/tandem`,
    received,
    /** The deliveries of one account, in arrival order. */
    receivedFor: (account: string) => received.filter((delivery) => delivery.event.account === account),
    setResponder: (next: Responder) => {
      respond = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * For a test file that counts platform events: a receiver answering 200 and the webhook configured to
 * reach it, before anything reads the environment (getEnv() is parsed once per test file). With no URL
 * set, no platform event is recorded at all.
 */
export function receivePlatformWebhooksInThisFile(secret = "pwh_test_secret_0123456789abcdefghijklmnop") {
  let receiver: Awaited<ReturnType<typeof startPlatformWebhookReceiver>> | undefined;
  beforeAll(async () => {
    receiver = await startPlatformWebhookReceiver();
    process.env.PLATFORM_WEBHOOK_URL = receiver.url;
    process.env.PLATFORM_WEBHOOK_SECRET = secret;
  });
  afterAll(async () => {
    delete process.env.PLATFORM_WEBHOOK_URL;
    delete process.env.PLATFORM_WEBHOOK_SECRET;
    await receiver?.close();
  });
}
