// Submits a page's form the way a browser without JavaScript does: the hidden fields React rendered
// for the server action (`$ACTION_…`), plus the fields under test, as multipart. The server action runs
// exactly as it does for a real visitor, so what it answers is what a stranger would get.
import type { APIRequestContext, APIResponse, Page } from "@playwright/test";

export type NoJsForm = { path: string; origin: string; hidden: Record<string, string> };

/** Reads the hidden fields of the form that holds the submit button named `button`. */
export async function readNoJsForm(page: Page, path: string, button: string): Promise<NoJsForm> {
  await page.goto(path);
  const form = page.locator("form", { has: page.getByRole("button", { name: button, exact: true }) });
  const hidden = await form.evaluate((element) =>
    Object.fromEntries(
      [...element.querySelectorAll<HTMLInputElement>("input[type=hidden]")].map((input) => [input.name, input.value]),
    ),
  );
  return { path, origin: new URL(page.url()).origin, hidden };
}

export function submitNoJsForm(request: APIRequestContext, form: NoJsForm, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<APIResponse> {
  // A browser sends its origin with every form post; Next checks it against the host for server actions.
  return request.post(form.path, { multipart: { ...form.hidden, ...fields }, headers: { origin: form.origin, ...headers }, maxRedirects: 0 });
}
