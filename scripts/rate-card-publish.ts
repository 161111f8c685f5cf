// npm run rates:publish -- --file card.json --from 2026-12-01T00:00:00Z – publishes the next rate card
// version (lib/billing/publish-rate-card.ts): it takes effect on that future whole hour, never
// retroactively. The file is `[{ "resource", "unitLabel", "priceMicros", "perUnits" }]` with decimal
// strings for the amounts. The pricing page shows it, with its date, within its revalidation time. A
// card that raises any price owes every customer one email (lib/rate-drafts, as /admin/rates does).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { RESOURCES, type Resource } from "@/lib/billing/resources";
import { closeDb, getDb } from "@/lib/db/client";
import { RESOURCE_COPY } from "@/lib/pricing/resource-copy";
import { publishAnnouncedRateCard } from "@/lib/rate-drafts/publish-announced-rate-card";
import { withDatabase } from "./lib/database";

const entriesSchema = z.array(
  z.object({
    resource: z.enum(RESOURCES),
    unitLabel: z.string().min(1),
    priceMicros: z.string().regex(/^\d+$/).transform(BigInt),
    perUnits: z.string().regex(/^\d+$/).transform(BigInt),
  }),
);

const { values } = parseArgs({ options: { file: { type: "string" }, from: { type: "string" } } });
const effectiveFrom = new Date(values.from ?? "");
if (!values.file || Number.isNaN(effectiveFrom.getTime())) {
  console.error("usage: npm run rates:publish -- --file card.json --from <ISO hour in the future>");
  process.exit(2);
}
const entries = entriesSchema.parse(JSON.parse(readFileSync(values.file, "utf8")));

await withDatabase(async () => {
  try {
    const resourceNames = Object.fromEntries(
      RESOURCES.map((resource) => [resource, RESOURCE_COPY[resource].name]),
    ) as Record<Resource, string>;
    // As the admin area publishes: a card that raises a price owes every customer one email about it.
    const { version, emailsOwed } = await publishAnnouncedRateCard(getDb(), { effectiveFrom, entries, resourceNames });
    console.log(`Published rate card v${version}, in force from ${effectiveFrom.toISOString()}.`);
    if (emailsOwed > 0) console.log(`It raises a price: ${emailsOwed} customers will get one email about it.`);
  } finally {
    await closeDb();
  }
});
