import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { describeFailure } from "./describe-failure";

describe("describeFailure", () => {
  it("keeps our code and message", () => {
    expect(describeFailure(new AppError("dependency_failed", { message: "Stripe did not answer." }))).toEqual({
      code: "dependency_failed",
      message: "Stripe did not answer.",
    });
  });

  it("scrubs secrets, emails and card numbers from our messages", () => {
    const error = new AppError("internal", {
      message: "key sk_test_abc123 for ada@example.com card 4242 4242 4242 4242 whsec_xyz",
    });
    const { message } = describeFailure(error);
    expect(message).not.toMatch(/abc123|ada@|4242 4242|xyz/);
    expect(message).toContain("[card number]");
  });

  it("keeps only the name of an error that is not ours", () => {
    const error = new TypeError("duplicate key value (email)=(ada@example.com) 4242424242424242");
    expect(describeFailure(error)).toEqual({
      code: "internal",
      message: "Something went wrong on our side. (TypeError)",
    });
  });

  it("bounds the message", () => {
    expect(describeFailure(new AppError("internal", { message: "x".repeat(5000) })).message).toHaveLength(300);
  });
});
