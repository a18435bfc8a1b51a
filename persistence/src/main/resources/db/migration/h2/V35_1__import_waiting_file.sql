-- H2: a file the HTCDS import waits with for the user's choice about rows of known persons (issue
-- 19/20): kept here, not in the page's view state in the session, under a random id the page holds;
-- for one user, for an hour at most (rs.astra.nrm.exchange.WaitingImports deletes it when taken,
-- cancelled or expired, and the hourly job import-waiting-files deletes what was left behind).
create table import_waiting_file (
  id varchar(36) not null primary key,
  organisation_id bigint not null references organisation (id),
  user_id bigint not null references portal_user (id),
  file_name varchar(255) not null,
  content blob not null,
  stored_at timestamp not null
);
create index import_waiting_file_stored_ix on import_waiting_file (stored_at);
