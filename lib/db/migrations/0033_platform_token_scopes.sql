-- Platform tokens for the operator console (issue 18, "Platform tokens"): what each token may call
-- (`ingest`: POST /usage; `read`: the account reads), who made it (null for `npm run token:create`),
-- where it was last used from, and when a rotated token stops (`expires_at`, the grace the operator chose).
-- Tokens made before this keep working: the default gives them (and any insert that names none) both
-- scopes, which is what every token could do before.
ALTER TABLE "platform_tokens" ADD COLUMN "scopes" text[] DEFAULT array['ingest', 'read']::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_tokens" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "platform_tokens" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "platform_tokens" ADD COLUMN "last_used_from" text;--> statement-breakpoint
ALTER TABLE "platform_tokens" ADD CONSTRAINT "platform_tokens_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_tokens" ADD CONSTRAINT "platform_tokens_scopes_known" CHECK (cardinality("platform_tokens"."scopes") >= 1 and "platform_tokens"."scopes" <@ array['ingest', 'read']::text[]);