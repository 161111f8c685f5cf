import "server-only";
import { AppError, errorTable } from "@/lib/errors";
import { redactString } from "@/lib/observability/redact";

export type RecordedFailure = { code: string; message: string };

/** Long enough for any message of ours; a stored error is a hint for an operator, not a log. */
const MAX_MESSAGE_LENGTH = 300;

// Card numbers (13 to 19 digits, spaced or not) never belong in a stored error.
const CARD_NUMBER = /\b\d(?:[ -]?\d){12,18}\b/g;

/**
 * What a failed event or reconciliation run records about its failure, shown on /admin/payments. Our own
 * errors keep their code and message (with secrets, emails and card numbers scrubbed); anything else is
 * `internal` with its error's name only: a driver's message can quote a query's values.
 */
export function describeFailure(error: unknown): RecordedFailure {
  if (error instanceof AppError) {
    const message = redactString(error.message).replace(CARD_NUMBER, "[card number]");
    return { code: error.code, message: message.slice(0, MAX_MESSAGE_LENGTH) };
  }
  const name = error instanceof Error && /^[A-Za-z]{1,40}$/.test(error.name) ? error.name : "Error";
  return { code: "internal", message: `${errorTable.internal.message} (${name})` };
}
