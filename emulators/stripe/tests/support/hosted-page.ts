// Drives the hosted pages the way a browser's form posts would, without a browser.
export type FormAnswer = { status: number; location: string | null; html: string };

export async function getPage(url: string): Promise<FormAnswer> {
  const response = await fetch(url, { redirect: "manual" });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

export async function postForm(url: string, fields: Record<string, string>): Promise<FormAnswer> {
  const response = await fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}
