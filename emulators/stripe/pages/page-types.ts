import type { IncomingMessage, ServerResponse } from "node:http";
import { cardError } from "../core/errors";
import type { Emulator } from "../emulator";
import { readBody } from "../http/read-body";
import type { PathParams } from "../http/router";

export type PageContext = { req: IncomingMessage; res: ServerResponse; url: URL; pathParams: PathParams };
export type PageHandler = (emulator: Emulator, context: PageContext) => void | Promise<void>;

export async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  return Object.fromEntries(new URLSearchParams(await readBody(req)));
}

// "MM / YY", "MM/YYYY" or empty (a far-future default, so tests can skip the field).
export function parseExpiry(raw: string | undefined): { expMonth: number; expYear: number } {
  const value = (raw ?? "").trim();
  if (value === "") return { expMonth: 12, expYear: new Date().getFullYear() + 5 };
  const match = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(value);
  if (!match)
    throw cardError({
      code: "invalid_expiry_month",
      message: "Your card's expiration date is incomplete.",
      param: "exp",
    });
  const expMonth = Number(match[1]);
  const year = Number(match[2]);
  const expYear = year < 100 ? 2000 + year : year;
  if (expMonth < 1 || expMonth > 12) {
    throw cardError({
      code: "invalid_expiry_month",
      message: "Your card's expiration month is invalid.",
      param: "exp_month",
    });
  }
  const now = new Date();
  if (expYear < now.getFullYear() || (expYear === now.getFullYear() && expMonth < now.getMonth() + 1)) {
    throw cardError({
      code: "invalid_expiry_year",
      message: "Your card's expiration year is in the past.",
      param: "exp_year",
    });
  }
  return { expMonth, expYear };
}
