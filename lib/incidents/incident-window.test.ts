import { describe, expect, it } from "vitest";
import { creditedHours, findWindowProblem } from "./incident-window";

const at = (iso: string) => new Date(iso);
const NOW = at("2026-12-06T12:00:00Z");

describe("creditedHours", () => {
  it("widens a window of partial hours to every hour it touches", () => {
    expect(creditedHours({ startsAt: at("2026-12-01T10:30:00Z"), endsAt: at("2026-12-01T11:15:00Z") })).toEqual({
      from: at("2026-12-01T10:00:00Z"),
      to: at("2026-12-01T12:00:00Z"),
    });
  });

  it("keeps a window on the hour as it is: an end at 11:00 does not credit the 11:00 hour", () => {
    expect(creditedHours({ startsAt: at("2026-12-01T10:00:00Z"), endsAt: at("2026-12-01T11:00:00Z") })).toEqual({
      from: at("2026-12-01T10:00:00Z"),
      to: at("2026-12-01T11:00:00Z"),
    });
  });

  it("credits the whole hour of a window inside one hour", () => {
    expect(creditedHours({ startsAt: at("2026-12-01T10:05:00Z"), endsAt: at("2026-12-01T10:06:00Z") })).toEqual({
      from: at("2026-12-01T10:00:00Z"),
      to: at("2026-12-01T11:00:00Z"),
    });
  });
});

describe("findWindowProblem", () => {
  it("accepts an ended window of up to 31 days", () => {
    expect(findWindowProblem({ startsAt: at("2026-11-05T12:00:00Z"), endsAt: NOW }, NOW)).toBeUndefined();
  });

  it("refuses an end not after the start, an end in the future, and more than 31 days", () => {
    expect(findWindowProblem({ startsAt: NOW, endsAt: NOW }, NOW)?.message).toBe("The end must be after the start.");
    expect(
      findWindowProblem({ startsAt: at("2026-12-06T11:00:00Z"), endsAt: at("2026-12-06T12:00:01Z") }, NOW)?.message,
    ).toMatch(/future/);
    expect(findWindowProblem({ startsAt: at("2026-11-05T11:59:59Z"), endsAt: NOW }, NOW)?.message).toBe(
      "An incident can last at most 31 days.",
    );
  });
});
