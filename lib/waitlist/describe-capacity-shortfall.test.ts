import { describe, expect, it } from "vitest";
import { describeCapacityShortfall } from "./describe-capacity-shortfall";

describe("describeCapacityShortfall", () => {
  it("says a full cap plainly, and counts the places otherwise", () => {
    expect(describeCapacityShortfall(1, { accountCap: 500, placesLeft: 0 })).toBe(
      "1 entry still waits: the account cap is 500 and no place was left (accounts and invitations still out count against it). Raise the cap in settings or approve it once places free up.",
    );
    expect(describeCapacityShortfall(3, { accountCap: 1200, placesLeft: 2 })).toBe(
      "3 entries still wait: the account cap is 1,200 and only 2 places were left (accounts and invitations still out count against it). Raise the cap in settings or approve them once places free up.",
    );
    expect(describeCapacityShortfall(2, { accountCap: 10, placesLeft: 1 })).toContain("only 1 place was left");
  });
});
