-- The sealed audit trail (issue 15): one row per calendar day of the stored timestamps, written by
-- the nightly job. digest = SHA-256 over the day's audit_record and activity_record rows in id order,
-- chained to the previous day's digest (rs.astra.nrm.audit.AuditSealChain); the counts help to say
-- whether records were changed, added or removed. Rows are only ever inserted.
create table audit_seal (
  seal_day date not null primary key,
  audit_count bigint not null,
  activity_count bigint not null,
  previous_digest varchar(64),
  digest varchar(64) not null,
  sealed_at timestamp not null
);
-- A day's records, in id order, without reading the whole table.
create index audit_record_day_ix on audit_record (occurred_at, id);
create index activity_record_day_ix on activity_record (occurred_at, id);
