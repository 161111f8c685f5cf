// A Pages Router request (Node's IncomingMessage) as a web Request, so getServerSideProps can hand a form
// post to the same code as a route handler (the capped body reader, client-ip). No `server-only`: the
// Pages Router refuses that marker (lib/actions/page-server-call.ts); this module reads nothing itself.
import type { IncomingMessage } from "node:http";

export function toWebRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  // Pulled chunk by chunk, so the capped reader stops reading at its cap. Cancelling only stops reading:
  // destroying the request would close the socket before the 413 page is written.
  // Once cancelled (the cap reached) or settled, later events must not touch the controller: Node still
  // emits `end` after the reader let go, and closing a cancelled stream throws outside any request.
  let isOpen = true;
  const body = hasBody
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          req.on("data", (chunk: Buffer) => {
            if (!isOpen) return;
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            req.pause();
          });
          req.on("end", () => {
            if (isOpen) controller.close();
            isOpen = false;
          });
          req.on("error", (error) => {
            if (isOpen) controller.error(error);
            isOpen = false;
          });
          req.pause();
        },
        pull() {
          req.resume();
        },
        cancel() {
          isOpen = false;
          req.removeAllListeners("data");
          req.resume();
        },
      })
    : null;
  // The URL's host is not used (the origin check reads the headers), so a malformed Host cannot throw here.
  return new Request(new URL(req.url ?? "/", "http://localhost"), {
    method,
    headers,
    body,
    // Required by undici for a streamed body.
    ...(body ? { duplex: "half" } : {}),
  });
}
