-- Four eyes for access (issue 15, "administration that cannot escalate"): a role that reads case
-- data or controls access (every role but the hotline operator's), and a new password for a user
-- who has one, are given only once a second administrator approves the request. A user created with
-- such a role waits deactivated (awaiting_approval) and cannot be reactivated until then. A pending
-- new password is kept only as its PBKDF2 hash and is cleared once the request is decided.
alter table portal_user add column awaiting_approval boolean default false not null;

create sequence role_grant_seq start with 50 increment by 50;
create table role_grant (
  id bigint not null primary key,
  version bigint not null,
  kind varchar(20) not null,
  user_id bigint not null references portal_user (id),
  organisation_id bigint not null references organisation (id),
  previous_role varchar(40),
  requested_role varchar(40) not null,
  password_hash varchar(400),
  user_version bigint not null,
  requested_by bigint not null references portal_user (id),
  requested_at timestamp not null,
  status varchar(20) not null,
  decided_by bigint references portal_user (id),
  decided_at timestamp
);
-- The administrators' pending list; the data protection officer's list of her organisation's grants.
create index role_grant_status_ix on role_grant (status, requested_at);
create index role_grant_organisation_ix on role_grant (organisation_id, requested_at);
create index role_grant_user_ix on role_grant (user_id, status);
