import type Stripe from "stripe";
import type { Emulator } from "../emulator";

/**
 * The `next_action` of an intent that needs the person to authenticate (a 3DS card): the emulator's own
 * 3DS page for that intent (pages/), the same for a PaymentIntent and a SetupIntent.
 */
export function buildThreeDSecureAction(emulator: Emulator, intentId: string): Stripe.PaymentIntent.NextAction & Stripe.SetupIntent.NextAction {
  return {
    type: "use_stripe_sdk",
    use_stripe_sdk: { type: "three_d_secure_redirect", stripe_js: `${emulator.config.publicUrl}/3ds/${intentId}` },
  };
}
