// Hydrates the server-rendered calculator with the props the page wrote next to it (plain JSON: the
// card's bigints travel as decimal strings). Loaded on demand by islands/pricing-calculator.ts.
import { StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { PricingCalculator, type PricingCalculatorProps } from "@/components/marketing/pricing-calculator";

export function hydrateCalculator(container: HTMLElement): void {
  const props = JSON.parse(container.dataset.props ?? "{}") as PricingCalculatorProps;
  hydrateRoot(
    container,
    <StrictMode>
      <PricingCalculator {...props} />
    </StrictMode>,
  );
  container.dataset.hydrated = "true";
}
