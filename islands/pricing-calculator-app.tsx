// Hydrates the server-rendered calculator with the props the page wrote next to it (plain JSON: the
// card's bigints travel as decimal strings). Loaded on demand by islands/pricing-calculator.ts.
import { StrictMode, useEffect, type ReactNode } from "react";
import { hydrateRoot } from "react-dom/client";
import { PricingCalculator, type PricingCalculatorProps } from "@/components/marketing/pricing-calculator";

/** Calls `onCommit` once React has adopted its children: hydrateRoot only schedules that. */
function OnCommit({ onCommit, children }: { onCommit: () => void; children: ReactNode }) {
  useEffect(onCommit, [onCommit]);
  return children;
}

export function hydrateCalculator(container: HTMLElement): void {
  const props = JSON.parse(container.dataset.props ?? "{}") as PricingCalculatorProps;
  const markHydrated = () => void (container.dataset.hydrated = "true");
  hydrateRoot(
    container,
    <StrictMode>
      <OnCommit onCommit={markHydrated}>
        <PricingCalculator {...props} />
      </OnCommit>
    </StrictMode>,
  );
}
