// The pricing page's one interactive part. The page itself ships no JavaScript (pages/pricing.tsx);
// this small module waits until a visitor comes near the calculator, or touches it, and only then
// loads React and hydrates it (islands/pricing-calculator-app.tsx). Built by scripts/lib/build-islands.ts.
import { fillInputs, PRESET_ATTRIBUTE } from "./fill-inputs";
import { CALCULATOR_ISLAND_ID } from "./island-ids";

const container = document.getElementById(CALCULATOR_ISLAND_ID);
if (container) {
  let isStarted = false;
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) start();
    },
    { rootMargin: "600px 0px" },
  );
  function start() {
    if (isStarted || !container) return;
    isStarted = true;
    observer.disconnect();
    void import("./pricing-calculator-app").then(({ hydrateCalculator }) => hydrateCalculator(container));
  }
  observer.observe(container);
  for (const type of ["focusin", "pointerdown"]) container.addEventListener(type, start, { once: true });
  // A preset clicked before React arrives (the click that starts loading it, on a slow phone) is
  // applied here; the calculator adopts the inputs as it hydrates. Afterwards React handles the click
  // (both writing the same values, should they meet, changes nothing).
  container.addEventListener("click", (event) => {
    if (container.dataset.hydrated === "true" || !(event.target instanceof Element)) return;
    const button = event.target.closest(`[${PRESET_ATTRIBUTE}]`);
    const form = container.querySelector("form");
    if (button && form)
      fillInputs(form, JSON.parse(button.getAttribute(PRESET_ATTRIBUTE) ?? "{}") as Record<string, string>);
  });
}
