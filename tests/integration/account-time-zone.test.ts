// The time zone a person reads the account area in: saved per user, checked against Intl's list, the
// browser's until chosen, UTC when neither is known. A bad zone changes nothing.
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDisplayTimeZone } from "@/lib/account/get-display-time-zone";
import { setTimeZone } from "@/lib/account/set-time-zone";
import { closeDb, getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { AppSession } from "@/lib/session/app-session";
import { timeZoneSchema } from "@/lib/settings/time-zone";
import { createTestAccount, type TestAccount } from "../support/billing-api";

afterAll(closeDb);

function sessionOf(account: TestAccount): AppSession {
  return { user: { id: account.userId, email: account.email, name: null, role: "user" }, expires: new Date(Date.now() + 86_400_000).toISOString() };
}

async function storedZone(userId: string): Promise<string | null> {
  const [row] = await getDb().select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId));
  return row!.timeZone;
}

describe("time zone", () => {
  it("is the browser's until chosen, UTC when the browser's is unknown or not a zone", async () => {
    const account = await createTestAccount();
    expect(await getDisplayTimeZone(getDb(), account.userId, "America/New_York")).toEqual({ timeZone: "America/New_York", isChosen: false });
    expect(await getDisplayTimeZone(getDb(), account.userId, undefined)).toEqual({ timeZone: "UTC", isChosen: false });
    expect(await getDisplayTimeZone(getDb(), account.userId, "Mars/Olympus_Mons")).toEqual({ timeZone: "UTC", isChosen: false });
  });

  it("saves the person's own choice, which wins over the browser's, and touches nobody else", async () => {
    const [account, other] = await Promise.all([createTestAccount(), createTestAccount()]);
    await setTimeZone(getDb(), sessionOf(account), "Asia/Tokyo");
    expect(await storedZone(account.userId)).toBe("Asia/Tokyo");
    expect(await getDisplayTimeZone(getDb(), account.userId, "America/New_York")).toEqual({ timeZone: "Asia/Tokyo", isChosen: true });
    expect(await storedZone(other.userId)).toBeNull();
    await setTimeZone(getDb(), sessionOf(account), "UTC");
    expect(await getDisplayTimeZone(getDb(), account.userId, "America/New_York")).toEqual({ timeZone: "UTC", isChosen: true });
  });

  it("refuses a name outside Intl's list with a validation error and changes nothing", async () => {
    const account = await createTestAccount();
    await setTimeZone(getDb(), sessionOf(account), "Europe/Paris");
    for (const bad of ["Mars/Olympus_Mons", "", "+05:30", "Europe/Paris'; drop table users; --", "x".repeat(5000)]) {
      const error = await setTimeZone(getDb(), sessionOf(account), bad).then(() => null, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("validation_failed");
      expect(timeZoneSchema.safeParse({ timeZone: bad }).success).toBe(false);
    }
    expect(await storedZone(account.userId)).toBe("Europe/Paris");
    expect(timeZoneSchema.parse({ timeZone: " Asia/Tokyo " })).toEqual({ timeZone: "Asia/Tokyo" });
    // A browser may name a zone by an alias of the listed one; it is kept as the listed name.
    const listed = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Kolkata" }).resolvedOptions().timeZone;
    expect(await setTimeZone(getDb(), sessionOf(account), "asia/kolkata")).toBe(listed);
    expect(await getDisplayTimeZone(getDb(), account.userId, undefined)).toEqual({ timeZone: listed, isChosen: true });
  });
});
