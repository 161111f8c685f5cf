import "server-only";
import { AppError } from "@/lib/errors";
import type { AppSession } from "./app-session";

/**
 * For the admin area: the session if it belongs to an operator, otherwise `not_found`, so the admin
 * area does not even admit that it exists to anyone else.
 */
export function requireAdmin(session: AppSession | null): AppSession & { user: { role: "admin" } } {
  if (session?.user.role !== "admin") throw new AppError("not_found");
  return session as AppSession & { user: { role: "admin" } };
}
