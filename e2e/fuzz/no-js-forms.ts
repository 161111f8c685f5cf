// Submits a page's form the way a browser without JavaScript does: to the form's `action` (the page itself
// for a server action), with its hidden fields (for a server action the `$ACTION_…` fields React rendered)
// plus the fields under test, in the form's encoding (multipart for a server action, urlencoded for a
// plain HTML form such as the waitlist's). What it answers is what a stranger would get.
import type { APIRequestContext, APIResponse, Page } from "@playwright/test";

export type NoJsForm = { path: string; origin: string; hidden: Record<string, string>; isMultipart: boolean };

/** Reads the hidden fields of the form that holds the submit button named `button`. */
export async function readNoJsForm(page: Page, path: string, button: string): Promise<NoJsForm> {
  await page.goto(path);
  const form = page.locator("form", { has: page.getByRole("button", { name: button, exact: true }) });
  const { hidden, action, isMultipart } = await form.evaluate((element: HTMLFormElement) => ({
    hidden: Object.fromEntries(
      [...element.querySelectorAll<HTMLInputElement>("input[type=hidden]")].map((input) => [input.name, input.value]),
    ),
    // The resolved URL of the form's action (the page's own URL when it names none).
    action: element.action,
    isMultipart: element.enctype === "multipart/form-data",
  }));
  const url = new URL(action || page.url());
  return { path: url.pathname, origin: url.origin, hidden, isMultipart };
}

export function submitNoJsForm(request: APIRequestContext, form: NoJsForm, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<APIResponse> {
  // A browser sends its origin with every form post; Next checks it against the host for server actions.
  const body = { ...form.hidden, ...fields };
  return request.post(form.path, { ...(form.isMultipart ? { multipart: body } : { form: body }), headers: { origin: form.origin, ...headers }, maxRedirects: 0 });
}
