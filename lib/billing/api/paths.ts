/** Where the billing API is served (DESIGN section 5); the version is part of the contract. */
export const BILLING_API_BASE_PATH = "/api/billing/v1";
