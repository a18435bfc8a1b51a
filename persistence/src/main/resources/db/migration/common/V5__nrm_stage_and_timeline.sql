-- NRM stages of a case (SIGNAL → PRESUMED_VICTIM → IDENTIFIED / NOT_IDENTIFIED → ASSISTANCE →
-- REINTEGRATION → CLOSED), the identification decision, the closure request, and the timeline.
alter table case_file add column stage varchar(30) default 'SIGNAL' not null;
alter table case_file add column identification_decided_on date;
alter table case_file add column identification_decided_by_id bigint references organisation (id);
alter table case_file add column closure_requested_by_id bigint references portal_user (id);
alter table case_file add column closure_requested_at timestamp;
alter table case_file add column closure_request_reason varchar(4000);

-- Existing cases take the stage their HTCDS status and trafficking status imply.
update case_file set stage = 'CLOSED' where status = 'Closed';
update case_file set stage = 'ASSISTANCE' where stage <> 'CLOSED' and trafficking_status = 'ActualVictimOfTrafficking';
update case_file set stage = 'NOT_IDENTIFIED' where stage <> 'CLOSED' and trafficking_status = 'NotAVictimOfTrafficking';
update case_file set stage = 'PRESUMED_VICTIM' where stage <> 'CLOSED' and trafficking_status = 'PossibleVictimOfTrafficking';

create sequence case_event_seq start with 50 increment by 50;
create table case_event (
  id bigint not null primary key,
  case_file_id bigint not null references case_file (id),
  occurred_at timestamp not null,
  type varchar(40) not null,
  user_display_name varchar(200) not null,
  organisation_id bigint not null,
  organisation_name varchar(200) not null,
  detail varchar(4000)
);
create index case_event_case_ix on case_event (case_file_id, occurred_at);
