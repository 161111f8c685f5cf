/** Where the customers' read-only API is served (issue 19); the version is part of the contract. Pure: proxy.ts imports it. */
export const ACCOUNT_API_BASE_PATH = "/api/account/v1";
