-- Counties the product serves, with their province (the first two digits of the code).
create table county (
  code          varchar(6)  primary key check (code ~ '^[0-9]{6}$'),
  name          varchar(50) not null,
  prefecture    varchar(50) not null,
  province_code varchar(2)  not null check (province_code = substring(code from 1 for 2)),
  province_name varchar(50) not null,
  contact       varchar(200)
);

-- The registry (台账) of people lifted out of poverty (脱贫人口) and people monitored against relapse
-- (防止返贫监测对象), per county, imported from the counties' CSV lists.
create table registry_person (
  county_code varchar(6)  not null references county (code),
  id_number   varchar(18) not null check (id_number ~ '^[0-9]{17}[0-9X]$'),
  name        varchar(50) not null,
  category    varchar(20) not null check (category in ('ALLEVIATED', 'MONITORED')),
  imported_at timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  primary key (county_code, id_number)
);

create index registry_person_id_number on registry_person (id_number);
