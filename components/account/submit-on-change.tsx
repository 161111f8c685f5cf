"use client";

import { useEffect, useRef } from "react";

/**
 * Makes the GET form around it apply each change at once (the same URL its button would give), so
 * nobody has to find a "Show usage" button. Without JavaScript the form's own button does it. Custom
 * dates wait until both are filled in, and picking one chooses the custom range.
 */
export function SubmitOnChange() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form) return;
    const onChange = (event: Event) => {
      const target = event.target;
      if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
      const dates = [...form.querySelectorAll<HTMLInputElement>('input[type="date"]')];
      const isCustom = target.type === "date" || (target.name === "range" && target.value === "custom");
      if (target.type === "date") {
        const range = form.elements.namedItem("range");
        if (range instanceof HTMLSelectElement) range.value = "custom";
      }
      if (isCustom && dates.some((input) => input.value === "")) return;
      form.requestSubmit();
    };
    form.addEventListener("change", onChange);
    return () => form.removeEventListener("change", onChange);
  }, []);
  return <span ref={marker} hidden />;
}
