-- Scheduled work that must happen once per period however many portal instances run (issues 18 and
-- 20): a job inserts (job, period) in the same transaction as its work. A second instance finds the
-- row and skips; one racing it waits on the key and fails (its work rolls back); one whose run
-- rolled back (a crash) left no row, so the next instance's timer does the work.
create table scheduled_run (
  job varchar(60) not null,
  period varchar(40) not null,
  started_at timestamp not null,
  primary key (job, period)
);
