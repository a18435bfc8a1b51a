-- Rectification with history (issue 21, GDPR Art. 16 and 19): every correction of a person's field
-- keeps the earlier value and the new one, who, when, why and the data-subject request it answers.
-- Append-only: the entity has no update path; this file adds the trigger that refuses changes.
create sequence case_correction_seq start with 50 increment by 50;
create table case_correction (
  id bigint not null primary key,
  case_file_id bigint not null references case_file (id),
  person_id bigint not null references person (id),
  field varchar(40) not null,
  category varchar(40) not null,
  old_value varchar(4000),
  new_value varchar(4000),
  corrected_by bigint not null references portal_user (id),
  corrected_at timestamp not null,
  reason varchar(2000) not null,
  request_id bigint references data_subject_request (id)
);
create index case_correction_case_ix on case_correction (case_file_id, corrected_at);

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
