// Item 9: two signed-in people, and every page data function, action and route that reads or changes
// account data: each sees and changes only their own; the admin area answers 404 to both.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import { getAccountSummary } from "@/lib/account/get-account-summary";
import { closeAccountByOperator } from "@/lib/account-controls/close-account-by-operator";
import { endAccountSessions } from "@/lib/account-controls/end-account-sessions";
import { freezeAccount } from "@/lib/account-controls/freeze-account";
import { unfreezeAccount } from "@/lib/account-controls/unfreeze-account";
import { getAccountDetail } from "@/lib/admin/get-account-detail";
import { getAdminOverview } from "@/lib/admin/get-admin-overview";
import { searchAccounts } from "@/lib/admin/search-accounts";
import { getIncident } from "@/lib/admin/get-incident";
import { listIncidents } from "@/lib/admin/list-incidents";
import { countPendingApprovals } from "@/lib/admin/count-pending-approvals";
import { getAdjustmentTarget } from "@/lib/admin/get-adjustment-target";
import { listAdjustmentRequests } from "@/lib/admin/list-adjustment-requests";
import { decideAdjustment } from "@/lib/adjustments/decide-adjustment";
import { requestAdjustment } from "@/lib/adjustments/request-adjustment";
import { listUndeliveredEmails } from "@/lib/admin/list-undelivered-emails";
import { listReconciliationRuns } from "@/lib/admin/list-reconciliation-runs";
import { listStripeEvents } from "@/lib/admin/list-stripe-events";
import { replayStripeEvent } from "@/lib/admin/replay-stripe-event";
import { runReconciliationNow } from "@/lib/admin/run-reconciliation-now";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import type { AppSession } from "@/lib/session/app-session";
import { revokeAllSessions } from "@/lib/session/auth-sessions";
import { requireAdmin } from "@/lib/session/require-admin";
import { closeDb, getDb } from "@/lib/db/client";
import { creditIncident } from "@/lib/incidents/credit-incident";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { createInviteCode, listInviteCodes, revokeInviteCode } from "@/lib/invites/manage-invite-codes";
import { listPendingInvites, revokeInvite } from "@/lib/invites/manage-invites";
import { createMemberInvite, getMemberInvites } from "@/lib/invites/member-invites";
import { LAUNCH_SETTING_DEFAULTS } from "@/lib/settings/launch-settings";
import { updateLaunchSettings } from "@/lib/admin/update-launch-settings";
import { listPlatformTokens } from "@/lib/admin/list-platform-tokens";
import { createPlatformTokenAudited, revokePlatformTokenAudited, rotatePlatformTokenAudited } from "@/lib/admin/manage-platform-tokens";
import { getRateCardsOverview } from "@/lib/admin/get-rate-cards-overview";
import { getRateDraft } from "@/lib/admin/get-rate-draft";
import { RESOURCES, type Resource } from "@/lib/billing/resources";
import { createRateDraft, discardRateDraft, updateRateDraft } from "@/lib/rate-drafts/manage-rate-drafts";
import { publishRateDraft } from "@/lib/rate-drafts/publish-rate-draft";
import { shadowBillDraft } from "@/lib/rate-drafts/shadow-bill-draft";
import { decideWaitlistEntry } from "@/lib/waitlist/decide-waitlist-entry";
import { decideWaitlistEntries } from "@/lib/waitlist/decide-waitlist-entries";
import { getWaitlistCsv } from "@/lib/admin/get-waitlist-csv";
import { listInviteCodeRedemptions } from "@/lib/admin/list-invite-code-redemptions";
import { listWaitlistPage } from "@/lib/admin/list-waitlist-page";
import { defaultWaitlistQuery } from "@/lib/admin/waitlist-query";
import { authOrigin, createTestAuth, readSession, uniqueEmail } from "../support/auth-harness";
import { countRows } from "../support/auth-fixtures";
import { errorCodeOf, signedInMember, signedInOperator } from "../support/signup-fixtures";

afterAll(closeDb);

