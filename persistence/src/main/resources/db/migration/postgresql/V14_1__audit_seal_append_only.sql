-- PostgreSQL only: seals are append-only like the records they seal, for every role.
create or replace function audit_seal_is_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'audit_seal is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_seal_no_update_or_delete
  before update or delete on audit_seal
  for each row execute function audit_seal_is_append_only();

create trigger audit_seal_no_truncate
  before truncate on audit_seal
  for each statement execute function audit_seal_is_append_only();
