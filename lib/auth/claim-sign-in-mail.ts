import "server-only";
import { createHash } from "node:crypto";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { normalizeEmail } from "@/lib/invites/normalize-email";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { SIGN_IN_LIMITS } from "./limit-sign-in-requests";

/**
 * Counts one sign-in mail to `email` against the per-address cap and says whether it may be sent.
 * Called when a mail is about to go out (after the response, and only for requests Auth.js accepted,
 * so only CSRF-valid ones), never to refuse a request: past the cap the requester sees the same page
 * and the address simply gets no more mail until the window ends. Links already mailed keep working.
 * The address is hashed in the bucket name: the limits table holds no addresses.
 */
export async function claimSignInMail(db: Database, email: string): Promise<boolean> {
  const digest = createHash("sha256").update(normalizeEmail(email)).digest("hex").slice(0, 32);
  try {
    await consumeRateLimit(db, { bucket: `sign-in:email:${digest}`, ...SIGN_IN_LIMITS.perEmail });
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "rate_limited") return false;
    throw error;
  }
}
