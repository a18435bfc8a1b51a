-- Form-login attempts (issue 15): each failure, success and administrator's unlock, so that
-- guessing is throttled per account and per client address, also across restarts and servers.
-- Neither the login name nor the address is stored as typed: both are SHA-256 keys; the user's id
-- is kept when the name belongs to an account. Never a password.
create sequence login_attempt_seq start with 50 increment by 50;
create table login_attempt (
  id bigint not null primary key,
  attempted_at timestamp not null,
  account_key varchar(64) not null,
  client_key varchar(64) not null,
  user_id bigint,
  outcome varchar(20) not null
);
create index login_attempt_account_ix on login_attempt (account_key, attempted_at);
create index login_attempt_client_ix on login_attempt (client_key, attempted_at);
