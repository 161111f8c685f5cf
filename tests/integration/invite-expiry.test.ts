import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { createInvite, INVITE_LIFETIME_MS } from "@/lib/invites/create-invite";
import { createMemberInvite } from "@/lib/invites/member-invites";
import { authOrigin, createTestAuth, followLink, mailedLink, uniqueEmail } from "../support/auth-harness";
import { countRows } from "../support/auth-fixtures";
import { signedInMember, waitForMail } from "../support/signup-fixtures";

afterAll(closeDb);

const longAgo = () => new Date(Date.now() - INVITE_LIFETIME_MS - 60_000);

async function invitesOf(email: string) {
  const result = await getDb().execute<{ id: string; status: string; live: boolean }>(sql`
    select id::text, status, expires_at > now() as live from invites where email = ${email} order by id`);
  return result.rows;
}

describe("an invite that expired unused", () => {
  it("does not block a new invite for the same email, which then admits them", async () => {
    const email = uniqueEmail("expired");
    const stale = await createInvite(getDb(), { email, source: "operator", now: longAgo() });
    const fresh = await createInvite(getDb(), { email, source: "operator" });
    expect(fresh.id).not.toBe(stale.id);
    expect(await invitesOf(email)).toEqual([
      { id: stale.id.toString(), status: "revoked", live: false },
      { id: fresh.id.toString(), status: "pending", live: true },
    ]);
    // Still idempotent while the new one is live.
    expect((await createInvite(getDb(), { email, source: "operator" })).id).toBe(fresh.id);

    const auth = createTestAuth();
    const response = await followLink(auth, await mailedLink(auth, email));
    expect(response.headers.get("location")).toBe(`${authOrigin()}/account`);
  });

  it("gives way to one new invite when several are issued at the same moment", async () => {
    const email = uniqueEmail("expired-race");
    await createInvite(getDb(), { email, source: "operator", now: longAgo() });
    const created = await Promise.all(Array.from({ length: 4 }, () => createInvite(getDb(), { email, source: "operator" })));
    expect(new Set(created.map((invite) => invite.id))).toHaveLength(1);
    expect(await countRows(sql`select count(*) from invites where email = ${email} and status = 'pending'`)).toBe(1);
  });

  it("does not stop a member from inviting that address", async () => {
    const auth = createTestAuth();
    const member = await signedInMember(auth, "inviter");
    const email = uniqueEmail("lapsed");
    await createInvite(getDb(), { email, source: "operator", now: longAgo() });
    await createMemberInvite(getDb(), member.session, email);
    expect(await waitForMail(email)).toHaveLength(1);
    expect((await invitesOf(email)).map((invite) => invite.status)).toEqual(["revoked", "pending"]);
  });
});
