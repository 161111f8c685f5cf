import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";

afterAll(closeDb);

describe("looking a user up by email, case-insensitively", () => {
  it("is served by an index on lower(email), not a scan of every user", async () => {
    const plan = await runTransaction(getDb(), async (tx) => {
      // Tiny test tables make a sequential scan cheapest; forbid it so the plan shows what can serve the query.
      await tx.execute(sql`set local enable_seqscan = off`);
      const result = await tx.execute<{ "QUERY PLAN": string }>(
        sql`explain select id from "user" where lower(email) = ${"someone@example.com"}`,
      );
      return result.rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("user_email_lower_idx");
  });
});
