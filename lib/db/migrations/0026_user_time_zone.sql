-- Issue 17: the time zone a person chose for the account area's dates (an IANA name, checked by the
-- application against Intl's list); null means "the browser's". CSVs stay UTC whatever it says.
ALTER TABLE "user" ADD COLUMN "timeZone" text;
