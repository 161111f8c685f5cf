import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import * as React from "react";
import type { OutboxEmailTemplate } from "@/lib/db/schema";
import type { RenderedEmail } from "./render-email";

// Emails are drawn in a worker thread of their own (lib/email/render-worker.mjs) wherever they cannot be
// drawn in place: route handlers and server actions run under the `react-server` condition (and the
// scripts too, scripts/bootstrap.mjs), where react-dom/server, which React Email renders with, refuses to
// load or meets the wrong React; and Next's bundles must not pull react-dom/server into the server
// layer. The worker is plain Node, started on the first email and kept (unref'd, so it never holds the
// process open); if it dies, the next email starts another. Plain Node outside Next (the tests, the
// preview script) draws in place.

type Reply = { id: number; email?: RenderedEmail; error?: string };
type Waiting = { resolve: (email: RenderedEmail) => void; reject: (error: Error) => void };

const state = globalThis as unknown as {
  emailRenderWorker?: { worker: Worker; waiting: Map<number, Waiting>; nextId: number };
};

function startWorker(): NonNullable<typeof state.emailRenderWorker> {
  // From the project's root, as `next start` and the scripts run. The file must stay out of Next's
  // bundles and file tracing (it loads tsx and esbuild's binary): the bundlers are told to leave it be.
  const file = path.join(/* turbopackIgnore: true */ process.cwd(), "lib/email/render-worker.mjs");
  const worker = new Worker(/* webpackIgnore: true */ /* turbopackIgnore: true */ file, { execArgv: [] });
  const entry = { worker, waiting: new Map<number, Waiting>(), nextId: 1 };
  worker.unref();
  worker.on("message", (reply: Reply) => {
    const waiting = entry.waiting.get(reply.id);
    if (!waiting) return;
    entry.waiting.delete(reply.id);
    if (reply.email) waiting.resolve(reply.email);
    else waiting.reject(new Error(`the email could not be drawn: ${reply.error ?? "no reply"}`));
  });
  const fail = (error: Error) => {
    if (state.emailRenderWorker === entry) state.emailRenderWorker = undefined;
    for (const waiting of entry.waiting.values()) waiting.reject(error);
    entry.waiting.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`the email thread stopped (exit ${code})`)));
  return entry;
}

/**
 * Whether this process can draw in place: not inside Next's server (NEXT_RUNTIME), and not under the
 * `react-server` condition, whose React has no client hooks (`useState`).
 */
function canRenderHere(): boolean {
  return process.env.NEXT_RUNTIME === undefined && "useState" in React;
}

/** Draws an email (renderEmail), in place or in the email thread. A failure rejects, and the outbox retries it. */
export async function drawEmail(template: OutboxEmailTemplate, data: unknown): Promise<RenderedEmail> {
  if (!canRenderHere()) return renderEmailInWorker(template, data);
  // Ignored by Next's bundlers (this branch never runs in Next), followed by Node and vitest.
  const { renderEmail } = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ "./render-email");
  return renderEmail(template, data as never);
}

/** Draws an email (renderEmail) in the email thread. A failure rejects, and the outbox retries the email. */
export function renderEmailInWorker(template: OutboxEmailTemplate, data: unknown): Promise<RenderedEmail> {
  state.emailRenderWorker ??= startWorker();
  const entry = state.emailRenderWorker;
  const id = entry.nextId++;
  return new Promise<RenderedEmail>((resolve, reject) => {
    entry.waiting.set(id, { resolve, reject });
    // Only pending renders keep the process alive; an idle thread does not.
    entry.worker.ref();
    entry.worker.postMessage({ id, template, data });
  }).finally(() => {
    if (entry.waiting.size === 0) entry.worker.unref();
  });
}

// Inside Next, the thread is started with the server (this module loads with the job worker at boot),
// not by the first email: loading React Email and compiling the templates takes seconds on a busy
// machine, which a person waiting for a sign-in link should not wait for.
if (process.env.NEXT_RUNTIME === "nodejs") state.emailRenderWorker ??= startWorker();
