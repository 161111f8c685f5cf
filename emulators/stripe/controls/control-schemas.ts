import { z } from "zod";

// /_emulator bodies are JSON, so numbers and booleans arrive typed.
export const completeSchema = z.strictObject({
  card: z.string().optional(),
  method: z.enum(["card", "delayed"]).optional(),
  email: z.string().optional(),
  name: z.string().optional(),
  exp_month: z.number().int().min(1).max(12).optional(),
  exp_year: z.number().int().optional(),
  /** For 3D Secure cards: whether the person passes the challenge (default true). */
  authenticate: z.boolean().optional(),
  /** Billing details, as the hosted page collects them (issue 20). */
  address: z
    .strictObject({
      line1: z.string(),
      line2: z.string().optional(),
      city: z.string(),
      postal_code: z.string(),
      state: z.string().optional(),
      country: z.string().length(2),
    })
    .optional(),
  tax_id: z.strictObject({ type: z.string().min(1), value: z.string().min(1) }).optional(),
  business_name: z.string().optional(),
});

export const settleSchema = z.strictObject({ outcome: z.enum(["succeeded", "failed"]) });

export const webhookSettingsSchema = z.strictObject({
  mode: z.enum(["normal", "duplicate", "reorder", "hold", "drop"]).optional(),
  copies: z.number().int().min(1).max(10).optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  urls: z.array(z.string().url()).optional(),
});

export const disputeSchema = z.strictObject({
  amount: z.number().int().positive().optional(),
  reason: z.string().optional(),
});

export const closeDisputeSchema = z.strictObject({ status: z.enum(["won", "lost"]) });

export const refundSchema = z.strictObject({
  amount: z.number().int().positive().optional(),
  reason: z.enum(["duplicate", "fraudulent", "requested_by_customer"]).optional(),
});

export const faultSchema = z.strictObject({
  method: z.string().optional(),
  path: z.string().startsWith("/"),
  kind: z.enum(["500", "timeout", "drop"]),
  count: z.number().int().min(1).optional(),
  timeoutMs: z.number().int().min(0).optional(),
  after: z.boolean().optional(),
});
