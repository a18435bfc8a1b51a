-- PostgreSQL only: the audit trail is append-only for everyone who connects, the application's own
-- role (and even a superuser) included. UPDATE, DELETE and TRUNCATE of audit_record fail.
create or replace function audit_record_is_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'audit_record is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_record_no_update_or_delete
  before update or delete on audit_record
  for each row execute function audit_record_is_append_only();

create trigger audit_record_no_truncate
  before truncate on audit_record
  for each statement execute function audit_record_is_append_only();
