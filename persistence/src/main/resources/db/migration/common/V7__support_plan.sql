-- The support plan (category SOCIAL, or HEALTH for health and medical services), the safety plan
-- (SOCIAL, one per case), the centres for social work's assessment notes (SOCIAL) and the health
-- institutions' treatment records (HEALTH). Each row belongs to the organisation that recorded it.
create sequence service_entry_seq start with 50 increment by 50;
create table service_entry (
  id bigint not null primary key,
  version bigint not null,
  case_file_id bigint not null references case_file (id),
  data_category varchar(40) not null,
  service_type varchar(40) not null,
  organisation_id bigint not null references organisation (id),
  recorded_by_id bigint not null references portal_user (id),
  recorded_at timestamp not null,
  provider_organisation_id bigint references organisation (id),
  provider_name varchar(200),
  status varchar(30) not null,
  planned_on date,
  started_on date,
  ended_on date,
  note varchar(4000),
  status_changed_by_id bigint references portal_user (id),
  status_changed_at timestamp
);
create index service_entry_case_ix on service_entry (case_file_id, data_category, organisation_id);

create sequence safety_plan_seq start with 50 increment by 50;
create table safety_plan (
  id bigint not null primary key,
  version bigint not null,
  case_file_id bigint not null unique references case_file (id),
  organisation_id bigint not null references organisation (id),
  risks varchar(4000) not null,
  measures varchar(4000) not null,
  emergency_contacts varchar(4000),
  review_on date,
  updated_by_id bigint not null references portal_user (id),
  updated_at timestamp not null
);

create sequence assessment_note_seq start with 50 increment by 50;
create table assessment_note (
  id bigint not null primary key,
  version bigint not null,
  case_file_id bigint not null references case_file (id),
  organisation_id bigint not null references organisation (id),
  recorded_by_id bigint not null references portal_user (id),
  recorded_at timestamp not null,
  assessed_on date not null,
  assessment varchar(4000) not null,
  recommended_measures varchar(4000)
);
create index assessment_note_case_ix on assessment_note (case_file_id, organisation_id);

create sequence treatment_record_seq start with 50 increment by 50;
create table treatment_record (
  id bigint not null primary key,
  version bigint not null,
  case_file_id bigint not null references case_file (id),
  organisation_id bigint not null references organisation (id),
  recorded_by_id bigint not null references portal_user (id),
  recorded_at timestamp not null,
  treated_on date not null,
  treatment varchar(4000) not null,
  note varchar(4000)
);
create index treatment_record_case_ix on treatment_record (case_file_id, organisation_id);

-- A timeline event about a service, the safety plan, an assessment or a treatment names the data
-- category it reveals; a recipient sees it only when it may read that category. Null for every
-- other event.
alter table case_event add column data_category varchar(40);
