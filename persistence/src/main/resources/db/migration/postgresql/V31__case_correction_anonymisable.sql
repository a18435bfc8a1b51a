-- Anonymisation (issue 21, GDPR Art. 17 and 5(1)(e)) empties a correction's earlier and new values
-- and its reason, as it empties every other free text of the case. The change log stays append-only
-- otherwise: besides a merge moving an entry to the surviving case (issue 19), the only change
-- allowed sets old_value and new_value to null and the reason to '-', all else unchanged.
create or replace function case_correction_is_append_only() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE'
     and (new.id, new.person_id, new.field, new.category, new.corrected_by, new.corrected_at,
          new.request_id)
         is not distinct from
         (old.id, old.person_id, old.field, old.category, old.corrected_by, old.corrected_at,
          old.request_id)
     and ((new.old_value, new.new_value, new.reason)
              is not distinct from (old.old_value, old.new_value, old.reason)
          or (new.old_value is null and new.new_value is null and new.reason = '-')) then
    return new;
  end if;
  raise exception 'case_correction is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege';
end;
$$;
