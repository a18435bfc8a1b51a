-- Rectification with history (issue 21, GDPR Art. 16 and 19): every correction of a person's field
-- keeps the earlier value and the new one, who, when, why and the data-subject request it answers.
-- Append-only: the entity has no update path; on PostgreSQL a trigger refuses changes (V29_1).
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
