import "server-only";
import { AppError } from "@/lib/errors";

/** The cap of each endpoint a stranger can reach without credentials, in bytes. */
export const BODY_LIMITS = {
  stripeWebhook: 1024 * 1024,
  authForm: 16 * 1024,
  /** The forms of the zero-JS pages (pages/waitlist), posted without JavaScript. */
  publicForm: 16 * 1024,
} as const;

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", {
    message: `The body is larger than ${maxBytes} bytes.`,
    details: { max_bytes: maxBytes },
  });
}

/**
 * The request's body bytes, refusing (413) a body over `maxBytes` without holding more than that in
 * memory: a declared Content-Length over the cap is refused before a byte is read, and a body streamed
 * without one (or lying about it) is cut off as soon as it passes the cap.
 */
export async function readCappedBodyOrThrow(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) {
    // Not read: tell the stream we are done with it, so the connection is not left holding it.
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