describe("two signed-in members", () => {
  it("each read only their own account, invites and session, and change only their own", async () => {
    const auth = createTestAuth();
    const alice = await signedInMember(auth, "alice");
    const bob = await signedInMember(auth, "bob");

    // The account page's data.
    const [aliceSummary, bobSummary] = await Promise.all([getAccountSummary(getDb(), alice.session), getAccountSummary(getDb(), bob.session)]);
    expect(aliceSummary.email).toBe(alice.email);
    expect(bobSummary.email).toBe(bob.email);
    expect(aliceSummary.billing?.accountId).not.toBe(bobSummary.billing?.accountId);
    const owners = await getDb().execute<{ id: string; owner: string }>(sql`select id, owner_user_id as owner from billing_accounts where id in ${[aliceSummary.billing!.accountId, bobSummary.billing!.accountId]}`);
    expect(Object.fromEntries(owners.rows.map((row) => [row.id, row.owner]))).toEqual({
      [aliceSummary.billing!.accountId]: alice.session.user.id,
      [bobSummary.billing!.accountId]: bob.session.user.id,
    });

    // The session route.
    expect((await readSession(auth, alice.cookie))?.user.id).toBe(alice.session.user.id);
    expect((await readSession(auth, bob.cookie))?.user.id).toBe(bob.session.user.id);

    // Member invites: Alice's invitation counts against and shows to Alice only.
    const friend = uniqueEmail("alices-friend");
    await createMemberInvite(getDb(), alice.session, friend);
    expect((await getMemberInvites(getDb(), alice.session)).invites.map((invite) => invite.email)).toEqual([friend]);
    expect(await getMemberInvites(getDb(), bob.session)).toMatchObject({ used: 0, invites: [] });

    // Sign out everywhere: Alice's ends Alice's sessions, never Bob's.
    await revokeAllSessions(getDb(), alice.session);
    expect(await readSession(auth, alice.cookie)).toBeNull();
    expect((await readSession(auth, bob.cookie))?.user.email).toBe(bob.email);
    expect(await countRows(sql`select count(*) from session where "userId" = ${bob.session.user.id}`)).toBeGreaterThan(0);
  });
});

