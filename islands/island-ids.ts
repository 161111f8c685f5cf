/** The element the pricing page renders the calculator into; its `data-props` carry the props as JSON. */
export const CALCULATOR_ISLAND_ID = "pricing-calculator";
