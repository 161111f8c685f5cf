// Launch mode and the account cap are global, so this file runs on its own scratch database: changing
// them here cannot disturb the other test files running at the same time.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { LAUNCH_SETTING_DEFAULTS, getLaunchSettings } from "@/lib/settings/launch-settings";
import { updateLaunchSettings } from "@/lib/admin/update-launch-settings";
import { joinWaitlist } from "@/lib/waitlist/join-waitlist";
import { authOrigin, createTestAuth, followLink, mailTo, mailedLink, randomIp, requestMagicLink, sessionCookieOf, uniqueEmail } from "../support/auth-harness";
import { countRows, inviteEmail } from "../support/auth-fixtures";
import { runOnScratchDatabaseInThisFile } from "../support/scratch-database";
import { errorCodeOf, signedInMember, signedInOperator, type SignedIn } from "../support/signup-fixtures";

runOnScratchDatabaseInThisFile();
let operator: SignedIn;
const auth = createTestAuth();

beforeAll(async () => {
  operator = await signedInOperator(auth);
});

const accounts = () => countRows(sql`select count(*) from "user" where role <> 'admin'`);
const settings = (next: Partial<typeof LAUNCH_SETTING_DEFAULTS>) =>
  updateLaunchSettings(getDb(), operator.session, { ...LAUNCH_SETTING_DEFAULTS, ...next });

