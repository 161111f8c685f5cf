// How long sign-in artefacts live (DESIGN section 8). Auth.js's `session.maxAge` is the idle timeout:
// each use moves a session's `expires` forward, at most once per `updateAge`. The absolute timeout is
// ours (lib/session/auth-sessions.ts): counted from the session's `createdAt`, never moved.
export const MAGIC_LINK_MAX_AGE_SECONDS = 10 * 60;
export const SESSION_IDLE_TIMEOUT_SECONDS = 7 * 24 * 60 * 60;
export const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60;
export const SESSION_ABSOLUTE_TIMEOUT_SECONDS = 30 * 24 * 60 * 60;

/** Whether a session created at `createdAt` has outlived the absolute timeout at `now`. */
export function isPastAbsoluteTimeout(createdAt: Date, now: Date = new Date()): boolean {
  return now.getTime() - createdAt.getTime() >= SESSION_ABSOLUTE_TIMEOUT_SECONDS * 1000;
}
