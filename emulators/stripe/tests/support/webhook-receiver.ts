import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { WEBHOOK_SECRET } from "./test-emulator";

export type ReceivedEvent = { event: Stripe.Event; receivedAt: number };
// Decides the answer to each delivery: a status code, or "hang" to never answer.
export type Responder = (event: Stripe.Event, deliveryNumber: number) => number | "hang";

const verifier = new Stripe("sk_test_unused");

async function readRaw(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

// A stand-in for the site's webhook route: verifies each signature exactly as the site must.
export async function startWebhookReceiver(secret = WEBHOOK_SECRET) {
  const received: ReceivedEvent[] = [];
  const rejected: string[] = [];
  let responder: Responder = () => 200;
  let deliveries = 0;
  const server = createServer((req, res) => {
    void readRaw(req).then((raw) => {
      let event: Stripe.Event;
      try {
        event = verifier.webhooks.constructEvent(raw, String(req.headers["stripe-signature"] ?? ""), secret);
      } catch (error) {
        rejected.push(String(error));
        res.writeHead(400).end();
        return;
      }
      deliveries += 1;
      const answer = responder(event, deliveries);
      if (answer === "hang") return;
      if (answer >= 200 && answer < 300) received.push({ event, receivedAt: Date.now() });
      res.writeHead(answer, { "Content-Type": "application/json" }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/api/stripe/webhook`,
    received,
    rejected,
    respondWith(next: Responder) {
      responder = next;
      deliveries = 0;
    },
    clear() {
      received.length = 0;
      rejected.length = 0;
      responder = () => 200;
      deliveries = 0;
    },
    typesReceived: () => received.map((entry) => entry.event.type),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
