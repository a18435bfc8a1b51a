-- Transfer of a case (issue 19, item 4): the owning organisation proposes to hand the case over to
-- another organisation, on the person's consent for it or on a legal basis (a child's case to the
-- centre for social work); the receiving organisation accepts (it becomes the owner) or declines;
-- the owner may withdraw the proposal. A row changes state under optimistic locking.
-- open_case_id holds the case's id while the proposal is open and null afterwards: its unique
-- constraint keeps one open proposal per case in the database itself (H2 and PostgreSQL alike let
-- many rows be null).
create sequence case_transfer_seq start with 50 increment by 50;
create table case_transfer (
  id bigint not null primary key,
  version bigint not null,
  case_file_id bigint not null references case_file (id),
  open_case_id bigint,
  from_organisation_id bigint not null references organisation (id),
  to_organisation_id bigint not null references organisation (id),
  reason varchar(2000) not null,
  consent_id bigint references consent (id),
  legal_basis varchar(60),
  state varchar(20) not null,
  proposed_by_id bigint not null references portal_user (id),
  proposed_at timestamp not null,
  answered_by_id bigint references portal_user (id),
  answered_at timestamp,
  decline_reason varchar(2000),
  constraint case_transfer_one_open_uq unique (open_case_id)
);
create index case_transfer_case_ix on case_transfer (case_file_id);
create index case_transfer_to_state_ix on case_transfer (to_organisation_id, state);
