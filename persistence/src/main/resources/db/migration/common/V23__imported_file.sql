-- The HTCDS import knows what it has imported (issue 19): the SHA-256 digest of each imported file,
-- with the organisation, the user and the time. The same bytes imported again by the same
-- organisation are refused, naming the day of the first import; the unique constraint keeps two
-- imports of one file at the same moment from both succeeding. No file content is kept.
create sequence imported_file_seq start with 50 increment by 50;
create table imported_file (
  id bigint not null primary key,
  organisation_id bigint not null references organisation (id),
  imported_by_id bigint not null references portal_user (id),
  imported_at timestamp not null,
  sha256 char(64) not null,
  case_count integer not null,
  constraint imported_file_organisation_sha256_uq unique (organisation_id, sha256)
);
