-- The operators' waitlist table (issue 18) lists every status newest or oldest first, 50 a page: without
-- this index each page sorts the whole table; (status, created_at) already serves a status filter.
CREATE INDEX "waitlist_created_id_idx" ON "waitlist_entries" USING btree ("created_at","id");
