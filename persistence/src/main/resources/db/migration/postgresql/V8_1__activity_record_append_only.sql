-- PostgreSQL only: the activity record is append-only like audit_record, for every role.
create or replace function activity_record_is_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'activity_record is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;

create trigger activity_record_no_update_or_delete
  before update or delete on activity_record
  for each row execute function activity_record_is_append_only();

create trigger activity_record_no_truncate
  before truncate on activity_record
  for each statement execute function activity_record_is_append_only();
