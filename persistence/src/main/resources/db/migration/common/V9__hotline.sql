-- The SOS hotline (issue 7): calls, job-offer checks, the registry of employers and recruitment
-- agencies they name, and the recruiter and employer named on a case. Every hotline row carries the
-- organisation (tenant) it belongs to; queries filter on it.
create sequence hotline_call_seq start with 50 increment by 50;
create sequence job_offer_check_seq start with 50 increment by 50;
create sequence registry_entry_seq start with 50 increment by 50;

create table hotline_call (
  id bigint not null primary key,
  version bigint not null,
  organisation_id bigint not null references organisation (id),
  taken_by_id bigint not null references portal_user (id),
  called_at timestamp not null,
  call_year integer not null,
  call_month integer not null,
  duration_minutes integer,
  channel varchar(30) not null,
  caller_type varchar(30) not null,
  language varchar(30),
  purpose varchar(40) not null,
  summary varchar(4000),
  outcome varchar(2000),
  follow_up_on date,
  followed_up_at timestamp,
  case_file_id bigint references case_file (id),
  caller_alias varchar(100),
  caller_contact varchar(255),
  caller_agreed boolean not null,
  recorded_at timestamp not null
);
-- The call log (newest first), the statistics (per year and month) and the follow-ups due.
create index hotline_call_org_time_ix on hotline_call (organisation_id, called_at);
create index hotline_call_org_period_ix on hotline_call (organisation_id, call_year, call_month);
create index hotline_call_org_follow_up_ix on hotline_call (organisation_id, follow_up_on);
create index hotline_call_case_ix on hotline_call (case_file_id);

-- One entry per organisation and match key: every spelling of a name leads to it.
create table registry_entry (
  id bigint not null primary key,
  version bigint not null,
  organisation_id bigint not null references organisation (id),
  name varchar(255) not null,
  match_key varchar(255) not null,
  licence_number varchar(100),
  flagged boolean not null,
  first_checked_on date not null,
  last_checked_on date not null,
  constraint registry_entry_key_uk unique (organisation_id, match_key)
);

create table job_offer_check (
  id bigint not null primary key,
  version bigint not null,
  call_id bigint not null references hotline_call (id),
  organisation_id bigint not null references organisation (id),
  offer_source varchar(30),
  employer_name varchar(255),
  employer_entry_id bigint references registry_entry (id),
  agency_name varchar(255),
  agency_licence varchar(100),
  agency_entry_id bigint references registry_entry (id),
  destination_country varchar(2),
  destination_city varchar(255),
  destination_address varchar(500),
  job_type varchar(255),
  industry varchar(80),
  promised_wage numeric(12, 2),
  wage_currency varchar(3),
  red_flags varchar(1000),
  verification_steps varchar(500),
  outcome varchar(30) not null,
  advice varchar(4000),
  flagged boolean not null,
  constraint job_offer_check_call_uk unique (call_id)
);
create index job_offer_check_employer_ix on job_offer_check (employer_entry_id);
create index job_offer_check_agency_ix on job_offer_check (agency_entry_id);

-- Recruiter (HTCDS per_RoleInProcess RecruiterOrIntermediary / BrokerTravelAgent) and employer
-- (Exploiter) named on a case, with their match keys: a case naming a flagged entry is a key lookup.
alter table case_file add column recruiter_name varchar(255);
alter table case_file add column recruiter_match_key varchar(255);
alter table case_file add column employer_name varchar(255);
alter table case_file add column employer_match_key varchar(255);
create index case_file_recruiter_key_ix on case_file (recruiter_match_key);
create index case_file_employer_key_ix on case_file (employer_match_key);
