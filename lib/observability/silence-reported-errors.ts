import "server-only";

// Next's production server prints every error it hands to `onRequestError` again, plainly, with
// console.error: the message and stack as thrown (a failed query's parameters included: emails, typed
// text), and no count. reportRequestError has logged it already, structured and redacted, so that second
// copy is dropped; anything else written to console.error is left alone.
const globalForReported = globalThis as unknown as { reportedErrors?: WeakSet<object>; restoreConsoleError?: () => void };

function reportedErrors(): WeakSet<object> {
  globalForReported.reportedErrors ??= new WeakSet();
  return globalForReported.reportedErrors;
}

/** Marks an error as logged (by reportRequestError), so its plain console copy is dropped. */
export function markErrorReported(error: unknown): void {
  if (error !== null && typeof error === "object") reportedErrors().add(error);
}

function isReported(value: unknown): boolean {
  return value !== null && typeof value === "object" && reportedErrors().has(value);
}

/** Wraps console.error once per process; returns a function that restores it (for tests). */
export function silenceReportedErrorsInConsole(): () => void {
  if (globalForReported.restoreConsoleError) return globalForReported.restoreConsoleError;
  const original = console.error;
  console.error = (...args: unknown[]) => {
    if (args.some(isReported)) return;
    original.apply(console, args);
  };
  const restore = () => {
    console.error = original;
    globalForReported.restoreConsoleError = undefined;
  };
  globalForReported.restoreConsoleError = restore;
  return restore;
}
