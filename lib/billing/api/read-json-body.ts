import "server-only";
import { AppError } from "@/lib/errors";

/**
 * The request's body parsed as JSON, refusing (413) a body over `maxBytes` before reading it whole:
 * the declared Content-Length is checked first, then the stream is cut off as soon as it passes the cap.
 * A body that is not valid UTF-8 or not JSON is a 400.
 */
export async function readJsonBodyOrThrow(request: Request, maxBytes: number): Promise<unknown> {
  const tooLarge = () =>
    new AppError("payload_too_large", {
      message: `The body is larger than ${maxBytes} bytes.`,
      details: { max_bytes: maxBytes },
    });
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  let text: string;
  try {
    // Fatal: invalid UTF-8 is the caller's 400. A lenient decode would store U+FFFD in place of the bytes
    // sent, so the record could never be matched by its own retry.
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("bad_request", { message: "The body is not valid UTF-8." });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", { message: "The body is not valid JSON." });
  }
}
