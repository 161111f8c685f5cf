// Issue 18's incidents: a bad window or an unknown space is a clear 400 that stores nothing, and members
// and anonymous callers get not_found from every call. The world (tests/support/incident-world.ts) is this
// file's own; crediting is in admin-incidents-credits.test.ts.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getIncident } from "@/lib/admin/get-incident";
import { listIncidents } from "@/lib/admin/list-incidents";
import { AppError } from "@/lib/errors";
import { creditIncident } from "@/lib/incidents/credit-incident";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { declareIncidentSchema, type DeclareIncidentInput } from "@/lib/incidents/incident-schemas";
import type { AppSession } from "@/lib/session/app-session";
import {
  HOUR,
  WINDOW,
  alice,
  count,
  db,
  declare,
  errorCodeOf,
  openIncidentWorldForThisFile,
  operator,
} from "../support/incident-world";

openIncidentWorldForThisFile();

describe("incidents", () => {
  it("refuses a bad window or an unknown space with a clear 400, and stores nothing", async () => {
    const before = await count(sql`select count(*) from incidents`);
    const cases: Array<[Partial<DeclareIncidentInput>, RegExp]> = [
      [{ endsAt: WINDOW.startsAt }, /end must be after the start/],
      [{ endsAt: new Date(Date.now() + HOUR) }, /cannot be in the future/],
      [{ startsAt: new Date(Date.now() - 32 * 24 * HOUR), endsAt: new Date(Date.now() - HOUR) }, /at most 31 days/],
      [
        { scope: "listed", spaces: [{ account: alice.accountId, space: "no-such-space" }] },
        /No such space: .*no-such-space/,
      ],
    ];
    for (const [input, message] of cases) {
      const error = await declare(input).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("validation_failed");
      expect((error as AppError).message).toMatch(message);
    }
    // The form's own parsing: a line that is not account/space, no spaces listed, a date that is not one.
    const form = { title: "Outage", startsAt: "2026-12-01T10:30", endsAt: "2026-12-01T11:15", scope: "listed" };
    expect(
      declareIncidentSchema.safeParse({ ...form, spaces: "acct_1/alpha\nnot a space" }).error?.issues[0]?.message,
    ).toMatch(/is not account\/space/);
    expect(declareIncidentSchema.safeParse({ ...form, spaces: "" }).error?.issues[0]?.message).toMatch(
      /List the affected spaces/,
    );
    expect(declareIncidentSchema.safeParse({ ...form, startsAt: "yesterday" }).error?.issues[0]?.message).toMatch(
      /date and time \(UTC\)/,
    );
    const parsed = declareIncidentSchema.parse({ ...form, spaces: "acct_1/alpha\n\n acct_2/beta " });
    expect(parsed.startsAt).toEqual(new Date("2026-12-01T10:30:00Z"));
    expect(parsed.spaces).toEqual([
      { account: "acct_1", space: "alpha" },
      { account: "acct_2", space: "beta" },
    ]);
    expect(await count(sql`select count(*) from incidents`)).toBe(before);
  });

  it("refuses members and anonymous callers with not_found in every call, and changes nothing", async () => {
    const { id } = await declare({ title: "Not for members" });
    const calls: Array<[string, (session: AppSession | null) => Promise<unknown>]> = [
      ["list", (session) => listIncidents(db, session)],
      ["get", (session) => getIncident(db, session, id)],
      ["declare", (session) => declareIncident(db, session, { title: "Mine", scope: "all", spaces: [], ...WINDOW })],
      ["credit", (session) => creditIncident(db, session, id)],
    ];
    const incidentsBefore = await count(sql`select count(*) from incidents`);
    for (const [name, call] of calls) {
      for (const session of [alice.session, null]) {
        expect(`${name}: ${await errorCodeOf(() => call(session))}`).toBe(`${name}: not_found`);
      }
    }
    expect(await count(sql`select count(*) from incidents`)).toBe(incidentsBefore);
    expect(await count(sql`select count(*) from transfers where idempotency_key like ${`incident:${id}:%`}`)).toBe(0);
    expect((await listIncidents(db, operator)).map((incident) => incident.id)).toContain(id);
  });
});
