import "server-only";
import { notFound } from "next/navigation";
import type { AppSession } from "@/lib/session/app-session";
import { getCurrentSession } from "@/lib/session/get-current-session";

/**
 * Every admin page starts here: the operator's session, or the ordinary 404 page for anyone else
 * (signed in or not), so the admin area does not admit it exists. The lib functions the pages call
 * check the role again.
 */
export async function requireAdminPage(): Promise<AppSession> {
  const session = await getCurrentSession();
  if (session?.user.role !== "admin") notFound();
  return session;
}
