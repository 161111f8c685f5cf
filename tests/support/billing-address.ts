// Checkout top-ups require a billing address (issue 20: every top-up gets an invoice), so a test paying
// through the emulator's complete control gives a name and an address, as a person does on the hosted
// page. A US address: the emulator's test tax rates have none for it, so amounts stay as they were even
// with automatic tax on.
export const TEST_BILLING_DETAILS = {
  name: "Ada Lovelace",
  address: { line1: "1 Test Street", city: "Springfield", postal_code: "62701", country: "US" },
} as const;
