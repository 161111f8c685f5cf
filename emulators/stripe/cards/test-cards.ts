import { createHash } from "node:crypto";
import { cardError } from "../core/errors";

export type CardBehaviour = "succeed" | "decline" | "insufficient_funds" | "authenticate";

export type TestCard = {
  number: string;
  brand: "visa" | "mastercard" | "amex";
  funding: "credit" | "debit";
  behaviour: CardBehaviour;
  label: string;
};

// Stripe's documented test numbers. Only these are accepted, as in test mode.
export const TEST_CARDS: TestCard[] = [
  { number: "4242424242424242", brand: "visa", funding: "credit", behaviour: "succeed", label: "Succeeds" },
  { number: "4000056655665556", brand: "visa", funding: "debit", behaviour: "succeed", label: "Succeeds (debit)" },
  { number: "5555555555554444", brand: "mastercard", funding: "credit", behaviour: "succeed", label: "Succeeds" },
  { number: "378282246310005", brand: "amex", funding: "credit", behaviour: "succeed", label: "Succeeds" },
  { number: "4000000000000002", brand: "visa", funding: "credit", behaviour: "decline", label: "Declined" },
  {
    number: "4000000000009995",
    brand: "visa",
    funding: "credit",
    behaviour: "insufficient_funds",
    label: "Declined: insufficient funds",
  },
  {
    number: "4000002760003184",
    brand: "visa",
    funding: "credit",
    behaviour: "authenticate",
    label: "Always needs authentication (off-session charges fail)",
  },
];

// Stripe's `pm_card_*` shortcuts for tests that never see a form.
export const MAGIC_PAYMENT_METHODS: Record<string, string> = {
  pm_card_visa: "4242424242424242",
  pm_card_visa_debit: "4000056655665556",
  pm_card_mastercard: "5555555555554444",
  pm_card_amex: "378282246310005",
  pm_card_chargeDeclined: "4000000000000002",
  pm_card_chargeDeclinedInsufficientFunds: "4000000000009995",
  pm_card_authenticationRequired: "4000002760003184",
};

export function normalizeCardNumber(raw: string): string {
  return raw.replace(/[\s-]/g, "");
}

function isLuhnValid(digits: string): boolean {
  let sum = 0;
  [...digits].reverse().forEach((char, index) => {
    let digit = Number(char);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  });
  return sum % 10 === 0;
}

// Stands in for Stripe's per-account card fingerprint; it also lets a stored payment method
// find its test card again (and so its behaviour) without keeping the number.
export function fingerprintCard(number: string): string {
  return createHash("sha256").update(`emulator:${number}`).digest("base64url").slice(0, 16);
}

export function findTestCardByFingerprint(fingerprint: string | null | undefined): TestCard | undefined {
  return TEST_CARDS.find((card) => fingerprintCard(card.number) === fingerprint);
}

// What Stripe.js and test mode would say about a typed number.
export function findTestCardOrThrow(raw: string): TestCard {
  const digits = normalizeCardNumber(raw);
  if (digits === "")
    throw cardError({ code: "incomplete_number", message: "Your card number is incomplete.", param: "number" });
  if (!/^\d{12,19}$/.test(digits) || !isLuhnValid(digits)) {
    throw cardError({ code: "invalid_number", message: "Your card number is invalid.", param: "number" });
  }
  const card = TEST_CARDS.find((candidate) => candidate.number === digits);
  if (card) return card;
  throw cardError({
    code: "card_declined",
    decline_code: "test_mode_live_card",
    message:
      "Your card was declined. Your request was in test mode, but used a non test (live) card. " +
      "For a list of valid test cards, visit: https://stripe.com/docs/testing.",
  });
}
