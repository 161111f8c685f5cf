import type { IncomingMessage, ServerResponse } from "node:http";
import { handleApiRequest } from "../api/handle-api-request";
import { matchControlRoute } from "../controls/control-routes";
import { EmulatorError } from "../core/errors";
import type { Emulator } from "../emulator";
import { readMethod, type IncomingRequest } from "../http/incoming-request";
import { readBody } from "../http/read-body";
import { sendJson, sendStripeError, unknownRouteError } from "../http/send";
import { matchPageRoute } from "../pages/page-routes";

async function handleControlRequest(emulator: Emulator, { req, res, url, method }: IncomingRequest): Promise<void> {
  const route = matchControlRoute(method, url.pathname);
  const raw = await readBody(req);
  if (!route) return sendStripeError(res, 404, unknownRouteError(method, url.pathname));
  let body: unknown = {};
  try {
    body = raw.trim() === "" ? {} : JSON.parse(raw);
  } catch {
    return sendStripeError(res, 400, { type: "invalid_request_error", message: "The request body is not valid JSON." });
  }
  const result = await route.handler(emulator, { body, pathParams: route.pathParams, url });
  sendJson(res, 200, JSON.stringify(result, null, 2));
}

async function routeRequest(emulator: Emulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.local");
  const method = readMethod(req);
  if (url.pathname.startsWith("/v1/")) return handleApiRequest(emulator, { req, res, url, method });
  if (url.pathname.startsWith("/_emulator/")) return handleControlRequest(emulator, { req, res, url, method });
  const route = matchPageRoute(method, url.pathname);
  if (!route) return sendStripeError(res, 404, unknownRouteError(method, url.pathname));
  return route.handler(emulator, { req, res, url, pathParams: route.pathParams });
}

// Every failure still answers in Stripe's error shape: the SDK reads a body without `error` as success.
export async function handleRequest(emulator: Emulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    await routeRequest(emulator, req, res);
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (error instanceof EmulatorError) return sendStripeError(res, error.status, error.body);
    emulator.config.log(`stripe emulator: ${req.method ?? "GET"} ${req.url ?? ""} failed: ${String(error)}`);
    sendStripeError(res, 500, { type: "api_error", message: "An unexpected error occurred in the Stripe emulator." });
  } finally {
    if (readMethod(req) !== "GET") emulator.markChanged();
  }
}
