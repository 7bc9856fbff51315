-- Objections (异议) raised during an application's public notice, and the county's decision on each.
create table objection (
  id             bigserial     primary key,
  application_no varchar(20)   not null references application (application_no),
  reason         varchar(2000) not null,
  contact        varchar(100),
  raised_at      timestamptz   not null,
  decision       varchar(10)   check (decision in ('UPHOLD', 'DISMISS')),
  decided_by     varchar(100),
  decided_at     timestamptz,
  comment        varchar(2000)
);
create index objection_application on objection (application_no, id);
