-- Statistics and data exchange (issue 8): the statistics-only store of anonymised CTDC records
-- (no persons, no names, years only) and the monthly summaries the timer computes per organisation.
create sequence ctdc_import_batch_seq start with 50 increment by 50;
create table ctdc_import_batch (
  id bigint not null primary key,
  organisation_id bigint not null references organisation (id),
  imported_by_id bigint not null references portal_user (id),
  imported_at timestamp not null,
  file_name varchar(255),
  record_count integer not null
);

create sequence ctdc_record_seq start with 50 increment by 50;
create table ctdc_record (
  id bigint not null primary key,
  batch_id bigint not null references ctdc_import_batch (id),
  year_of_registration integer not null,
  datasource varchar(100),
  gender varchar(10),
  age_band varchar(12),
  majority_status varchar(10),
  majority_at_exploit varchar(10),
  majority_entry varchar(10),
  citizenship varchar(2),
  country_of_exploitation varchar(2),
  recruiter_relationship varchar(255),
  flags_yes varchar(2000),
  flags_no varchar(2000)
);
create index ctdc_record_year_ix on ctdc_record (year_of_registration);
create index ctdc_record_batch_ix on ctdc_record (batch_id);

create sequence monthly_summary_seq start with 50 increment by 50;
create table monthly_summary (
  id bigint not null primary key,
  version bigint not null,
  organisation_id bigint not null references organisation (id),
  month_start date not null,
  computed_at timestamp not null,
  cases_opened bigint not null,
  identifications bigint not null,
  referrals_sent bigint not null,
  referrals_received bigint not null,
  referrals_accepted bigint not null,
  proceedings_recorded bigint not null,
  constraint monthly_summary_month_uq unique (organisation_id, month_start)
);
