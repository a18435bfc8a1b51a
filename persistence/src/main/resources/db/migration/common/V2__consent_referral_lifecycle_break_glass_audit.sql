-- NRM Portal schema, version 2: consent per recipient, purpose and category; the referral
-- lifecycle; emergency (break-glass) access; the append-only audit trail of access decisions.

create sequence consent_seq start with 50 increment by 50;
create sequence break_glass_seq start with 50 increment by 50;
create sequence audit_record_seq start with 50 increment by 50;

create table consent (
  id bigint not null primary key,
  version bigint not null,
  case_file_id bigint not null references case_file (id),
  recipient_organisation_id bigint not null references organisation (id),
  purpose varchar(40) not null,
  given_on date not null,
  valid_until date,
  given_as varchar(40) not null,
  note varchar(2000),
  recorded_by_id bigint not null references portal_user (id),
  recorded_at timestamp not null,
  withdrawn_at timestamp,
  withdrawn_by_id bigint references portal_user (id)
);
-- Serves the consent branch of the policy predicate: consents of a case for a recipient and purpose.
create index consent_case_recipient_ix on consent (case_file_id, recipient_organisation_id, purpose);

create table consent_category (
  consent_id bigint not null references consent (id),
  category varchar(40) not null,
  primary key (consent_id, category)
);

alter table referral add column purpose varchar(40);
alter table referral add column consent_id bigint references consent (id);
alter table referral add column legal_basis varchar(60);
alter table referral add column sent_by_id bigint references portal_user (id);
alter table referral add column answered_by_id bigint references portal_user (id);
alter table referral add column answered_at timestamp;
alter table referral add column rejection_reason varchar(2000);
alter table referral add column completed_at timestamp;
alter table referral add column revoked_by_id bigint references portal_user (id);
alter table referral add column revoked_at timestamp;
alter table referral add column revocation_reason varchar(2000);
create index referral_consent_ix on referral (consent_id);

create table referral_category (
  referral_id bigint not null references referral (id),
  category varchar(40) not null,
  primary key (referral_id, category)
);

create table break_glass_access (
  id bigint not null primary key,
  case_file_id bigint not null references case_file (id),
  user_id bigint not null references portal_user (id),
  category varchar(40) not null,
  reason varchar(2000) not null,
  opened_at timestamp not null,
  expires_at timestamp not null
);
-- Serves the break-glass branch of the policy predicate.
create index break_glass_case_user_ix on break_glass_access (case_file_id, user_id, category, expires_at);

create table audit_record (
  id bigint not null primary key,
  occurred_at timestamp not null,
  user_id bigint not null,
  username varchar(80) not null,
  organisation_id bigint not null,
  case_file_id bigint not null,
  person_id bigint not null,
  category varchar(40) not null,
  action varchar(20) not null,
  permitted boolean not null,
  basis varchar(20) not null,
  basis_ref varchar(80),
  request_id varchar(40) not null
);
create index audit_record_person_ix on audit_record (person_id, occurred_at);
create index audit_record_case_ix on audit_record (case_file_id, occurred_at);
