import type Stripe from "stripe";
import { deliverEvent, sleep, type DeliveryAttempt } from "./deliver-event";

export type WebhookMode = "normal" | "duplicate" | "reorder" | "hold" | "drop";
export type WebhookSettings = { mode: WebhookMode; copies: number; delayMs: number; urls: string[] };

export type DispatcherConfig = {
  urls: string[];
  secret: string;
  retryBaseMs: number;
  retryMaxMs: number;
  maxAttempts: number;
  timeoutMs: number;
  onDelivered: (eventId: string, url: string) => void;
  onGiveUp: (eventId: string, url: string) => void;
};

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;

const MAX_RECORDED_ATTEMPTS = 10_000;

export function createWebhookDispatcher(config: DispatcherConfig) {
  const defaults = (): WebhookSettings => ({ mode: "normal", copies: 2, delayMs: 0, urls: [...config.urls] });
  let settings = defaults();
  let held: Stripe.Event[] = [];
  const attempts: DeliveryAttempt[] = [];
  const inFlight = new Set<Promise<unknown>>();
  // Replaced on reset: aborting it stops every pending retry from the previous test.
  let controller = new AbortController();

  function track(promise: Promise<unknown>): void {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
  }

  // Starts delivery to every endpoint; resolves once each endpoint has seen its first attempt,
  // so flush can keep the order it promises.
  function start(event: Stripe.Event, copies: number, delayMs: number): Promise<void> {
    const signal = controller.signal;
    const firstAttempts: Array<Promise<void>> = [];
    for (const url of settings.urls) {
      for (let copy = 0; copy < copies; copy += 1) {
        let markFirst: () => void = () => undefined;
        firstAttempts.push(
          new Promise<void>((resolve) => {
            markFirst = resolve;
          }),
        );
        const run = async () => {
          if (delayMs > 0) await sleep(delayMs, signal);
          const accepted = await deliverEvent(event, url, {
            secret: config.secret,
            retryBaseMs: config.retryBaseMs,
            retryMaxMs: config.retryMaxMs,
            maxAttempts: config.maxAttempts,
            timeoutMs: config.timeoutMs,
            signal,
            onAttempt: (attempt) => {
              attempts.push(attempt);
              if (attempts.length > MAX_RECORDED_ATTEMPTS) attempts.shift();
              if (attempt.attempt === 1) markFirst();
            },
          });
          markFirst();
          if (signal.aborted) return;
          if (accepted) config.onDelivered(event.id, url);
          else config.onGiveUp(event.id, url);
        };
        track(run());
      }
    }
    return Promise.all(firstAttempts).then(() => undefined);
  }

  return {
    countEndpoints: () => settings.urls.length,
    enqueue(event: Stripe.Event): void {
      if (settings.mode === "drop") return;
      if (settings.mode === "hold" || settings.mode === "reorder") {
        held.push(event);
        return;
      }
      void start(event, settings.mode === "duplicate" ? settings.copies : 1, settings.delayMs);
    },
    // Delivers held events one after another (reversed in reorder mode); returns how many.
    async flush(): Promise<number> {
      const batch = settings.mode === "reorder" ? [...held].reverse() : [...held];
      held = [];
      for (const event of batch) await start(event, 1, 0);
      return batch.length;
    },
    resend: (event: Stripe.Event): Promise<void> => start(event, 1, 0),
    configure(update: Partial<WebhookSettings>): WebhookSettings {
      settings = { ...settings, ...update };
      return settings;
    },
    describe: () => ({ ...settings, held: held.length }),
    listAttempts: (): DeliveryAttempt[] => [...attempts],
    reset(): void {
      controller.abort();
      controller = new AbortController();
      settings = defaults();
      held = [];
      attempts.length = 0;
    },
    async close(): Promise<void> {
      controller.abort();
      await Promise.allSettled([...inFlight]);
    },
  };
}
