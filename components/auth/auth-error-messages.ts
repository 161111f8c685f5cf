// What each Auth.js error code (`?error=` on our sign-in and error pages) means to the person who hit it.
export type AuthErrorCopy = { title: string; body: string };

const copy: Record<string, AuthErrorCopy> = {
  Verification: {
    title: "Link expired or already used",
    body: "Each sign-in link works once, within 10 minutes. Enter your email to get a new one.",
  },
  // One neutral answer for every refused sign-in (an email link whose invite was withdrawn or expired,
  // a GitHub account whose verified email has no invite or account): it does not say which.
  AccessDenied: {
    title: "This address cannot sign in yet",
    body: "Accounts are by invitation during the preview, and this address has no valid invite or account (an invite may have been withdrawn or expired). Use the address you were invited at, or ask for a new invite.",
  },
  AtCapacity: {
    title: "Tandem is full for now",
    body: "We have reached the number of accounts we can take during the preview. Your address is on the waitlist: you will get an invitation by email when there is room.",
  },
  OAuthAccountNotLinked: {
    title: "This email already has an account",
    body: "Sign in with an email link instead; linking GitHub to an existing account is not available yet.",
  },
};

const fallback: AuthErrorCopy = {
  title: "Sign-in did not work",
  body: "Something went wrong on our side. Ask for a new link below, or try again in a few minutes.",
};

export function authErrorCopy(code: string | undefined): AuthErrorCopy {
  return (code !== undefined && Object.hasOwn(copy, code) ? copy[code] : undefined) ?? fallback;
}
