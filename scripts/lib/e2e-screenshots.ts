// Whether the browser tests take their screenshots (e2e/support/screenshots.ts). They are for people
// to look at locally, never assertions, and CI throws them away: four full-page captures a call were
// about a third of the end-to-end run there, so CI skips them unless asked.

/** `E2E_SCREENSHOTS=1` or `0` decides; unset, screenshots are taken except under `CI=true`. */
export function areScreenshotsWanted(env: Record<string, string | undefined>): boolean {
  const asked = env.E2E_SCREENSHOTS?.trim();
  if (asked === "1" || asked === "true") return true;
  if (asked === "0" || asked === "false") return false;
  return env.CI !== "true" && env.CI !== "1";
}
