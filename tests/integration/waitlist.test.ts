import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { joinWaitlist, WAITLIST_LIMITS } from "@/lib/waitlist/join-waitlist";
import { isWithdrawTokenLive, withdrawFromWaitlist } from "@/lib/waitlist/withdraw-from-waitlist";
import { joinWaitlistSchema } from "@/lib/waitlist/waitlist-schema";
import { mailTo, randomIp, uniqueEmail } from "../support/auth-harness";
import { countRows, createExistingUser } from "../support/auth-fixtures";
import { errorCodeOf, settle, waitForMail, withdrawTokenIn } from "../support/signup-fixtures";

afterAll(closeDb);

const join = (email: string, ip = randomIp()) =>
  joinWaitlist(getDb(), { ...joinWaitlistSchema.parse({ email, building: "A shared whiteboard", link: "github.com/ada/board" }), ip });

describe("the waitlist", () => {
  it("stores the entry and mails a confirmation with a withdraw link", async () => {
    const email = uniqueEmail("joiner");
    await join(email);
    const [mail] = await waitForMail(email);
    expect(mail?.subject).toBe("You are on the Tandem waitlist");
    const rows = await getDb().execute<{ status: string; link: string; hash: string }>(sql`
      select status, link, withdraw_token_hash as hash from waitlist_entries where email = ${email}`);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({ status: "waiting", link: "https://github.com/ada/board" });
    expect(rows.rows[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    // Only the token's hash is stored.
    expect(rows.rows[0]?.hash).not.toBe(withdrawTokenIn(mail));
  });

  it("is idempotent: a second join answers the same, stores no second row and sends no second email", async () => {
    const email = uniqueEmail("twice");
    await expect(join(email)).resolves.toBeUndefined();
    await waitForMail(email);
    await expect(join(` ${email.toUpperCase()} `)).resolves.toBeUndefined();
    await settle();
    expect(await countRows(sql`select count(*) from waitlist_entries where email = ${email}`)).toBe(1);
    expect(await mailTo(email)).toHaveLength(1);
  });

  it("answers an existing user exactly as anyone else, and lists and mails nothing", async () => {
    const email = uniqueEmail("member");
    await createExistingUser(email);
    await expect(join(email)).resolves.toBeUndefined();
    await settle();
    expect(await countRows(sql`select count(*) from waitlist_entries where email = ${email}`)).toBe(0);
    expect(await mailTo(email)).toHaveLength(0);
  });

  it("can be left from the emailed link, once, and joined again afterwards", async () => {
    const email = uniqueEmail("leaver");
    await join(email);
    const token = withdrawTokenIn((await waitForMail(email))[0]);
    expect(await isWithdrawTokenLive(getDb(), token)).toBe(true);
    await withdrawFromWaitlist(getDb(), token);
    expect(await countRows(sql`select count(*) from waitlist_entries where email = ${email} and status = 'withdrawn'`)).toBe(1);
    expect(await isWithdrawTokenLive(getDb(), token)).toBe(false);
    expect(await errorCodeOf(() => withdrawFromWaitlist(getDb(), token))).toBe("not_found");
    expect(await errorCodeOf(() => withdrawFromWaitlist(getDb(), "not-a-real-token-at-all-1234"))).toBe("not_found");

    await join(email);
    const mails = await waitForMail(email, 2);
    expect(withdrawTokenIn(mails[1])).not.toBe(token);
    expect(await countRows(sql`select count(*) from waitlist_entries where email = ${email} and status = 'waiting'`)).toBe(1);
  });

  it("is rate limited per email and per IP, in Postgres", async () => {
    const email = uniqueEmail("eager");
    for (let attempt = 0; attempt < WAITLIST_LIMITS.perEmail.limit; attempt++) await join(email);
    expect(await errorCodeOf(() => join(email))).toBe("rate_limited");

    const ip = randomIp();
    for (let attempt = 0; attempt < WAITLIST_LIMITS.perIp.limit; attempt++) await join(uniqueEmail("crowd"), ip);
    const refused = await join(uniqueEmail("crowd"), ip).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "rate_limited" });
    expect((refused as Error).message).toMatch(/^Too many waitlist requests\. Try again in \d+ minutes?\.$/);
    expect((refused as { retryAfter: number }).retryAfter).toBeGreaterThan(0);
  });

  it("explains each bad field", () => {
    const result = joinWaitlistSchema.safeParse({ email: "nope", building: "", link: "ftp://x" });
    expect(result.success).toBe(false);
    const fields = new Set(result.error?.issues.map((issue) => issue.path.join(".")));
    expect(fields).toEqual(new Set(["email", "building", "link"]));
  });
});
