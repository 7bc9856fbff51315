-- Payment batches (支付批次) that county finance staff send to the bank.
create table payment_batch (
  id                 bigserial     primary key,
  county_code        varchar(6)    not null references county (code),
  status             varchar(20)   not null check (status in ('SENT', 'RESULTS_RECORDED')),
  instruction_count  integer       not null,
  total              numeric(14, 2) not null,
  created_at         timestamptz   not null,
  created_by         varchar(100)  not null,
  results_recorded_at timestamptz
);
create index payment_batch_county on payment_batch (county_code, id);

-- The payment ledger: exactly one instruction per approved application, whatever retries, crashes or
-- servers do (the unique key), with its amount as an exact decimal that never changes.
create table payment_instruction (
  id              bigserial     primary key,
  application_no  varchar(20)   not null unique references application (application_no),
  county_code     varchar(6)    not null references county (code),
  name            varchar(50)   not null,
  bank            varchar(100)  not null,
  account_number  varchar(40)   not null,
  amount          numeric(12, 2) not null check (amount > 0),
  status          varchar(20)   not null check (status in ('OPEN', 'BATCHED', 'PAID', 'FAILED', 'CANCELLED')),
  batch_id        bigint        references payment_batch (id),
  attempts        integer       not null default 0,
  failure_reason  varchar(500),
  created_at      timestamptz   not null,
  updated_at      timestamptz   not null,
  cancelled_by    varchar(100),
  cancel_reason   varchar(500)
);
create index payment_instruction_open on payment_instruction (county_code, status);

-- Each line of each batch as it was sent, and the bank's answer to it.
create table payment_line (
  batch_id        bigint        not null references payment_batch (id),
  application_no  varchar(20)   not null references application (application_no),
  instruction_id  bigint        not null references payment_instruction (id),
  name            varchar(50)   not null,
  bank            varchar(100)  not null,
  account_number  varchar(40)   not null,
  amount          numeric(12, 2) not null,
  result          varchar(10)   check (result in ('PAID', 'FAILED')),
  reason          varchar(500),
  result_at       timestamptz,
  primary key (batch_id, application_no)
);
create index payment_line_instruction on payment_line (instruction_id);

-- Audited administrator actions on the ledger.
create table payment_audit (
  id             bigserial    primary key,
  application_no varchar(20)  not null,
  action         varchar(20)  not null,
  actor          varchar(100) not null,
  reason         varchar(500) not null,
  at             timestamptz  not null
);

-- The ledger's rules, enforced by the database itself: the amount never changes, an instruction in a
-- batch is neither edited nor batched again, and only the bank's result moves it on.
create function payment_instruction_guard() returns trigger language plpgsql as $$
begin
  if new.amount <> old.amount or new.application_no <> old.application_no then
    raise exception 'payment instruction %: the approved amount never changes', old.application_no;
  end if;
  if old.status = 'BATCHED' then
    if new.status not in ('BATCHED', 'PAID', 'FAILED') or new.batch_id is distinct from old.batch_id
       or new.account_number <> old.account_number or new.bank <> old.bank or new.name <> old.name then
      raise exception 'payment instruction % is in batch % and cannot be changed', old.application_no, old.batch_id;
    end if;
  end if;
  if old.status in ('PAID', 'CANCELLED') and (new.status <> old.status or new.account_number <> old.account_number) then
    raise exception 'payment instruction % is % and cannot be changed', old.application_no, old.status;
  end if;
  return new;
end $$;

create trigger payment_instruction_guard before update on payment_instruction
  for each row execute function payment_instruction_guard();

-- One finance desk process per county at a time.
create table payment_desk (
  county_code         varchar(6)  primary key references county (code),
  process_instance_id varchar(64) not null,
  started_at          timestamptz not null
);

-- Messages for processes, written in the transaction that causes them (a bank result, a corrected
-- account) and delivered after commit, in order per application, until the process takes them: a
-- message that arrives before its process waits for it is kept, not lost.
create table process_message (
  id            bigserial     primary key,
  business_key  varchar(64)   not null,
  message_name  varchar(50)   not null,
  variables     text          not null,
  created_at    timestamptz   not null,
  next_attempt_at timestamptz not null,
  attempts      integer       not null default 0,
  last_error    varchar(1000),
  delivered_at  timestamptz
);
create index process_message_pending on process_message (next_attempt_at, id) where delivered_at is null;
