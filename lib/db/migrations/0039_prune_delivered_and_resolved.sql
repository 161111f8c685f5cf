-- Session 13: the maintenance job prunes stripe_event_failures rows of events resolved more than 90 days
-- ago (lib/payments/prune-resolved-event-failures.ts). The site's role may not delete failures (0034:
-- a failure is a fact), and keeps that: this function, owned by the migrating role, is the one delete it
-- may ask for, with the rule fixed inside it (resolved, both the failure and its resolution older than
-- 90 days), so the site cannot pick what goes or when. An unresolved failure is never deleted.
CREATE FUNCTION prune_resolved_stripe_event_failures() RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  WITH gone AS (
    DELETE FROM public.stripe_event_failures f
    USING public.stripe_events s
    WHERE s.id = f.event_id
      AND s.received_at < now() - interval '90 days'
      AND f.failed_at < now() - interval '90 days'
    RETURNING 1
  )
  SELECT count(*)::integer FROM gone
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION prune_resolved_stripe_event_failures() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION prune_resolved_stripe_event_failures() TO tandem_app;
