// In the `private` launch mode search engines are kept out of everything public: the proxy sends
// `X-Robots-Tag: noindex`, robots.txt disallows all and the sitemap is empty. The mode is global, so
// this file runs on its own scratch database.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import robots from "@/app/robots";
import sitemap from "@/app/sitemap";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { isIndexingAllowed } from "@/lib/security/is-indexing-allowed";
import { LAUNCH_SETTING_DEFAULTS } from "@/lib/settings/launch-settings";
import { updateLaunchSettings } from "@/lib/admin/update-launch-settings";
import { proxy } from "@/proxy";
import { createTestAuth } from "../support/auth-harness";
import { runOnScratchDatabaseInThisFile } from "../support/scratch-database";
import { signedInOperator } from "../support/signup-fixtures";

const scratch = runOnScratchDatabaseInThisFile();

beforeAll(() => {
  // Nothing may have read the environment before the stub (a module-level getEnv() once did, and this
  // test then closed the shared test database's waitlist for the end-to-end run).
  expect(getEnv().databaseUrl).toBe(scratch.database.appUrl);
});

const robotsTagOf = async () => (await proxy(new NextRequest("http://localhost/pricing"))).headers.get("x-robots-tag");

describe("indexing follows the launch mode", () => {
  it("allows indexing while limited, and keeps engines out within 15 seconds of going private", async () => {
    expect(await robotsTagOf()).toBeNull();
    expect(await robots()).toMatchObject({ rules: { allow: "/" } });
    expect((await sitemap()).map((entry) => new URL(entry.url).pathname)).toEqual(
      expect.arrayContaining(["/pricing", "/blog/how-billing-works", "/terms"]),
    );

    const operator = await signedInOperator(createTestAuth());
    await updateLaunchSettings(getDb(), operator.session, { ...LAUNCH_SETTING_DEFAULTS, launchMode: "private" });
    // The proxy's reading is at most 15 seconds old; a reading taken later sees the new mode.
    expect(await isIndexingAllowed(Date.now() + 16_000)).toBe(false);
    expect(await robotsTagOf()).toBe("noindex, nofollow");
    expect(await robots()).toEqual({ rules: { userAgent: "*", disallow: "/" } });
    expect(await sitemap()).toEqual([]);
  });
});
