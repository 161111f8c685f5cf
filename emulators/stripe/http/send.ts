import type { ServerResponse } from "node:http";
import type { StripeErrorBody } from "../core/errors";

export function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

export function sendStripeError(res: ServerResponse, status: number, error: StripeErrorBody): void {
  sendJson(res, status, JSON.stringify({ error }, null, 2));
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(html),
    "Cache-Control": "no-store",
  });
  res.end(html);
}

export function sendRedirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { Location: location, "Content-Length": 0 });
  res.end();
}

export function unknownRouteError(method: string, path: string): StripeErrorBody {
  return {
    type: "invalid_request_error",
    message:
      `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs ` +
      "or we can help at https://support.stripe.com/.",
  };
}
