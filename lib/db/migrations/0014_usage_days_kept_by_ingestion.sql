-- usage_hours is written only by ingestion (storeUsage), which now adds the same sums to usage_days in
-- the statement that adds them to usage_hours. The insert and update triggers re-derived those sums from
-- transition tables (the changed rows' old and new versions, unioned, grouped by day and summed as
-- numeric): about half of the store statement's time, all of it under the account locks. The delete and
-- truncate triggers stay, so removing hours still keeps the rollup equal to the hours it sums.
DROP TRIGGER usage_days_insert ON usage_hours;
--> statement-breakpoint
DROP TRIGGER usage_days_update ON usage_hours;
--> statement-breakpoint
DROP FUNCTION usage_days_after_insert();
--> statement-breakpoint
DROP FUNCTION usage_days_after_update();
