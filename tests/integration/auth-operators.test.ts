import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { requireAdmin } from "@/lib/session/require-admin";
import { appSessionSchema } from "@/lib/session/app-session";
import { closeDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createTestAuth, mailTo, readSession, requestMagicLink, signInByLink, uniqueEmail } from "../support/auth-harness";
import { countRows, createExistingUser, inviteEmail } from "../support/auth-fixtures";

const firstOperator = uniqueEmail("operator");
const promotedOperator = uniqueEmail("promoted");

// getEnv() is parsed once per test file, on first use: set ADMIN_EMAILS before anything reads it.
beforeAll(() => void vi.stubEnv("ADMIN_EMAILS", `${firstOperator.toUpperCase()}, ${promotedOperator}`));
afterAll(async () => {
  vi.unstubAllEnvs();
  await closeDb();
});

describe("operators (ADMIN_EMAILS)", () => {
  it("can sign in before anyone could invite them, and get the admin role and a billing account", async () => {
    const auth = createTestAuth();
    const session = appSessionSchema.parse(await readSession(auth, await signInByLink(auth, firstOperator)));
    expect(session.user).toMatchObject({ email: firstOperator, role: "admin" });
    expect(requireAdmin(session).user.role).toBe("admin");
    expect(await countRows(sql`
      select count(*) from billing_accounts b join "user" u on u.id = b.owner_user_id where u.email = ${firstOperator}`)).toBe(1);
  });

  it("are promoted at sign-in when they already had an account", async () => {
    const auth = createTestAuth();
    await createExistingUser(promotedOperator);
    const session = appSessionSchema.parse(await readSession(auth, await signInByLink(auth, promotedOperator)));
    expect(session.user.role).toBe("admin");
  });

  it("is the only way past requireAdmin: everyone else gets not_found", async () => {
    const auth = createTestAuth();
    const member = uniqueEmail("member");
    await inviteEmail(member);
    const session = appSessionSchema.parse(await readSession(auth, await signInByLink(auth, member)));
    expect(session.user.role).toBe("user");
    for (const candidate of [session, null]) {
      const error = (() => {
        try {
          requireAdmin(candidate);
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(404);
    }
    // And an uninvited address that is not an operator still gets no link.
    const stranger = uniqueEmail("stranger");
    await requestMagicLink(auth, stranger);
    await auth.runDeferred();
    expect(await mailTo(stranger)).toHaveLength(0);
  });
});
