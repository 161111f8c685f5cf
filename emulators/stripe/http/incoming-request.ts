import type { IncomingMessage, ServerResponse } from "node:http";

/** A request as the server hands it on to the API or the test controls: its URL parsed, its method read. */
export type IncomingRequest = { req: IncomingMessage; res: ServerResponse; url: URL; method: string };

/** The request's method, upper-cased; GET when Node has none. */
export function readMethod(req: IncomingMessage): string {
  return (req.method ?? "GET").toUpperCase();
}
