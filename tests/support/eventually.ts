// Options for vi.waitFor on work the site finishes after it answers (emails sent after the commit,
// webhooks processed in the background). vi.waitFor's default of 1 s is too short on a loaded 2-core
// machine: a refund email once arrived after it, and the test failed with nothing wrong.
export const EVENTUALLY = { timeout: 10_000, interval: 50 } as const;
