import "server-only";
import { AppError } from "@/lib/errors";
import { readCappedBodyOrThrow } from "@/lib/http/read-capped-body";

// Fatal: invalid UTF-8 is the caller's 400. A lenient decode would store U+FFFD in place of the bytes
// sent, so the record could never be matched by its own retry.
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The request's body parsed as JSON, refusing (413) a body over `maxBytes` before reading it whole
 * (lib/http/read-capped-body.ts). A body that is not valid UTF-8 or not JSON is a 400.
 */
export async function readJsonBodyOrThrow(request: Request, maxBytes: number): Promise<unknown> {
  const bytes = await readCappedBodyOrThrow(request, maxBytes);
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw new AppError("bad_request", { message: "The body is not valid UTF-8." });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", { message: "The body is not valid JSON." });
  }
}
