import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A random URL-safe secret (256 bits) for a single-purpose link. */
export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored instead of a secret: its SHA-256, hex. Secrets here are random, so no salt is needed. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}
