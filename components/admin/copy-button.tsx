"use client";

import { useEffect, useState } from "react";

type CopyState = "idle" | "copied" | "failed";

/**
 * Copies `text` with one click (or Enter/Space: it is a real button) and says so visibly and to screen
 * readers. Where the clipboard is refused (an insecure origin, a denied permission), it says to copy by
 * hand; the text beside it stays selectable.
 */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const [state, setState] = useState<CopyState>("idle");
  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), 4000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={() => void copy()}
        aria-label={state === "copied" ? `Copied the ${what}` : `Copy the ${what}`}
        className="rounded-lg border border-line bg-paper px-4 py-2 text-sm font-semibold hover:border-brand hover:text-brand focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand"
      >
        {state === "copied" ? "Copied" : "Copy"}
      </button>
      <span role="status" className={state === "failed" ? "text-sm text-danger" : "sr-only"}>
        {state === "copied" ? `Copied the ${what} to the clipboard.` : state === "failed" ? "Copying was not allowed here: select it and copy it by hand." : ""}
      </span>
    </span>
  );
}
