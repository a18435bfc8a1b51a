-- PostgreSQL: the encrypted contents of a case document (issue 17), one row per encrypted segment
-- (rs.astra.nrm.document.DocumentCipher: at most 64 KiB of plaintext each). bytea is read whole by
-- the JDBC driver, so segment rows (not one 25 MB value) keep an upload or a download streamed:
-- the heap holds one segment at a time. Part of the database, so pg_dump and a second portal
-- instance see the same files.
create table case_document_content (
  document_id bigint not null references case_document (id),
  segment_no integer not null,
  data bytea not null,
  primary key (document_id, segment_no)
);
