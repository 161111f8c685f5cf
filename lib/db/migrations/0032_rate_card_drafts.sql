-- Rate card drafts (issue 18, "Rate cards"): an operator's next card, edited, previewed and shadow-billed
-- before it is published as a rate_cards version. An ordinary table: the default privileges of 0021 give
-- the site SELECT/INSERT/UPDATE/DELETE on it (a discarded draft is deleted; nothing was priced from it).
CREATE TABLE "rate_card_drafts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"entries" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"published_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rate_card_drafts" ADD CONSTRAINT "rate_card_drafts_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;
