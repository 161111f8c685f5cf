import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { createMemberInvite, getMemberInvites } from "@/lib/invites/member-invites";
import { authOrigin, createTestAuth, followLink, linkIn, mailTo, uniqueEmail } from "../support/auth-harness";
import { countRows, createExistingUser } from "../support/auth-fixtures";
import { settle, signedInMember, waitForMail } from "../support/signup-fixtures";

afterAll(closeDb);

describe("member invites", () => {
  it("let a member invite up to the allowance (2), each with an emailed link that creates the account", async () => {
    const auth = createTestAuth();
    const member = await signedInMember(auth);
    const friend = uniqueEmail("friend");
    await createMemberInvite(getDb(), member.session, friend);
    const mail = (await waitForMail(friend))[0];
    expect(mail?.subject).toBe("Your invitation to Tandem");
    expect(mail?.text).toContain(`${member.email} invited you`);
    expect((await followLink(auth, linkIn(mail))).headers.get("location")).toBe(`${authOrigin()}/account`);

    await createMemberInvite(getDb(), member.session, uniqueEmail("friend"));
    const third = uniqueEmail("friend");
    const refused = await createMemberInvite(getDb(), member.session, third).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "conflict", message: "You have used all 2 of your invitations." });
    expect(await getMemberInvites(getDb(), member.session)).toMatchObject({ allowance: 2, used: 2 });
    await settle();
    expect(await mailTo(third)).toHaveLength(0);
  });

  it("cannot pass the allowance by racing", async () => {
    const member = await signedInMember(createTestAuth());
    const outcomes = await Promise.allSettled([0, 1, 2, 3].map(() => createMemberInvite(getDb(), member.session, uniqueEmail("rush"))));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(2);
    expect(await countRows(sql`select count(*) from invites where created_by = ${member.session.user.id} and source = 'member'`)).toBe(2);
  });

  it("answer the same for an address that already has an account, and use nothing up", async () => {
    const member = await signedInMember(createTestAuth());
    const existing = uniqueEmail("existing");
    await createExistingUser(existing);
    await expect(createMemberInvite(getDb(), member.session, existing)).resolves.toBeUndefined();
    expect((await getMemberInvites(getDb(), member.session)).used).toBe(0);
    await settle();
    expect(await mailTo(existing)).toHaveLength(0);
  });
});
