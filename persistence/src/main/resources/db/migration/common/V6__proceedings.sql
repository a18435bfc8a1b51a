-- The criminal-proceedings track (category LEGAL_PROCEEDINGS): each entry belongs to the
-- organisation that recorded it.
create sequence proceedings_entry_seq start with 50 increment by 50;
create table proceedings_entry (
  id bigint not null primary key,
  version bigint not null,
  case_file_id bigint not null references case_file (id),
  organisation_id bigint not null references organisation (id),
  recorded_by_id bigint not null references portal_user (id),
  recorded_at timestamp not null,
  kind varchar(40) not null,
  entry_date date not null,
  offence varchar(40),
  suspects_count integer,
  victim_status varchar(40),
  outcome varchar(1000),
  sentence varchar(1000),
  note varchar(4000)
);
create index proceedings_entry_case_ix on proceedings_entry (case_file_id, organisation_id);
