// The array literals ingestion sends must reach Postgres as exactly the values they were built from.
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { integerArrayLiteral, textArrayLiteral } from "@/lib/db/array-literal";
import { closeDb, getDb } from "@/lib/db/client";

afterAll(closeDb);

describe("array literals", () => {
  it("round-trip text values with quotes, backslashes, separators, spaces and words Postgres reads specially", async () => {
    const values = ["plain", "", " padded ", 'a"quote', "back\\slash", '\\"', "a,b", "{braces}", "NULL", "null", "ünïcødé ✓", "tab\there", "new\nline"];
    const rows = await getDb().execute<{ values: string[] }>(sql`select ${textArrayLiteral(values)}::text[] as values`);
    expect(rows.rows[0]!.values).toEqual(values);
    const empty = await getDb().execute<{ count: number }>(sql`select cardinality(${textArrayLiteral([])}::text[]) as count`);
    expect(empty.rows[0]!.count).toBe(0);
  });

  it("round-trip integers beyond 2^53 and nulls", async () => {
    const values = [0n, -1n, 9_007_199_254_740_993n, -9_223_372_036_854_775_808n, null, 42n];
    const rows = await getDb().execute<{ values: Array<string | null> }>(
      sql`select array(select v::text from unnest(${integerArrayLiteral(values)}::bigint[]) as v) as values`,
    );
    expect(rows.rows[0]!.values).toEqual(values.map((value) => (value === null ? null : value.toString())));
    const numbers = await getDb().execute<{ total: string }>(sql`select sum(v)::text as total from unnest(${integerArrayLiteral([1, 2, 3])}::int[]) as v`);
    expect(numbers.rows[0]!.total).toBe("6");
  });
});
