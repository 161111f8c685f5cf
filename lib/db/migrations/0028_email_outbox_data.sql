-- Issue 17: emails are rendered when they are sent, from the template's data stored with the row (React
-- Email, lib/email/render-email.tsx), not from bodies rendered when the row was written. A fix to a
-- template then reaches the emails still queued, and the posting transaction that records an email no
-- longer spends its time (under the ledger locks) rendering HTML. `data` is dropped on send like the
-- bodies were: it carries live links. Rows written before this migration keep their bodies and are
-- sent as written.
ALTER TABLE "email_outbox" ADD COLUMN "data" jsonb;
