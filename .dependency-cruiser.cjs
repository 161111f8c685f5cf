// The architecture of lib/ in code: `npm run lint` runs `depcruise` with these rules (and `npm test`
// runs the same step), so a layer violation or a folder cycle fails the build. README "The layers of
// lib/" draws the same picture; scripts/lib/dependency-rules.test.ts proves the rules bite.

// Layers from the bottom up. A folder may import its own layer and the layers below it, never above.
// Inside a layer of one folder per step (money, access) the order of the list is the order of the
// steps: ledger < billing < payments means billing may use the ledger, never the other way round.
const LAYERS = [
  {
    name: "foundation",
    // No domain rules here: configuration (env and the operators' launch settings), errors, the
    // database, logs and metrics, HTTP and input policy, who is asking (the session row, requireAdmin),
    // email transport, rate limits, security headers, the Stripe client, the action wrapper.
    folders: [
      "env.ts",
      "errors.ts",
      "format",
      "settings",
      "session",
      "db",
      "observability",
      "input",
      "http",
      "email",
      "rate-limit",
      "security",
      "stripe",
      "faults",
      "site",
      "islands",
      "content",
      "actions",
      // The platform's webhooks owed (an outbox like email's): recorded by billing and spend controls.
      "platform-events",
      // The zero-JS pages answered from memory in front of Next (server.ts, decision 0016).
      "page-cache",
    ],
  },
  { name: "money: ledger", folders: ["ledger"] },
  // Spend controls (issue 19): who gets receipts and alerts (billing contacts), then budgets, which
  // ingestion checks in the transaction that posts usage, so they sit below billing.
  { name: "money: contacts", folders: ["billing-contacts"] },
  { name: "money: budgets", folders: ["budgets", "spend-alerts"] },
  { name: "money: billing", folders: ["billing"] },
  { name: "money: invoices", folders: ["invoices"] },
  // Billing details (issue 20) live on the Stripe customer, so they sit with payments: they use its
  // customer lookup and Stripe error helpers, and payments never imports them.
  { name: "money: payments", folders: ["payments", "billing-details"] },
  // Access and signup: the audit log records who did what; invitations and codes; the waitlist (which
  // invites); sign-in (Auth.js: who may sign in, account creation at first sign-in).
  { name: "access: audit", folders: ["audit"] },
  { name: "access: invites", folders: ["invites"] },
  { name: "access: waitlist", folders: ["waitlist"] },
  { name: "access: auth", folders: ["auth"] },
  // Customers' personal read-only API keys (issue 19): who is asking on /api/account/v1.
  { name: "access: api keys", folders: ["api-keys"] },
  // Operators' writes that span money and access: adjustments with the two-person rule, incident
  // credits, rate-card drafts (shadow billing, publishing), freezing or closing an account. Each posts
  // to the ledger and writes its audit entry in one transaction, so it sits above both.
  { name: "operations", folders: ["adjustments", "incidents", "rate-drafts", "account-controls"] },
  { name: "read models", folders: ["account", "monthly-statements", "admin", "pricing"] },
  { name: "processes", folders: ["jobs", "demo", "server-start"] },
];

const escape = (name) => name.replace(/[.-]/g, (c) => `\\${c}`);
// `lib/billing/...` or the single-file module `lib/env.ts`.
const pathOf = (folders) => `^lib/(${folders.map(escape).join("|")})(/|$)`;

const layerRules = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `layer-${layer.name.replace(/[^a-z]+/g, "-")}`,
  severity: "error",
  comment: `lib/ ${layer.name} may import only its own layer and those below; these are above it.`,
  from: { path: pathOf(layer.folders) },
  to: { path: pathOf(LAYERS.slice(index + 1).flatMap((above) => above.folders)) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: "no-folder-cycle",
      severity: "error",
      comment: "Folders of lib/ form no cycle (within a layer either): split or move the code instead.",
      scope: "folder",
      // Top-level folders only: `lib` itself holds env.ts and errors.ts, below everything.
      from: { path: "^lib/[^/]+$" },
      to: { path: "^lib/[^/]+$", circular: true },
    },
    {
      name: "no-module-cycle",
      severity: "error",
      comment: "No module imports itself through others.",
      from: { path: "^(lib|app|components|pages|islands)/" },
      to: { circular: true },
    },
    {
      name: "lib-not-to-app",
      severity: "error",
      comment: "lib/ is the domain; app/, components/ and pages/ use it, never the other way round.",
      from: { path: "^lib/" },
      to: { path: "^(app|components|pages)/" },
    },
    {
      name: "money-not-to-next",
      severity: "error",
      comment: "The ledger and billing run outside Next (scripts, jobs, tests): no next/* there.",
      from: { path: "^lib/(ledger|billing)/" },
      to: { path: "^next(/|$)|node_modules/next/" },
    },
    {
      name: "no-next-internals",
      severity: "error",
      comment: "next/dist/ is Next's private code and changes without notice: use the public entry points.",
      from: {},
      // `next/link` resolves to node_modules/next/link.js (a public shim) and the bare `next` to its
      // package main; any other file under next/dist/ is a deep import.
      to: { path: "^node_modules/next/dist/", pathNot: "^node_modules/next/dist/server/next\\.js$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Test files may reach across layers for their setup: that is no dependency of the product.
    exclude: { path: ["^(\\.next|\\.next-[^/]*|\\.data|public|playwright-report|test-results)/", "\\.test\\.tsx?$"] },
    // Type-only imports tie folders together as much as value imports do.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
