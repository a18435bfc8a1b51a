-- Restriction of processing (issue 21, GDPR Art. 18; ZZPL art. 31): a restricted case is read only
-- by the owning organisation's coordinators (each read audited), shared with nobody, exported by
-- nobody; statistics still count it. case_file.restricted_since (null = not restricted) is what the
-- policy's predicate reads (a null test, the same SQL on H2 and PostgreSQL);
-- case_restriction keeps every restriction and its lifting (who, when, why, the request it answers).
alter table case_file add column restricted_since timestamp;
create sequence case_restriction_seq start with 50 increment by 50;
create table case_restriction (
  id bigint not null primary key,
  version bigint not null,
  case_file_id bigint not null references case_file (id),
  request_id bigint references data_subject_request (id),
  restricted_by bigint not null references portal_user (id),
  restricted_at timestamp not null,
  reason varchar(2000) not null,
  lifted_by bigint references portal_user (id),
  lifted_at timestamp,
  lift_reason varchar(2000)
);
create index case_restriction_case_ix on case_restriction (case_file_id, restricted_at);
