-- The change log of corrections (common V29) is append-only on PostgreSQL.
-- Nobody deletes or rewrites a correction. Only a merge of two cases (issue 19) moves one to the
-- surviving case, changing case_file_id and nothing else.
create or replace function case_correction_is_append_only() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE'
     and (new.id, new.person_id, new.field, new.category, new.old_value, new.new_value,
          new.corrected_by, new.corrected_at, new.reason, new.request_id)
         is not distinct from
         (old.id, old.person_id, old.field, old.category, old.old_value, old.new_value,
          old.corrected_by, old.corrected_at, old.reason, old.request_id) then
    return new;
  end if;
  raise exception 'case_correction is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;

create trigger case_correction_no_update_or_delete
  before update or delete on case_correction
  for each row execute function case_correction_is_append_only();

create trigger case_correction_no_truncate
  before truncate on case_correction
  for each statement execute function case_correction_is_append_only();
