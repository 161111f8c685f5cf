// Rate limits count in fixed windows aligned to the epoch (lib/rate-limit/consume-rate-limit.ts). A test
// that sends a run of requests and expects one limit to catch them must not straddle a window's end,
// where the count starts over: it waits for a fresh window when too little of the current one is left.
const SIGN_IN_WINDOW_MS = 15 * 60_000;

/** Resolves at once, or after the current window ends when less than `neededMs` of it is left. */
export async function startWellInsideRateLimitWindow(neededMs = 120_000, windowMs = SIGN_IN_WINDOW_MS): Promise<void> {
  const leftMs = windowMs - (Date.now() % windowMs);
  if (leftMs < neededMs) await new Promise((resolve) => setTimeout(resolve, leftMs + 1_000));
}
