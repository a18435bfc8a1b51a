-- NRM Portal schema, version 1: organisations (tenants), users, persons, cases, referrals.
-- Written in SQL that H2 2.2 and PostgreSQL 15 both accept; vendor-specific SQL goes to
-- db/migration/h2 or db/migration/postgresql.
-- Ids come from sequences (allocation size 50, as in the JPA mappings).

create sequence organisation_seq start with 50 increment by 50;
create sequence portal_user_seq start with 50 increment by 50;
create sequence person_seq start with 50 increment by 50;
create sequence case_file_seq start with 50 increment by 50;
create sequence referral_seq start with 50 increment by 50;
-- The number part of human case codes (NRM-2026-00042); one counter across years.
create sequence case_code_seq start with 1 increment by 1;

create table organisation (
  id bigint not null primary key,
  version bigint not null,
  name varchar(200) not null,
  type varchar(40) not null,
  city varchar(100),
  constraint organisation_name_uk unique (name)
);

create table portal_user (
  id bigint not null primary key,
  version bigint not null,
  username varchar(80) not null,
  display_name varchar(200) not null,
  password_hash varchar(400),
  organisation_id bigint not null references organisation (id),
  role varchar(40) not null,
  role_name varchar(40) not null,
  active boolean not null,
  constraint portal_user_username_uk unique (username)
);
create index portal_user_organisation_ix on portal_user (organisation_id);

create table person (
  id bigint not null primary key,
  version bigint not null,
  salutation varchar(40),
  first_name varchar(255),
  second_name varchar(255),
  birthdate date,
  gender varchar(40),
  citizenship varchar(255),
  title varchar(255),
  email varchar(255),
  home_phone varchar(255),
  mobile_phone varchar(255),
  mailing_street varchar(255),
  mailing_city varchar(255),
  mailing_state varchar(255),
  mailing_postal_code varchar(255),
  mailing_country varchar(255)
);

create table case_file (
  id bigint not null primary key,
  version bigint not null,
  code varchar(20) not null,
  owner_organisation_id bigint not null references organisation (id),
  owner_user_id bigint not null references portal_user (id),
  person_id bigint not null references person (id),
  opened_on date not null,
  created_at timestamp not null,
  status varchar(40) not null,
  reason_for_closure varchar(4000),
  consent_flag boolean,
  trafficking_status varchar(40),
  status_decision_org varchar(60),
  method_of_recruitment varchar(1000),
  location_of_recruitment varchar(255),
  methods_of_control varchar(1000),
  type_of_exploitation varchar(1000),
  forced_labour_industry varchar(80),
  type_of_sex_exploitation varchar(1000),
  location_of_exploitation varchar(255),
  referring_organisation varchar(255),
  incoming_referral_date date,
  referring_case_worker varchar(255),
  incoming_referral_reason varchar(60),
  incoming_referral_details varchar(4000),
  constraint case_file_code_uk unique (code),
  constraint case_file_person_uk unique (person_id)
);
-- Serves the owner side of the access rule (owner organisation) with the default order (newest first).
create index case_file_owner_opened_ix on case_file (owner_organisation_id, opened_on);
create index case_file_owner_user_ix on case_file (owner_user_id);

create table referral (
  id bigint not null primary key,
  version bigint not null,
  case_file_id bigint not null references case_file (id),
  from_organisation_id bigint not null references organisation (id),
  to_organisation_id bigint not null references organisation (id),
  reason varchar(60),
  details varchar(4000),
  referral_date date not null,
  state varchar(20) not null,
  created_at timestamp not null
);
-- Serves the recipient side of the access rule: exists (referral to my organisation in a live state).
create index referral_to_org_case_ix on referral (to_organisation_id, case_file_id, state);
create index referral_case_ix on referral (case_file_id);
create index referral_from_org_ix on referral (from_organisation_id);
