import type { IncomingMessage } from "node:http";
import Stripe from "stripe";
import { EmulatorError } from "../core/errors";
import { createId, nowSeconds } from "../core/ids";
import type { Emulator } from "../emulator";
import { parseFormBody, type FormObject } from "../http/parse-form-body";
import type { IncomingRequest } from "../http/incoming-request";
import { readBody } from "../http/read-body";
import { sendJson, sendStripeError, unknownRouteError } from "../http/send";
import { applyFault } from "./fault-injector";
import { findReplay, fingerprintParams, rememberResponse, scopeKey, shouldRemember } from "./idempotency";
import { matchApiRoute } from "./api-routes";

type Answer = { status: number; body: string; headers: Record<string, string> };

function readApiKey(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization ?? "";
  if (header.startsWith("Bearer ")) return header.slice("Bearer ".length).trim();
  if (header.startsWith("Basic ")) {
    return Buffer.from(header.slice("Basic ".length), "base64").toString("utf8").split(":")[0];
  }
  return undefined;
}

function describeAuthenticationFailure(apiKey: string | undefined): string {
  if (!apiKey) return "You did not provide an API key. Provide it in the Authorization header (Bearer auth).";
  return `Invalid API Key provided: ${apiKey.slice(0, 8)}${"*".repeat(Math.max(0, apiKey.length - 12))}${apiKey.slice(-4)}`;
}

function runHandler(
  emulator: Emulator,
  method: string,
  path: string,
  params: FormObject,
  requestId: string,
  key: string | null,
): Answer {
  const route = matchApiRoute(method, path);
  if (!route) return { status: 404, body: JSON.stringify({ error: unknownRouteError(method, path) }), headers: {} };
  emulator.currentRequest = { id: requestId, idempotency_key: key };
  try {
    const result = route.handler(emulator, { method, path, params, pathParams: route.pathParams, requestId });
    return { status: 200, body: JSON.stringify(result, null, 2), headers: {} };
  } catch (error) {
    if (error instanceof EmulatorError) {
      return { status: error.status, body: JSON.stringify({ error: error.body }, null, 2), headers: {} };
    }
    emulator.config.log(`stripe emulator: ${method} ${path} failed: ${String(error)}`);
    const body = { error: { type: "api_error", message: "An unexpected error occurred in the Stripe emulator." } };
    return { status: 500, body: JSON.stringify(body), headers: {} };
  } finally {
    emulator.currentRequest = null;
  }
}

// Replays a repeated Idempotency-Key, or runs the handler and remembers its answer.
function answerRequest(
  emulator: Emulator,
  req: IncomingMessage,
  method: string,
  path: string,
  params: FormObject,
  requestId: string,
): Answer {
  const headerKey = req.headers["idempotency-key"];
  const key = method === "POST" && typeof headerKey === "string" && headerKey !== "" ? headerKey : null;
  if (!key) return runHandler(emulator, method, path, params, requestId, null);
  const scope = scopeKey(emulator.config.apiKey, key);
  const fingerprint = fingerprintParams(params);
  try {
    const replay = findReplay(emulator.state, scope, { method, path, fingerprint, key });
    if (replay) {
      return {
        status: replay.status,
        body: replay.body,
        headers: { "Idempotent-Replayed": "true", "Request-Id": replay.requestId },
      };
    }
  } catch (error) {
    if (!(error instanceof EmulatorError)) throw error;
    return { status: error.status, body: JSON.stringify({ error: error.body }), headers: {} };
  }
  const answer = runHandler(emulator, method, path, params, requestId, key);
  if (shouldRemember(answer.status)) {
    rememberResponse(emulator.state, scope, {
      method,
      path,
      fingerprint,
      status: answer.status,
      body: answer.body,
      requestId,
      createdAt: nowSeconds(),
    });
  }
  return { ...answer, headers: { ...answer.headers, "Idempotency-Key": key } };
}

// /v1/*: authenticate, maybe inject a fault, then answer in Stripe's shape.
export async function handleApiRequest(emulator: Emulator, { req, res, url, method }: IncomingRequest): Promise<void> {
  const path = url.pathname;
  const requestId = createId("req", 14);
  const rawBody = await readBody(req);
  res.setHeader("Request-Id", requestId);
  res.setHeader("Stripe-Version", String(req.headers["stripe-version"] ?? Stripe.API_VERSION));
  const apiKey = readApiKey(req);
  if (apiKey !== emulator.config.apiKey) {
    sendStripeError(res, 401, { type: "invalid_request_error", message: describeAuthenticationFailure(apiKey) });
    return;
  }
  const fault = emulator.faults.take(method, path);
  if (fault && !fault.after) {
    applyFault(res, fault);
    return;
  }
  const params = parseFormBody(method === "POST" ? rawBody : url.search.slice(1));
  const answer = answerRequest(emulator, req, method, path, params, requestId);
  if (method !== "GET") emulator.markChanged();
  if (fault) {
    applyFault(res, fault);
    return;
  }
  sendJson(res, answer.status, answer.body, answer.headers);
}
