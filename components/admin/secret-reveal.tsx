"use client";

import { useState } from "react";

type CopyState = "idle" | "copied" | "failed";

/**
 * A secret shown once (a new platform token): the message, the value (selectable as a whole) and a
 * button that copies it. It lives only in this component's state: reloading the page loses it, as it
 * should.
 */
export function SecretReveal({ message, secret, testId }: { message: string; secret: string; testId: string }) {
  const [copy, setCopy] = useState<CopyState>("idle");
  async function copySecret() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy("copied");
    } catch {
      // No clipboard (an insecure origin, a denied permission): the value stays selectable by hand.
      setCopy("failed");
    }
  }
  return (
    <div role="status" className="border-accent/40 bg-accent/10 rounded-xl border p-4">
      <p className="text-ink text-sm">{message}</p>
      <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-center">
        <code
          className="bg-paper min-w-0 flex-1 rounded-lg px-3 py-2 font-mono text-sm break-all select-all"
          data-testid={testId}
        >
          {secret}
        </code>
        <button
          type="button"
          onClick={() => void copySecret()}
          className="border-line bg-paper hover:border-brand hover:text-brand shrink-0 rounded-lg border px-4 py-2 text-sm font-semibold"
        >
          {copy === "copied" ? "Copied" : "Copy"}
        </button>
      </div>
      <p aria-live="polite" className="text-ink-soft mt-2 text-xs">
        {copy === "copied"
          ? "Copied to the clipboard."
          : copy === "failed"
            ? "The browser did not allow copying: select the token and copy it by hand."
            : ""}
      </p>
    </div>
  );
}
