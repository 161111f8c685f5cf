// The answer of a form's server action (an action cannot set an HTTP status). Shared by the server
// (lib/actions/validated-action.ts) and the client forms that render it, so no `server-only` here.
import type { ErrorCode } from "@/lib/errors";

export type ActionState =
  | { status: "idle" }
  /** `reveal`: a value shown to the person once, such as a new invite code. */
  | { status: "success"; message: string; reveal?: string }
  | {
      status: "error";
      code: ErrorCode;
      message: string;
      fieldErrors?: Record<string, string>;
      /** Seconds, for `rate_limited`. */
      retryAfterSeconds?: number;
    };

export type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export const idleActionState: ActionState = { status: "idle" };
