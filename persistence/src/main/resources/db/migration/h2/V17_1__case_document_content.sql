-- H2: the encrypted contents of a case document (issue 17), one row per encrypted segment
-- (rs.astra.nrm.document.DocumentCipher: at most 64 KiB of plaintext each), so that an upload or a
-- download never holds the whole file. BLOB: stored apart from the row and read as a stream.
create table case_document_content (
  document_id bigint not null references case_document (id),
  segment_no integer not null,
  data blob not null,
  primary key (document_id, segment_no)
);
