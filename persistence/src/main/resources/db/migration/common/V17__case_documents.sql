-- Case documents (issue 17): signed consent forms, identity scans, medical, police and court
-- records... Each row is the metadata of one version of a document; a corrected document is a new
-- row whose previous_version_id points at the version it corrects (earlier versions stay readable).
-- The data category is derived from the type and may be changed by the owner; every read of a
-- document is a READ of that category, decided by AccessPolicy. The contents live in
-- case_document_content (V17_1, vendor-specific column type), encrypted with AES-256-GCM under a
-- random per-document key; wrapped_key is that key wrapped by the master key (NRM_DOCUMENT_KEY),
-- key_id names the master key that wrapped it (re-wrapping changes both under optimistic locking).
create sequence case_document_seq start with 50 increment by 50;
create table case_document (
  id bigint not null primary key,
  version bigint not null,
  case_file_id bigint not null references case_file (id),
  previous_version_id bigint references case_document (id),
  title varchar(300) not null,
  document_type varchar(40) not null,
  category varchar(40) not null,
  uploaded_by bigint not null references portal_user (id),
  uploader_organisation_id bigint not null references organisation (id),
  uploaded_at timestamp not null,
  original_file_name varchar(500) not null,
  size_bytes bigint not null,
  content_type varchar(100) not null,
  sha256 varchar(64) not null,
  wrapped_key varchar(200) not null,
  key_id varchar(64) not null,
  consent_id bigint references consent (id)
);
-- A case's documents by category (the Documents section, the count of hidden ones), newest first.
create index case_document_case_category_ix on case_document (case_file_id, category, uploaded_at);
-- The versions of a document; the signed form of a consent.
create index case_document_previous_ix on case_document (previous_version_id);
create index case_document_consent_ix on case_document (consent_id);
