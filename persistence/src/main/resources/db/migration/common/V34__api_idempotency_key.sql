-- Issue 22: the Idempotency-Key of the REST API's POSTs that create a record. One row per key a
-- caller (portal user of the token, client id of the calling system) used successfully, written in
-- the transaction that created the record, so a create that rolled back leaves no key. It holds no
-- personal data: the SHA-256 of method, path and body (never the body), the kind and id of what was
-- created and the status answered.
create sequence api_idempotency_key_seq start with 50 increment by 50;
create table api_idempotency_key (
  id bigint not null primary key,
  portal_user_id bigint not null references portal_user (id),
  client_id varchar(100) not null,
  idempotency_key varchar(255) not null,
  fingerprint varchar(64) not null,
  resource_type varchar(40) not null,
  resource_id bigint not null,
  status integer not null,
  created_at timestamp not null,
  constraint api_idempotency_key_uk unique (portal_user_id, client_id, idempotency_key)
);
