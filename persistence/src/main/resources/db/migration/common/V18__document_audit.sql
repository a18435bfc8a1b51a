-- Case documents (issue 17): a download, or a refused one, is an audit record that names the
-- document (its id; never its title or file name). Null for every other record, so the seals of
-- days before this column existed stay valid (AuditSealChain digests it only when it is set).
alter table audit_record add column document_id bigint;