describe("the admin area", () => {
  it("refuses members and anonymous callers with not_found in every data function and action, and admits operators", async () => {
    const auth = createTestAuth();
    const alice = await signedInMember(auth, "alice");
    const bob = await signedInMember(auth, "bob");
    const operator = await signedInOperator(auth);
    const { id: codeId } = await createInviteCode(getDb(), operator.session, { uses: 1, expiresInDays: 1 });
    const invite = await getDb().execute<{ id: string }>(sql`insert into invites (email, source) values (${uniqueEmail("pending")}, 'operator') returning id::text`);
    const inviteId = BigInt(invite.rows[0]!.id);
    const entry = await getDb().execute<{ id: string }>(sql`insert into waitlist_entries (email, building) values (${uniqueEmail("waiting")}, 'A game') returning id::text`);
    const entryId = BigInt(entry.rows[0]!.id);
    const { id: tokenId } = await createPlatformTokenAudited(getDb(), operator.session, { name: "authorization-test", scopes: ["read"] });
    const aliceAccount = (await getAccountSummary(getDb(), alice.session)).billing!.accountId;
    const incident = { title: "An outage", scope: "all" as const, spaces: [], startsAt: new Date("2025-01-01T10:00:00Z"), endsAt: new Date("2025-01-01T11:00:00Z") };
    const { id: incidentId } = await declareIncident(getDb(), operator.session, incident);
    // Issue 18: a real account and a real pending adjustment, so only the role check can refuse.
    const adjustment = { accountId: aliceAccount, direction: "credit" as const, amountMicros: 1_000_000n, reason: "Authorization test", allowFreeze: false };
    const pending = await requestAdjustment(getDb(), operator.session, { ...adjustment, idempotencyKey: randomUUID(), amountMicros: 1_000_000_000n });
    const { id: draftId } = await createRateDraft(getDb(), operator.session, { name: "Guarded draft" });
    const prices = Object.fromEntries(RESOURCES.map((resource) => [resource, "1"])) as Record<Resource, string>;
    const names = Object.fromEntries(RESOURCES.map((resource) => [resource, resource])) as Record<Resource, string>;

    const adminCalls: Array<[string, (session: AppSession | null) => Promise<unknown>]> = [
      ["overview", (session) => getAdminOverview(getDb(), session)],
      ["approve", (session) => decideWaitlistEntry(getDb(), session, { entryId, decision: "approve" })],
      ["reject", (session) => decideWaitlistEntry(getDb(), session, { entryId, decision: "reject" })],
      ["waitlist table", (session) => listWaitlistPage(getDb(), session, defaultWaitlistQuery)],
      ["waitlist CSV", (session) => getWaitlistCsv(getDb(), session, defaultWaitlistQuery)],
      ["bulk approve", (session) => decideWaitlistEntries(getDb(), session, { entryIds: [entryId], decision: "approve" })],
      ["bulk decline", (session) => decideWaitlistEntries(getDb(), session, { entryIds: [entryId], decision: "reject" })],
      ["code redemptions", (session) => listInviteCodeRedemptions(getDb(), session, [codeId])],
      ["list codes", (session) => listInviteCodes(getDb(), session)],
      ["create code", (session) => createInviteCode(getDb(), session, { uses: 1, expiresInDays: 1 })],
      ["revoke code", (session) => revokeInviteCode(getDb(), session, codeId)],
      ["list invites", (session) => listPendingInvites(getDb(), session)],
      ["revoke invite", (session) => revokeInvite(getDb(), session, inviteId)],
      ["settings", (session) => updateLaunchSettings(getDb(), session, { ...LAUNCH_SETTING_DEFAULTS, launchMode: "open" })],
      ["audit log", (session) => listAuditLog(getDb(), session)],
      ["undelivered emails", (session) => listUndeliveredEmails(getDb(), session)],
      ["stripe events", (session) => listStripeEvents(getDb(), session, {})],
      ["reconciliation runs", (session) => listReconciliationRuns(getDb(), session)],
      ["replay event", (session) => replayStripeEvent(getDb(), session, "evt_unknown")],
      ["run reconciliation", (session) => runReconciliationNow(getDb(), session)],
      ["list tokens", (session) => listPlatformTokens(getDb(), session)],
      ["create token", (session) => createPlatformTokenAudited(getDb(), session, { name: "intruder", scopes: ["ingest"] })],
      ["rotate token", (session) => rotatePlatformTokenAudited(getDb(), session, { id: tokenId, graceSeconds: 0 })],
      ["revoke token", (session) => revokePlatformTokenAudited(getDb(), session, tokenId)],
      ["search accounts", (session) => searchAccounts(getDb(), session, { page: 1 })],
      ["account page", (session) => getAccountDetail(getDb(), session, aliceAccount)],
      ["freeze account", (session) => freezeAccount(getDb(), session, { accountId: aliceAccount, reason: "Not yours" })],
      ["unfreeze account", (session) => unfreezeAccount(getDb(), session, { accountId: aliceAccount, reason: "Not yours" })],
      ["close account", (session) => closeAccountByOperator(getDb(), session, { accountId: aliceAccount, reason: "Not yours" })],
      ["end account sessions", (session) => endAccountSessions(getDb(), session, aliceAccount)],
      ["list incidents", (session) => listIncidents(getDb(), session)],
      ["incident", (session) => getIncident(getDb(), session, incidentId)],
      ["declare incident", (session) => declareIncident(getDb(), session, incident)],
      ["credit incident", (session) => creditIncident(getDb(), session, incidentId)],
      ["action guard", async (session) => requireAdmin(session)],
      ["adjust", (session) => requestAdjustment(getDb(), session, { ...adjustment, idempotencyKey: randomUUID() })],
      ["approve adjustment", (session) => decideAdjustment(getDb(), session, { requestId: pending.requestId, decision: "approve" })],
      ["reject adjustment", (session) => decideAdjustment(getDb(), session, { requestId: pending.requestId, decision: "reject" })],
      ["pending approvals", (session) => countPendingApprovals(getDb(), session)],
      ["adjustment requests", (session) => listAdjustmentRequests(getDb(), session)],
      ["adjustment target", (session) => getAdjustmentTarget(getDb(), session, aliceAccount)],
      ["rate cards", (session) => getRateCardsOverview(getDb(), session)],
      ["rate draft", (session) => getRateDraft(getDb(), session, draftId)],
      ["create rate draft", (session) => createRateDraft(getDb(), session, { name: "Mine" })],
      ["update rate draft", (session) => updateRateDraft(getDb(), session, { draftId, name: "Mine", prices })],
      ["discard rate draft", (session) => discardRateDraft(getDb(), session, draftId)],
      ["shadow bill", (session) => shadowBillDraft(getDb(), session, { draftId })],
      ["publish rate draft", (session) => publishRateDraft(getDb(), session, { draftId, effectiveFrom: new Date(Date.UTC(2099, 0, 1)), resourceNames: names })],
    ];
    for (const [name, call] of adminCalls) {
      for (const session of [alice.session, bob.session, null]) {
        expect(`${name}: ${await errorCodeOf(() => call(session))}`).toBe(`${name}: not_found`);
      }
    }
    // Nothing changed.
    expect(await countRows(sql`select count(*) from waitlist_entries where id = ${entryId} and status = 'waiting'`)).toBe(1);
    expect(await countRows(sql`select count(*) from invites where id = ${inviteId} and status = 'pending'`)).toBe(1);
    expect(await countRows(sql`select count(*) from invite_codes where id = ${codeId} and revoked_at is null`)).toBe(1);
    expect(await countRows(sql`select count(*) from platform_tokens where id = ${tokenId} and revoked_at is null and expires_at is null`)).toBe(1);
    expect(await countRows(sql`select count(*) from platform_tokens where name = 'intruder'`)).toBe(0);
    expect(await countRows(sql`select count(*) from incidents where id = ${incidentId} and credited_at is null`)).toBe(1);
    expect(await countRows(sql`select count(*) from adjustment_requests where account_id = ${aliceAccount} and (id <> ${pending.requestId} or status <> 'pending')`)).toBe(0);
    expect(await countRows(sql`select count(*) from rate_card_drafts where id = ${draftId} and name = 'Guarded draft' and published_version is null`)).toBe(1);
    expect(await countRows(sql`select count(*) from audit_log where actor_id in ${[alice.session.user.id, bob.session.user.id]}`)).toBe(0);
    expect(await countRows(sql`select count(*) from billing_accounts where id = ${aliceAccount} and state = 'active'`)).toBe(1);
    expect(await countRows(sql`select count(*) from account_closures where account_id = ${aliceAccount}`)).toBe(0);
    expect((await readSession(auth, alice.cookie))?.user.email).toBe(alice.email);

    // The operator gets through the same calls (reads only, so no global setting changes here).
    expect((await getAdminOverview(getDb(), operator.session)).settings.launchMode).toBe("limited");
    await expect(listAuditLog(getDb(), operator.session)).resolves.toEqual(expect.any(Array));
    expect((await getRateDraft(getDb(), operator.session, draftId)).name).toBe("Guarded draft");
    await discardRateDraft(getDb(), operator.session, draftId);
    await revokeInvite(getDb(), operator.session, inviteId);
  });

  it("is not reachable through Auth.js routes either: the session route gives members their own role only", async () => {
    const auth = createTestAuth();
    const alice = await signedInMember(auth, "alice");
    const response = await auth.route.GET(new NextRequest(`${authOrigin()}/api/auth/session`, { headers: { cookie: alice.cookie } }));
    expect(((await response.json()) as { user: { role: string } }).user.role).toBe("user");
  });
});
