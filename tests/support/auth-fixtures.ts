// Users and invites in the test database, made through the same lib functions the app uses.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { createInvite } from "@/lib/invites/create-invite";

export async function inviteEmail(email: string): Promise<bigint> {
  return (await createInvite(getDb(), { email, source: "operator" })).id;
}

/** A user who exists already (signed up earlier), without going through an invite. */
export async function createExistingUser(email: string): Promise<string> {
  const id = randomUUID();
  await getDb().execute(sql`insert into "user" (id, email, "emailVerified") values (${id}, ${email}, now())`);
  return id;
}

export async function countRows(query: ReturnType<typeof sql>): Promise<number> {
  const result = await getDb().execute<{ count: string }>(query);
  return Number(result.rows[0]!.count);
}
