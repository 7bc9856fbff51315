-- The officials' reports read each application's milestones from its history: submitted, county review
-- started and decided, first approved, first paid. This partial index holds only those rows (about a
-- third of the history), so the reports need not read the whole history: with 100,000 applications and
-- 1.6 million history rows the full report went from 5.2 s to 3.6 s, a county's from 1.9 s to 1.0 s.
create index application_event_milestone on application_event (application_no, id)
  include (occurred_at, step, status)
  where step in ('SUBMITTED', 'Task_CountyReview', 'COUNTY_REVIEW') or status in ('APPROVED', 'PAID');