describe("launch settings", () => {
  it("default to limited, a cap of 500 and two invitations per member, and every change is audited", async () => {
    expect(await getLaunchSettings(getDb())).toEqual(LAUNCH_SETTING_DEFAULTS);
    await settings({ accountCap: 600 });
    expect(await getLaunchSettings(getDb())).toMatchObject({ accountCap: 600 });
    const [entry] = (
      await getDb().execute<{ actor: string; before: unknown; after: unknown }>(sql`
        select actor_email as actor, before, after from audit_log where action = 'settings.update' order by id desc limit 1`)
    ).rows;
    // bigint settings (the welcome credit) are stored as decimal strings in the audit log.
    const defaults = { ...LAUNCH_SETTING_DEFAULTS, promotionalGrantMicros: "5000000" };
    expect(entry).toEqual({ actor: operator.email, before: defaults, after: { ...defaults, accountCap: 600 } });
    const member = await signedInMember(auth);
    expect(await errorCodeOf(() => updateLaunchSettings(getDb(), member.session, LAUNCH_SETTING_DEFAULTS))).toBe("not_found");
    await settings({});
  });

  it("the welcome credit is the setting in force when an account is created, granted once; $0 posts nothing", async () => {
    const grantOf = (email: string) =>
      getDb().execute<{ balance: string; grants: string }>(sql`
        select l.balance_micros::text as balance,
          (select count(*) from transfers t where t.idempotency_key = 'grant:signup:' || b.id)::text as grants
        from "user" u join billing_accounts b on b.owner_user_id = u.id join ledger_accounts l on l.billing_account_id = b.id
        where u.email = ${email}`);
    const signUp = async (label: string) => {
      const email = uniqueEmail(label);
      await inviteEmail(email);
      await followLink(auth, await mailedLink(auth, email));
      // A second sign-in creates and grants nothing more.
      await followLink(auth, await mailedLink(auth, email));
      return email;
    };

    await settings({ promotionalGrantMicros: 12_340_000n });
    expect(await getLaunchSettings(getDb())).toMatchObject({ promotionalGrantMicros: 12_340_000n });
    const generous = await signUp("generous");
    expect((await grantOf(generous)).rows).toEqual([{ balance: "12340000", grants: "1" }]);
    const [entry] = (
      await getDb().execute<{ after: { promotionalGrantMicros: string } }>(sql`
        select after from audit_log where action = 'settings.update' order by id desc limit 1`)
    ).rows;
    expect(entry?.after.promotionalGrantMicros).toBe("12340000");

    await settings({ promotionalGrantMicros: 0n });
    const none = await signUp("no-credit");
    expect((await grantOf(none)).rows).toEqual([{ balance: "0", grants: "0" }]);
    // Changing the setting later does not touch accounts that exist.
    await settings({});
    expect((await grantOf(generous)).rows).toEqual([{ balance: "12340000", grants: "1" }]);
    expect(await errorCodeOf(() => settings({ promotionalGrantMicros: -1n }))).toBe("validation_failed");
    expect(await errorCodeOf(() => settings({ promotionalGrantMicros: 100_000_001n }))).toBe("validation_failed");
    expect(await getLaunchSettings(getDb())).toEqual(LAUNCH_SETTING_DEFAULTS);
  });

  it("private closes the waitlist", async () => {
    await settings({ launchMode: "private" });
    const email = uniqueEmail("closed");
    const refused = await joinWaitlist(getDb(), { email, building: "A game", ip: randomIp() }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "forbidden", message: "The waitlist is closed for now." });
    expect(await countRows(sql`select count(*) from waitlist_entries where email = ${email}`)).toBe(0);
    await settings({});
  });

  it("limited: an uninvited email gets no link; open: anyone may create an account", async () => {
    const stranger = uniqueEmail("stranger");
    await requestMagicLink(auth, stranger);
    await auth.runDeferred();
    expect(await mailTo(stranger)).toHaveLength(0);

    await settings({ launchMode: "open" });
    const response = await followLink(auth, await mailedLink(auth, stranger));
    expect(response.headers.get("location")).toBe(`${authOrigin()}/account`);
    expect(await countRows(sql`select count(*) from billing_accounts b join "user" u on u.id = b.owner_user_id where u.email = ${stranger}`)).toBe(1);
    await settings({});
  });

  it("at the cap: a new signup gets no link but an email saying so, and lands on the waitlist; the same answer as anyone", async () => {
    await settings({ launchMode: "open", accountCap: await accounts() });
    const invited = uniqueEmail("invited");
    await inviteEmail(invited);
    const answers = new Set<string>();
    for (const email of [uniqueEmail("walkin"), invited]) {
      const response = await requestMagicLink(auth, email);
      answers.add(`${response.status} ${response.headers.get("location")}`);
      await auth.runDeferred();
      const mails = await mailTo(email);
      expect(mails.map((mail) => mail.subject)).toEqual(["Tandem is at capacity: you are on the waitlist"]);
      expect(mails[0]?.text).not.toMatch(/callback/);
      expect(await countRows(sql`select count(*) from waitlist_entries where email = ${email} and source = 'capacity' and status = 'waiting'`)).toBe(1);
    }
    expect(answers.size).toBe(1);
    // Operators still get in at the cap (they do not count against it).
    const stillIn = await followLink(auth, await mailedLink(auth, operator.email));
    expect(sessionCookieOf(stillIn)).toBeDefined();
    await settings({});
  });

  it("a link followed after the cap was reached says so, and no account is created", async () => {
    await settings({ launchMode: "open" });
    const email = uniqueEmail("late");
    const link = await mailedLink(auth, email);
    await settings({ launchMode: "open", accountCap: await accounts() });
    const response = await followLink(auth, link);
    expect(response.headers.get("location")).toBe(`${authOrigin()}/sign-in/error?error=AtCapacity`);
    expect(sessionCookieOf(response)).toBeUndefined();
    expect(await countRows(sql`select count(*) from "user" where email = ${email}`)).toBe(0);
    expect(await countRows(sql`select count(*) from waitlist_entries where email = ${email}`)).toBe(1);
    await settings({});
  });

  it("holds when several new accounts race for the last place", async () => {
    await settings({ launchMode: "open" });
    const emails = [uniqueEmail("race"), uniqueEmail("race"), uniqueEmail("race"), uniqueEmail("race")];
    const links = [];
    for (const email of emails) links.push(await mailedLink(auth, email));
    await settings({ launchMode: "open", accountCap: (await accounts()) + 1 });
    const responses = await Promise.all(links.map((link) => followLink(auth, link)));
    expect(responses.filter((response) => sessionCookieOf(response) !== undefined)).toHaveLength(1);
    expect(await countRows(sql`select count(*) from "user" where email in ${emails}`)).toBe(1);
    await settings({});
  });
});
