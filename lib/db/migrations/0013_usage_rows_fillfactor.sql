-- Ingestion adds to the same usage_hours row (and, through its trigger, usage_days row) with every batch
-- that reports the space for that hour, and to the same rating_remainders rows with every batch of the
-- account. With full pages each such update moved the row to another page and added an index entry
-- (8% of usage_hours updates were HOT in the ingestion bench; the table grew to 12x its live size).
-- Leaving room on each page keeps the new version beside the old one (HOT: no index write, and the page
-- prunes its dead versions itself): 100% HOT at fillfactor 50, 91% at 80. Takes effect for new pages.
ALTER TABLE usage_hours SET (fillfactor = 70);
--> statement-breakpoint
ALTER TABLE usage_days SET (fillfactor = 70);
--> statement-breakpoint
ALTER TABLE rating_remainders SET (fillfactor = 50);
