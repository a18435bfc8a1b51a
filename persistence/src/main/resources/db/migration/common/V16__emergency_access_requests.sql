-- Emergency access beyond the daily limit (issue 15): the attempt waits for the data protection
-- officer of the organisation that owns the case, who approves (the emergency access opens then, for
-- its usual four hours) or rejects it. Rows change state once, under optimistic locking.
create sequence emergency_request_seq start with 50 increment by 50;
create table emergency_access_request (
  id bigint not null primary key,
  version bigint not null,
  case_file_id bigint not null references case_file (id),
  user_id bigint not null references portal_user (id),
  category varchar(40) not null,
  reason varchar(2000) not null,
  vital_interest boolean not null,
  requested_at timestamp not null,
  state varchar(20) not null,
  decided_by bigint references portal_user (id),
  decided_at timestamp,
  break_glass_id bigint references break_glass_access (id)
);
create index emergency_request_state_ix on emergency_access_request (state, case_file_id);
