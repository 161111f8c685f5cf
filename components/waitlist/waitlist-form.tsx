import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleActionState, type ActionState } from "@/lib/actions/action-state";

type WaitlistFormProps = {
  /** The answer to the last post (pages/waitlist/join.tsx), if the form is shown again. */
  state?: ActionState;
  /** What was sent, kept in the fields. */
  values?: Record<string, string>;
};

/**
 * The public waitlist form: email, what they are building, an optional link. Plain HTML: it posts to
 * /waitlist/join without any JavaScript, which answers with a redirect or this form again with its errors.
 */
export function WaitlistForm({ state = idleActionState, values = {} }: WaitlistFormProps) {
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form method="post" action="/waitlist/join" className="space-y-5" noValidate>
      <FormField
        name="email"
        label="Email address"
        type="email"
        autoComplete="email"
        placeholder="you@example.com"
        required
        error={errors.email}
        defaultValue={values.email ?? ""}
      />
      <FormField
        name="building"
        label="What are you building?"
        multiline
        rows={4}
        required
        placeholder="A multiplayer whiteboard for classrooms, a turn-based game…"
        error={errors.building}
        defaultValue={values.building ?? ""}
      />
      <FormField
        name="link"
        label="Link (optional)"
        type="text"
        inputMode="url"
        autoComplete="url"
        placeholder="github.com/you/project"
        hint="A repository, a demo or a site, if you have one."
        error={errors.link}
        defaultValue={values.link ?? ""}
      />
      {state.status === "error" && !state.fieldErrors ? <FormMessage state={state} /> : null}
      <SubmitButton label="Join the waitlist" pendingLabel="Joining…" isPending={false} />
    </form>
  );
}
