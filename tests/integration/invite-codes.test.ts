import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { hashInviteCode } from "@/lib/invites/invite-code-format";
import { createInviteCode, listInviteCodes, revokeInviteCode } from "@/lib/invites/manage-invite-codes";
import { INVITE_CODE_LIMITS, redeemInviteCode } from "@/lib/invites/redeem-invite-code";
import { authOrigin, createTestAuth, followLink, linkIn, mailTo, randomIp, uniqueEmail } from "../support/auth-harness";
import { countRows } from "../support/auth-fixtures";
import { errorCodeOf, settle, signedInOperator, waitForMail } from "../support/signup-fixtures";

afterAll(closeDb);

const redeem = (code: string, email: string, ip = randomIp()) => redeemInviteCode(getDb(), { code, email, ip });

describe("invite codes", () => {
  it("are stored hashed and shown once; redeeming one makes an invite, mails its link, and uses one use", async () => {
    const auth = createTestAuth();
    const operator = await signedInOperator(auth);
    const { id, code } = await createInviteCode(getDb(), operator.session, { uses: 3, expiresInDays: 7, note: "Meetup" });
    expect(code).toMatch(/^TDM-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const stored = await getDb().execute<{ code_hash: string }>(sql`select code_hash from invite_codes where id = ${id}`);
    expect(stored.rows[0]?.code_hash).toBe(hashInviteCode(code));
    expect(JSON.stringify(stored.rows)).not.toContain(code.slice(4));
    expect(JSON.stringify(await listInviteCodes(getDb(), operator.session), (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(code.slice(4));

    const email = uniqueEmail("coder");
    await redeem(code.toLowerCase().replace(/-/g, " "), email);
    expect(await countRows(sql`select count(*) from invites where email = ${email} and source = 'code' and invite_code_id = ${id}`)).toBe(1);
    expect(await countRows(sql`select count(*) from invite_codes where id = ${id} and uses_left = 2`)).toBe(1);
    const response = await followLink(auth, linkIn((await waitForMail(email))[0]));
    expect(response.headers.get("location")).toBe(`${authOrigin()}/account`);

    // The same email again (now an account) answers the same and uses nothing up.
    await redeem(code, email);
    expect(await countRows(sql`select count(*) from invite_codes where id = ${id} and uses_left = 2`)).toBe(1);
    expect(await countRows(sql`select count(*) from audit_log where action = 'invite-code.create' and target = ${`invite-code:${id}`}`)).toBe(1);
  });

  it("with one use left admit exactly one of two people redeeming at the same moment", async () => {
    const operator = await signedInOperator(createTestAuth());
    for (let round = 0; round < 5; round++) {
      const { id, code } = await createInviteCode(getDb(), operator.session, { uses: 1, expiresInDays: 1 });
      const [first, second] = [uniqueEmail("racer"), uniqueEmail("racer")];
      const outcomes = await Promise.allSettled([redeem(code, first), redeem(code, second)]);
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      const refused = outcomes.find((outcome) => outcome.status === "rejected");
      expect(refused?.reason).toMatchObject({ code: "conflict", message: "That invite code has been used up." });
      expect(await countRows(sql`select count(*) from invites where invite_code_id = ${id}`)).toBe(1);
      expect(await countRows(sql`select count(*) from invite_codes where id = ${id} and uses_left = 0`)).toBe(1);
    }
  });

  it("refuse unknown, revoked and expired codes", async () => {
    const operator = await signedInOperator(createTestAuth());
    expect(await errorCodeOf(() => redeem("TDM-0000-0000-0000", uniqueEmail("guess")))).toBe("not_found");
    const { id, code } = await createInviteCode(getDb(), operator.session, { uses: 5, expiresInDays: 1 });
    await revokeInviteCode(getDb(), operator.session, id);
    const email = uniqueEmail("late");
    expect(await errorCodeOf(() => redeem(code, email))).toBe("not_found");
    expect(await errorCodeOf(() => revokeInviteCode(getDb(), operator.session, id))).toBe("not_found");
    const expired = await createInviteCode(getDb(), operator.session, { uses: 5, expiresInDays: 1 });
    await getDb().execute(sql`update invite_codes set expires_at = now() - interval '1 second' where id = ${expired.id}`);
    expect(await errorCodeOf(() => redeem(expired.code, email))).toBe("not_found");
    await settle();
    expect(await mailTo(email)).toHaveLength(0);
    expect(await countRows(sql`select count(*) from audit_log where action = 'invite-code.revoke' and target = ${`invite-code:${id}`}`)).toBe(1);
  });

  it("are rate limited per IP against guessing, right or wrong", async () => {
    const ip = randomIp();
    for (let attempt = 0; attempt < INVITE_CODE_LIMITS.perIp.limit; attempt++) {
      expect(await errorCodeOf(() => redeem(`TDM-GUES-S${attempt}00-0000`, uniqueEmail("guess"), ip))).toBe("not_found");
    }
    const refused = await redeem("TDM-GUES-S000-0001", uniqueEmail("guess"), ip).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "rate_limited" });
    expect((refused as Error).message).toMatch(/^Too many invite code attempts\. Try again in \d+ minutes?\.$/);
  });
});
