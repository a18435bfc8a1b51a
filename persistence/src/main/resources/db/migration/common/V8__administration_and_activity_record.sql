-- Administration and list exports: organisations can be deactivated (their users no longer sign in,
-- they are no longer offered as recipients); acts that concern no single data subject (an
-- administrator's change to an organisation or user, the export of a list with its row count) are
-- kept in an append-only activity record beside audit_record. Codes, ids and counts only.
alter table organisation add column active boolean default true not null;

create sequence activity_record_seq start with 50 increment by 50;
create table activity_record (
  id bigint not null primary key,
  occurred_at timestamp not null,
  user_id bigint not null,
  username varchar(80) not null,
  organisation_id bigint not null,
  kind varchar(40) not null,
  action varchar(20),
  subject_id bigint,
  detail varchar(200),
  row_count integer,
  request_id varchar(40) not null
);
create index activity_record_user_ix on activity_record (user_id, occurred_at);

-- Serves the upcoming-hearings list of the home page: entries of a kind from a day on.
create index proceedings_entry_kind_date_ix on proceedings_entry (kind, entry_date);
