-- Mails to applicants and officials, written in the transaction of the step that causes them and sent
-- after commit. The unique key (application, event, the step that caused it) means a mail is queued
-- once whatever retries the step goes through.
create table mail_outbox (
  id              bigserial     primary key,
  dedup_key       varchar(200)  not null unique,
  application_no  varchar(20),
  event           varchar(30)   not null,
  recipient       varchar(254)  not null,
  subject         varchar(300)  not null,
  body_text       text          not null,
  body_html       text          not null,
  status          varchar(10)   not null check (status in ('PENDING', 'SENT', 'FAILED')),
  attempts        integer       not null default 0,
  next_attempt_at timestamptz   not null,
  last_error      varchar(1000),
  created_at      timestamptz   not null,
  sent_at         timestamptz
);
create index mail_outbox_due on mail_outbox (next_attempt_at, id) where status = 'PENDING';
create index mail_outbox_application on mail_outbox (application_no, id);
