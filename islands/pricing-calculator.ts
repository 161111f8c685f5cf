// The pricing page's one interactive part. The page itself ships no JavaScript (pages/pricing.tsx);
// this small module waits until a visitor comes near the calculator, or touches it, and only then
// loads React and hydrates it (islands/pricing-calculator-app.tsx). Built by scripts/lib/build-islands.ts.
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
}
