-- A user's choice per kind of event (issue 18, "Channels"): AT_ONCE (the default, when no row),
-- DAILY_DIGEST (one e-mail at 07:00 Europe/Belgrade) or PORTAL_ONLY (no e-mail). Every notification
-- is in the portal whatever she chose. A notification for the digest waits in the outbox with
-- mail_state DIGEST and next_attempt_at at the digest's hour.
create sequence notification_preference_seq start with 50 increment by 50;
create table notification_preference (
  id bigint not null primary key,
  version bigint not null,
  user_id bigint not null references portal_user (id),
  kind varchar(40) not null,
  delivery varchar(20) not null,
  constraint notification_preference_user_kind_uq unique (user_id, kind)
);
