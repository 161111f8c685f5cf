import type { ServerResponse } from "node:http";
import { sendStripeError } from "../http/send";

export type FaultKind = "500" | "timeout" | "drop";

export type Fault = {
  method?: string;
  path: string;
  kind: FaultKind;
  count: number;
  timeoutMs?: number;
  /** Apply the change first, then fail the answer (the lost-response case). */
  after: boolean;
};

export type FaultInjector = ReturnType<typeof createFaultInjector>;

export function createFaultInjector() {
  let faults: Fault[] = [];
  return {
    add(fault: Fault): void {
      faults.push({ ...fault });
    },
    // Consumes one use of the first fault matching the request, if any.
    take(method: string, path: string): Fault | undefined {
      const fault = faults.find(
        (candidate) =>
          candidate.count > 0 &&
          path.startsWith(candidate.path) &&
          (candidate.method === undefined || candidate.method.toUpperCase() === method),
      );
      if (!fault) return undefined;
      fault.count -= 1;
      faults = faults.filter((candidate) => candidate.count > 0);
      return { ...fault };
    },
    list: (): Fault[] => faults.map((fault) => ({ ...fault })),
    clear(): void {
      faults = [];
    },
  };
}

const DEFAULT_HANG_MS = 120_000;

export function applyFault(res: ServerResponse, fault: Fault): void {
  if (fault.kind === "500") {
    sendStripeError(res, 500, {
      type: "api_error",
      message: "An unknown error occurred (injected by the Stripe emulator).",
    });
    return;
  }
  if (fault.kind === "drop") {
    res.socket?.destroy();
    return;
  }
  // A hang: never answer; the socket is cut later so the process is not held open forever.
  const timer = setTimeout(() => res.socket?.destroy(), fault.timeoutMs ?? DEFAULT_HANG_MS);
  timer.unref();
  res.on("close", () => clearTimeout(timer));
}
