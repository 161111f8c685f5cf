ALTER TABLE "standing_changes" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "standing_changes" ADD COLUMN "last_attempt_at" timestamp with time zone;