// What the integration tests are given by scripts/run-tests.ts: a scratch database and mail catcher.
// Refuses to run against anything else, so a stray DATABASE_URL can never point tests at real data.
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url || !process.env.TEST_ADMIN_DATABASE_URL) {
    throw new Error("Integration tests need the test stack: run them with `npm run test:integration`.");
  }
  const { hostname, pathname } = new URL(url);
  const isLocal = hostname === "127.0.0.1" || hostname === "localhost" || hostname === "::1";
  if (!isLocal && !pathname.startsWith("/platform_test_")) {
    throw new Error(`Refusing to run integration tests against ${hostname}: not a test database.`);
  }
  return url;
}

export function adminDatabaseUrl(): string {
  testDatabaseUrl();
  return process.env.TEST_ADMIN_DATABASE_URL as string;
}

export function mailApiUrl(): string {
  const url = process.env.MAIL_API_URL;
  if (!url) throw new Error("MAIL_API_URL is not set: run with `npm run test:integration`.");
  return url;
}

/**
 * The test database as its owner (the role that migrated it). The code under test connects as the
 * site's own login (DATABASE_URL), which may not alter tables or remove append-only rows: tests that
 * stage such things on purpose (a failing constraint, a lost event) do it through this URL.
 */
export function ownerDatabaseUrl(): string {
  testDatabaseUrl();
  const url = process.env.TEST_OWNER_DATABASE_URL;
  if (!url) throw new Error("TEST_OWNER_DATABASE_URL is not set: run with `npm run test:integration`.");
  return url;
}
