-- Merging two cases of one person (issue 19). The absorbed case keeps its row and its person, marked
-- merged into the survivor (it leaves every list); the merge keeps the id of every row it moved, per
-- table, so that an undo within 30 days moves exactly those back. Audit records are never moved: the
-- access report of the survivor also reads those of the persons of the cases merged into it.
alter table case_file add column merged_into_id bigint references case_file (id);

create sequence case_merge_seq start with 50 increment by 50;
create table case_merge (
  id bigint not null primary key,
  version bigint not null,
  survivor_id bigint not null references case_file (id),
  absorbed_id bigint not null references case_file (id),
  merged_by_id bigint not null references portal_user (id),
  merged_at timestamp not null,
  reason varchar(2000) not null,
  undone_by_id bigint references portal_user (id),
  undone_at timestamp
);
create index case_merge_survivor_ix on case_merge (survivor_id);
create index case_merge_absorbed_ix on case_merge (absorbed_id);

-- One row per row the merge moved: its table and id.
create table case_merge_row (
  case_merge_id bigint not null references case_merge (id),
  table_name varchar(40) not null,
  row_id bigint not null,
  primary key (case_merge_id, table_name, row_id)
);

-- Two cases a coordinator marked "not the same person": the pair is not offered as duplicates again.
-- The lower case id first, so that a pair has one row.
create sequence case_distinct_pair_seq start with 50 increment by 50;
create table case_distinct_pair (
  id bigint not null primary key,
  first_case_id bigint not null references case_file (id),
  second_case_id bigint not null references case_file (id),
  marked_by_id bigint not null references portal_user (id),
  marked_at timestamp not null,
  constraint case_distinct_pair_uq unique (first_case_id, second_case_id)
);
create index case_distinct_pair_second_ix on case_distinct_pair (second_case_id);
