-- Applications for the two subsidies. The engine holds the flow; this holds the application.
create table application (
  application_no      varchar(20)  primary key,          -- county code, year, sequence: 532527-2026-000042
  type                varchar(10)  not null check (type in ('TRAINING', 'TRANSPORT')),
  county_code         varchar(6)   not null references county (code),
  id_number           varchar(18)  not null check (id_number ~ '^[0-9]{17}[0-9X]$'),
  name                varchar(50)  not null,
  phone               varchar(20),
  email               varchar(254),
  bank                varchar(100) not null,
  account_number      varchar(40)  not null,
  pledge              boolean      not null,
  channel             varchar(10)  not null check (channel in ('ONLINE', 'CLERK', 'BATCH')),
  filed_by            varchar(100),
  submitted_at        timestamptz  not null,
  application_date    date         not null,
  status              varchar(20)  not null,
  amount              numeric(12, 2),
  amount_detail       varchar(500),
  -- training subsidy
  occupation          varchar(50),
  level               varchar(20),
  certificate_no      varchar(50),
  certificate_date    date,
  training_days       integer,
  -- transportation subsidy
  transport_year      integer,
  work_province       varchar(50),
  work_prefecture     varchar(50),
  work_county         varchar(50),
  employer            varchar(100),
  employment_start    date,
  band                varchar(20),
  fare                numeric(10, 2),
  -- public notice
  notice_starts_at    timestamptz,
  notice_ends_at      timestamptz,
  updated_at          timestamptz  not null default now(),
  check ((type = 'TRAINING') = (level is not null)),
  check ((type = 'TRANSPORT') = (transport_year is not null))
);
create index application_county_status on application (county_code, status);
create index application_id_number on application (id_number);
create index application_status_notice on application (status, county_code, notice_ends_at);

-- Gap-free application numbers per county and year; the row lock makes them unique across servers.
create table application_counter (
  county_code varchar(6) not null,
  year        integer    not null,
  last_value  integer    not null,
  primary key (county_code, year)
);

-- Why an application was rejected: every failed rule, or the officials' reason.
create table application_reason (
  application_no varchar(20)  not null references application (application_no),
  position       integer      not null,
  rule           varchar(40)  not null,
  message        varchar(1000) not null,
  primary key (application_no, position)
);

-- Everything that happened to an application: steps, decisions with who/when/comment (audit trail).
create table application_event (
  id             bigserial    primary key,
  application_no varchar(20)  not null references application (application_no),
  occurred_at    timestamptz  not null,
  step           varchar(40)  not null,
  status         varchar(20),
  actor          varchar(100) not null,
  decision       varchar(20),
  comment        varchar(2000)
);
create index application_event_no on application_event (application_no, id);

-- A county's supplement requests (补正): every missing or wrong item at once, and the answer.
create table supplement_request (
  application_no varchar(20)  not null references application (application_no),
  round          integer      not null,
  items          text         not null,
  requested_at   timestamptz  not null,
  requested_by   varchar(100) not null,
  answered_at    timestamptz,
  answer_note    varchar(2000),
  primary key (application_no, round)
);

-- Documents uploaded for an application, kept in the database; the file name is only displayed.
create table document (
  id             uuid         primary key,
  application_no varchar(20)  not null references application (application_no),
  kind           varchar(30)  not null,
  content_type   varchar(50)  not null,
  size_bytes     integer      not null,
  sha256         varchar(64)  not null,
  file_name      varchar(255) not null,
  content        bytea        not null,
  uploaded_at    timestamptz  not null,
  uploaded_by    varchar(100) not null
);
create index document_application on document (application_no, uploaded_at);

-- "Once per person per calendar year across all counties": the database holds the one claim.
create table transport_claim (
  id_number      varchar(18) not null,
  year           integer     not null,
  application_no varchar(20) not null unique references application (application_no),
  primary key (id_number, year)
);

-- "The same occupation at the same level is paid once per person."
create table training_claim (
  id_number      varchar(18) not null,
  occupation     varchar(50) not null,
  level          varchar(20) not null,
  application_no varchar(20) not null unique references application (application_no),
  primary key (id_number, occupation, level)
);
