import "server-only";
import { after } from "next/server";
import { getLogger } from "@/lib/observability/logger";

/**
 * Runs `task` once the response has been sent (Next's after()). Outside a request scope, as when a
 * test calls a route handler directly, after() throws; the task then starts at once, unawaited. Either
 * way its failure is logged, never thrown at the caller.
 */
export function runAfterResponse(name: string, task: () => Promise<unknown>): void {
  const guarded = () =>
    task().then(
      () => undefined,
      (error: unknown) => getLogger().error({ err: error, task: name }, "after-response task failed"),
    );
  try {
    after(guarded);
  } catch {
    void guarded();
  }
}
