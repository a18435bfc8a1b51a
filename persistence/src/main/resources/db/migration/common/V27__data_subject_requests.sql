-- The register of data-subject requests (issue 21): kind, the case, day received, how the identity
-- was verified, the due date (30 days, extendable once by up to 60 with a reason: ZZPL art. 21,
-- GDPR Art. 12(3)), status, outcome and answer, who and when for each step. Users by id only; no
-- personal data beyond the case link and the free-text notes. Optimistic locking (version).
create sequence data_subject_request_seq start with 50 increment by 50;
create table data_subject_request (
  id bigint not null primary key,
  version bigint not null,
  organisation_id bigint not null references organisation (id),
  kind varchar(20) not null,
  case_file_id bigint not null references case_file (id),
  case_code varchar(40) not null,
  received_on date not null,
  identity_verification varchar(40) not null,
  note varchar(2000),
  due_on date not null,
  extension_days integer,
  extension_reason varchar(2000),
  extended_by bigint references portal_user (id),
  extended_at timestamp,
  status varchar(20) not null,
  registered_by bigint not null references portal_user (id),
  registered_at timestamp not null,
  started_by bigint references portal_user (id),
  started_at timestamp,
  outcome varchar(2000),
  answer varchar(2000),
  closed_by bigint references portal_user (id),
  closed_at timestamp,
  due_notice_at timestamp
);
create index data_subject_request_org_ix on data_subject_request (organisation_id, status, due_on);
