// npm run rates:publish -- --file card.json --from 2026-12-01T00:00:00Z – publishes the next rate card
// version (lib/billing/publish-rate-card.ts): it takes effect on that future whole hour, never
// retroactively. The file is `[{ "resource", "unitLabel", "priceMicros", "perUnits" }]` with decimal
// strings for the amounts. The pricing page shows it, with its date, within its revalidation time.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { publishRateCard } from "@/lib/billing/publish-rate-card";
import { RESOURCES } from "@/lib/billing/resources";
import { closeDb, getDb } from "@/lib/db/client";
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
    const { version } = await publishRateCard(getDb(), { effectiveFrom, entries });
    console.log(`Published rate card v${version}, in force from ${effectiveFrom.toISOString()}.`);
  } finally {
    await closeDb();
  }
});
