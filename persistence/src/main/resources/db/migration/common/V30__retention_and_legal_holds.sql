-- Retention schedule, legal holds and erasure by anonymisation (issue 21 items 4-6).
-- A case or hotline call that was anonymised keeps its row, its dates and its coded values (what the
-- statistics count) and says when it was anonymised; afterwards a case is read-only.
alter table case_file add column anonymised_on date;
alter table hotline_call add column anonymised_on date;

-- A hold recorded by the owner's coordinator or the DPO (GDPR Art. 17(3)(b)/(e)): the case is never
-- anonymised while the hold is open. Lifted with a reason, never deleted. Users by id, no personal
-- data beyond the free-text reasons (cleared if the case is anonymised after the hold is lifted).
create sequence legal_hold_seq start with 50 increment by 50;
create table legal_hold (
  id bigint not null primary key,
  version bigint not null,
  case_file_id bigint not null references case_file (id),
  basis varchar(40) not null,
  reason varchar(2000) not null,
  review_on date not null,
  recorded_by bigint not null references portal_user (id),
  recorded_at timestamp not null,
  lifted_by bigint references portal_user (id),
  lifted_at timestamp,
  lift_reason varchar(2000)
);
create index legal_hold_case_ix on legal_hold (case_file_id, lifted_at);

-- Every run of the retention job and every erasure on request, with its counts; no case ids or
-- personal data (which cases were anonymised is case_file.anonymised_on).
create sequence retention_run_seq start with 50 increment by 50;
create table retention_run (
  id bigint not null primary key,
  kind varchar(20) not null,
  started_at timestamp not null,
  finished_at timestamp not null,
  cases_anonymised integer not null,
  calls_anonymised integer not null,
  documents_destroyed integer not null,
  cases_held integer not null,
  request_id bigint references data_subject_request (id),
  run_by bigint references portal_user (id)
);
