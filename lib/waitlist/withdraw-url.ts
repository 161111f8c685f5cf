import "server-only";
import { getEnv } from "@/lib/env";

/** The one-click link that takes an address off the waitlist (pages/waitlist, lib/waitlist/withdraw-*). */
export function withdrawUrl(token: string): string {
  return `${getEnv().appUrl}/waitlist/withdraw?${new URLSearchParams({ token })}`;
}
