-- Notifications (issue 18): one row per recipient and event, written in the same transaction as the
-- change that causes it (a transactional outbox): no event is lost, none is sent for a change that
-- rolled back. The row is both the in-portal notification (read_at) and the e-mail to deliver
-- (mail_state PENDING → SENT, or FAILED after the last retry with its reason). A row holds no
-- personal data of a victim: the event's kind, the case code and id, and the other organisation's
-- name; never a name, date of birth, address, health data or free text typed by users.
create sequence notification_seq start with 50 increment by 50;
create table notification (
  id bigint not null primary key,
  version bigint not null,
  recipient_user_id bigint not null references portal_user (id),
  kind varchar(40) not null,
  case_file_id bigint references case_file (id),
  case_code varchar(40),
  organisation_name varchar(200),
  created_at timestamp not null,
  read_at timestamp,
  mail_state varchar(20) not null,
  mail_attempts integer not null,
  next_attempt_at timestamp,
  mail_sent_at timestamp,
  mail_error varchar(200)
);
-- The header's unread count and the user's list, newest first.
create index notification_recipient_ix on notification (recipient_user_id, created_at);
-- The sender's queue: due e-mails in order.
create index notification_mail_due_ix on notification (mail_state, next_attempt_at);
-- The language a user's e-mails are written in (the language she last chose in the portal).
alter table portal_user add column language varchar(20);
