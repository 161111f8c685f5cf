"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const COOKIE = "tz"; // TIME_ZONE_COOKIE in lib/settings/time-zone.ts (not imported: it carries zod)

/**
 * Tells the server the browser's time zone (a cookie) until the person chooses one in settings, and
 * re-renders the page once when the dates on it were drawn in another zone: pages render per request,
 * so only the first account page a browser opens shows UTC, for a moment.
 */
export function BrowserTimeZone({ shownTimeZone, isChosen }: { shownTimeZone: string; isChosen: boolean }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const isKnown = document.cookie.split("; ").includes(`${COOKIE}=${zone}`);
    if (isKnown) return;
    document.cookie = `${COOKIE}=${zone}; path=/account; max-age=31536000; samesite=lax`;
    if (!isChosen && zone !== shownTimeZone) router.refresh();
  }, [router, shownTimeZone, isChosen]);
  return null;
}
